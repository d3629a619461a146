// SPDX-License-Identifier: GPL-3.0-or-later
// The store's file handling: new databases, upgrades with backups, refusing files that
// are not ours or are newer, and two users of one file at once.
#include "TestSupport.h"

#include "config/Settings.h"
#include "store/ChatStore.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/Transaction.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/Migrations.h"
#include "store/sqlite/SearchIndexer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

using namespace lyss;

namespace {

QVariant scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

// A plain SQLite file made without Lyss, through a separate QtSql connection.
void makeForeignSqlite(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString& s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newDatabaseHasLatestSchemaAndSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
        QVERIFY((*db)->backupPath().isEmpty()); // nothing to back up in a new file
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA user_version")).toInt(),
                 latestSchemaVersion());
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        QVERIFY(scalar(**db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
        QCOMPARE(scalar(**db, QStringLiteral("PRAGMA application_id")).toLongLong(),
                 static_cast<qint64>(kApplicationId));
        for (const char* table :
             {"users", "chats", "messages", "config", "backends", "messages_fts"})
            QVERIFY2(
                scalar(**db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                 .arg(QLatin1String(table)))
                        .toInt() == 1,
                table);
        QCOMPARE(
            scalar(**db, QStringLiteral("SELECT name FROM users WHERE id = 'local'")).toString(),
            QStringLiteral("Local user"));
    }

    // v9 makes drafts and the personal settings each person's: what was there before
    // becomes the local user's, the installation's settings stay where they were.
    void upgradeToV9KeepsDraftsAndMovesPersonalSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        {
            auto db = Database::open(path, {.targetVersion = 8});
            QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
            QSqlQuery q((*db)->connection());
            for (const char* statement :
                 {"INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c1', 'T', 1, 1)",
                  "INSERT INTO drafts (chat_id, text, updated_at) VALUES ('c1', 'half a thought', "
                  "5)",
                  "INSERT INTO drafts (chat_id, text, updated_at) VALUES ('', 'a new chat', 6)",
                  "INSERT INTO config (key, value, updated_at) VALUES ('ui.theme', '\"dark\"', 1)",
                  "INSERT INTO config (key, value, updated_at) VALUES "
                  "('chat.system_prompt', '\"Be brief\"', 1)",
                  "INSERT INTO config (key, value, updated_at) VALUES "
                  "('net.idle_timeout_seconds', '30', 1)",
                  "INSERT INTO chats (id, title, source, source_id, created_at, updated_at) "
                  "VALUES ('c2', 'Imported', 'open-webui', 'x1', 1, 1)"})
                QVERIFY2(q.exec(QString::fromUtf8(statement)), statement);
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
        ChatStore local(**db, localUserId());
        QCOMPARE(*local.drafts().draft(QStringLiteral("c1")), QStringLiteral("half a thought"));
        QCOMPARE(*local.drafts().draft(QString()), QStringLiteral("a new chat"));
        ConfigRepository installation(**db);
        ConfigRepository personal(**db, localUserId());
        Settings settings(installation, personal, QProcessEnvironment());
        QCOMPARE(settings.text(SettingKey::Theme), QStringLiteral("dark"));
        QCOMPARE(settings.text(SettingKey::SystemPrompt), QStringLiteral("Be brief"));
        QCOMPARE(settings.number(SettingKey::IdleTimeoutSeconds), 30.0);
        QVERIFY(!installation.get(QStringLiteral("ui.theme"))->has_value());
        QVERIFY(personal.get(QStringLiteral("ui.theme"))->has_value());
        QVERIFY(installation.get(QStringLiteral("net.idle_timeout_seconds"))->has_value());
        // The same import is the same chat again only for the person who imported it.
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, name, created_at) VALUES "
                                      "('other', 'Other', 1)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO chats (id, user_id, title, source, source_id, created_at, updated_at) "
            "VALUES ('c3', 'other', 'Imported', 'open-webui', 'x1', 1, 1)")));
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO chats (id, title, source, source_id, created_at, updated_at) "
            "VALUES ('c4', 'Imported', 'open-webui', 'x1', 1, 1)")));
    }

    void reopeningLatestMakesNoBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        QVERIFY(Database::open(path).ok());
        auto again = Database::open(path);
        QVERIFY(again.ok());
        QVERIFY((*again)->backupPath().isEmpty());
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak-*")}, QDir::Files).size(), 0);
    }

    void upgradesV1WithBackupAndIndexesOldMessages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        {
            Database::Options v1;
            v1.targetVersion = 1;
            auto db = Database::open(path, v1);
            QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
            QCOMPARE((*db)->schemaVersion(), 1);
            QCOMPARE(
                scalar(**db, QStringLiteral(
                                 "SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts'"))
                    .toInt(),
                0);
            // Written as Lyss 0.1's v1 schema had it (today's repositories write v3 rows).
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO chats (id, title, created_at, updated_at) "
                                          "VALUES ('c1', 'Old chat', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO messages (id, chat_id, role, content, created_at, updated_at) VALUES "
                "('m1', 'c1', 'user', 'the platypus written before search existed', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral("UPDATE chats SET current_leaf_id = 'm1'")));
        }

        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
        QCOMPARE((*db)->backupPath(), path + QStringLiteral(".bak-v1"));

        // The backup is a complete v1 database holding the old message.
        {
            auto backup = Database::open((*db)->backupPath(), {.targetVersion = 1});
            QVERIFY2(backup.ok(), qPrintable(backup.errorMessage()));
            QCOMPARE((*backup)->schemaVersion(), 1);
            QCOMPARE(scalar(**backup, QStringLiteral("SELECT content FROM messages")).toString(),
                     QStringLiteral("the platypus written before search existed"));
        }

        // Messages written before v2 are searchable after the upgrade.
        ChatStore chats(**db, localUserId());
        auto hits = chats.search().search(QStringLiteral("platypus"));
        QVERIFY2(hits.ok(), qPrintable(hits.errorMessage()));
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().chatTitle, QStringLiteral("Old chat"));
        QVERIFY(SearchHit::bracketed(hits->first().snippet).contains(QStringLiteral("[platypus]")));
        QSqlQuery check((*db)->connection());
        QVERIFY2(check.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) "
                                           "VALUES ('integrity-check', 1)")),
                 "the search index does not match the messages after the upgrades");
    }

    // The pages a window read for what it shows are given back (its first paint reuses
    // the memory); what is read next comes from the file again.
    void theReadPagesAreGivenBack()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        ChatStore store(**db, localUserId());
        auto chat = store.chats().createChat({.title = QStringLiteral("Pages")});
        QVERIFY(chat.ok());
        for (int i = 0; i < 300; ++i)
            QVERIFY(store.messages()
                        .addMessage({.chatId = chat->id,
                                     .role = Role::User,
                                     .content = QString(500, QLatin1Char('a' + i % 26))})
                        .ok());
        auto* handle = *static_cast<sqlite3* const*>((*db)->connection().driver()->handle().data());
        auto cacheUsed = [handle] {
            int now = 0;
            int high = 0;
            sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_USED, &now, &high, 0);
            return now;
        };
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM messages WHERE content > ''"))
                     .toInt(),
                 300);
        const int before = cacheUsed();
        QVERIFY2(before > 100 * 1024, qPrintable(QString::number(before)));
        (*db)->releaseMemory();
        QVERIFY2(cacheUsed() < before / 4, qPrintable(QString::number(cacheUsed())));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM messages WHERE content > ''"))
                     .toInt(),
                 300);
    }

    void refusesDatabaseFromNewerLyss()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(
                q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 7)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        const QByteArray before = test::fileSha256(path);
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);

        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("newer version of Lyss")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(QString::number(latestSchemaVersion() + 7)));
        QCOMPARE(test::fileSha256(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore); // no -wal, no backup
    }

    void refusesANewerVersionThatIsOnlyInTheWal()
    {
        // A newer Lyss set user_version and stopped before checkpointing: the version is
        // only in lyss.db-wal. Refusing must not change a byte of any of the three files.
        QTemporaryDir source;
        const QString path = source.filePath(QStringLiteral("lyss.db"));
        QVERIFY(Database::open(path).ok());
        QTemporaryDir dir;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
            QVERIFY(
                q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 3)));
            // The files as a crash would leave them, while the connection still holds them.
            for (const char* suffix : {"", "-wal", "-shm"})
                QVERIFY(
                    QFile::copy(path + QLatin1String(suffix),
                                dir.filePath(QStringLiteral("lyss.db")) + QLatin1String(suffix)));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const QString copy = dir.filePath(QStringLiteral("lyss.db"));
        QVERIFY(QFileInfo(copy + QStringLiteral("-wal")).size() > 0);
        QStringList hashes;
        for (const char* suffix : {"", "-wal", "-shm"})
            hashes << QString::fromLatin1(test::fileSha256(copy + QLatin1String(suffix)));

        auto refused = Database::open(copy);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("newer version of Lyss")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(QString::number(latestSchemaVersion() + 3)));
        QStringList after;
        for (const char* suffix : {"", "-wal", "-shm"})
            after << QString::fromLatin1(test::fileSha256(copy + QLatin1String(suffix)));
        QCOMPARE(after, hashes);
    }

    void refusesFileThatIsNotSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        QByteArray notes;
        for (int i = 0; i < 50; ++i)
            notes += "my precious notes, line " + QByteArray::number(i) + "\n";
        test::writeFile(path, notes);

        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("not a Lyss database")),
                 qPrintable(refused.errorMessage()));
        QCOMPARE(test::readFile(path), notes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("lyss.db")});
    }

    void refusesShortGarbage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        test::writeFile(path, "x");
        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QCOMPARE(test::readFile(path), QByteArray("x"));
    }

    void refusesSqliteDatabaseOfAnotherProgram_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("tables, no application id")
            << QStringList{QStringLiteral("CREATE TABLE invoices (id INTEGER, total REAL)"),
                           QStringLiteral("INSERT INTO invoices VALUES (1, 9.5)")};
        QTest::newRow("another application id") << QStringList{
            QStringLiteral("PRAGMA application_id = 1234"), QStringLiteral("CREATE TABLE t (x)")};
    }

    void refusesSqliteDatabaseOfAnotherProgram()
    {
        QFETCH(QStringList, statements);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        makeForeignSqlite(path, statements);
        const QByteArray before = test::fileSha256(path);

        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("another program")),
                 qPrintable(refused.errorMessage()));
        QCOMPARE(test::fileSha256(path), before);
    }

    void emptyFileBecomesNewDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        test::writeFile(path, {});
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
    }

    void failedMigrationStepIsUndone()
    {
        // A v1 database where v2's table name is already taken: the upgrade must fail
        // with a message, leave the file at v1 and keep the backup.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        {
            auto db = Database::open(path, {.targetVersion = 1});
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE messages_fts (x)")));
        }
        auto failed = Database::open(path);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorMessage().contains(QStringLiteral("version 2")),
                 qPrintable(failed.errorMessage()));
        QVERIFY(failed.errorMessage().contains(path + QStringLiteral(".bak-v1")));
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".bak-v1")));
        auto v1 = Database::open(path, {.targetVersion = 1});
        QVERIFY(v1.ok());
        QCOMPARE((*v1)->schemaVersion(), 1);
    }

    void twoConnectionsReadWhileOneWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        auto a = Database::open(path);
        auto b = Database::open(path);
        QVERIFY(a.ok() && b.ok());
        ChatStore chatsA(**a, localUserId());
        ChatStore chatsB(**b, localUserId());

        Transaction tx(**a);
        QVERIFY(tx.status().ok());
        QVERIFY(chatsA.chats().createChat({.title = QStringLiteral("Pending")}).ok());
        // WAL: the reader is not blocked and does not see uncommitted work.
        auto during = chatsB.chats().listChats();
        QVERIFY2(during.ok(), qPrintable(during.errorMessage()));
        QCOMPARE(during->size(), 0);
        QVERIFY(tx.commit().ok());
        auto after = chatsB.chats().listChats();
        QVERIFY(after.ok());
        QCOMPARE(after->size(), 1);
    }

    // The file lends its connection to the thread that opened it and to no other: a
    // repository called from another thread gets an error it can show, never a QtSql
    // connection used across threads.
    void connectionIsLentOnlyToItsThread()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        ChatStore store(**db, localUserId());
        QVERIFY((*db)->lease().ok());
        QString leaseError, repositoryError, transactionError;
        std::unique_ptr<QThread> other(QThread::create([&] {
            leaseError = (*db)->lease().errorMessage();
            repositoryError = store.chats().listChats().errorMessage();
            Transaction tx(**db);
            transactionError = tx.status().errorMessage();
        }));
        other->start();
        QVERIFY(other->wait(10000));
        QVERIFY2(leaseError.contains(QStringLiteral("thread")), qPrintable(leaseError));
        QCOMPARE(repositoryError, leaseError);
        QCOMPARE(transactionError, leaseError);
        QVERIFY(store.chats().listChats().ok());
    }

    void checkpointsRunWhereTheyAreHandedTo()
    {
        // The window hands its WAL checkpoints to the indexer's thread: a commit that
        // passes 1,000 pages in the log asks for one instead of copying them into the file
        // itself (which synced it, the window waiting up to 20 ms).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(QSqlQuery((*db)->connection())
                    .exec(QStringLiteral("CREATE TABLE blobs (key TEXT, value TEXT)")));
        QVERIFY(
            QSqlQuery((*db)->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        const qint64 before = QFileInfo(path).size();
        int asked = 0;
        (*db)->handOffCheckpoints([&asked] { ++asked; });
        const QString big(3 * 1024 * 1024, QLatin1Char('x')); // 3 MB of UTF-8, 750 pages
        auto put = [&](const QString& key) {
            QSqlQuery q((*db)->connection());
            q.prepare(QStringLiteral("INSERT INTO blobs (key, value) VALUES (?, ?)"));
            q.addBindValue(key);
            q.addBindValue(big);
            return q.exec();
        };
        QVERIFY(put(QStringLiteral("a")));
        QCOMPARE(asked, 0); // under 1,000 pages
        QVERIFY(put(QStringLiteral("b")));
        QCOMPARE(asked, 1);
        QCOMPARE(QFileInfo(path).size(), before); // all of it still in the log
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 6 * 1024 * 1024);

        SearchIndexer indexer(path);
        indexer.checkpointSoon();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 6 * 1024 * 1024, 10000);

        // Given back, the connection checkpoints in its own commits again.
        (*db)->handOffCheckpoints({});
        const qint64 afterHandBack = QFileInfo(path).size();
        QVERIFY(put(QStringLiteral("c")));
        QVERIFY(put(QStringLiteral("d")));
        QCOMPARE(asked, 1);
        QVERIFY(QFileInfo(path).size() > afterHandBack + 3 * 1024 * 1024);
    }

    void secondProcessWaitsForTheWriteLock()
    {
        // This process holds the write lock while lyss-cli, a second process on the same
        // file, tries to write. With a busy timeout it waits and succeeds; without one it
        // would fail at once with "database is locked".
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        auto tx = std::make_unique<Transaction>(**db);
        QVERIFY(tx->status().ok());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO config (key, value, updated_at) VALUES "
                                      "('net.idle_timeout_seconds', '30', 0)")));
        q.finish();

        QProcess cli;
        cli.setProcessEnvironment(test::cleanEnvironment());
        cli.start(QStringLiteral(LYSS_CLI_PATH),
                  {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("config"),
                   QStringLiteral("set"), QStringLiteral("ui.theme"), QStringLiteral("dark")});
        QVERIFY(cli.waitForStarted());
        // Hold the lock until the other process waits for it: its thread asleep in SQLite's
        // busy handler (the nanosleep between its tries), read from /proc.
        const auto waitsForTheLock = [&cli] {
            QFile syscall(QStringLiteral("/proc/%1/syscall").arg(cli.processId()));
            if (!syscall.open(QIODevice::ReadOnly))
                return false;
            const QByteArray number = syscall.readAll().split(' ').value(0);
            return number == "230" || number == "35"; // clock_nanosleep, nanosleep (x86-64)
        };
        QVERIFY2(QTest::qWaitFor(
                     [&] { return cli.state() != QProcess::Running || waitsForTheLock(); }, 30000),
                 "lyss-cli never waited for the lock");
        QVERIFY2(cli.state() == QProcess::Running, "lyss-cli gave up instead of waiting");
        QVERIFY(tx->commit().ok());
        tx.reset();
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        QCOMPARE(scalar(**db, QStringLiteral("SELECT value FROM user_settings WHERE user_id = "
                                             "'local' AND key = 'ui.theme'"))
                     .toString(),
                 QStringLiteral("\"dark\""));
        QCOMPARE(
            scalar(**db, QStringLiteral(
                             "SELECT value FROM config WHERE key = 'net.idle_timeout_seconds'"))
                .toString(),
            QStringLiteral("30"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
