// SPDX-License-Identifier: GPL-3.0-or-later
// The chat window driven like a user drives it, against the fake server and a real
// database: send with Enter, stop with Esc, raw HTML shown as text, coalesced
// repaints, replies that keep streaming while you look at another chat, only visible
// messages laid out, breakpoints, and what the window says when no server answers.
#include "TestSupport.h"
#include "TestWindow.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/Composer.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "markdown/MarkdownRenderer.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"
#include "theme/ThemeManager.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>
#include <QTranslator>

using namespace lyss;

class TestChatWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void enterSendsAndTheReplyStreamsIn()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QVERIFY(!send->isEnabled()); // nothing to send yet
        w.type(QStringLiteral("Hello there"));
        QVERIFY(send->isEnabled());
        QTest::keyClick(w.composer(), Qt::Key_Return, Qt::ShiftModifier); // a new line, not a send
        QCOMPARE(w.model()->rowCount(), 0);
        QTest::keyClicks(w.composer(), QStringLiteral("friend"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QCOMPARE(w.composer()->toPlainText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: Hello there\nfriend"));
        QCOMPARE(send->text(), QStringLiteral("Send"));

        // It is stored, titled from the prompt, and listed in the sidebar.
        const QString chatId = w.window->currentChatId();
        auto branch = w.app->store().messages().currentBranch(chatId);
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(1).status, MessageStatus::Complete);
        QCOMPARE((*w.app->store().chats().chat(chatId))->title, QStringLiteral("Hello there"));
        QCOMPARE((*w.app->store().chats().chat(chatId))->model, QStringLiteral("llama3.2:latest"));
        QTRY_COMPARE(w.chatList()->currentIndex().data().toString(), QStringLiteral("Hello there"));
    }

    void escStopsAndKeepsTheText()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slow")));
        w.type(QStringLiteral("go"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 2 && w.last().content.size() > 10, 10000);
        QCOMPARE(send->text(), QStringLiteral("Stop"));
        QTest::keyClick(w.window.get(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Cancelled, 10000);
        QVERIFY(w.last().content.startsWith(QStringLiteral("w0 w1")));
        QCOMPARE((*w.app->store().messages().message(w.last().id))->status,
                 MessageStatus::Cancelled);
        QCOMPARE(send->text(), QStringLiteral("Send"));
    }

    // Each of 500 words arrives on its own, 2 ms apart: drawn each time, that is hundreds
    // of updates a second; coalesced to frames (16 ms), about one in eight of them.
    void repaintsAreCoalesced()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("drip-500")));
        w.type(QStringLiteral("one word at a time"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 30000);
        QVERIFY(w.last().content.endsWith(QStringLiteral("d499 ")));
        const int refreshes = w.window->streamRefreshes();
        QVERIFY2(refreshes < 500 / 3, qPrintable(QString::number(refreshes)));
        QVERIFY2(refreshes > 5, qPrintable(QString::number(refreshes))); // it streamed, too
    }

    void rawHtmlIsShownAsText()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("<b>bold</b> ![x](http://127.0.0.1:1/pixel.png)"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        // The row is laid out again when it is next painted.
        QTRY_VERIFY_WITH_TIMEOUT(w.window->messageView()
                                     ->messageDelegate()
                                     ->shownText(w.last().id)
                                     .contains(QStringLiteral("bold")),
                                 5000);
        const QString shown = w.window->messageView()->messageDelegate()->shownText(w.last().id);
        QVERIFY2(shown.contains(QStringLiteral("<b>bold</b>")), qPrintable(shown));
        // The image became a link named after its alt text: nothing asked for it.
        const QJsonArray requests = m_server->requests();
        for (const QJsonValue& r : requests)
            QVERIFY(!r[QLatin1String("path")].toString().contains(QStringLiteral("pixel")));
    }

    void streamingContinuesInAnotherChat()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slow")));
        w.type(QStringLiteral("first"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 2 && !w.last().content.isEmpty(), 10000);
        const QString streamingChat = w.window->currentChatId();
        QTest::keyClick(w.window.get(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(w.window->currentChatId(), QString());
        QCOMPARE(w.model()->rowCount(), 0);
        // It goes on streaming while its chat is not shown.
        QVERIFY(w.window->activeReply(streamingChat));
        const qsizetype away = w.window->activeReply(streamingChat)->message().content.size();
        QTRY_VERIFY_WITH_TIMEOUT(
            w.window->activeReply(streamingChat)->message().content.size() > away + 20, 5000);
        w.window->openChat(streamingChat);
        const QString seen = w.last().content;
        QTRY_VERIFY_WITH_TIMEOUT(w.last().content.size() > seen.size(), 5000); // live again
        w.window->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Cancelled, 5000);
    }

    void onlyVisibleMessagesAreLaidOut()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Long chat")});
            QString parent;
            for (int i = 0; i < 2000; ++i) {
                Message m;
                m.chatId = chat->id;
                m.parentId = parent;
                m.role = i % 2 ? Role::Assistant : Role::User;
                m.content =
                    QStringLiteral(
                        "Message **%1** with some `code` and a [link](https://example.org).")
                        .arg(i);
                parent = app.store().messages().addMessage(m)->id;
            }
        });
        // A long chat opens with its end; older messages load as the view nears the top.
        QCOMPARE(w.model()->rowCount(), MessageModel::kWindow);
        QVERIFY(w.model()->at(MessageModel::kWindow - 1).content.contains(QStringLiteral("1999")));
        QVERIFY(w.model()->hasOlder());
        QVERIFY(w.laidOut());
        const int built = w.window->messageView()->messageDelegate()->layoutsBuilt();
        QVERIFY2(built > 0 && built < 100, qPrintable(QString::number(built)));
        QVERIFY(w.window->messageView()->isStuckToBottom());

        // Streaming into the long chat re-measures the growing reply, not every row on
        // each refresh.
        const int estimatesBefore = w.window->messageView()->messageDelegate()->estimatesComputed();
        QVERIFY(w.pick(QStringLiteral("slow")));
        w.type(QStringLiteral("and now?"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(w.last().content.size() > 300, 20000);
        w.window->stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Cancelled, 10000);
        const int estimated =
            w.window->messageView()->messageDelegate()->estimatesComputed() - estimatesBefore;
        QVERIFY2(estimated < 1000, qPrintable(QString::number(estimated)));

        // Scrolled to the top, the next older messages come in above, and what was on
        // screen stays where it was.
        MessageView* view = w.window->messageView();
        // A selection moves down with its rows.
        view->messageDelegate()->setSelection(5, 0, 6, MessageDelegate::kEnd);
        const QString selected = view->messageDelegate()->selectedText();
        view->verticalScrollBar()->setValue(0); // the older ones load on the next turn
        const QString topShown = w.model()->at(view->indexAt(QPoint(10, 10)).row()).id;
        QTRY_COMPARE(w.model()->rowCount(), 2 * MessageModel::kWindow + 2);
        const QModelIndex stillThere = view->indexAt(QPoint(10, 10));
        QVERIFY(stillThere.isValid());
        QVERIFY2(std::abs(stillThere.row() - w.model()->rowOf(topShown)) <= 1,
                 qPrintable(QStringLiteral("row %1 at the top, %2 before")
                                .arg(stillThere.row())
                                .arg(w.model()->rowOf(topShown))));
        QCOMPARE(view->messageDelegate()->selectedText(), selected);
        view->messageDelegate()->clearSelection();
        // Their sibling positions and parents follow: the first row's parent is above it.
        QCOMPARE(w.model()->parentId(MessageModel::kWindow + 2),
                 w.model()->at(MessageModel::kWindow + 1).id);

        // Selecting all takes the whole conversation, and lays out every row to copy it,
        // far more than the layout cache keeps; the cache drops what it does not need.
        view->selectAllMessages();
        const QString all = view->messageDelegate()->selectedText();
        QVERIFY(all.startsWith(QStringLiteral("Message 0 with some code and a link.\n\n")));
        QVERIFY(all.contains(QStringLiteral("\n\nMessage 1999 with some code")));
    }

    // A long reply arriving in small pieces: each refresh renders only the open end, the
    // finished blocks keep their documents, and the result reads like the reply rendered
    // whole.
    void streamingRendersOnlyTheOpenPart()
    {
        QStringList blocks;
        for (int i = 0; i < 40; ++i) {
            blocks << QStringLiteral("## Step %1").arg(i)
                   << QStringLiteral("Some *text* for step %1, long enough to wrap over more "
                                     "than one line in the column of the view.")
                          .arg(i)
                   << QStringLiteral("- first point\n- second point with `code`")
                   << QStringLiteral("```cpp\nint step = %1;\n```").arg(i)
                   << QStringLiteral("| a | b |\n|---|---|\n| %1 | two |").arg(i)
                   << QStringLiteral("> a quote\n\n---");
        }
        const QString markdown = blocks.join(QStringLiteral("\n\n"));

        MessageModel model;
        MessageView view(&model);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto refresh = [](MessageView& v) {
            QCoreApplication::processEvents(); // the list lays its rows out later
            v.scrollToBottom();
            v.viewport()->repaint();
        };
        Message reply;
        reply.id = QStringLiteral("reply");
        reply.role = Role::Assistant;
        reply.status = MessageStatus::Streaming;
        qint64 prefixes = 0;
        for (qsizetype n = 0; n < markdown.size(); n += 97) {
            reply.content = markdown.left(n);
            prefixes += reply.content.size();
            model.upsert(reply);
            refresh(view);
        }
        reply.content = markdown;
        reply.status = MessageStatus::Complete;
        model.upsert(reply);
        refresh(view);

        MessageDelegate* delegate = view.messageDelegate();
        QVERIFY2(delegate->partsShown(reply.id) > 5, "finished blocks were not kept apart");
        // Rendering every prefix whole would cost `prefixes` characters.
        QVERIFY2(delegate->charsRendered() * 5 < prefixes,
                 qPrintable(QStringLiteral("%1 characters rendered for %2 arrived, %3 if whole")
                                .arg(delegate->charsRendered())
                                .arg(markdown.size())
                                .arg(prefixes)));

        // The same reply opened afresh is in parts of its own, laid out as they come into
        // view and a few a frame after: the same text, about the same height.
        MessageModel fresh;
        MessageView whole(&fresh);
        whole.resize(900, 700);
        whole.show();
        QVERIFY(QTest::qWaitForWindowExposed(&whole));
        fresh.upsert(reply);
        refresh(whole);
        QVERIFY(QTest::qWaitFor(
            [&] {
                refresh(whole);
                return !whole.messageDelegate()->layingOut();
            },
            10000));
        refresh(whole);
        QVERIFY(whole.messageDelegate()->partsShown(reply.id) > 1);
        QCOMPARE(delegate->shownText(reply.id).remove(QLatin1Char('\n')),
                 whole.messageDelegate()->shownText(reply.id).remove(QLatin1Char('\n')));
        const int inParts = view.visualRect(model.index(0)).height();
        const int inOne = whole.visualRect(fresh.index(0)).height();
        QVERIFY2(std::abs(inParts - inOne) <= inOne / 100,
                 qPrintable(QStringLiteral("%1 px in parts, %2 px whole").arg(inParts).arg(inOne)));
        QVERIFY(MarkdownRenderer::codeBlocks(markdown).size() == 40);

        // A server far ahead of the screen: all of it arrives before one paint. The view
        // renders a step per paint and catches up over the next turns of the event loop.
        MessageModel burst;
        MessageView fast(&burst);
        fast.resize(900, 700);
        fast.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fast));
        reply.content = QStringList(4, markdown).join(QStringLiteral("\n\n"));
        reply.status = MessageStatus::Streaming;
        burst.upsert(reply);
        fast.scrollToBottom();
        fast.viewport()->repaint();
        const qint64 first = fast.messageDelegate()->charsRendered();
        QVERIFY2(first < reply.content.size() / 2, qPrintable(QString::number(first)));
        reply.status = MessageStatus::Complete;
        MessageModel once;
        MessageView all(&once);
        all.resize(900, 700);
        all.show();
        QVERIFY(QTest::qWaitForWindowExposed(&all));
        once.upsert(reply);
        refresh(all);
        QTRY_COMPARE(fast.messageDelegate()->shownText(reply.id),
                     all.messageDelegate()->shownText(reply.id));
    }

    void breakpoints()
    {
        QCOMPARE(MainWindow::breakpointFor(500), MainWindow::Breakpoint::Mobile);
        QCOMPARE(MainWindow::breakpointFor(800), MainWindow::Breakpoint::Tablet);
        QCOMPARE(MainWindow::breakpointFor(1100), MainWindow::Breakpoint::Desktop);
        QCOMPARE(MainWindow::breakpointFor(1600), MainWindow::Breakpoint::Large);
        Window w(m_server->url());
        auto* sidebar = w.window->findChild<ChatSidebar*>(QStringLiteral("sidebar"));
        w.window->resize(640, 800);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Mobile, 3000);
        QVERIFY(!sidebar->isVisible()); // a drawer now
        QTest::mouseClick(w.window->findChild<QWidget*>(QStringLiteral("sidebarToggle")),
                          Qt::LeftButton);
        QVERIFY(sidebar->isVisible());
        w.window->resize(1300, 800);
        QTRY_COMPARE_WITH_TIMEOUT(w.window->breakpoint(), MainWindow::Breakpoint::Large, 3000);
        QVERIFY(sidebar->isVisible());
    }

    void regenerateEditAndSwitchBranches()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("first question"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const QString firstReply = w.last().content;

        // Regenerate with another model: a sibling reply, shown as 2/2.
        QVERIFY(w.pick(QStringLiteral("think")));
        w.window->regenerate(1);
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 2 &&
                                     w.last().status == MessageStatus::Complete &&
                                     w.last().thinking == QStringLiteral("Let me think about it."),
                                 10000);
        QCOMPARE(w.model()->siblingPosition(1), (QPair<int, int>{2, 2}));
        w.window->switchSibling(1, -1);
        QCOMPARE(w.last().content, firstReply);
        QCOMPARE(w.model()->siblingPosition(1), (QPair<int, int>{1, 2}));

        // Up in the empty composer edits your last message; sending makes a new branch.
        w.composer()->setFocus();
        QTest::keyClick(w.composer(), Qt::Key_Up);
        QCOMPARE(w.window->editingMessage(), w.model()->at(0).id);
        QCOMPARE(w.composer()->toPlainText(), QStringLiteral("first question"));
        w.composer()->clear();
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("better question"));
        QCOMPARE(w.window->editingMessage(), w.model()->at(0).id);
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QCOMPARE(w.composer()->toPlainText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.model()->at(0).content, QStringLiteral("better question"));
        QCOMPARE(w.model()->siblingPosition(0), (QPair<int, int>{2, 2}));
        QCOMPARE(w.window->editingMessage(), QString());
        w.window->switchSibling(0, -1);
        QCOMPARE(w.model()->at(0).content, QStringLiteral("first question"));
        QCOMPARE(w.model()->rowCount(), 2);

        // Back on the first question, the newest reply (the regenerated one) shows;
        // deleting it shows the other one.
        QCOMPARE(w.last().thinking, QStringLiteral("Let me think about it."));
        w.window->deleteMessage(w.model()->at(1).id);
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.last().content, firstReply);
        QCOMPARE(w.model()->siblingPosition(1), (QPair<int, int>{1, 1}));
    }

    void draftsSurviveSwitchingAndRestarting()
    {
        QTemporaryDir data;
        QString chatId;
        {
            Window w(m_server->url(), {}, data.path());
            QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
            w.type(QStringLiteral("hello"));
            QTest::keyClick(w.composer(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
            chatId = w.window->currentChatId();
            w.type(QStringLiteral("half-typed thought"));
            QTest::keyClick(w.window.get(), Qt::Key_N, Qt::ControlModifier);
            QCOMPARE(w.composer()->toPlainText(), QString());
            w.type(QStringLiteral("a new chat's draft"));
            w.window->openChat(chatId);
            QCOMPARE(w.composer()->toPlainText(), QStringLiteral("half-typed thought"));
            w.window->close();
        }
        Window again(m_server->url(), {}, data.path());
        QCOMPARE(again.window->currentChatId(), chatId);
        QCOMPARE(again.composer()->toPlainText(), QStringLiteral("half-typed thought"));
        again.window->newChat();
        QCOMPARE(again.composer()->toPlainText(), QStringLiteral("a new chat's draft"));
    }

    void deletingAChatCanBeUndone()
    {
        QTemporaryDir data;
        Window w(
            m_server->url(),
            [](AppContext& app) {
                QVERIFY(app.store().chats().createChat({.title = QStringLiteral("Keep me")}).ok());
                QVERIFY(
                    app.store().chats().createChat({.title = QStringLiteral("Delete me")}).ok());
            },
            data.path());
        auto titles = [&] { return w.chatRows(); };
        const QList<ChatSummary> chats = *w.app->store().chats().listChats();
        const QString victim = std::find_if(chats.begin(), chats.end(), [](const ChatSummary& s) {
                                   return s.chat.title == QLatin1String("Delete me");
                               })->chat.id;
        w.window->deleteChatWithUndo(victim);
        QVERIFY(!titles().contains(QStringLiteral("Delete me")));
        QVERIFY(w.window->findChild<QWidget*>(QStringLiteral("undoBar"))->isVisible());
        QTest::mouseClick(w.window->findChild<QPushButton*>(QStringLiteral("undoButton")),
                          Qt::LeftButton);
        QVERIFY(titles().contains(QStringLiteral("Delete me")));
        QVERIFY(w.app->store().chats().chat(victim)->has_value());

        w.window->deleteChatWithUndo(victim);
        w.window->close(); // closing does what the timer would have done
        QVERIFY(!w.app->store().chats().chat(victim)->has_value());
        QCOMPARE(w.app->store().chats().listChats()->size(), 1);
    }

    void findInThisChat()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Find")});
            QString parent;
            for (int i = 0; i < 300; ++i) {
                Message m;
                m.chatId = chat->id;
                m.parentId = parent;
                m.content = i % 100 == 0 ? QStringLiteral("the Needle %1").arg(i)
                                         : QStringLiteral("hay %1").arg(i);
                parent = app.store().messages().addMessage(m)->id;
            }
        });
        QTest::keyClick(w.window.get(), Qt::Key_F, Qt::ControlModifier);
        auto* edit = w.window->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QVERIFY(edit->isVisible());
        QTest::keyClicks(edit, QStringLiteral("needle"));
        QTRY_COMPARE(w.window->findStatus(), QStringLiteral("1 of 3")); // the newest first
        QVERIFY(w.window->messageView()->viewport()->rect().intersects(
            w.window->messageView()->visualRect(w.model()->index(200))));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(w.window->findStatus(), QStringLiteral("2 of 3"));
        QVERIFY(w.window->messageView()->viewport()->rect().intersects(
            w.window->messageView()->visualRect(w.model()->index(100))));
        QVERIFY(!w.window->messageView()->isStuckToBottom());
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!edit->isVisible());
    }

    void sidebarGroups()
    {
        const QDateTime now(QDate(2026, 11, 26), QTime(12, 0));
        Chat c;
        c.updatedAt = now.toMSecsSinceEpoch();
        QCOMPARE(ChatSidebar::groupOf(c, now), QStringLiteral("Today"));
        c.updatedAt = now.addDays(-1).toMSecsSinceEpoch();
        QCOMPARE(ChatSidebar::groupOf(c, now), QStringLiteral("Yesterday"));
        c.updatedAt = now.addDays(-5).toMSecsSinceEpoch();
        QCOMPARE(ChatSidebar::groupOf(c, now), QStringLiteral("Previous 7 days"));
        c.updatedAt = now.addDays(-30).toMSecsSinceEpoch();
        QCOMPARE(ChatSidebar::groupOf(c, now), QStringLiteral("Older"));
        c.pinned = true;
        QCOMPARE(ChatSidebar::groupOf(c, now), QStringLiteral("Pinned"));
    }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chatwindow.moc"
