// SPDX-License-Identifier: GPL-3.0-or-later
// Where the keyboard goes in the window: after Send or Stop (clicked), the composer has the
// focus, so what is typed next never lands in the chat search (which would empty the chat
// list); Esc in the chat search clears it and does not stop the reply streaming, and Esc
// in an empty search goes back to the composer; a search that finds nothing says so; a
// result found by a message's words opens the chat at that message.
#include "TestWindow.h"

#include "conversation/MessageView.h"
#include "store/ChatStore.h"

#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>

using namespace lyss;

class TestWindowFocus : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void afterSendAndStopTheComposerHasTheKeyboard()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slow")) || w.pick(QStringLiteral("llama3.2:latest")));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        w.type(QStringLiteral("tell me a long story"));
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(w.composer()->hasFocus());
        QCOMPARE(send->text(), QStringLiteral("Stop"));
        QTest::mouseClick(send, Qt::LeftButton); // Stop
        QTRY_COMPARE(send->text(), QStringLiteral("Send"));
        QVERIFY(!send->isEnabled());
        QVERIFY(w.composer()->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("next"));
        QCOMPARE(w.composer()->toPlainText(), QStringLiteral("next"));
        QVERIFY(search->text().isEmpty());
    }

    // The window's shortcuts work while you type: Ctrl+K (which a text field would take to
    // delete to the end of the line) goes to the chat search, and the draft is kept.
    void windowShortcutsReachPastTheComposer()
    {
        Window w(m_server->url());
        w.type(QStringLiteral("a draft"));
        QVERIFY(w.composer()->hasFocus());
        QTest::keyClick(w.composer(), Qt::Key_Home);
        QTest::keyClick(w.composer(), Qt::Key_K, Qt::ControlModifier);
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        QVERIFY(search->hasFocus());
        QCOMPARE(w.composer()->toPlainText(), QStringLiteral("a draft"));
    }

    void escInTheSearchClearsItAndLeavesTheReplyAlone()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slow")));
        w.type(QStringLiteral("first chat"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QCOMPARE(send->text(), QStringLiteral("Stop"));
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        QTest::keyClick(w.window.get(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("zebra"));
        // Nothing found: said, in the list, once the messages were searched too.
        QTRY_VERIFY_WITH_TIMEOUT(w.chatRows().size() == 1 &&
                                     w.chatRows().first().contains(QStringLiteral("No chat has")),
                                 5000);
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(send->text(), QStringLiteral("Stop")); // the reply still streams
        QTest::keyClick(search, Qt::Key_Escape);        // empty: back to the composer
        QVERIFY(w.composer()->hasFocus());
        QTest::keyClick(w.composer(), Qt::Key_Escape); // there, Esc stops the reply
        QTRY_COMPARE(send->text(), QStringLiteral("Send"));
    }

    void aSearchResultOpensTheChatAtItsMessage()
    {
        Window w(m_server->url(), [](AppContext& app) {
            for (const QString& title : {QStringLiteral("Other"), QStringLiteral("Story")}) {
                auto chat = app.store().chats().createChat({.title = title});
                QString parent;
                for (int i = 0; i < 80; ++i) {
                    Message m;
                    m.chatId = chat->id;
                    m.parentId = parent;
                    m.role = i % 2 ? Role::Assistant : Role::User;
                    m.content = title == QLatin1String("Story") && i == 10
                                    ? QStringLiteral("Once there was a **narwhal** in the bay.")
                                    : QStringLiteral("Line %1 of a long chat.").arg(i);
                    parent = app.store().messages().addMessage(m)->id;
                }
            }
        });
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        QListView* list = w.chatList();
        search->setText(QStringLiteral("narwhal"));
        QModelIndex found;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < list->model()->rowCount(); ++r)
                    if (list->model()->index(r, 0).data().toString().startsWith(
                            QStringLiteral("Story")))
                        found = list->model()->index(r, 0);
                return found.isValid();
            }(),
            5000);
        const QString text = found.data().toString();
        QVERIFY2(text.contains(QStringLiteral("[narwhal]")) && !text.contains(QStringLiteral("**")),
                 qPrintable(text));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found).center());
        QCOMPARE(w.last().content, QStringLiteral("Line 79 of a long chat."));
        MessageView* view = w.window->messageView();
        const int row = view->currentIndex().row();
        QVERIFY(row >= 0);
        QVERIFY(w.model()->at(row).content.contains(QStringLiteral("narwhal")));
        QVERIFY(w.laidOut());
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
        QTest::qWait(100); // a layout pass later, it is still where the reader is
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
    }
};

QTEST_MAIN(TestWindowFocus)
#include "tst_windowfocus.moc"
