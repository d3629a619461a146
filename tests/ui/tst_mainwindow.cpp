// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app starts on a real data directory, shows its chats and what happened
// at start-up, and the start-up benchmark hook exits cleanly.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "shell/MainWindow.h"
#include "store/ChatStore.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsChatsAndStartupNotices()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("config.json")), "{\"ui.theme\": \"dark\"}");
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        auto app = AppContext::open(o);
        QVERIFY2(app.ok(), qPrintable(app.errorMessage()));
        QVERIFY((*app)
                    ->store()
                    .chats()
                    .createChat({.title = QStringLiteral("Older"), .createdAt = 1000})
                    .ok());
        QVERIFY((*app)
                    ->store()
                    .chats()
                    .createChat({.title = QStringLiteral("Newest"), .createdAt = 2000})
                    .ok());

        BackendSet backends({}, nullptr, 30000);
        Conversations conversations((*app)->store(), (*app)->settings(), backends);
        MainWindow window(**app, backends, conversations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Lyss")));
        // A screen reader meets a window (as QMainWindow's was), named by its title.
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(&window);
        QVERIFY(accessible);
        QCOMPARE(accessible->role(), QAccessible::Window);
        QVERIFY(accessible->text(QAccessible::Name).contains(QStringLiteral("Lyss")));
        auto* list = window.findChild<QListView*>(QStringLiteral("chatList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(list->model()->index(0, 0).data().toString(),
                 QStringLiteral("Older")); // the group's header
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("Newest"));
        // The most recent chat is open, ready to type into.
        QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("Newest"));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("composer"));
        auto* notices = window.findChild<QLabel*>(QStringLiteral("startupNotices"));
        QVERIFY(notices && notices->isVisible());
        QVERIFY(notices->text().contains(QStringLiteral("config.json")));
    }

    void exitAfterFirstPaint()
    {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LYSS_GUI_PATH), {QStringLiteral("--data-dir"), dir.path(),
                                                QStringLiteral("--exit-after-first-paint")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("lyss.db"))));
    }

    void refusedDatabaseExitsWithMessage()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("lyss.db")), "not a database, my diary");
        QProcess p;
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LYSS_GUI_PATH), {QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError())
                    .contains(QStringLiteral("not a Lyss database")));
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("lyss.db"))),
                 QByteArray("not a database, my diary"));
    }

    void versionNeedsNoDisplay()
    {
        QProcess p;
        QProcessEnvironment env = test::cleanEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LYSS_GUI_PATH), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), QByteArray("lyss 0.1.0\n"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
