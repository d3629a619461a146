// SPDX-License-Identifier: GPL-3.0-or-later
// Chats in and out: Open WebUI's export (both shapes) and ChatGPT's conversations.json
// come in with their branches, roles, models, times, flags and tags; a broken file
// imports nothing and says where; importing twice adds nothing; Lyss's export goes
// back in with nothing lost; backups restore only when they are intact Lyss databases.
#include "TestSupport.h"

#include "io/ChatImporter.h"
#include "io/MarkdownExport.h"
#include "io/OpenWebUiFormat.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/DatabaseBackup.h"
#include "store/sqlite/Migrations.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

namespace {

QString fixture(const char* name)
{
    return QStringLiteral(LYSS_SOURCE_DIR "/tests/data/import/") + QLatin1String(name);
}

struct Store {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<ChatStore> chats;
    Store()
    {
        db = std::move(Database::open(dir.filePath(QStringLiteral("lyss.db")))).value();
        chats = std::make_unique<ChatStore>(*db, localUserId());
    }
    ~Store()
    {
        chats.reset();
        db.reset();
    }
    ChatImporter::Summary import(const QString& path)
    {
        auto file = ChatImporter::read(path);
        if (!file)
            qFatal("%s", qPrintable(file.errorMessage()));
        auto s = ChatImporter(*db, localUserId()).write(*file);
        if (!s)
            qFatal("%s", qPrintable(s.errorMessage()));
        return *s;
    }
    Chat byTitle(const QString& title)
    {
        for (const ChatSummary& s : *chats->chats().listChats(true)) {
            if (s.chat.title == title)
                return s.chat;
        }
        qFatal("no chat titled %s", qPrintable(title));
    }
    QStringList branch(const QString& chatId)
    {
        QStringList out;
        for (const Message& m : *chats->messages().currentBranch(chatId))
            out << roleName(m.role) + QLatin1Char(':') + m.content;
        return out;
    }
    int count(const QString& table)
    {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("SELECT count(*) FROM ") + table);
        q.next();
        return q.value(0).toInt();
    }
    // Everything a user could tell apart, without ids: the export, canonical.
    QString canonicalExport()
    {
        QStringList chatsOut;
        for (const ChatSummary& s : *chats->chats().listChats(true)) {
            const Chat& c = s.chat;
            const QList<Message> all = *chats->messages().allMessages(c.id);
            QHash<QString, QString> pathOf; // id → path of contents from the root
            for (const Message& m : all)
                pathOf.insert(m.id, pathOf.value(m.parentId) + QLatin1Char('/') + m.content);
            QStringList messages;
            for (const Message& m : all)
                messages << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                                .arg(pathOf.value(m.id), roleName(m.role), m.model,
                                     statusName(m.status), m.error, m.thinking)
                                .arg(m.createdAt)
                                .arg(QString::fromUtf8(
                                    QJsonDocument(m.metrics).toJson(QJsonDocument::Compact)))
                                .arg(pathOf.value(m.parentId));
            messages.sort();
            chatsOut << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|current=%8\n  %9")
                            .arg(c.title, c.model, c.tags.join(QLatin1Char(',')))
                            .arg(c.pinned)
                            .arg(c.archived)
                            .arg(c.createdAt)
                            .arg(QString::fromUtf8(
                                QJsonDocument(c.params).toJson(QJsonDocument::Compact)))
                            .arg(pathOf.value(c.currentLeafId))
                            .arg(messages.join(QStringLiteral("\n  ")));
        }
        chatsOut.sort();
        return chatsOut.join(QLatin1Char('\n'));
    }
    QByteArray exportJson()
    {
        QJsonArray arr;
        for (const ChatSummary& s : *chats->chats().listChats(true))
            arr.append(OpenWebUiFormat::exportChat(s.chat,
                                                   *chats->messages().allMessages(s.chat.id),
                                                   *chats->messages().currentBranch(s.chat.id)));
        return QJsonDocument(arr).toJson();
    }
};

} // namespace

class TestImportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openWebUiExport()
    {
        Store s;
        const auto summary = s.import(fixture("openwebui-export.json"));
        QCOMPARE(summary.chats, 2);
        QCOMPARE(summary.messages, 7);
        QCOMPARE(summary.formatName, QStringLiteral("Open WebUI"));
        QVERIFY(summary.text().startsWith(
            QStringLiteral("Imported 2 chat(s) with 7 message(s) from Open WebUI")));

        const Chat c = s.byTitle(QStringLiteral("Branchy"));
        // The current branch goes through the second answer, not the first child.
        QCOMPARE(s.branch(c.id), (QStringList{QStringLiteral("user:Hello"),
                                              QStringLiteral("assistant:Hello there!"),
                                              QStringLiteral("user:And you?")}));
        QCOMPARE(c.pinned, true);
        QCOMPARE(c.archived, false);
        QCOMPARE(c.tags, (QStringList{QStringLiteral("greeting"), QStringLiteral("test")}));
        QCOMPARE(c.model, QStringLiteral("llama3"));
        QCOMPARE(c.createdAt, 1700000000000);
        QCOMPARE(c.updatedAt, 1700000020000);
        QCOMPARE(c.params.value(QStringLiteral("system")).toString(), QStringLiteral("Be kind"));
        QCOMPARE(c.source, QStringLiteral("open-webui"));
        QCOMPARE(c.sourceId, QStringLiteral("c-1"));
        const QList<Message> branch = *s.chats->messages().currentBranch(c.id);
        QCOMPARE(branch[1].model, QStringLiteral("mistral"));
        QCOMPARE(branch[1].createdAt, 1700000009000);
        QCOMPARE(s.chats->messages().allMessages(c.id)->size(), 4);

        const Chat archived = s.byTitle(QStringLiteral("Archived one"));
        QVERIFY(archived.archived);
        QCOMPARE(s.branch(archived.id),
                 (QStringList{QStringLiteral("user:q"), QStringLiteral("assistant:partial")}));
        for (const Message& m : *s.chats->messages().allMessages(archived.id)) {
            if (m.content == QLatin1String("partial"))
                QCOMPARE(m.status, MessageStatus::Interrupted); // done: false
            if (m.role == Role::Assistant && m.content.isEmpty()) {
                QCOMPARE(m.status, MessageStatus::Error);
                QCOMPARE(m.error, QStringLiteral("model crashed"));
            }
        }
        // Imported text is searchable.
        QCOMPARE(s.chats->search().search(QStringLiteral("there"))->size(), 1);
    }

    void olderOpenWebUiShapes()
    {
        Store s;
        QCOMPARE(s.import(fixture("openwebui-old-export.json")).chats, 2);
        QCOMPARE(s.branch(s.byTitle(QStringLiteral("Old style")).id),
                 (QStringList{QStringLiteral("user:old q"), QStringLiteral("assistant:old a")}));
        QCOMPARE(s.byTitle(QStringLiteral("Old style")).createdAt, 1690000000000);
        QCOMPARE(s.branch(s.byTitle(QStringLiteral("Flat")).id),
                 (QStringList{QStringLiteral("user:flat q"), QStringLiteral("assistant:flat a")}));
    }

    void chatGptExport()
    {
        Store s;
        const auto summary = s.import(fixture("chatgpt-conversations.json"));
        QCOMPARE(summary.formatName, QStringLiteral("ChatGPT"));
        QCOMPARE(summary.chats, 2);
        QCOMPARE(summary.messages, 6); // hidden system and tool output left out
        QVERIFY(summary.text().contains(QStringLiteral("Left out 2 part(s) that were not text")));
        const Chat sky = s.byTitle(QStringLiteral("Sky"));
        QCOMPARE(sky.createdAt, 1700000000500);
        // current_node is the second answer, whose parent was a tool node: it hangs
        // under the question now.
        QCOMPARE(s.branch(sky.id),
                 (QStringList{QStringLiteral("user:Why is the sky blue?"),
                              QStringLiteral("assistant:Because of \n\nscattering.")}));
        const QList<Message> all = *s.chats->messages().allMessages(sky.id);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].parentId, QString());
        QCOMPARE(std::count_if(all.begin(), all.end(),
                               [&](const Message& m) { return m.parentId == all[0].id; }),
                 2);
        auto code = std::find_if(all.begin(), all.end(), [](const Message& m) {
            return m.content.startsWith(QLatin1String("```"));
        });
        QVERIFY(code != all.end());
        QCOMPARE(code->content, QStringLiteral("```\nprint(1)\n```"));
        QCOMPARE(s.chats->messages().currentBranch(sky.id)->at(1).model, QStringLiteral("gpt-4o"));
        QVERIFY(s.byTitle(QStringLiteral("Second")).archived);
    }

    void progressIsReported()
    {
        Store s;
        auto file = ChatImporter::read(fixture("chatgpt-conversations.json"));
        QList<QPair<int, int>> steps;
        auto summary = ChatImporter(*s.db, localUserId()).write(*file, [&](int done, int total) {
            steps.append({done, total});
        });
        QVERIFY(summary.ok());
        QCOMPARE(steps.first(), (QPair<int, int>{0, 2}));
        QCOMPARE(steps.last(), (QPair<int, int>{2, 2}));
        for (qsizetype i = 1; i < steps.size(); ++i)
            QVERIFY(steps[i].first >= steps[i - 1].first);
    }

    void importingTwiceAddsNothing()
    {
        Store s;
        s.import(fixture("chatgpt-conversations.json"));
        const auto again = s.import(fixture("chatgpt-conversations.json"));
        QCOMPARE(again.chats, 0);
        QCOMPARE(again.duplicates, 2);
        QCOMPARE(s.count(QStringLiteral("chats")), 2);
        QVERIFY(again.text().contains(QStringLiteral("skipped 2 chat(s) imported before")));
    }

    void brokenFilesImportNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("dangling parent in chat 2")
            << test::readFile(fixture("openwebui-broken.json"))
            << QStringLiteral("Chat 2 of 2 (\"Broken\", id c-bad): message \"b2\": its parent "
                              "\"nowhere\" is not one of this chat's messages.");
        QTest::newRow("not JSON") << QByteArray("[{\"id\": 1,\n  oops}]")
                                  << QStringLiteral("is not valid JSON: ");
        QTest::newRow("not a list")
            << QByteArray("{\"chats\": []}") << QStringLiteral("is not a list of chats");
        QTest::newRow("unknown shape")
            << QByteArray("[{\"foo\": 1}]")
            << QStringLiteral("neither an Open WebUI nor a ChatGPT export");
        QTest::newRow("bad role")
            << QByteArray(
                   R"([{"id":"r","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":"wizard","content":"x"}}}}}])")
            << QStringLiteral("history.messages.a.role is \"wizard\"");
        QTest::newRow("loop")
            << QByteArray(
                   R"([{"id":"l","chat":{"history":{"messages":{"a":{"id":"a","parentId":"b","role":"user"},"b":{"id":"b","parentId":"a","role":"assistant"}}}}}])")
            << QStringLiteral("is its own ancestor");
        // Each wrong type is named: the chat, the field and what was found.
        QTest::newRow("messages not an object")
            << QByteArray(R"([{"id":"s","title":"S","chat":{"history":{"messages":"oops"}}}])")
            << QStringLiteral("Chat 1 of 1 (\"S\", id s): chat.history.messages is text; "
                              "expected an object of messages");
        QTest::newRow("role a number")
            << QByteArray(
                   R"([{"id":"r","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":5,"content":"x"}}}}}])")
            << QStringLiteral("history.messages.a.role is a number; expected user");
        QTest::newRow("content a number")
            << QByteArray(
                   R"([{"id":"c","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":"user","content":123}}}}}])")
            << QStringLiteral("history.messages.a.content is a number; expected text");
        QTest::newRow("content an object")
            << QByteArray(
                   R"([{"id":"c","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":"user","content":{}}}}}}])")
            << QStringLiteral("history.messages.a.content is an object");
        QTest::newRow("content null")
            << QByteArray(
                   R"([{"id":"c","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":"user","content":null}}}}}])")
            << QStringLiteral("history.messages.a.content is null");
        QTest::newRow("impossible timestamp")
            << QByteArray(
                   R"([{"id":"t","chat":{"history":{"messages":{"a":{"id":"a","parentId":null,"role":"user","content":"x","timestamp":1e300}}}}}])")
            << QStringLiteral("history.messages.a.timestamp is 1e+300, which is no possible time");
        QTest::newRow("timestamp before 1990")
            << QByteArray(R"([{"id":"t","created_at":86400,"chat":{"history":{"messages":{}}}}])")
            << QStringLiteral("created_at is 86400, which is no possible time");
        QTest::newRow("chatgpt impossible time")
            << QByteArray(R"([{"id":"g","title":"G","create_time":-5,"mapping":{}}])")
            << QStringLiteral("Chat 1 of 1 (\"G\", id g): create_time is -5, which is no "
                              "possible time");
        QTest::newRow("chatgpt without mapping")
            << QByteArray(R"([{"id":"g","mapping":{}}, {"id":"h","title":"T"}])")
            << QStringLiteral("Chat 2 of 2 (\"T\", id h): \"mapping\" is missing");
    }

    void brokenFilesImportNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        Store s;
        auto file = ChatImporter::parse(bytes, QStringLiteral("export.json"));
        QVERIFY(!file.ok());
        QVERIFY2(file.errorMessage().contains(message), qPrintable(file.errorMessage()));
        QVERIFY(file.errorMessage().contains(QStringLiteral("Nothing was imported")));
        QCOMPARE(s.count(QStringLiteral("chats")), 0);
    }

    void chatsWithoutMessagesAreLeftOutAndCounted()
    {
        Store s;
        // Open WebUI with history.messages {}, and a ChatGPT conversation whose only node
        // is hidden from the conversation.
        const QByteArray owui =
            R"([{"id":"e","title":"Empty one","chat":{"history":{"messages":{}}}},)"
            R"({"id":"f","title":"Full","chat":{"history":{"currentId":"a","messages":{"a":{"id":"a","parentId":null,"role":"user","content":"hi","timestamp":1700000000}}}}}])";
        auto file = ChatImporter::parse(owui, QStringLiteral("export.json"));
        QVERIFY2(file.ok(), qPrintable(file.errorMessage()));
        QCOMPARE(file->chats.size(), 1);
        QVERIFY2(file->notes.join(QLatin1Char(' '))
                     .contains(QStringLiteral("Left out 1 chat(s) with no messages: Empty one")),
                 qPrintable(file->notes.join(QLatin1Char(' '))));
        const QByteArray gpt =
            R"([{"id":"g","title":"Hidden","current_node":"s","mapping":{"root":{"id":"root","parent":null,"children":["s"],"message":null},"s":{"id":"s","parent":"root","children":[],"message":{"id":"s","author":{"role":"system"},"content":{"content_type":"text","parts":[""]},"metadata":{"is_visually_hidden_from_conversation":true}}}}}])";
        file = ChatImporter::parse(gpt, QStringLiteral("conversations.json"));
        QVERIFY2(file.ok(), qPrintable(file.errorMessage()));
        QCOMPARE(file->chats.size(), 0);
        QVERIFY(file->notes.join(QLatin1Char(' ')).contains(QStringLiteral("Hidden")));
    }

    void notJsonNamesLineAndColumn()
    {
        auto file = ChatImporter::parse("[{\"id\": 1,\n  oops}]", QStringLiteral("export.json"));
        QVERIFY2(file.errorMessage().contains(QStringLiteral("at line 2, column ")),
                 qPrintable(file.errorMessage()));
    }

    void roundTripLosesNothing()
    {
        Store a;
        a.import(fixture("openwebui-export.json"));
        a.import(fixture("chatgpt-conversations.json"));
        // Lyss's own richer rows: thinking, metrics, a cancelled reply.
        auto chat = a.chats->chats().createChat({.title = QStringLiteral("Lyss native"),
                                                 .model = QStringLiteral("qwen3"),
                                                 .tags = {QStringLiteral("mine")}});
        Message q;
        q.chatId = chat->id;
        q.content = QStringLiteral("Think, then answer");
        q.createdAt = 1750000000123;
        const QString qid = a.chats->messages().addMessage(q)->id;
        Message r;
        r.chatId = chat->id;
        r.parentId = qid;
        r.role = Role::Assistant;
        r.content = QStringLiteral("Half an ans");
        r.thinking = QStringLiteral("Hmm.");
        r.model = QStringLiteral("qwen3:8b");
        r.status = MessageStatus::Cancelled;
        r.metrics =
            QJsonObject{{QStringLiteral("eval_count"), 3}, {QStringLiteral("ttft_ms"), 120}};
        r.createdAt = 1750000000456;
        QVERIFY(a.chats->messages().addMessage(r).ok());

        QTemporaryDir dir;
        const QString exported = dir.filePath(QStringLiteral("export.json"));
        test::writeFile(exported, a.exportJson());
        Store b;
        QCOMPARE(b.import(exported).chats, 5);
        const QStringList got = b.canonicalExport().split(QLatin1Char('\n'));
        const QStringList want = a.canonicalExport().split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
            QCOMPARE(got[i], want[i]);
        QCOMPARE(got.size(), want.size());

        // The export read back into the database it came from adds nothing.
        const auto again = a.import(exported);
        QCOMPARE(again.chats, 0);
        QCOMPARE(again.duplicates, 5);
    }

    void markdownForPeople()
    {
        Store s;
        s.import(fixture("openwebui-export.json"));
        const Chat c = s.byTitle(QStringLiteral("Branchy"));
        const QString md = MarkdownExport::chat(c, *s.chats->messages().currentBranch(c.id));
        QVERIFY(md.startsWith(QStringLiteral("# Branchy\n\n*Model: llama3 · Started: ")));
        QVERIFY(md.contains(QStringLiteral("Tags: greeting, test*")));
        QVERIFY(md.contains(QStringLiteral("## You · ")));
        QVERIFY(md.contains(QStringLiteral("## mistral · ")));
        QVERIFY(md.contains(QStringLiteral("Hello there!\n")));
        QVERIFY(
            !md.contains(QStringLiteral("Hi!"))); // the other branch is not the conversation read
        Chat odd = c;
        odd.title = QStringLiteral("a/b: c?*");
        QVERIFY(MarkdownExport::fileName(odd).endsWith(QStringLiteral(" a b c ") + c.id.left(8) +
                                                       QStringLiteral(".md")));
    }

    void backupAndRestore()
    {
        Store live;
        live.import(fixture("openwebui-export.json"));
        QTemporaryDir dir;
        const QString backup = dir.filePath(QStringLiteral("backup.db"));
        QVERIFY(DatabaseBackup::backup(*live.db, backup, false).ok());
        QVERIFY(DatabaseBackup::check(backup).ok());
        auto exists = DatabaseBackup::backup(*live.db, backup, false);
        QVERIFY(!exists.ok());
        QVERIFY(exists.errorMessage().contains(QStringLiteral("--force")));
        QVERIFY(!QFileInfo::exists(backup + QStringLiteral("-wal")));

        // Restore into another database: its own content is kept aside first.
        Store other;
        other.import(fixture("chatgpt-conversations.json"));
        const QString keep = other.dir.filePath(QStringLiteral("lyss.db.before-restore"));
        QVERIFY(DatabaseBackup::restore(*other.db, backup, keep).ok());
        QCOMPARE(other.canonicalExport(), live.canonicalExport());
        QVERIFY(DatabaseBackup::check(keep).ok());
        {
            auto kept = Database::open(keep);
            ChatStore keptChats(**kept, localUserId());
            QCOMPARE(keptChats.chats().listChats(true)->size(), 2);
            QCOMPARE(keptChats.chats().listChats(true)->first().chat.source,
                     QStringLiteral("chatgpt"));
        }
        QCOMPARE(other.chats->search().search(QStringLiteral("there"))->size(),
                 1); // the index came along
    }

    void restoreRefusesWhatIsNotALyssBackup()
    {
        Store s;
        s.import(fixture("chatgpt-conversations.json"));
        const QString before = s.canonicalExport();
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.db"));
        test::writeFile(notes, QByteArray(4096, 'x'));
        const QString keep = s.dir.filePath(QStringLiteral("lyss.db.before-restore"));
        auto refused = DatabaseBackup::restore(*s.db, notes, keep);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("not a Lyss database")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(QStringLiteral("Nothing was changed")));
        QVERIFY(!QFileInfo::exists(keep));
        QCOMPARE(s.canonicalExport(), before);

        // An SQLite file without our tables.
        const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE x (y)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("f"));
        QVERIFY(DatabaseBackup::check(foreign).errorMessage().contains(
            QStringLiteral("tables are missing")));
        QVERIFY(DatabaseBackup::check(dir.filePath(QStringLiteral("missing.db")))
                    .errorMessage()
                    .contains(QStringLiteral("does not exist")));
    }

    void olderBackupIsUpgradedAfterRestore()
    {
        QTemporaryDir dir;
        const QString old = dir.filePath(QStringLiteral("v1.db"));
        {
            auto v1 = Database::open(old, {.targetVersion = 1});
            QSqlQuery q((*v1)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO chats (id, title, created_at, updated_at) "
                                          "VALUES ('c', 'From v1', 1, 1)")));
            q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        }
        Store s;
        QVERIFY(
            DatabaseBackup::restore(*s.db, old, s.dir.filePath(QStringLiteral("keep.db"))).ok());
        const QString path = s.db->path();
        s.chats.reset();
        s.db.reset();
        auto upgraded = Database::open(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorMessage()));
        QCOMPARE((*upgraded)->schemaVersion(), latestSchemaVersion());
        ChatStore chats(**upgraded, localUserId());
        QCOMPARE(chats.chats().listChats()->first().chat.title, QStringLiteral("From v1"));
    }
};

QTEST_GUILESS_MAIN(TestImportExport)
#include "tst_importexport.moc"
