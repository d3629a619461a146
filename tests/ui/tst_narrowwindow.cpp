// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a narrow screen: it works from 360 px wide with two servers, and below
// 768 px the chat list is a drawer that lies over the conversation (opening it never
// widens the window), closed by choosing a chat, by Esc or by a click beside it.
#include "TestWindow.h"

#include "conversation/ConversationPane.h"
#include "shell/ChatDrawer.h"
#include "shell/ServerStatus.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"

#include <QListView>
#include <QSplitter>
#include <QTest>
#include <QToolButton>

using namespace lyss;

class TestNarrowWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    static void addServer(AppContext& app, const QString& name, const QUrl& url)
    {
        BackendRecord second;
        second.name = name;
        second.kind = BackendKind::OpenAI;
        second.url = url;
        if (!app.backends().add(second).ok())
            qFatal("cannot add a server");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void worksFrom360PxWithTwoServers()
    {
        Window w(m_server->url(), [this](AppContext& app) {
            addServer(app, QStringLiteral("the team's big server"), m_server->url());
            for (int i = 0; i < 3; ++i) {
                QVERIFY(app.store()
                            .chats()
                            .createChat({.title = QStringLiteral("Chat %1").arg(i)})
                            .ok());
            }
        });
        auto* status = w.window->findChild<ServerStatus*>(QStringLiteral("backendStatus"));
        QTRY_VERIFY(status->text().count(QStringLiteral("connected")) == 2);
        QVERIFY(!status->compact());
        w.window->resize(360, 700);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Mobile, 3000);
        QCOMPARE(w.window->width(), 360);
        // Every control of the top bar is on screen; the servers show as dots.
        for (const char* name :
             {"sidebarToggle", "modelPicker", "backendStatus", "themeButton", "settingsButton"}) {
            auto* control = w.window->findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(control->isVisible(), name);
            const QRect shown(control->mapTo(w.window.get(), QPoint()), control->size());
            QVERIFY2(w.window->rect().contains(shown), name);
        }
        QTRY_VERIFY(status->compact());
        QVERIFY(!status->text().contains(QStringLiteral("team")));
        QVERIFY(status->toolTip().contains(QStringLiteral("the team's big server")));
        auto* send = w.window->findChild<QWidget*>(QStringLiteral("sendButton"));
        QVERIFY(
            w.window->rect().contains(QRect(send->mapTo(w.window.get(), QPoint()), send->size())));
        // Wide again: the names come back.
        w.window->resize(1280, 800);
        QTRY_VERIFY(!status->compact());
        QVERIFY(status->text().contains(QStringLiteral("team")));
    }

    // The drawer lies over the conversation: the window keeps its width, the conversation
    // keeps its place; choosing a chat, Esc and a click beside it close it.
    void theDrawerLiesOverTheConversation()
    {
        Window w(m_server->url(), [](AppContext& app) {
            for (int i = 0; i < 3; ++i) {
                QVERIFY(app.store()
                            .chats()
                            .createChat({.title = QStringLiteral("Chat %1").arg(i)})
                            .ok());
            }
        });
        auto* sidebar = w.window->findChild<ChatSidebar*>(QStringLiteral("sidebar"));
        auto* pane = w.window->findChild<ConversationPane*>(QStringLiteral("conversationPane"));
        auto* toggle = w.window->findChild<QToolButton*>(QStringLiteral("sidebarToggle"));
        QListView* list = w.chatList();
        ChatDrawer* drawer = w.window->drawer();
        w.window->resize(360, 700);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Mobile, 3000);
        w.window->resize(600, 700);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Mobile, 3000);
        QVERIFY(!sidebar->isVisible());
        const QRect paneBefore(pane->mapTo(w.window.get(), QPoint()), pane->size());

        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(drawer->isOpen());
        QVERIFY(sidebar->isVisible());
        QCOMPARE(w.window->width(), 600);
        QCOMPARE(QRect(pane->mapTo(w.window.get(), QPoint()), pane->size()), paneBefore);
        QCOMPARE(sidebar->width(), ChatDrawer::listWidthFor(600));
        QVERIFY(sidebar->isAncestorOf(QApplication::focusWidget()));
        // Choosing a chat closes it.
        QTRY_VERIFY(list->model()->rowCount() >= 3);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(1, 0)).center());
        QTRY_VERIFY(!drawer->isOpen());
        QVERIFY(!w.window->currentChatId().isEmpty());

        // Esc closes it and gives the keyboard back to the composer.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(drawer->isOpen());
        QTest::keyClick(list, Qt::Key_Escape);
        QVERIFY(!drawer->isOpen());
        QTRY_VERIFY(w.composer()->hasFocus());

        // A click beside it (on the dimmed conversation) closes it; nothing else happens.
        const QString chat = w.window->currentChatId();
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(drawer->isOpen());
        QTest::mouseClick(drawer, Qt::LeftButton, {}, QPoint(drawer->width() - 10, 300));
        QVERIFY(!drawer->isOpen());
        QCOMPARE(w.window->currentChatId(), chat);

        // Ctrl+K opens it on the search; New chat there closes it; Tab out of it too.
        QTest::keyClick(w.window.get(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(drawer->isOpen());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("chatSearch"));
        QTest::mouseClick(w.window->findChild<QWidget*>(QStringLiteral("newChat")), Qt::LeftButton);
        QVERIFY(!drawer->isOpen());
        QVERIFY(w.window->currentChatId().isEmpty());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(drawer->isOpen());
        w.composer()->setFocus(); // as Tab past the list would
        QVERIFY(!drawer->isOpen());

        // Wide again: the list is beside the conversation, at its width.
        QTest::mouseClick(toggle, Qt::LeftButton);
        w.window->resize(1280, 800);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Large, 3000);
        QVERIFY(!drawer->isVisible());
        QVERIFY(sidebar->isVisible());
        QCOMPARE(sidebar->parentWidget(), w.window->findChild<QSplitter*>()); // beside the pane
        QCOMPARE(sidebar->width(), 280); // as wide as it was, though squeezed on the way
        QVERIFY(pane->mapTo(w.window.get(), QPoint()).x() >= sidebar->width());
        // ☰ hides and shows the pane there.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!sidebar->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(sidebar->isVisible());
    }
};

QTEST_MAIN(TestNarrowWindow)
#include "tst_narrowwindow.moc"
