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
#include <QListWidget>
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

    void escInTheSearchClearsItAndLeavesTheReplyAlone()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slow")));
        w.type(QStringLiteral("first chat"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QCOMPARE(send->text(), QStringLiteral("Stop"));
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        auto* list = w.window->findChild<QListWidget*>(QStringLiteral("chatList"));
        QTest::keyClick(w.window.get(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("zebra"));
        // Nothing found: said, in the list.
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("No chat has")),
                 qPrintable(list->item(0)->text()));
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
        auto* list = w.window->findChild<QListWidget*>(QStringLiteral("chatList"));
        search->setText(QStringLiteral("narwhal"));
        QListWidgetItem* found = nullptr;
        for (int r = 0; r < list->count(); ++r)
            if (list->item(r)->text().startsWith(QStringLiteral("Story")))
                found = list->item(r);
        QVERIFY(found);
        QVERIFY2(found->text().contains(QStringLiteral("[narwhal]")) &&
                     !found->text().contains(QStringLiteral("**")),
                 qPrintable(found->text()));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(found).center());
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
