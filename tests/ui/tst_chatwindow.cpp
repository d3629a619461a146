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
#include <QListWidget>
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

// A language in which every word of Lyss is written ‹like this›: enough to see that each
// string is looked up again when the language changes.
class BracketTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* = nullptr,
                      int = -1) const override
    {
        if (!QByteArray(context).startsWith("lyss::"))
            return {};
        return QStringLiteral("‹%1›").arg(QString::fromUtf8(source));
    }
};

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
        auto* list = w.window->findChild<QListWidget*>(QStringLiteral("chatList"));
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Hello there"));
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

    void noServerExplainsWhatToDo()
    {
        const int port = test::closedPort();
        Window w(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto* stack = w.window->findChild<QStackedWidget*>();
        auto* text = w.window->findChild<QLabel*>(QStringLiteral("emptyText"));
        QTRY_VERIFY_WITH_TIMEOUT(text->text().contains(QStringLiteral("No model server answers")),
                                 10000);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
        QVERIFY(text->text().contains(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY(text->text().contains(QStringLiteral("ollama serve")));
        QVERIFY(w.window->findChild<QPushButton*>(QStringLiteral("retryButton")));

        // The server comes up; Retry finds it and the models.
        test::FakeServer late({QStringLiteral("--port"), QString::number(port)});
        QTest::mouseClick(w.window->findChild<QPushButton*>(QStringLiteral("retryButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!text->text().contains(QStringLiteral("No model server answers")),
                                 10000);
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

    void linksAreFoundWhereTheyAreDrawn()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Links")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("Read [the docs](https://example.org/docs) first.");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        QString found;
        for (int y = rect.top(); y < rect.bottom() && found.isEmpty(); y += 3) {
            for (int x = rect.left(); x < rect.right() && found.isEmpty(); x += 3) {
                const auto hit = view->messageDelegate()->hitTest(index, rect, QPoint(x, y));
                if (hit.action == MessageDelegate::Action::Link)
                    found = hit.link;
            }
        }
        QCOMPARE(found, QStringLiteral("https://example.org/docs"));
    }

    void codeBlocksHaveACopyLink()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Code")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("Try:\n\n```bash\nls -la /tmp\n```\n");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        QPoint at;
        for (int y = rect.top(); y < rect.bottom() && at.isNull(); y += 2) {
            for (int x = rect.left(); x < rect.right() && at.isNull(); x += 2) {
                if (view->messageDelegate()->hitTest(index, rect, QPoint(x, y)).link ==
                    QLatin1String("lyss-copy:0"))
                    at = QPoint(x, y);
            }
        }
        QVERIFY(!at.isNull());
        QSignalSpy copied(view, &MessageView::codeCopied);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(copied.size(), 1);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("ls -la /tmp\n"));
    }

    void textCanBeSelectedAndCopied()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Select")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("alpha beta gamma");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        const QModelIndex index = w.model()->index(0);
        const QRect rect = view->visualRect(index);
        // Find a line of the text where both position 0 and position 10 lie.
        QPoint start;
        QPoint end;
        for (int y = rect.top(); y < rect.bottom() && end.isNull(); y += 2) {
            QPoint zero;
            for (int x = rect.left(); x < rect.right(); ++x) {
                const int at = view->messageDelegate()->positionAt(index, rect, QPoint(x, y));
                if (at == 0 && zero.isNull())
                    zero = QPoint(x, y);
                if (at == 10 && !zero.isNull()) {
                    start = zero;
                    end = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY(!start.isNull() && !end.isNull());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), end);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("alpha beta"));
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("alpha beta"));
    }

    // Selection goes on from one message into the next; Ctrl+A takes every message;
    // Shift+Up takes one message more at a time, from the last.
    void selectionSpansMessagesAndTheKeyboard()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Span")});
            QString parent;
            const QList<QPair<Role, QString>> texts{
                {Role::User, QStringLiteral("alpha beta gamma")},
                {Role::Assistant, QStringLiteral("delta epsilon")},
                {Role::User, QStringLiteral("zeta")}};
            for (const auto& [role, text] : texts) {
                Message m;
                m.chatId = chat->id;
                m.parentId = parent;
                m.role = role;
                m.content = text;
                parent = app.store().messages().addMessage(m)->id;
            }
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QCOMPARE(w.model()->rowCount(), 3);
        // Where in the view a character position of a message is.
        const auto pointAt = [&](int row, int position) {
            const QModelIndex index = w.model()->index(row);
            const QRect rect = view->visualRect(index);
            for (int y = rect.top(); y < rect.bottom(); y += 2) {
                for (int x = rect.left(); x < rect.right(); ++x) {
                    if (view->messageDelegate()->positionAt(index, rect, QPoint(x, y)) == position)
                        return QPoint(x, y);
                }
            }
            return QPoint();
        };
        const QPoint start = pointAt(0, 6);
        const QPoint end = pointAt(1, 5);
        QVERIFY(!start.isNull() && !end.isNull());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), end);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("beta gamma\n\ndelta"));
        // Dragged backwards, the same text.
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, end);
        QTest::mouseMove(view->viewport(), start);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("beta gamma\n\ndelta"));

        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("alpha beta gamma\n\ndelta epsilon\n\nzeta"));

        view->messageDelegate()->clearSelection();
        QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("zeta"));
        QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("delta epsilon\n\nzeta"));
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->messageDelegate()->selectedText(), QStringLiteral("zeta"));

        // Another chat: the selection is gone with the rows it named.
        w.window->newChat();
        QVERIFY(!view->messageDelegate()->hasSelection());
    }

    // Switching theme is instant and complete: the palette, the message view's colours and
    // the stored choice; Ctrl+Shift+L cycles light → dark → OLED dark → system.
    void themesSwitchLive()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Colours")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::User;
            m.content = QStringLiteral("a question in a bubble");
            auto question = app.store().messages().addMessage(m);
            QVERIFY(question.ok());
            Message reply;
            reply.chatId = chat->id;
            reply.parentId = question->id;
            reply.role = Role::Assistant;
            reply.content = QStringLiteral("Some code:\n\n```\nint x = 1;\nint y = 2;\n```");
            QVERIFY(app.store().messages().addMessage(reply).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        w.window->setTheme(QStringLiteral("light"));
        QCoreApplication::processEvents();
        view->viewport()->grab(); // everything laid out
        const int layouts = view->messageDelegate()->layoutsBuilt();
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor("#f4f5f7"));
        QCOMPARE(view->messageDelegate()->colors().userBubble, QColor("#e8effd"));

        w.window->setTheme(QStringLiteral("dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor("#1b1c1f"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor("#232428"));
        QCOMPARE(view->messageDelegate()->colors().userBubble, QColor("#2b3b5c"));
        QCOMPARE(w.app->settings().text(SettingKey::Theme), QStringLiteral("dark"));
        // What is painted next follows: the conversation's background and your bubble.
        QCoreApplication::processEvents();
        QImage shot = view->viewport()->grab().toImage();
        QCOMPARE(QColor(shot.pixel(2, shot.height() - 2)), QColor("#232428"));
        const QRect bubble = view->visualRect(w.model()->index(0));
        bool bubbleSeen = false;
        for (int x = bubble.left(); x < bubble.right() && !bubbleSeen; x += 4)
            bubbleSeen = QColor(shot.pixel(x, bubble.center().y())) == QColor("#2b3b5c");
        QVERIFY(bubbleSeen);
        // The code block is re-coloured in place: no message was laid out again.
        const QRect answer = view->visualRect(w.model()->index(1));
        bool codeSeen = false;
        for (int y = answer.top(); y < answer.bottom() && !codeSeen; y += 2)
            codeSeen = QColor(shot.pixel(answer.center().x(), y)) == QColor("#16171a");
        QVERIFY(codeSeen);
        QCOMPARE(view->messageDelegate()->layoutsBuilt(), layouts);

        w.window->activateWindow();
        QTest::keyClick(w.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("oled-dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QCoreApplication::processEvents();
        shot = view->viewport()->grab().toImage();
        QCOMPARE(QColor(shot.pixel(2, shot.height() - 2)), QColor(Qt::black));
        QTest::keyClick(w.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("system"));
        QCOMPARE(w.app->settings().text(SettingKey::Theme), QStringLiteral("system"));
        // A theme set anywhere else (the settings, not the window) is worn at once.
        {
            // The window's own choice is worn even when the environment names another.
            Window env(m_server->url(), {}, {},
                       {{QStringLiteral("LYSS_THEME"), QStringLiteral("dark")}});
            QCOMPARE(env.window->themes()->choice(), QStringLiteral("dark"));
            env.window->setTheme(QStringLiteral("light"));
            QCOMPARE(env.window->themes()->choice(), QStringLiteral("light"));
        }
        QVERIFY(w.app->settings().set(SettingKey::Theme, QStringLiteral("oled-dark")).ok());
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("oled-dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QVERIFY(w.app->settings().unset(QStringLiteral("ui.theme")).ok());
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("system"));
        // The theme menu offers the same, the one in use checked.
        QMenu* menu = w.window->findChild<QToolButton*>(QStringLiteral("themeButton"))->menu();
        QStringList checked;
        for (QAction* a : menu->actions()) {
            if (a->isChecked())
                checked << a->text();
        }
        QCOMPARE(checked, QStringList{QStringLiteral("Same as the system")});
        // And the settings dialog's Appearance page.
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")},
                       {QStringLiteral("dark"), QStringLiteral("Dark")}},
                      QStringLiteral("light"));
        connect(&d, &SettingsDialog::themeChosen, w.window.get(), &MainWindow::setTheme);
        auto* choice = d.findChild<QComboBox*>(QStringLiteral("themeChoice"));
        QVERIFY(choice);
        choice->setCurrentIndex(choice->findData(QStringLiteral("dark")));
        QCOMPARE(w.window->themes()->current().name, QStringLiteral("dark"));
        w.window->setTheme(QStringLiteral("light"));
    }

    // Every control a user can reach says what it is to a screen reader, in the window and
    // in the settings dialog, and takes keyboard focus.
    void everyControlHasAnAccessibleName()
    {
        Window w(m_server->url());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")}},
                      QStringLiteral("light"));
        QStringList unnamed;
        QSet<QWidget*> seen;
        for (QWidget* root : {static_cast<QWidget*>(w.window.get()), static_cast<QWidget*>(&d)}) {
            for (QWidget* widget : root->findChildren<QWidget*>()) {
                const bool control =
                    qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                    qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
                    qobject_cast<QPlainTextEdit*>(widget) ||
                    qobject_cast<QAbstractItemView*>(widget);
                QWidget* parent = widget->parentWidget();
                // Parts of another control are named through it.
                const bool part =
                    parent &&
                    (qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent) ||
                     qobject_cast<QLineEdit*>(parent) || qobject_cast<QAbstractItemView*>(parent) ||
                     parent->inherits("QComboBoxPrivateContainer"));
                if (!control || part || widget->inherits("QTabBar") || seen.contains(widget))
                    continue;
                seen.insert(widget);
                // What a screen reader says: the accessible name, a button's text, or the
                // label of a form row (its buddy).
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(widget);
                const QString name = a ? a->text(QAccessible::Name) : QString();
                // A symbol alone ("⚙", "◐") is no name; words are.
                if (!name.contains(QRegularExpression(QStringLiteral("\\w{2}"))))
                    unnamed << QStringLiteral("%1 %2 \"%3\"")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()),
                                        widget->objectName(), name);
                if (widget->focusPolicy() == Qt::NoFocus)
                    unnamed << QStringLiteral("%1 %2 takes no keyboard focus")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()),
                                        widget->objectName());
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    }

    // Everything the hover buttons do can be done from the keyboard: Up and Down move a
    // visible focus frame between messages, the Menu key opens the message's menu.
    void keyboardReachesMessageActions()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Keys")});
            Message q;
            q.chatId = chat->id;
            q.role = Role::User;
            q.content = QStringLiteral("plain question");
            auto question = app.store().messages().addMessage(q);
            QVERIFY(question.ok());
            for (const QString& text :
                 {QStringLiteral("first answer"), QStringLiteral("second answer")}) {
                Message a;
                a.chatId = chat->id;
                a.parentId = question->id;
                a.role = Role::Assistant;
                a.content = text;
                QVERIFY(app.store().messages().addMessage(a).ok());
            }
        });
        QVERIFY(w.laidOut());
        w.window->setTheme(QStringLiteral("light"));
        MessageView* view = w.window->messageView();
        QCOMPARE(w.model()->rowCount(), 2);
        view->setFocus();
        QVERIFY(view->hasFocus());
        QCOMPARE(view->currentIndex().row(), 1); // the latest message first
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(view->currentIndex().row(), 0);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);

        // The frame is drawn in the accent colour around the current (the model's) message.
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(view->currentIndex());
        int framePixels = 0;
        for (int y = row.top(); y <= row.bottom(); ++y) {
            for (int x = row.left(); x <= row.right(); ++x) {
                const QColor c(shot.pixel(x, y));
                if (std::abs(c.red() - 0x25) + std::abs(c.green() - 0x63) +
                        std::abs(c.blue() - 0xeb) <
                    40)
                    ++framePixels;
            }
        }
        QVERIFY2(framePixels > 2 * row.height(), qPrintable(QString::number(framePixels)));

        auto texts = [](QMenu* menu) {
            QStringList out;
            for (QAction* a : menu->actions())
                out << a->text();
            delete menu;
            return out;
        };
        const QStringList replyMenu = texts(view->menuFor(1));
        QVERIFY2(replyMenu.contains(QStringLiteral("Regenerate")), qPrintable(replyMenu.join(',')));
        QVERIFY(replyMenu.contains(QStringLiteral("Previous version (1 of 2)")));
        QVERIFY(replyMenu.contains(QStringLiteral("Delete…")));
        QVERIFY(!replyMenu.contains(QStringLiteral("Next version (3 of 2)")));
        QVERIFY(texts(view->menuFor(0)).contains(QStringLiteral("Edit and send again")));

        // Its entries do what the buttons do: here, switch to the first answer.
        QMenu* menu = view->menuFor(1);
        for (QAction* a : menu->actions()) {
            if (a->text().startsWith(QLatin1String("Previous version")))
                a->trigger();
        }
        delete menu;
        QTRY_COMPARE(w.model()->at(1).content, QStringLiteral("first answer"));
    }

    // Another language is taken up at once by every part of the window, and back again.
    void languageChangeRetranslatesTheWindow()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Words")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("```\ncode\n```");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        view->viewport()->grab();
        QVERIFY(view->messageDelegate()
                    ->shownText(w.model()->at(0).id)
                    .contains(QStringLiteral("Copy")));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        auto* themeMenu = w.window->findChild<QToolButton*>(QStringLiteral("themeButton"))->menu();
        QCOMPARE(send->text(), QStringLiteral("Send"));

        BracketTranslator brackets;
        QVERIFY(QCoreApplication::installTranslator(&brackets));
        QCoreApplication::processEvents(); // the LanguageChange events reach the widgets
        QCOMPARE(w.window->windowTitle(), QStringLiteral("‹Lyss›"));
        QCOMPARE(send->text(), QStringLiteral("‹Send›"));
        QCOMPARE(w.composer()->placeholderText(),
                 QStringLiteral("‹Send a message (Enter to send, Shift+Enter for a new line)›"));
        QCOMPARE(search->placeholderText(), QStringLiteral("‹Search chats (Ctrl+K)›"));
        QCOMPARE(w.window->findChild<QPushButton*>(QStringLiteral("newChat"))->text(),
                 QStringLiteral("‹New chat›"));
        QCOMPARE(w.window->findChild<QToolButton*>(QStringLiteral("jumpToLatest"))->text(),
                 QStringLiteral("‹↓ Jump to latest›"));
        QCOMPARE(w.window->findChild<QPushButton*>(QStringLiteral("retryButton"))->text(),
                 QStringLiteral("‹Retry›"));
        QCOMPARE(themeMenu->actions().first()->text(), QStringLiteral("‹Light›"));
        QCOMPARE(view->accessibleName(), QStringLiteral("‹Messages›"));
        // The messages are laid out again with the new words.
        view->viewport()->grab();
        QVERIFY(view->messageDelegate()
                    ->shownText(w.model()->at(0).id)
                    .contains(QStringLiteral("‹Copy›")));

        QVERIFY(QCoreApplication::removeTranslator(&brackets));
        QCoreApplication::processEvents();
        QCOMPARE(send->text(), QStringLiteral("Send"));
        QCOMPARE(search->placeholderText(), QStringLiteral("Search chats (Ctrl+K)"));
    }

    // Chinese from the translation compiled in, switched to and back at run time.
    void switchingToChineseAndBack()
    {
        Window w(m_server->url());
        bool chinese = false;
        for (const auto& [name, title] : Translations::available())
            chinese = chinese || (name == QLatin1String("zh_CN") && !title.isEmpty());
        QVERIFY(chinese);
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        w.window->setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QCOMPARE(w.app->settings().text(SettingKey::Language), QStringLiteral("zh_CN"));
        QCOMPARE(send->text(), QStringLiteral("发送"));
        QCOMPARE(w.composer()->placeholderText(),
                 QStringLiteral("发送消息（Enter 发送，Shift+Enter 换行）"));
        QCOMPARE(w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"))->placeholderText(),
                 QStringLiteral("搜索对话（Ctrl+K）"));
        QCOMPARE(w.window->themes()->titleOf(QStringLiteral("dark")), QStringLiteral("深色"));
        // Qt's own dialogs (the Yes and No of a question) speak it too.
        QVERIFY(
            QCoreApplication::translate("QPlatformTheme", "&Yes").startsWith(QStringLiteral("是")));
        w.window->setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(send->text(), QStringLiteral("Send"));
        w.window->setLanguage(QString());
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
        auto* list = w.window->findChild<QListWidget*>(QStringLiteral("chatList"));
        auto titles = [&] {
            QStringList out;
            for (int i = 0; i < list->count(); ++i)
                out << list->item(i)->text();
            return out;
        };
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

    void settingsServersOptionsAndPull()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("hi"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const QString chatId = w.window->currentChatId();

        SettingsDialog d(*w.app, *w.backends, w.window->models(), chatId, w.window.get());
        QSignalSpy answered(&d, &SettingsDialog::finishedWork);
        // Servers: add, refuse nonsense, test, refuse removing what the environment set.
        QVERIFY(!d.addServer(QStringLiteral("openai"), QStringLiteral("local"),
                             QStringLiteral("localhost:8080"), {}));
        QVERIFY(d.lastMessage().contains(QStringLiteral("not a server address")));
        QVERIFY(d.addServer(QStringLiteral("openai"), QStringLiteral("local"),
                            m_server->url(QStringLiteral("/v1")).toString(), {}));
        QVERIFY((*w.app->backends().find(QStringLiteral("local"))).has_value());
        d.testServer(QStringLiteral("local"));
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().startsWith(QStringLiteral("✓ local answers")),
                 qPrintable(d.lastMessage()));
        QVERIFY(!d.removeServer(QStringLiteral("ollama")));
        QVERIFY(d.lastMessage().contains(QStringLiteral("environment")));
        QVERIFY(!d.editServer(QStringLiteral("ollama")));

        // Edit: a wrong address is refused and changes nothing; a right one is stored.
        QVERIFY(d.editServer(QStringLiteral("local")));
        QVERIFY(!d.saveServer(QStringLiteral("openai"), QStringLiteral("localhost:1"), {}));
        QCOMPARE((*w.app->backends().find(QStringLiteral("local")))->url,
                 m_server->url(QStringLiteral("/v1")));
        QVERIFY(d.saveServer(QStringLiteral("openai"),
                             m_server->url(QStringLiteral("/v1/")).toString(), {}));
        QVERIFY2(d.lastMessage().startsWith(QStringLiteral("Saved local")),
                 qPrintable(d.lastMessage()));
        QCOMPARE((*w.app->backends().find(QStringLiteral("local")))->kind, BackendKind::OpenAI);
        QVERIFY(!d.saveServer(QStringLiteral("openai"), m_server->url().toString(), {}));

        // The window takes the new server in: two backends, names made unique.
        w.window->rebuildBackends();
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->findData(QStringLiteral("local/llama3.2:latest")) >= 0,
                                 10000);
        QVERIFY(w.picker()
                    ->itemText(w.picker()->findData(QStringLiteral("local/llama3.2:latest")))
                    .contains(QStringLiteral("local")));

        // This chat's options reach the next request.
        d.findChildren<QDoubleSpinBox*>().first()->setValue(0.4);
        d.findChildren<QSpinBox*>().first()->setValue(4096);
        QVERIFY(d.saveChatOptions());
        QVERIFY(w.pick(QStringLiteral("ollama/llama3.2:latest")));
        w.type(QStringLiteral("again"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const QJsonObject sent = m_server->requests().last()[QLatin1String("body")].toObject();
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("temperature")].toDouble(), 0.4);
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("num_ctx")].toInt(), 4096);

        // Pull a model with a progress bar.
        d.pullModel(QStringLiteral("tinyllama"));
        QVERIFY(answered.wait(20000));
        QCOMPARE(d.lastMessage(), QStringLiteral("Downloaded tinyllama."));
        QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("pullProgress"))->value(), 1000);

        QVERIFY(d.removeServer(QStringLiteral("local")));
        QVERIFY(!(*w.app->backends().find(QStringLiteral("local"))).has_value());
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
        QCOMPARE(w.window->findStatus(), QStringLiteral("1 of 3")); // the newest match first
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
