// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>

namespace lyss::sessionbus {

// Whether this session may have a D-Bus session bus to ask (the desktop portal,
// notifications), told as libdbus finds one but without starting QtDBus: an address in
// DBUS_SESSION_BUS_ADDRESS, the user bus at $XDG_RUNTIME_DIR/bus, or an X11 display where
// dbus-launch could start one. Without any of them (a start over ssh, offscreen, in CI),
// asking for the bus would only start QtDBus's thread and its pages to fail.
bool mayExist(const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

} // namespace lyss::sessionbus
