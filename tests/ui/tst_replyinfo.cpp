// SPDX-License-Identifier: GPL-3.0-or-later
// What a reply says beyond its text: what it cost (tokens, speed, times, server; the date
// of an older one), and Retry under one that failed.
#include "TestWindow.h"

#include "common/ShortDate.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageView.h"
#include "conversation/ReplyCost.h"

#include "store/BackendRepository.h"

#include <QComboBox>
#include <QHelpEvent>
#include <QMenu>
#include <QRegularExpression>
#include <QTest>
#include <QToolTip>

using namespace lyss;

class TestReplyInfo : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    // Where the last row offers `action`, or a null point.
    static QPoint findAction(Window& w, MessageDelegate::Action action)
    {
        MessageView* view = w.window->messageView();
        QCoreApplication::processEvents();
        view->viewport()->grab(); // laid out (the body and its status line)
        const QModelIndex reply = w.model()->index(w.model()->rowCount() - 1);
        const QRect row = view->visualRect(reply);
        for (int y = row.top(); y < row.bottom(); y += 2) {
            for (int x = row.left(); x < row.right(); x += 2) {
                if (view->messageDelegate()->hitTest(reply, row, QPoint(x, y)).action == action)
                    return QPoint(x, y);
            }
        }
        return {};
    }

    // The texts of the last row's message menu.
    static QStringList menuTexts(Window& w)
    {
        std::unique_ptr<QMenu> menu(w.window->messageView()->menuFor(w.model()->rowCount() - 1));
        QStringList out;
        for (QAction* a : menu->actions())
            out << a->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // A reply says what it cost: its header's tip names the model and server, the date,
    // tokens, speed, time to the first token and the total; the time of an older message
    // has its date (and year).
    void aReplySaysWhatItCost()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("hello"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const ShownMessage reply = w.last(); // a copy: the rows are read again below
        QCOMPARE(reply.cost.server, QStringLiteral("ollama"));
        QVERIFY(reply.cost.tokens > 0);
        QVERIFY(reply.cost.totalMs >= 0 && reply.cost.firstTokenMs >= 0);
        QVERIFY(reply.cost.compact().contains(QStringLiteral("tokens")));
        // Read again from the store, the same.
        w.window->openChat(w.window->currentChatId());
        QTRY_COMPARE(w.last().cost.tokens, reply.cost.tokens);
        QCOMPARE(w.last().cost.server, QStringLiteral("ollama"));
        // The tip over the reply's header.
        MessageView* view = w.window->messageView();
        QVERIFY(w.laidOut());
        const QRect row = view->visualRect(w.model()->index(w.model()->rowCount() - 1));
        const QPoint over(row.left() + view->viewport()->width() / 2, row.top() + 14);
        QHelpEvent help(QEvent::ToolTip, over, view->viewport()->mapToGlobal(over));
        QCoreApplication::sendEvent(view->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QStringLiteral("Model: llama3.2:latest on ollama")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("Tokens: ")));
        QVERIFY(tip.contains(QStringLiteral("First token after: ")));
        QVERIFY(tip.contains(QStringLiteral("Total time: ")));
        QToolTip::hideText();

        const QDateTime now(QDate(2026, 12, 6), QTime(15, 0));
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QLocale::setDefault(english);
        const QString today =
            ReplyCost::when(QDateTime(QDate(2026, 12, 6), QTime(9, 5)).toMSecsSinceEpoch(), now);
        const QString earlier =
            ReplyCost::when(QDateTime(QDate(2026, 3, 2), QTime(9, 5)).toMSecsSinceEpoch(), now);
        const QString lastYear =
            ReplyCost::when(QDateTime(QDate(2025, 3, 2), QTime(9, 5)).toMSecsSinceEpoch(), now);
        QLocale::setDefault(QLocale::system());
        QCOMPARE(today, QStringLiteral("9:05 AM"));
        QVERIFY2(earlier.startsWith(QStringLiteral("3/2 ")) && earlier.endsWith(today),
                 qPrintable(earlier));
        QVERIFY2(lastYear.contains(QStringLiteral("25")) && lastYear.endsWith(today),
                 qPrintable(lastYear));
    }

    // The header's short time and this year's date are trimmed by hand, not by regular
    // expressions (PCRE2 at every start); for every locale Qt has, they trim what the
    // expressions did: a time's seconds, a date's year with its separators.
    void shortDatesTrimAsTheExpressionsDid()
    {
        const QRegularExpression seconds(QStringLiteral("[:.]ss"));
        const QRegularExpression year(QStringLiteral("[^dM]*y+[^dM]*"));
        const QTime at(14, 5, 9);
        const QDate today(2026, 12, 7);
        const QDate sameYear(2026, 3, 4);
        int locales = 0;
        int withoutYear = 0;
        for (const QLocale& locale : QLocale::matchingLocales(
                 QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory)) {
            ++locales;
            QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
            timeFormat.remove(seconds);
            QCOMPARE(shortdate::time(at, locale), locale.toString(at, timeFormat));
            QString dayFormat = locale.dateFormat(QLocale::ShortFormat);
            dayFormat.remove(year);
            const QString expected = locale.toString(sameYear, dayFormat.trimmed());
            QCOMPARE(shortdate::day(sameYear, today, locale), expected);
            withoutYear += !expected.contains(QStringLiteral("26"));
            QCOMPARE(shortdate::day(QDate(2025, 3, 4), today, locale),
                     locale.toString(QDate(2025, 3, 4), QLocale::ShortFormat));
        }
        QVERIFY2(locales > 300, qPrintable(QString::number(locales)));
        QVERIFY(withoutYear > locales / 2); // the year really goes
        QCOMPARE(shortdate::time(at, QLocale::c()), QStringLiteral("14:05"));
        QCOMPARE(shortdate::day(sameYear, today, QLocale(QLocale::German)),
                 QStringLiteral("04.03"));
    }

    // A reply that failed offers Retry right under it, after what went wrong; Retry asks
    // again as a new version, which the switcher shows.
    void aFailedReplyOffersRetryInPlace()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("http-500")));
        w.type(QStringLiteral("please"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Error, 10000);
        const QPoint retry = findAction(w, MessageDelegate::Action::Retry);
        QVERIFY2(!retry.isNull(), "no Retry under the failed reply");
        // It has no text to go on with.
        QVERIFY(findAction(w, MessageDelegate::Action::Continue).isNull());
        QTest::mouseClick(w.window->messageView()->viewport(), Qt::LeftButton, {}, retry);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->siblingPosition(w.model()->rowCount() - 1),
                                  qMakePair(2, 2), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Error, 10000);
    }

    // A reply that failed with some text offers Continue beside Retry: the same message
    // goes on where it ended, no new version, and says what both streams cost.
    void aFailedReplyContinuesInPlace()
    {
        Window w(m_server->url(), [this](AppContext& app) {
            BackendRecord second;
            second.name = QStringLiteral("second");
            second.kind = BackendKind::OpenAI;
            second.url = m_server->url(QStringLiteral("/v1"));
            QVERIFY(app.backends().add(second).ok());
        });
        QVERIFY(w.pickOn(QStringLiteral("ollama"), QStringLiteral("error-mid")));
        w.type(QStringLiteral("tell me more please"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Error, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: tell "));
        const int rows = w.model()->rowCount();
        const QString id = w.last().id;

        // A model on an OpenAI-compatible server would answer anew: no Continue then.
        QVERIFY(w.pickOn(QStringLiteral("second"), QStringLiteral("llama3.2:latest")));
        QVERIFY(findAction(w, MessageDelegate::Action::Continue).isNull());
        QVERIFY(!findAction(w, MessageDelegate::Action::Retry).isNull());
        QVERIFY(!menuTexts(w).contains(QStringLiteral("Continue the reply")));

        QVERIFY(w.pickOn(QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")));
        const QPoint go = findAction(w, MessageDelegate::Action::Continue);
        QVERIFY2(!go.isNull(), "no Continue under the failed reply");
        // The message menu offers it too (for the keyboard).
        QVERIFY(menuTexts(w).contains(QStringLiteral("Continue the reply")));
        QVERIFY(!findAction(w, MessageDelegate::Action::Retry).isNull());
        QTest::mouseClick(w.window->messageView()->viewport(), Qt::LeftButton, {}, go);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: tell me more please"));
        QCOMPARE(w.last().id, id);
        QCOMPARE(w.model()->rowCount(), rows);
        QCOMPARE(w.model()->siblingPosition(rows - 1), qMakePair(1, 1));
        QVERIFY(w.last().error.isEmpty());
        // Its details say it went on with another model, and on which server.
        QCOMPARE(w.last().cost.continued, 1);
        QVERIFY2(w.last()
                     .cost.details(w.last().model, w.last().createdAt)
                     .contains(QStringLiteral("Continued with llama3.2:latest on ollama")),
                 qPrintable(w.last().cost.details(w.last().model, w.last().createdAt)));
        // Complete now: neither Retry nor Continue; the focus is back in the composer.
        QVERIFY(findAction(w, MessageDelegate::Action::Continue).isNull());
        QVERIFY(findAction(w, MessageDelegate::Action::Retry).isNull());
        QVERIFY(w.composer()->hasFocus());
        // As the store has it.
        w.window->openChat(w.window->currentChatId());
        QTRY_COMPARE(w.last().content, QStringLiteral("Reply to: tell me more please"));
    }
};

QTEST_MAIN(TestReplyInfo)
#include "tst_replyinfo.moc"
