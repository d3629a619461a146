// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli import, export, backup and restore as a user runs them.
#include "TestSupport.h"

#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/ReplyRecovery.h"
#include "store/Transaction.h"
#include "store/sqlite/Database.h"
#include "util/ProcessIdentity.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;
using test::runCli;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(LYSS_SOURCE_DIR "/tests/data/import/") + QLatin1String(name);
}
QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}
} // namespace

class TestCliData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importReportsAndRefusesBrokenFiles()
    {
        QTemporaryDir dir;
        auto r =
            runCli(dir.path(), args({QStringLiteral("import"), fixture("openwebui-export.json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Imported 2 chats with 7 messages from Open WebUI.\n"));
        r = runCli(dir.path(), args({QStringLiteral("import"), fixture("openwebui-export.json")}));
        QCOMPARE(r.out, QStringLiteral("Imported 0 chats with 0 messages from Open WebUI; "
                                       "skipped 2 chats imported before.\n"));

        r = runCli(dir.path(), args({QStringLiteral("import"), fixture("openwebui-broken.json")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Chat 2 of 2 (\"Broken\", id c-bad)")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Nothing was imported")));
        r = runCli(dir.path(), args({QStringLiteral("chats"), QStringLiteral("list"),
                                     QStringLiteral("--json"), QStringLiteral("--all")}));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(),
                 2); // chat 1 of the broken file did not land

        r = runCli(dir.path(),
                   args({QStringLiteral("import"), dir.filePath(QStringLiteral("missing.json"))}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("Cannot read")));
    }

    void exportJsonAndMarkdown()
    {
        QTemporaryDir dir;
        QVERIFY(runCli(dir.path(),
                       args({QStringLiteral("import"), fixture("chatgpt-conversations.json")}))
                    .exitCode == 0);
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-never-exported"));
        auto r = runCli(dir.path(), args({QStringLiteral("export")}), env);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray chats = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(chats.size(), 2); // archived ones too
        QVERIFY(chats[0][QLatin1String("chat")][QLatin1String("history")][QLatin1String("messages")]
                    .isObject());
        QVERIFY(!r.out.contains(QStringLiteral("sk-never-exported")));

        const QString id = chats[0][QLatin1String("id")].toString();
        r = runCli(dir.path(), {QStringLiteral("export"), QStringLiteral("--chat"), id.left(8),
                                QStringLiteral("--format"), QStringLiteral("markdown"),
                                QStringLiteral("-o"), dir.filePath(QStringLiteral("one.md"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString md =
            QString::fromUtf8(test::readFile(dir.filePath(QStringLiteral("one.md"))));
        QVERIFY(md.startsWith(QStringLiteral("# ")));
        QVERIFY(!md.contains(QStringLiteral("\n---\n")));

        r = runCli(dir.path(), {QStringLiteral("export"), QStringLiteral("--format"),
                                QStringLiteral("markdown"), QStringLiteral("-o"),
                                dir.filePath(QStringLiteral("md/"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("Wrote 2 files")));
        QCOMPARE(
            QDir(dir.filePath(QStringLiteral("md"))).entryList({QStringLiteral("*.md")}).size(), 2);

        r = runCli(dir.path(), args({QStringLiteral("export"), QStringLiteral("--format"),
                                     QStringLiteral("pdf")}));
        QCOMPARE(r.exitCode, 2);
    }

    void backupWhileAnotherConnectionWrites()
    {
        QTemporaryDir dir;
        QVERIFY(
            runCli(dir.path(), args({QStringLiteral("import"), fixture("openwebui-export.json")}))
                .exitCode == 0);
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        Transaction tx(**db);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO chats (id, title, created_at, updated_at) "
                                      "VALUES ('pending', 'Not committed', 1, 1)")));
        q.finish();

        const QString backup = dir.filePath(QStringLiteral("copy.db"));
        auto r = runCli(dir.path(), args({QStringLiteral("backup"), backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        tx.rollback();
        QTemporaryDir other;
        QVERIFY(QFile::copy(backup, other.filePath(QStringLiteral("lyss.db"))));
        r = runCli(other.path(), args({QStringLiteral("chats"), QStringLiteral("list"),
                                       QStringLiteral("--all")}));
        QVERIFY(r.out.contains(QStringLiteral("Branchy")));
        QVERIFY(!r.out.contains(QStringLiteral("Not committed")));

        r = runCli(dir.path(), args({QStringLiteral("backup"), backup}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("--force")));
        QCOMPARE(
            runCli(dir.path(), args({QStringLiteral("backup"), backup, QStringLiteral("--force")}))
                .exitCode,
            0);
    }

    void restoreChecksFirst()
    {
        QTemporaryDir source;
        QVERIFY(runCli(source.path(),
                       args({QStringLiteral("import"), fixture("openwebui-export.json")}))
                    .exitCode == 0);
        const QString backup = source.filePath(QStringLiteral("b.db"));
        QVERIFY(runCli(source.path(), args({QStringLiteral("backup"), backup})).exitCode == 0);

        QTemporaryDir dir;
        QVERIFY(runCli(dir.path(),
                       args({QStringLiteral("import"), fixture("chatgpt-conversations.json")}))
                    .exitCode == 0);
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        test::writeFile(notes, "dear diary");
        auto r = runCli(dir.path(), args({QStringLiteral("restore"), notes}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was changed")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("lyss.db.before-restore-1"))));

        // A refused file gets nothing beside it: no -wal, no -shm.
        const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        r = runCli(dir.path(), args({QStringLiteral("restore"), foreign}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFileInfo::exists(foreign + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(foreign + QStringLiteral("-shm")));

        r = runCli(dir.path(), args({QStringLiteral("restore"), backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("lyss.db.before-restore-1")));
        const QByteArray first =
            test::fileSha256(dir.filePath(QStringLiteral("lyss.db.before-restore-1")));
        // A second restore keeps a second copy and never touches the first.
        r = runCli(dir.path(), args({QStringLiteral("restore"), backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("lyss.db.before-restore-2")));
        QCOMPARE(test::fileSha256(dir.filePath(QStringLiteral("lyss.db.before-restore-1"))), first);
        r = runCli(dir.path(), args({QStringLiteral("chats"), QStringLiteral("list"),
                                     QStringLiteral("--all")}));
        QVERIFY(r.out.contains(QStringLiteral("Branchy")));
        QVERIFY(!r.out.contains(QStringLiteral("Sky")));
        // While another Lyss streams a reply into it, restore refuses and says who.
        {
            auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
            QVERIFY(db.ok());
            ChatStore chats(**db, localUserId());
            auto chat = chats.chats().createChat({.title = QStringLiteral("streaming")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.status = MessageStatus::Streaming;
            m.streamOwner = currentProcessToken(); // this test process: alive
            QVERIFY(chats.messages().addMessage(m).ok());
        }
        r = runCli(dir.path(), args({QStringLiteral("restore"), backup}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Another Lyss is writing a reply")) &&
                     r.err.contains(QStringLiteral("process %1 on %2")
                                        .arg(QCoreApplication::applicationPid())
                                        .arg(QSysInfo::machineHostName())),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("lyss.db.before-restore-3"))));

        // While another Lyss only has it open (a window with no reply streaming), too.
        {
            auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
            QVERIFY(db.ok());
            ChatStore chats(**db, localUserId());
            QVERIFY(ReplyRecovery(**db)
                        .recoverInterruptedReplies([](const QString&, qint64) { return false; })
                        .ok()); // the reply above is over
            r = runCli(dir.path(), args({QStringLiteral("restore"), backup}));
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("Another Lyss has this database open")) &&
                         r.err.contains(QStringLiteral("process %1 on %2")
                                            .arg(QCoreApplication::applicationPid())
                                            .arg(QSysInfo::machineHostName())),
                     qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("lyss.db.before-restore-3"))));
        }
        // Closed: restore goes ahead.
        r = runCli(dir.path(), args({QStringLiteral("restore"), backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        QTemporaryDir before;
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("lyss.db.before-restore-1")),
                            before.filePath(QStringLiteral("lyss.db"))));
        r = runCli(before.path(), args({QStringLiteral("chats"), QStringLiteral("list"),
                                        QStringLiteral("--all")}));
        QVERIFY(r.out.contains(QStringLiteral("Sky")));
    }

    void dbCheckSaysIntactOrDamaged()
    {
        QTemporaryDir dir;
        QVERIFY(
            runCli(dir.path(), args({QStringLiteral("import"), fixture("openwebui-export.json")}))
                .exitCode == 0);
        auto r = runCli(dir.path(), args({QStringLiteral("db"), QStringLiteral("check")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("is intact")));

        // Break every b-tree page header after the first.
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        for (qint64 at = pageSize; at + 200 < f.size(); at += pageSize) {
            f.seek(at + 8);
            f.write(QByteArray(150, '\xff'));
        }
        f.close();
        r = runCli(dir.path(), args({QStringLiteral("db"), QStringLiteral("check")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is damaged")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("lyss-cli restore")));
        for (const QChar c : r.err)
            QVERIFY2(c.isPrint() || c == QLatin1Char('\n') || c == QLatin1Char(' '),
                     qPrintable(QStringLiteral("raw character U+%1 in the message")
                                    .arg(c.unicode(), 4, 16, QLatin1Char('0'))));
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_clidata.moc"
