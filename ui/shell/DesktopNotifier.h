// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace lyss {

// Desktop notifications through the freedesktop notification service on the session
// bus (GNOME, KDE, most other desktops). Without one, nothing is shown and nothing
// fails: the window's own alert still draws attention.
class DesktopNotifier : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void notify(const QString& summary, const QString& body);
};

} // namespace lyss
