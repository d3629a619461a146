// SPDX-License-Identifier: GPL-3.0-or-later
// Chats and message trees as a user meets them: branches from regenerate and edit,
// the chat list's order, search that follows every change. Written against the store's
// interface (StoreUnderTest), so it runs on any database the store has a source for.
#include "StoreUnderTest.h"
#include "TestSupport.h"

#include "markdown/MarkdownText.h"
#include "store/ChatBulkWriter.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/ReplyRecovery.h"
#include "store/Transaction.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/SearchIndexer.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestChatStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreUnderTest> m_under;
    ChatStore* m_store = nullptr;

    Message add(const QString& chatId, const QString& parentId, Role role, const QString& content,
                qint64 at = 0)
    {
        Message m;
        m.chatId = chatId;
        m.parentId = parentId;
        m.role = role;
        m.content = content;
        m.createdAt = at;
        auto added = m_store->messages().addMessage(m);
        if (!added.ok())
            qFatal("addMessage failed: %s", qPrintable(added.errorMessage()));
        return *added;
    }

    QStringList branchContents(const QString& chatId)
    {
        QStringList out;
        auto branch = m_store->messages().currentBranch(chatId);
        if (branch.ok()) {
            for (const Message& m : *branch)
                out << m.content;
        }
        return out;
    }

    // A reply that has begun to stream (as ChatEngine starts one).
    Message startReply(const QString& chatId, const QString& parentId)
    {
        Message reply;
        reply.chatId = chatId;
        reply.parentId = parentId;
        reply.role = Role::Assistant;
        reply.status = MessageStatus::Streaming;
        return m_store->messages().addMessage(reply).value();
    }

    void exec(const QString& sql)
    {
        const Status st = m_under->exec(sql);
        QVERIFY2(st.ok(), qPrintable(st.errorMessage()));
    }

    // SQLite's own check of its full-text index (other databases check theirs elsewhere).
    bool searchIndexIsSound()
    {
        if (!m_under->sqlite())
            return true;
        QSqlQuery q(m_under->sqlite()->connection());
        return q.exec(QStringLiteral(
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)"));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_under.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db")));
        auto under = StoreUnderTest::open(m_dir.path());
        QVERIFY2(under.ok(), qPrintable(under.errorMessage()));
        m_under = std::move(under).value();
        m_store = &m_under->store();
    }

    void cleanup()
    {
        m_store = nullptr;
        m_under.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db")));
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db-wal")));
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db-shm")));
    }

    void regenerateAndEditMakeBranches()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Branches")});
        QVERIFY(chat.ok());
        const QString id = chat->id;
        const Message q1 = add(id, {}, Role::User, QStringLiteral("What is 2+2?"));
        const Message a1 = add(id, q1.id, Role::Assistant, QStringLiteral("4"));
        QCOMPARE(branchContents(id),
                 (QStringList{QStringLiteral("What is 2+2?"), QStringLiteral("4")}));

        // Regenerate: a sibling of a1 under the same question becomes current.
        const Message a2 = add(id, q1.id, Role::Assistant, QStringLiteral("Four."));
        QCOMPARE(branchContents(id),
                 (QStringList{QStringLiteral("What is 2+2?"), QStringLiteral("Four.")}));
        // Continue on the new branch.
        add(id, a2.id, Role::User, QStringLiteral("And 3+3?"));
        QCOMPARE(branchContents(id),
                 (QStringList{QStringLiteral("What is 2+2?"), QStringLiteral("Four."),
                              QStringLiteral("And 3+3?")}));
        // Edit the first question: a new root, and the old tree stays stored.
        add(id, {}, Role::User, QStringLiteral("What is 2+3?"));
        QCOMPARE(branchContents(id), QStringList{QStringLiteral("What is 2+3?")});
        auto list = m_store->chats().listChats();
        QVERIFY(list.ok());
        QCOMPARE(list->first().messageCount, 5);
        Q_UNUSED(a1);
    }

    void siblingsSwitchingAndDeleting()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Tree")});
        const QString id = chat->id;
        const Message q = add(id, {}, Role::User, QStringLiteral("q"));
        const Message a1 = add(id, q.id, Role::Assistant, QStringLiteral("a1"));
        const Message f1 = add(id, a1.id, Role::User, QStringLiteral("follow-up on a1"));
        const Message a2 = add(id, q.id, Role::Assistant, QStringLiteral("a2"));
        auto sibs = m_store->messages().siblings(id);
        QVERIFY(sibs.ok());
        QCOMPARE(sibs->value(q.id), (QStringList{a1.id, a2.id}));
        QVERIFY(!sibs->contains(QString())); // a lone root has no siblings to list
        // The same read through the parents a window onto the chat shows.
        auto under = m_store->messages().siblingsUnder(id, {QString(), q.id, a1.id});
        QVERIFY2(under.ok(), qPrintable(under.errorMessage()));
        QCOMPARE(*under, *sibs);
        QVERIFY(m_store->messages().siblingsUnder(id, {a1.id})->isEmpty());
        // Two roots (an edited first message) are siblings under "".
        const Message q2 = add(id, {}, Role::User, QStringLiteral("q, edited"));
        QCOMPARE(m_store->messages().siblingsUnder(id, {QString()})->value(QString()),
                 (QStringList{q.id, q2.id}));
        QVERIFY(m_store->messages().deleteMessage(q2.id).ok());
        QVERIFY(m_store->messages().setCurrentLeaf(id, a2.id).ok());

        // Back to the first answer: the branch continues to its newest leaf.
        QCOMPARE(*m_store->messages().latestLeafUnder(a1.id), f1.id);
        QVERIFY(m_store->messages()
                    .setCurrentLeaf(id, *m_store->messages().latestLeafUnder(a1.id))
                    .ok());
        QCOMPARE(branchContents(id), (QStringList{QStringLiteral("q"), QStringLiteral("a1"),
                                                  QStringLiteral("follow-up on a1")}));
        QVERIFY(!m_store->messages().setCurrentLeaf(id, QStringLiteral("not-a-message")).ok());

        // Deleting the branch on screen moves to what is left.
        QVERIFY(m_store->messages().deleteMessage(a1.id).ok());
        QVERIFY(!m_store->messages().message(f1.id)->has_value()); // its replies went with it
        QCOMPARE(branchContents(id), (QStringList{QStringLiteral("q"), QStringLiteral("a2")}));
        QVERIFY(m_store->messages().deleteMessage(a2.id).ok());
        QCOMPARE(branchContents(id), QStringList{QStringLiteral("q")});
        QCOMPARE(m_store->search().search(QStringLiteral("follow"))->size(), 0);
    }

    void chatListEdits()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Old name")});
        QVERIFY(m_store->chats().renameChat(chat->id, QStringLiteral("  New name ")).ok());
        QVERIFY(m_store->chats().setPinned(chat->id, true).ok());
        auto c = m_store->chats().chat(chat->id);
        QCOMPARE((*c)->title, QStringLiteral("New name"));
        QVERIFY((*c)->pinned);
        QVERIFY(m_store->chats().setArchived(chat->id, true).ok());
        QCOMPARE(m_store->chats().listChats()->size(), 0);
        QCOMPARE(m_store->chats().listChats(true)->size(), 1);
        add(chat->id, {}, Role::User, QStringLiteral("bye"));
        QVERIFY(m_store->chats().deleteChat(chat->id).ok());
        QCOMPARE(m_store->chats().listChats(true)->size(), 0);
        QCOMPARE(m_store->search().search(QStringLiteral("bye"))->size(), 0);
    }

    void messageFieldsRoundTrip()
    {
        auto chat = m_store->chats().createChat(
            {.title = QStringLiteral("Fields"), .model = QStringLiteral("llama3.2")});
        QVERIFY(chat.ok());
        Message m;
        m.chatId = chat->id;
        m.role = Role::Assistant;
        // Text is read as its UTF-8 bytes and decoded by Qt: all of Unicode comes back.
        m.content = QStringLiteral("Partial answer — 半分, 😀 𝄞 \u200F and a NUL-free end");
        m.thinking = QStringLiteral("Let me think: 想一想 🧠");
        m.model = QStringLiteral("llama3.2:latest");
        m.status = MessageStatus::Error;
        m.error = QStringLiteral("The connection was cut");
        m.metrics = QJsonObject{{QStringLiteral("eval_count"), 42},
                                {QStringLiteral("tokens_per_second"), 31.5}};
        QVERIFY(m_store->messages().addMessage(m).ok());
        auto branch = m_store->messages().currentBranch(chat->id);
        QVERIFY(branch.ok());
        QCOMPARE(branch->size(), 1);
        const Message& got = branch->first();
        QCOMPARE(got.role, Role::Assistant);
        QCOMPARE(got.content, m.content);
        QCOMPARE(got.thinking, m.thinking);
        QCOMPARE(got.model, m.model);
        QCOMPARE(got.status, MessageStatus::Error);
        QCOMPARE(got.error, m.error);
        QCOMPARE(got.metrics.value(QStringLiteral("eval_count")).toInt(), 42);
        QVERIFY(got.createdAt > 0);
        QString shownContent, shownThinking; // what the window reads
        QVERIFY(m_store->messages()
                    .visitCurrentBranch(
                        chat->id,
                        [&](int, Message&& row) {
                            shownContent = row.content;
                            shownThinking = row.thinking;
                        },
                        MessageTree::PathColumns::Shown)
                    .ok());
        QCOMPARE(shownContent, m.content);
        QCOMPARE(shownThinking, m.thinking);
        auto stored = m_store->chats().chat(chat->id);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->model, QStringLiteral("llama3.2"));
        QCOMPARE((*stored)->currentLeafId, got.id);
    }

    void hugeTextsAreReadCutForTheWindow()
    {
        // Over MessageTree::kShownBytes the window reads the start of a text, cut at a
        // character (here a 4-byte one straddles the limit) and at a line when one ends
        // near; message() and every other read give it whole.
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Huge")});
        QVERIFY(chat.ok());
        const int limit = MessageTree::kShownBytes;
        const QString line = QStringLiteral("| 一 | 😀 | row |\n"); // 27 bytes in UTF-8
        QString table;
        while (table.toUtf8().size() < limit + 4096)
            table += line;
        const QString oneLine = QString(limit - 2, QLatin1Char('a')) + QStringLiteral("😀 and more");
        const QString small = QString(limit - 1, QLatin1Char('b')); // just under: whole
        QStringList ids;
        QString parent;
        for (const QString& text : {table, oneLine, small}) {
            Message m;
            m.chatId = chat->id;
            m.parentId = parent;
            m.role = Role::Assistant;
            m.content = text;
            auto added = m_store->messages().addMessage(m);
            QVERIFY(added.ok());
            parent = added->id;
            ids << parent;
        }
        QHash<QString, Message> shown;
        QVERIFY(m_store->messages()
                    .visitCurrentBranch(
                        chat->id, [&](int, Message&& row) { shown.insert(row.id, row); },
                        MessageTree::PathColumns::Shown)
                    .ok());
        const Message& cutTable = shown.value(ids[0]);
        QVERIFY(cutTable.contentCut);
        QVERIFY(cutTable.content.toUtf8().size() <= limit);
        QVERIFY(cutTable.content.size() > limit / 4); // most of it, not a sliver
        QVERIFY(table.startsWith(cutTable.content));
        QVERIFY2(cutTable.content.endsWith(QLatin1Char('\n')), "not cut at a line");
        const Message& cutLine = shown.value(ids[1]);
        QVERIFY(cutLine.contentCut);
        QCOMPARE(cutLine.content, QString(limit - 2, QLatin1Char('a'))); // not half an emoji
        QVERIFY(!shown.value(ids[2]).contentCut);
        QCOMPARE(shown.value(ids[2]).content, small);
        auto whole = m_store->messages().message(ids[0]);
        QVERIFY(whole.ok() && whole->has_value());
        QCOMPARE((*whole)->content, table);
        QVERIFY(!(*whole)->contentCut);
        auto branch = m_store->messages().currentBranch(chat->id);
        QVERIFY(branch.ok());
        QCOMPARE(branch->at(1).content, oneLine);
    }

    void messageForUnknownChatIsRefused()
    {
        Message m;
        m.chatId = QStringLiteral("no-such-chat");
        m.content = QStringLiteral("orphan");
        auto added = m_store->messages().addMessage(m);
        QVERIFY(!added.ok());
        QVERIFY(added.errorMessage().contains(QStringLiteral("FOREIGN KEY")));
        exec(QStringLiteral("SELECT 1")); // the connection is still usable
        QCOMPARE(m_store->search().search(QStringLiteral("orphan"))->size(), 0);
    }

    void listIsMostRecentlyActiveFirst()
    {
        auto older =
            m_store->chats().createChat({.title = QStringLiteral("Older"), .createdAt = 1000});
        auto newer =
            m_store->chats().createChat({.title = QStringLiteral("Newer"), .createdAt = 2000});
        auto archived = m_store->chats().createChat(
            {.title = QStringLiteral("Archived"), .archived = true, .createdAt = 3000});
        QVERIFY(older.ok() && newer.ok() && archived.ok());
        auto list = m_store->chats().listChats();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).chat.title, QStringLiteral("Newer"));
        // A new message makes the older chat the most recent.
        add(older->id, {}, Role::User, QStringLiteral("hello again"), 5000);
        list = m_store->chats().listChats();
        QCOMPARE(list->at(0).chat.title, QStringLiteral("Older"));
        QCOMPARE(list->at(0).messageCount, 1);
        QCOMPARE(list->at(1).messageCount, 0);
        auto all = m_store->chats().listChats(true);
        QCOMPARE(all->size(), 3);
    }

    void searchFollowsInsertUpdateAndDelete()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Animals")});
        const Message m =
            add(chat->id, {}, Role::User, QStringLiteral("Tell me about the kangaroo's pouch"));
        add(chat->id, m.id, Role::Assistant, QStringLiteral("A wombat is different."));

        auto hits = m_store->search().search(QStringLiteral("kangaroo"));
        QVERIFY2(hits.ok(), qPrintable(hits.errorMessage()));
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().messageId, m.id);
        QCOMPARE(m_store->search().search(QStringLiteral("kanga"))->size(),
                 1); // prefix while typing
        QCOMPARE(m_store->search().search(QStringLiteral("KANGAROO pouch"))->size(), 1);
        QCOMPARE(m_store->search().search(QStringLiteral("kangaroo wombat"))->size(),
                 0); // every word
        // The snippet is the words, not the markdown.
        add(chat->id, m.id, Role::Assistant,
            QStringLiteral("## About **platypus**\n\n```python\nplatypus = 1\n```\n\n"
                           "> see [the `platypus` page](https://example.org/p)\n\n"
                           "| a | b |\n|---|---|\n| platypus | x |"));
        auto platypus = m_store->search().search(QStringLiteral("platypus"));
        QCOMPARE(platypus->size(), 1);
        const QString snippet = SearchHit::bracketed(platypus->first().snippet);
        for (const char* mark : {"```", "**", "##", "`", "](", "|", "python", "> "})
            QVERIFY2(!snippet.contains(QLatin1String(mark)), qPrintable(snippet));
        QVERIFY2(snippet.contains(QStringLiteral("[platypus]")), qPrintable(snippet)); // the match
        QVERIFY2(snippet.contains(QStringLiteral("see the")), qPrintable(snippet));
        QCOMPARE(MarkdownText::flattened(QStringLiteral("1. first\n- [x] done\n>> deep")),
                 QStringLiteral("first done deep"));

        exec(QStringLiteral(
                 "UPDATE messages SET content = 'Tell me about the echidna' WHERE id = '%1'")
                 .arg(m.id));
        QCOMPARE(m_store->search().search(QStringLiteral("kangaroo"))->size(), 0);
        QCOMPARE(m_store->search().search(QStringLiteral("echidna"))->size(), 1);

        exec(QStringLiteral("DELETE FROM chats WHERE id = '%1'").arg(chat->id));
        QCOMPARE(m_store->search().search(QStringLiteral("echidna"))->size(), 0);
        QCOMPARE(m_store->search().search(QStringLiteral("wombat"))->size(), 0);
    }

    // A streaming reply is indexed once, when it ends: saving it while it streams does not
    // touch the index, and the index stays consistent through every step.
    void searchIndexesRepliesWhenTheyEnd()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Streaming")});
        const Message question = add(chat->id, {}, Role::User, QStringLiteral("Tell me"));
        Message reply = startReply(chat->id, question.id);
        const auto indexIsSound = [this] { return searchIndexIsSound(); };
        QVERIFY(m_store->messages()
                    .checkpointMessage(reply.id, QStringLiteral("platypus so far"), {})
                    .ok());
        QCOMPARE(m_store->search().search(QStringLiteral("platypus"))->size(), 0);
        QVERIFY(indexIsSound());

        reply.content = QStringLiteral("platypus and more");
        reply.status = MessageStatus::Complete;
        QVERIFY(m_store->messages().finishMessage(reply).ok());
        QCOMPARE(m_store->search().search(QStringLiteral("platypus"))->size(), 1);
        QVERIFY(indexIsSound());

        // A reply cut off while streaming is indexed when it is marked interrupted.
        Message cut = startReply(chat->id, question.id);
        QVERIFY(m_store->messages().checkpointMessage(cut.id, QStringLiteral("quokka"), {}).ok());
        QCOMPARE(
            *ReplyRecovery(m_under->source()).recoverInterruptedReplies([](const QString&, qint64) {
                return false;
            }),
            1);
        QCOMPARE(m_store->search().search(QStringLiteral("quokka"))->size(), 1);
        QVERIFY(indexIsSound());

        // Deleting a message while it streams leaves the index sound too.
        Message gone = startReply(chat->id, question.id);
        QVERIFY(m_store->messages().checkpointMessage(gone.id, QStringLiteral("numbat"), {}).ok());
        QVERIFY(m_store->messages().deleteMessage(gone.id).ok());
        QVERIFY(indexIsSound());
        QCOMPARE(m_store->search().search(QStringLiteral("numbat"))->size(), 0);
    }

    // With deferred indexing (the window), a finished reply is indexed on the indexer's
    // thread over its own connection; what it had not done is done at the next start.
    void finishedRepliesAreIndexedInTheBackground()
    {
        if (!m_under->sqlite())
            QSKIP("SearchIndexer is SQLite's");
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Deferred")});
        const Message question = add(chat->id, {}, Role::User, QStringLiteral("Go"));
        const auto finish = [&](const QString& text) {
            Message reply = startReply(chat->id, question.id);
            reply.content = text;
            reply.status = MessageStatus::Complete;
            return m_store->messages().finishMessage(reply);
        };
        {
            // Its thread (and connection) begins with the first thing asked of it.
            auto indexerThreads = [] {
                return test::threadsNamed(QStringLiteral("lyss search ind"));
            };
            const int before = indexerThreads();
            {
                SearchIndexer unused(m_under->sqlite()->path()); // and ends without one
                QCOMPARE(indexerThreads(), before);
            }
            SearchIndexer indexer(m_under->sqlite()->path());
            QCOMPARE(indexerThreads(), before);
            QSignalSpy indexed(&indexer, &SearchIndexer::indexed);
            int asked = 0;
            m_store->messages().setDeferredIndexing([&] {
                ++asked;
                indexer.indexSoon();
            });
            QVERIFY(finish(QStringLiteral("axolotl")).ok());
            QCOMPARE(asked, 1);
            QVERIFY(indexed.wait(5000));
            QCOMPARE(indexerThreads(), before + 1);
            QCOMPARE(m_store->search().search(QStringLiteral("axolotl"))->size(), 1);
            m_store->messages().setDeferredIndexing({});
        }
        // Left waiting (Lyss stopped first): indexed by the next start.
        m_store->messages().setDeferredIndexing([] {});
        QVERIFY(finish(QStringLiteral("capybara")).ok());
        QCOMPARE(m_store->search().search(QStringLiteral("capybara"))->size(), 0);
        QVERIFY(MessageSearch::indexWaitingMessages(m_under->sqlite()->connection()).ok());
        QCOMPARE(m_store->search().search(QStringLiteral("capybara"))->size(), 1);
        QVERIFY(searchIndexIsSound());
        m_store->messages().setDeferredIndexing({});
    }

    // The window's connection writes replies while the indexer's connection indexes them
    // and runs the checkpoints on its thread: both wait for the other's lock (busy
    // timeout) and neither fails, and nothing is left unindexed.
    void theIndexerAndAWriterShareTheFile()
    {
        if (!m_under->sqlite())
            QSKIP("SearchIndexer is SQLite's");
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        auto chat = m_store->chats().createChat({.title = QStringLiteral("Contended")});
        const Message question = add(chat->id, {}, Role::User, QStringLiteral("Go"));
        QStringList words;
        for (int i = 0; i < 500; ++i)
            words << QStringLiteral("word%1").arg(i % 97);
        const QString filler = words.join(QLatin1Char(' '));
        {
            SearchIndexer indexer(m_under->sqlite()->path());
            m_store->messages().setDeferredIndexing([&] { indexer.indexSoon(); });
            m_under->sqlite()->handOffCheckpoints([&] { indexer.checkpointSoon(); });
            for (int i = 0; i < 100; ++i) {
                Message reply = startReply(chat->id, question.id);
                reply.content = QStringLiteral("capybara%1 ").arg(i) + filler;
                reply.status = MessageStatus::Complete;
                const Status st = m_store->messages().finishMessage(reply);
                QVERIFY2(st.ok(), qPrintable(st.errorMessage()));
            }
            const auto waiting = [&] {
                QSqlQuery q(m_under->sqlite()->connection());
                return q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE indexed = 0")) &&
                               q.next()
                           ? q.value(0).toInt()
                           : -1;
            };
            QTRY_COMPARE_WITH_TIMEOUT(waiting(), 0, 30000);
            m_under->sqlite()->handOffCheckpoints({});
            m_store->messages().setDeferredIndexing({});
        }
        QCOMPARE(m_store->search().search(QStringLiteral("capybara57"))->size(), 1);
        QCOMPARE(m_store->search().search(QStringLiteral("word13"), 1000)->size(), 100);
        QVERIFY(searchIndexIsSound());
    }

    void searchTakesAnyTextSafely_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote") << QStringLiteral("say \"hi");
        QTest::newRow("operators") << QStringLiteral("NEAR( a OR -b AND NOT c*");
        QTest::newRow("column filter") << QStringLiteral("content:secret");
        QTest::newRow("only spaces") << QStringLiteral("   ");
        QTest::newRow("parenthesis") << QStringLiteral(")(");
    }

    void searchTakesAnyTextSafely()
    {
        QFETCH(QString, text);
        auto chat = m_store->chats().createChat({.title = QStringLiteral("x")});
        add(chat->id, {}, Role::User, QStringLiteral("say \"hi\" to content:secret"));
        auto hits = m_store->search().search(text);
        QVERIFY2(hits.ok(), qPrintable(hits.errorMessage()));
    }

    void chatIdPrefixes()
    {
        auto a = m_store->chats().createChat(
            {.id = QStringLiteral("abc-111"), .title = QStringLiteral("A")});
        auto b = m_store->chats().createChat(
            {.id = QStringLiteral("abc-222"), .title = QStringLiteral("B")});
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(*m_store->chats().resolveChatId(QStringLiteral("abc-1")),
                 QStringLiteral("abc-111"));
        QCOMPARE(*m_store->chats().resolveChatId(QStringLiteral("abc-222")),
                 QStringLiteral("abc-222"));
        auto ambiguous = m_store->chats().resolveChatId(QStringLiteral("abc"));
        QVERIFY(!ambiguous.ok());
        QVERIFY(ambiguous.errorMessage().contains(QStringLiteral("Several chats")));
        auto none = m_store->chats().resolveChatId(QStringLiteral("zzz"));
        QVERIFY(!none.ok());
        QVERIFY(none.errorMessage().contains(QStringLiteral("no chat")));
        // LIKE wildcards in a prefix are plain characters.
        QVERIFY(!m_store->chats().resolveChatId(QStringLiteral("%")).ok());
    }

    void deepChainsAreDeletedWithoutRecursionLimits()
    {
        // 100,000 messages on one branch: ON DELETE CASCADE would recurse per level and
        // SQLite stops at 1,000 ("too many levels of trigger recursion").
        const int depth = 100000;
        Chat c;
        c.id = QStringLiteral("deep-chat");
        c.title = QStringLiteral("Deep");
        {
            Transaction tx(m_under->source());
            ChatBulkWriter writer(m_under->source(), localUserId());
            QVERIFY(writer.begin().ok());
            QVERIFY(writer.insertChat(c).ok());
            for (int i = 0; i < depth; ++i) {
                Message m;
                m.id = QStringLiteral("deep-%1").arg(i);
                m.chatId = c.id;
                m.parentId = i == 0 ? QString() : QStringLiteral("deep-%1").arg(i - 1);
                m.role = i % 2 ? Role::Assistant : Role::User;
                m.content = QStringLiteral("message %1").arg(i);
                QVERIFY(writer.insertMessage(m).ok());
            }
            QVERIFY(writer.setCurrentLeaf(c.id, QStringLiteral("deep-%1").arg(depth - 1)).ok());
            QVERIFY(writer.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(m_store->messages().messageCount(c.id).value(), depth);

        // A message and everything below it.
        Status st = m_store->messages().deleteMessage(QStringLiteral("deep-%1").arg(depth - 5000));
        QVERIFY2(st.ok(), qPrintable(st.errorMessage()));
        QCOMPARE(m_store->messages().messageCount(c.id).value(), depth - 5000);
        QCOMPARE(m_store->chats().chat(c.id).value()->currentLeafId,
                 QStringLiteral("deep-%1").arg(depth - 5001));
        QVERIFY(m_store->search().search(QStringLiteral("\"message 99999\"")).value().isEmpty());

        // The whole chat.
        st = m_store->chats().deleteChat(c.id);
        QVERIFY2(st.ok(), qPrintable(st.errorMessage()));
        QVERIFY(!m_store->chats().chat(c.id).value().has_value());
        QCOMPARE(m_store->messages().messageCount(c.id).value(), 0);
        QVERIFY(m_store->search().search(QStringLiteral("\"message 5\"")).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChatStore)
#include "tst_chatstore.moc"
