// SPDX-License-Identifier: GPL-3.0-or-later
// The window with replies that used to freeze it (a megabyte on one line, quotes nested
// thousands deep, a line without end streaming): they open, are laid out in parts a
// frame at a time, a body taller than a row can be is cut with a way to read all of it,
// Esc stops a line without end, and the stored text is exactly what the model sent.
#include "TestSupport.h"
#include "TestWindow.h"

#include "conversation/MessageDelegate.h"
#include "conversation/MessageLayout.h"
#include "conversation/MessageView.h"
#include "conversation/WholeTextViewer.h"
#include "store/ChatStore.h"
#include "store/MessageTree.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QScrollBar>

using namespace lyss;

namespace {

// A chat with a question and `reply`, made before the window opens (so it opens with it).
std::function<void(AppContext&)> chatWith(const QString& reply)
{
    return [reply](AppContext& app) {
        auto chat = app.store().chats().createChat({.title = QStringLiteral("Heavy")});
        Message q;
        q.chatId = chat->id;
        q.role = Role::User;
        q.content = QStringLiteral("Go on");
        const QString parent = app.store().messages().addMessage(q)->id;
        Message a;
        a.chatId = chat->id;
        a.parentId = parent;
        a.role = Role::Assistant;
        a.content = reply;
        QVERIFY(app.store().messages().addMessage(a).ok());
    };
}

MessageDelegate* delegateOf(Window& w)
{
    return w.window->messageView()->messageDelegate();
}

bool settle(Window& w)
{
    return QTest::qWaitFor([&] { return !delegateOf(w)->layingOut(); }, 60000);
}

} // namespace

