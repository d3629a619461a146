// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/SessionBus.h"

#include <QFileInfo>

namespace lyss::sessionbus {

bool mayExist(const QProcessEnvironment& env)
{
    if (!env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).isEmpty() ||
        !env.value(QStringLiteral("DISPLAY")).isEmpty())
        return true;
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus"));
}

} // namespace lyss::sessionbus
