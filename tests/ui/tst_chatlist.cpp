// SPDX-License-Identifier: GPL-3.0-or-later
// The chat list: one change moves one row (never the whole list), the rows always equal
// the list built afresh, and the message search runs on its own thread, answering only
// the newest question.
#include "TestSupport.h"
#include "TestWindow.h"

#include "sidebar/ChatListModel.h"
#include "sidebar/ChatRowDelegate.h"
#include "sidebar/ChatSidebar.h"
#include "store/ChatStore.h"
#include "store/sqlite/BackgroundSearch.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace lyss;

namespace {

using Entry = ChatListModel::Entry;

QStringList rowsOf(const ChatListModel& m)
{
    QStringList rows;
    for (int r = 0; r < m.rowCount(); ++r)
        rows << m.index(r).data(ChatListModel::ChatIdRole).toString() + QLatin1Char('/') +
                    m.index(r).data().toString();
    return rows;
}

qint64 daysAgo(double days)
{
    return QDateTime::currentDateTime().addSecs(qint64(-days * 86400)).toMSecsSinceEpoch();
}

} // namespace

class TestChatList : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    // "hello" to llama3.2 in the open chat (a new one if none), answered in full.
    static bool sendHello(Window& w)
    {
        if (!w.pick(QStringLiteral("llama3.2:latest")))
            return false;
        w.type(QStringLiteral("hello"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        return QTest::qWaitFor(
            [&w] {
                return w.model()->rowCount() == 2 &&
                       w.model()->at(1).status == MessageStatus::Complete;
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void groupsWithHeadings()
    {
        ChatListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setChats({{QStringLiteral("old"), QStringLiteral("Old"), daysAgo(30), 0, false},
                    {QStringLiteral("pin"), QStringLiteral("Pinned one"), daysAgo(40), 0, true},
                    {QStringLiteral("now"), QString(), daysAgo(0), 0, false},
                    {QStringLiteral("ystd"), QStringLiteral("Y"), daysAgo(1), 0, false}});
        const QStringList expected{
            QStringLiteral("/Pinned"),    QStringLiteral("pin/Pinned one"),
            QStringLiteral("/Today"),     QStringLiteral("now/Untitled chat"),
            QStringLiteral("/Yesterday"), QStringLiteral("ystd/Y"),
            QStringLiteral("/Older"),     QStringLiteral("old/Old")};
        QCOMPARE(rowsOf(m), expected);
        QCOMPARE(m.flags(m.index(0)), Qt::NoItemFlags); // a heading cannot be chosen
        QVERIFY(m.flags(m.index(1)) & Qt::ItemIsSelectable);
    }

    void oneChangeMovesOneRow()
    {
        ChatListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Entry> chats;
        for (int i = 0; i < 1000; ++i)
            chats.append({QStringLiteral("c%1").arg(i), QStringLiteral("Chat %1").arg(i),
                          daysAgo(10 + i), 0, false});
        m.setChats(chats);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

        // A reply in the oldest chat: it leaves the end and heads a new Today group.
        Entry bumped = chats.last();
        bumped.updatedAt = daysAgo(0);
        m.updateChat(bumped.id, bumped);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed[0][1].toInt(), removed[0][2].toInt()); // one row
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 1); // the chat and its new heading
        QCOMPARE(m.index(1).data(ChatListModel::ChatIdRole).toString(), bumped.id);

        // Renamed where it is: the row changes in place.
        bumped.title = QStringLiteral("Renamed");
        m.updateChat(bumped.id, bumped);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 1);

        // Gone: the row and its heading, alone in their group, go.
        m.updateChat(bumped.id, std::nullopt);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed[1][1].toInt(), 0);
        QCOMPARE(removed[1][2].toInt(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m.rowCount(), 1000); // "Older" and 999 chats
    }

    // The newest chats first, the rest from the search thread: added as one insertion.
    void theRestIsAddedAtTheEnd()
    {
        ChatListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Entry> all;
        for (int i = 0; i < 250; ++i)
            all.append({QStringLiteral("c%1").arg(i), QStringLiteral("Chat %1").arg(i),
                        daysAgo(i * 0.1), 0, false});
        m.setChats(all.mid(0, 100));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        m.addRest(all);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        ChatListModel fresh;
        fresh.setChats(all);
        QCOMPARE(rowsOf(m), rowsOf(fresh));

        // Changed while the rest was read: kept as changed, not as it was read. A chat
        // deleted meanwhile does not come back.
        m.setChats(all.mid(0, 100));
        m.updateChat(QStringLiteral("c5"), Entry{QStringLiteral("c5"), QStringLiteral("Renamed"),
                                                 all[5].updatedAt, 0, false});
        m.updateChat(QStringLiteral("c7"), std::nullopt);
        Entry bumped = all[200];
        bumped.updatedAt = daysAgo(0) + 1000;
        m.updateChat(bumped.id, bumped);
        m.addRest(all);
        QList<Entry> now = all;
        now[5].title = QStringLiteral("Renamed");
        now[200] = bumped;
        now.removeAt(7);
        ChatListModel expected;
        expected.setChats(now);
        QCOMPARE(rowsOf(m), rowsOf(expected));
        QCOMPARE(reset.count(), 1); // the setChats; the rest is still added at the end
    }

    // Whatever happens to which chat, the rows are those of the list built afresh.
    void updatesEqualARebuild()
    {
        ChatListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QRandomGenerator random(20261206);
        QHash<QString, Entry> chats;
        const auto entry = [&](const QString& id) {
            return Entry{id, QStringLiteral("t") + id, daysAgo(random.bounded(20.0)),
                         random.bounded(1000), random.bounded(8) == 0};
        };
        for (int i = 0; i < 40; ++i)
            chats.insert(QString::number(i), entry(QString::number(i)));
        m.setChats(chats.values());
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        for (int step = 0; step < 400; ++step) {
            const QString id = QString::number(random.bounded(60));
            if (random.bounded(5) == 0) {
                chats.remove(id);
                m.updateChat(id, std::nullopt);
            } else {
                Entry e = entry(id);
                if (chats.contains(id) && random.bounded(2) == 0)
                    e.updatedAt = chats[id].updatedAt; // a rename
                chats.insert(id, e);
                m.updateChat(id, e);
            }
            ChatListModel fresh;
            fresh.setChats(chats.values());
            QCOMPARE(rowsOf(m), rowsOf(fresh));
        }
        QCOMPARE(reset.count(), 0);
    }

    void shortDates()
    {
        const QLocale c(QLocale::English, QLocale::UnitedStates);
        const QDateTime now(QDate(2026, 12, 6), QTime(15, 0));
        QCOMPARE(ChatRowDelegate::shortDate(
                     QDateTime(QDate(2026, 12, 6), QTime(9, 5)).toMSecsSinceEpoch(), now, c),
                 QStringLiteral("9:05 AM"));
        QCOMPARE(ChatRowDelegate::shortDate(
                     QDateTime(QDate(2026, 12, 3), QTime(9, 5)).toMSecsSinceEpoch(), now, c),
                 QStringLiteral("Thu"));
        QCOMPARE(ChatRowDelegate::shortDate(
                     QDateTime(QDate(2026, 10, 3), QTime(9, 5)).toMSecsSinceEpoch(), now, c),
                 QStringLiteral("10/3"));
        QCOMPARE(ChatRowDelegate::shortDate(
                     QDateTime(QDate(2025, 10, 3), QTime(9, 5)).toMSecsSinceEpoch(), now, c),
                 QStringLiteral("10/3/25"));
    }

    void whenMessagesAreSearched()
    {
        QVERIFY(!ChatSidebar::searchesMessages(QStringLiteral("a")));
        QVERIFY(ChatSidebar::searchesMessages(QStringLiteral("ab")));
        QVERIFY(ChatSidebar::searchesMessages(QStringLiteral("鲸"))); // one word already
    }

    void searchRunsOffTheWindowThreadAndAnswersTheNewestOnly()
    {
        Window w(m_server->url(), [](AppContext& app) {
            for (int c = 0; c < 30; ++c) {
                auto chat =
                    app.store().chats().createChat({.title = QStringLiteral("Chat %1").arg(c)});
                Message m;
                m.chatId = chat->id;
                m.role = Role::User;
                m.content = QStringLiteral("the walrus and the carpenter %1").arg(c);
                QVERIFY(app.store().messages().addMessage(m).ok());
            }
        });
        BackgroundSearch search(w.app->databasePath(), w.app->store().userId());
        QSignalSpy found(&search, &BackgroundSearch::found);
        search.search(QStringLiteral("walr"), 10);
        search.search(QStringLiteral("carp"), 10);
        const quint64 newest = search.search(QStringLiteral("walrus carpenter"), 5);
        QCOMPARE(found.count(), 0); // answered later, never in the call
        QTRY_COMPARE(found.count(), 1);
        QTest::qWait(200); // nothing else comes
        QCOMPARE(found.count(), 1);
        QCOMPARE(found[0][0].toULongLong(), newest);
        QCOMPARE(found[0][1].toString(), QStringLiteral("walrus carpenter"));
        QCOMPARE(found[0][2].value<QList<SearchHit>>().size(), 5);
        QVERIFY(found[0][3].toString().isEmpty());

        // Cancelled: no answer.
        search.search(QStringLiteral("walrus"), 10);
        search.cancel();
        QTest::qWait(300);
        QCOMPARE(found.count(), 1);

        // In the window: the titles at once, the messages' chats when the answer comes.
        QTRY_COMPARE(w.window->findChild<ChatSidebar*>()->model()->chats().size(), 30);
        auto* box = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        box->setText(QStringLiteral("Chat 1"));
        QVERIFY(w.chatRows().contains(QStringLiteral("Chat 1"))); // at once, by its title
        box->setText(QStringLiteral("carpenter 17"));
        QCOMPARE(w.chatRows(), QStringList{QStringLiteral("Searching the messages…")});
        QTRY_VERIFY(w.chatRows().first().startsWith(QStringLiteral("Chat 17\n")));
        QCOMPARE(w.chatRows().size(), 1);
    }

    void aSentMessageMovesItsChatAlone()
    {
        Window w(m_server->url(), [](AppContext& app) {
            for (int c = 0; c < 300; ++c)
                QVERIFY(app.store()
                            .chats()
                            .createChat({.title = QStringLiteral("Chat %1").arg(c),
                                         .createdAt = daysAgo(30 + c),
                                         .updatedAt = daysAgo(30 + c)})
                            .ok());
        });
        auto* model = w.window->findChild<ChatSidebar*>()->model();
        QTRY_COMPARE(model->chats().size(), 300); // the newest at once, then the rest
        const int rows = model->rowCount();
        w.window->openChat(model->index(rows - 1).data(ChatListModel::ChatIdRole).toString());
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QVERIFY(sendHello(w));
        QTRY_COMPARE(model->index(1).data(ChatListModel::ChatIdRole).toString(),
                     w.window->currentChatId());
        QCOMPARE(model->index(0).data().toString(), QStringLiteral("Today"));
        QCOMPARE(model->rowCount(), rows + 1); // a heading more, nothing else
        QCOMPARE(reset.count(), 0);
        QCOMPARE(w.chatList()->currentIndex().row(), 1);

        // The oldest chat, read with the rest, is found by its title.
        w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"))
            ->setText(QStringLiteral("Chat 298"));
        QVERIFY(w.chatRows().contains(QStringLiteral("Chat 298")));
    }

    // A first start's empty list says what will be there; the first chat takes its
    // place. A search that finds nothing says so in the list instead.
    void anEmptyListSaysWhatWillBeThere()
    {
        Window w(m_server->url());
        auto* empty = w.window->findChild<QLabel*>(QStringLiteral("noChatsYet"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().startsWith(QLatin1String("No chats yet.")),
                 qPrintable(empty->text()));
        QCOMPARE(empty->textFormat(), Qt::PlainText);
        QVERIFY(!w.chatList()->isVisible()); // in its place
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        search->setText(QStringLiteral("whales"));
        QTRY_VERIFY(!empty->isVisible()); // the list says no chat has it
        search->clear();
        QTRY_VERIFY(empty->isVisible());

        QVERIFY(sendHello(w));
        QTRY_VERIFY(!empty->isVisible());
        QVERIFY(w.chatList()->isVisible());
        QCOMPARE(w.window->findChild<ChatSidebar*>()->model()->chats().size(), 1);
    }
};

QTEST_MAIN(TestChatList)
#include "tst_chatlist.moc"