class TestHeavyReplies : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void aMegabyteOnOneLineIsCutWithAWayToReadAll()
    {
        const QString reply = QStringLiteral("abcdefghij").repeated(100 * 1024);
        Window w(m_server->url(), chatWith(reply));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        QVERIFY(settle(w));
        MessageView* view = w.window->messageView();
        const QString id = w.last().id;
        QVERIFY2(delegateOf(w)->partsShown(id) > 10,
                 qPrintable(QString::number(delegateOf(w)->partsShown(id))));
        const QModelIndex index = w.model()->index(1);
        view->scrollToLatest();
        QTest::qWait(50);
        const QRect row = view->visualRect(index);
        QVERIFY2(row.height() <= MessageLayout::kMaxRowHeight,
                 qPrintable(QString::number(row.height())));

        // Under the cut: "Show all of it" opens the whole text, every character of it.
        QPoint link;
        for (int y = row.bottom(); y > row.bottom() - 120 && link.isNull(); --y) {
            for (int x = row.left(); x < row.right(); x += 4) {
                if (delegateOf(w)->hitTest(index, row, {x, y}).action ==
                    MessageDelegate::Action::ShowAll) {
                    link = {x, y};
                    break;
                }
            }
        }
        QVERIFY2(!link.isNull(), "no Show all link under the cut reply");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link);
        auto* viewer = w.window->findChild<WholeTextViewer*>(QStringLiteral("wholeTextViewer"));
        QTRY_VERIFY(viewer && viewer->isVisible());
        QCOMPARE(viewer->shownText().remove(QLatin1Char('\n')), reply);

        // Only the display was cut: the store has every byte.
        auto branch = w.app->store().messages().currentBranch(w.window->currentChatId());
        QVERIFY(branch.ok());
        QCOMPARE(branch->last().content, reply);
    }

    void aHugeReplyIsReadInPartButUsedWhole()
    {
        // A reply of megabytes opens with its start read (MessageTree::kShownBytes), cut
        // with the note; copying it, finding in it and selecting it take all of it.
        QString reply = QStringLiteral("| n | name |\n| --- | --- |\n");
        for (int i = 0; reply.size() < 3 * MessageTree::kShownBytes; ++i)
            reply += QStringLiteral("| %1 | row %1 |\n").arg(i);
        reply += QStringLiteral("\nThe last word: zanzibar\n");
        Window w(m_server->url(), chatWith(reply));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        QVERIFY(w.model()->at(1).contentCut);
        QVERIFY(w.model()->at(1).content.size() < reply.size() / 2);
        QVERIFY(settle(w));
        QVERIFY(w.laidOut());
        const QModelIndex index = w.model()->index(1);
        MessageView* view = w.window->messageView();
        const QRect row = view->visualRect(index);
        bool noted = false; // "Show all of it" under the row
        for (int y = row.bottom(); y > row.bottom() - 120 && !noted; --y)
            for (int x = row.left(); x < row.right() && !noted; x += 4)
                noted = delegateOf(w)->hitTest(index, row, {x, y}).action ==
                        MessageDelegate::Action::ShowAll;
        QVERIFY2(noted, "a reply read in part is not marked as cut");

        Q_EMIT view->actionTriggered(static_cast<int>(MessageDelegate::Action::Copy), 1);
        QCOMPARE(QApplication::clipboard()->text(), reply);
        w.window->find(QStringLiteral("zanzibar"));
        QCOMPARE(w.window->findStatus(), QStringLiteral("1 of 1"));
        view->selectAllMessages();
        QVERIFY(delegateOf(w)->selectedText().contains(QStringLiteral("zanzibar")));
        QVERIFY(!w.model()->at(1).contentCut); // read whole for the selection
    }

    void switchingAwayWhileARenderRunsDoesNotLeaveItWaiting()
    {
        const QString reply = QStringLiteral("lorem ipsum ").repeated(100000);
        Window w(m_server->url(), chatWith(reply));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        const QString chat = w.window->currentChatId();
        // Away and back before the text is rendered aside: the rows get new revisions.
        for (int i = 0; i < 3; ++i) {
            w.window->newChat();
            w.window->openChat(chat);
            w.window->messageView()->viewport()->repaint();
        }
        QVERIFY2(QTest::qWaitFor([&] { return !delegateOf(w)->layingOut(); }, 15000),
                 "the long reply stayed at 'Laying out a long reply…'");
        QVERIFY(delegateOf(w)->shownText(w.last().id).contains(QStringLiteral("lorem ipsum")));
    }

    void copyingWhileARenderRunsCopiesTheLongReply()
    {
        const QString reply = QStringLiteral("lorem ipsum ").repeated(100000);
        Window w(m_server->url(), chatWith(reply));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        MessageView* view = w.window->messageView();
        view->selectAllMessages(); // at once: the reply is still being rendered aside
        const QString copied = delegateOf(w)->selectedText();
        QVERIFY2(copied.simplified().contains(reply.simplified()),
                 qPrintable(QString::number(copied.size())));
    }

    void deepQuotesAndStarsOpenAndShowTheirText()
    {
        const QString reply = QStringLiteral("> ").repeated(5000) + QStringLiteral("deep\n\n") +
                              QString(20000, QLatin1Char('*')) + QStringLiteral("word") +
                              QString(20000, QLatin1Char('*'));
        Window w(m_server->url(), chatWith(reply));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        QVERIFY(settle(w));
        const QString shown = delegateOf(w)->shownText(w.last().id);
        QVERIFY2(shown.contains(QStringLiteral("deep")) && shown.contains(QStringLiteral("word")),
                 qPrintable(shown.left(200)));
    }

    void aThemeSwitchWhilePartsWaitKeepsThemLaidOutLater()
    {
        Window w(m_server->url(), chatWith(QStringLiteral("lorem ipsum ").repeated(40000)));
        QTRY_COMPARE(w.model()->rowCount(), 2);
        w.window->setTheme(QStringLiteral("dark"));
        w.window->setTheme(QStringLiteral("light"));
        QVERIFY(settle(w));
        QVERIFY(delegateOf(w)->shownText(w.last().id).contains(QStringLiteral("lorem ipsum")));
    }

    void aLineWithoutEndStreamsExactlyInParts_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kib");
        QTest::newRow("in pieces over many frames") << "slowline-256" << 256;
        QTest::newRow("faster than the frames") << "line-1024" << 1024;
    }

    void aLineWithoutEndStreamsExactlyInParts()
    {
        QFETCH(QString, model);
        QFETCH(int, kib);
        Window w(m_server->url());
        QVERIFY(w.pick(model));
        const qint64 renderedBefore = delegateOf(w)->charsRendered();
        w.type(QStringLiteral("go"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w.last().status == MessageStatus::Complete, 60000);
        const QString token =
            QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ").repeated(20);
        const QString expected = token.repeated(kib * 1024 / token.size());
        QCOMPARE(w.last().content.size(), expected.size());
        QVERIFY(w.last().content == expected);
        QVERIFY(settle(w));
        // While it streamed, the open paragraph was cut into finished parts: what is
        // rendered again on every frame stayed short, and the whole was rendered about
        // once, not once a frame.
        const qint64 rendered = delegateOf(w)->charsRendered() - renderedBefore;
        QVERIFY2(rendered < 4 * expected.size(),
                 qPrintable(QStringLiteral("%1 characters rendered for %2")
                                .arg(rendered)
                                .arg(expected.size())));
        QVERIFY2(delegateOf(w)->partsShown(w.last().id) > 5,
                 qPrintable(QString::number(delegateOf(w)->partsShown(w.last().id))));
        auto branch = w.app->store().messages().currentBranch(w.window->currentChatId());
        QVERIFY(branch.ok());
        QVERIFY(branch->last().content == expected);
    }

    void aLongListOrQuoteStreamsInParts_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("last"); // what the reply ends with, shown
        QTest::newRow("a list") << QStringLiteral("list-64") << QStringLiteral("item number");
        QTest::newRow("a quote") << QStringLiteral("quote-64")
                                 << QStringLiteral("quoted paragraph");
    }

    void aLongListOrQuoteStreamsInParts()
    {
        // One list (or quote) from start to end: cut between its items as it grows, so the
        // open part rendered again on every frame stays short.
        QFETCH(QString, model);
        QFETCH(QString, last);
        Window w(m_server->url());
        QVERIFY(w.pick(model));
        const qint64 renderedBefore = delegateOf(w)->charsRendered();
        w.type(QStringLiteral("go"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 10000);
        QElapsedTimer clock;
        clock.start();
        while (w.last().status == MessageStatus::Streaming && clock.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            w.window->messageView()->viewport()->repaint();
        }
        QCOMPARE(w.last().status, MessageStatus::Complete);
        QVERIFY(settle(w));
        const QString content = w.last().content;
        QVERIFY(content.size() > 60 * 1024);
        // About 6× with the cuts, the open part never over a few KiB however often the
        // window paints (a frame every 5 ms here); 26× without, and growing with the length.
        const qint64 rendered = delegateOf(w)->charsRendered() - renderedBefore;
        QVERIFY2(
            rendered < 12 * content.size(),
            qPrintable(
                QStringLiteral("%1 characters rendered for %2").arg(rendered).arg(content.size())));
        QVERIFY(delegateOf(w)->partsShown(w.last().id) > 5);
        const QString shown = delegateOf(w)->shownText(w.last().id);
        const int items = int(content.count(QLatin1Char('\n'))) /
                          (model.startsWith(QLatin1String("quote")) ? 2 : 1);
        QVERIFY2(shown.contains(QStringLiteral("%1 %2").arg(last).arg(items)),
                 qPrintable(shown.right(200)));
    }

    void aLongCodeBlockStreamsInPartsWithOneHeader()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("slowcode-200")));
        const qint64 renderedBefore = delegateOf(w)->charsRendered();
        w.type(QStringLiteral("go"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 10000);
        // Painted all the while, as a window on screen is.
        QElapsedTimer clock;
        clock.start();
        while (w.last().status == MessageStatus::Streaming && clock.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            w.window->messageView()->viewport()->repaint();
        }
        QCOMPARE(w.last().status, MessageStatus::Complete);
        QVERIFY(settle(w));
        const QString content = w.last().content;
        QVERIFY(content.endsWith(QStringLiteral("```\n\nThat is all.")));
        // The open code block was cut into finished parts as it grew, not rendered whole on
        // every frame: about once in all.
        const qint64 rendered = delegateOf(w)->charsRendered() - renderedBefore;
        QVERIFY2(
            rendered < 2 * content.size(),
            qPrintable(
                QStringLiteral("%1 characters rendered for %2").arg(rendered).arg(content.size())));
        QVERIFY(delegateOf(w)->partsShown(w.last().id) > 5);
        // One block to the eye: one header, one Copy link, every line in order.
        const QString shown = delegateOf(w)->shownText(w.last().id);
        QCOMPARE(shown.count(QStringLiteral("Copy")), 1);
        QCOMPARE(shown.count(QStringLiteral("python")), 1);
        qsizetype at = 0;
        for (int i = 0; i < 4000; i += 97) {
            at = shown.indexOf(
                QStringLiteral("value_%1 = compute(%2)").arg(i, 5, 10, QLatin1Char('0')).arg(i),
                at);
            if (!content.contains(QStringLiteral("value_%1 ").arg(i, 5, 10, QLatin1Char('0'))))
                break;
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("line %1").arg(i)));
        }
        QVERIFY(shown.endsWith(QStringLiteral("That is all.")));
    }

    void escStopsALineWithoutEnd()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("line-8192")));
        w.type(QStringLiteral("go"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 2 && w.last().content.size() > 256 * 1024,
                                 30000);
        QCOMPARE(w.last().status, MessageStatus::Streaming);
        QTest::keyClick(w.window.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(w.last().status != MessageStatus::Streaming, 10000);
        QVERIFY2(w.last().content.size() < 8 * 1024 * 1024,
                 qPrintable(QString::number(w.last().content.size())));
        // What arrived before Esc is kept, in the store too.
        auto branch = w.app->store().messages().currentBranch(w.window->currentChatId());
        QVERIFY(branch.ok());
        QVERIFY(branch->last().content.size() > 256 * 1024);
        QVERIFY(branch->last().content.startsWith(QStringLiteral("abcdefghijklmnopqrstuvwxyz")));
    }
};

QTEST_MAIN(TestHeavyReplies)
#include "tst_heavyreplies.moc"
