// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/DesktopNotifier.h"

#include "common/SessionBus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QVariantMap>

namespace lyss {

void DesktopNotifier::notify(const QString& summary, const QString& body)
{
    if (!sessionbus::mayExist())
        return;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    // The body may be read as markup (the "body-markup" capability every common server
    // has): a reply's "<img src=...>" must arrive as the characters it is.
    call << QStringLiteral("Lyss") << 0u << QStringLiteral("lyss") << summary
         << body.toHtmlEscaped() << QStringList()
         << QVariantMap{{QStringLiteral("desktop-entry"), QStringLiteral("lyss")}} << -1;
    bus.asyncCall(call); // fire and forget: a notification must never block the window
}

} // namespace lyss
