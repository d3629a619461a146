// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications reach the freedesktop notification service: this test plays
// the service on its private session bus (tests/with-keyring.sh starts one) and
// records what arrives.
#include "common/SessionBus.h"
#include "shell/DesktopNotifier.h"

#include <QDBusConnection>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QVariantMap>

using namespace lyss;

class FakeNotificationService : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QStringList received;

public Q_SLOTS:
    uint Notify(const QString& app, uint, const QString& icon, const QString& summary,
                const QString& body, const QStringList&, const QVariantMap&, int)
    {
        received << app + QLatin1Char('|') + icon + QLatin1Char('|') + summary + QLatin1Char('|') +
                        body;
        return static_cast<uint>(received.size());
    }
};

class TestNotifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Without a session bus to be found (no address, no user bus, no display), QtDBus is
    // not started to look for one; with any of them it is.
    void aSessionBusIsLookedForOnlyWhereOneCanBe()
    {
        QTemporaryDir runtime;
        QProcessEnvironment env;
        QVERIFY(!sessionbus::mayExist(env));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        QVERIFY(!sessionbus::mayExist(env)); // no bus socket there
        QFile socket(runtime.filePath(QStringLiteral("bus")));
        QVERIFY(socket.open(QIODevice::WriteOnly));
        socket.close();
        QVERIFY(sessionbus::mayExist(env));
        QProcessEnvironment address;
        address.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/run/user/1000/bus"));
        QVERIFY(sessionbus::mayExist(address));
        QProcessEnvironment display;
        display.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0")); // dbus-launch
        QVERIFY(sessionbus::mayExist(display));
        display.insert(QStringLiteral("DISPLAY"), QString());
        QVERIFY(!sessionbus::mayExist(display));
        // This test's own bus (tests/with-keyring.sh) is found.
        QVERIFY(sessionbus::mayExist());
    }

    void reachesTheNotificationService()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(),
                 "run this test through tests/with-keyring.sh (a private session bus)");
        FakeNotificationService service;
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service,
                                   QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
        DesktopNotifier notifier;
        notifier.notify(QStringLiteral("Reply ready: Sky"), QStringLiteral("Rayleigh scattering."));
        QTRY_COMPARE_WITH_TIMEOUT(service.received.size(), 1, 5000);
        QCOMPARE(service.received.first(),
                 QStringLiteral("Lyss|lyss|Reply ready: Sky|Rayleigh scattering."));
        // A reply's markup arrives as text, even where the server reads the body as markup.
        notifier.notify(QStringLiteral("Reply ready: <b>x</b>"),
                        QStringLiteral("<img src=\"/dev/zero\"> & more"));
        QTRY_COMPARE_WITH_TIMEOUT(service.received.size(), 2, 5000);
        QCOMPARE(
            service.received.last(),
            QStringLiteral("Lyss|lyss|Reply ready: <b>x</b>|&lt;img src=&quot;/dev/zero&quot;&gt; "
                           "&amp; more"));
        bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        // No service: nothing happens, nothing blocks.
        notifier.notify(QStringLiteral("x"), QStringLiteral("y"));
        QTest::qWait(100);
        QCOMPARE(service.received.size(), 2);
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
