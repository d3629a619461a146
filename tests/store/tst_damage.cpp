// SPDX-License-Identifier: GPL-3.0-or-later
// A damaged database file: checked where it is cheap (after Lyss stopped without closing
// it, before an upgrade), never written to once SQLite has said it is damaged, and the
// user told what happened and how to get their chats back.
#include "TestSupport.h"

#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/Sql.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/SearchIndexer.h"
#include "util/ProcessIdentity.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace lyss;

namespace {

// A database with a chat of a few hundred messages (or, for an old version, a few hundred
// settings): many pages. The pages that table's rows are on.
QList<int> fill(const QString& path, int targetVersion = 0)
{
    QList<int> pages;
    Database::Options o;
    o.targetVersion = targetVersion;
    auto db = Database::open(path, o);
    if (!db.ok())
        qFatal("%s", qPrintable(db.errorMessage()));
    QSqlQuery q((*db)->connection());
    auto pagesOf = [&](const char* table) {
        // SQLite's dbstat table (Debian builds it in) names the page of each row.
        if (!q.exec(QStringLiteral("SELECT pageno FROM dbstat WHERE name = '%1' AND pagetype "
                                   "= 'leaf'")
                        .arg(QLatin1String(table))))
            qFatal("dbstat: %s", qPrintable(q.lastError().text()));
        while (q.next())
            pages << q.value(0).toInt();
    };
    if (targetVersion != 0) {
        for (int i = 0; i < 300; ++i) {
            if (!q.exec(QStringLiteral("INSERT INTO config(key, value, updated_at) VALUES "
                                       "('k%1', '\"%2\"', 0)")
                            .arg(i)
                            .arg(QString(900, QLatin1Char('x')))))
                qFatal("%s", qPrintable(q.lastError().text()));
        }
        pagesOf("config");
        return pages;
    }
    ChatStore chats(**db, localUserId());
    auto chat = chats.chats().createChat({.title = QStringLiteral("Many")});
    QString parent;
    for (int i = 0; i < 300; ++i) {
        Message m;
        m.chatId = chat->id;
        m.parentId = parent;
        m.role = i % 2 ? Role::Assistant : Role::User;
        m.content = QStringLiteral("message %1 ").arg(i) + QString(900, QLatin1Char('x'));
        parent = chats.messages().addMessage(m)->id;
    }
    pagesOf("messages");
    return pages;
}

// `pages` (numbered from 1) overwritten with garbage: the file opens, the schema reads,
// that table does not.
void damage(const QString& path, const QList<int>& pages)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QByteArray header = f.read(100);
    int pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    QVERIFY(pages.size() > 10);
    for (const int p : pages) {
        QVERIFY(f.seek(qint64(p - 1) * pageSize));
        f.write(QByteArray(pageSize, '\xa5'));
    }
}

// A marker like the one a Lyss that was killed leaves beside the file.
void leaveMarkerOfAGoneProcess(const QString& path)
{
    const QString host = currentProcessToken().section(QLatin1Char(':'), 0, 0);
    test::writeFile(path + QStringLiteral(".open-999999-1"),
                    (host + QStringLiteral(":999999:1")).toUtf8());
}

QString run(Database& db, const QString& sql)
{
    QSqlDatabase connection = db.connection();
    const Status st = sql::exec(connection, sql, QStringLiteral("Test"));
    return st.ok() ? QString() : st.errorMessage();
}

} // namespace

class TestDamage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aDamagedFileIsNotWrittenOnceSqliteSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        damage(path, fill(path));
        const QByteArray before = test::readFile(path);
        auto db = Database::open(path); // closed cleanly before: not checked on open
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        const QString read = run(**db, QStringLiteral("SELECT sum(length(content)) FROM messages"));
        QVERIFY2(read.contains(QStringLiteral("the database file is damaged; Lyss stops writing "
                                              "to it")) &&
                     read.contains(QStringLiteral("lyss-cli restore FILE")),
                 qPrintable(read));
        const QString write = run(
            **db,
            QStringLiteral("INSERT INTO config(key, value, updated_at) VALUES ('after', '1', 0)"));
        QVERIFY2(write.contains(QStringLiteral("Lyss stopped writing to the database when SQLite "
                                               "found it damaged")),
                 qPrintable(write));
        db->reset();
        QCOMPARE(test::readFile(path), before);
    }

    void damageMetByOneConnectionStopsEveryOther()
    {
        // The window's connection meets the damage (in the settings); the search indexer's
        // connection and another one to the same file write nothing from then on, though
        // the pages they would write are intact.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        QList<int> pages;
        QString waiting;
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            for (int i = 0; i < 300; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO config(key, value, updated_at) "
                                              "VALUES ('k%1', '\"%2\"', 0)")
                                   .arg(i)
                                   .arg(QString(900, QLatin1Char('x')))));
            QVERIFY(q.exec(QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'config' AND "
                                          "pagetype = 'leaf'")));
            while (q.next())
                pages << q.value(0).toInt();
            ChatStore chats(**db, localUserId());
            chats.messages().setDeferredIndexing([] {}); // left waiting for the indexer
            auto chat = chats.chats().createChat({.title = QStringLiteral("Waiting")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.status = MessageStatus::Streaming;
            auto added = chats.messages().addMessage(m);
            QVERIFY(added.ok());
            waiting = added->id;
            m = *added;
            m.content = QStringLiteral("xylophone");
            m.status = MessageStatus::Complete;
            QVERIFY(chats.messages().finishMessage(m).ok());
        }
        damage(path, pages);
        auto db = Database::open(path);
        auto other = Database::open(path);
        QVERIFY(db.ok() && other.ok());
        QVERIFY(run(**db, QStringLiteral("SELECT sum(length(value)) FROM config"))
                    .contains(QStringLiteral("damaged")));
        {
            SearchIndexer indexer(path);
            QSignalSpy done(&indexer, &SearchIndexer::indexed);
            indexer.indexSoon();
            QVERIFY(done.wait(10000));
        }
        QSqlQuery q((*db)->connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT indexed FROM messages WHERE id = '%1'").arg(waiting)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0); // the indexer did not write
        ChatStore chats(**other, localUserId());
        auto refused = chats.chats().createChat({.title = QStringLiteral("After")});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("found it damaged")),
                 qPrintable(refused.errorMessage()));
    }

    void anUncleanStopIsFollowedByACheck()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        const QList<int> pages = fill(path);
        // Intact: the check finds nothing, the file opens as usual, the old marker goes.
        leaveMarkerOfAGoneProcess(path);
        {
            auto db = Database::open(path);
            QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
            QVERIFY((*db)->readOnlyReason().isEmpty());
            QVERIFY(!QFileInfo::exists(path + QStringLiteral(".open-999999-1")));
            // While it is open, its own marker is there; closed, it is gone.
            QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("lyss.db.open-*")}).size(), 1);
        }
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("lyss.db.open-*")}).size(), 0);

        // Damaged: opened read only, saying what was found and what to do.
        damage(path, pages);
        const QByteArray before = test::readFile(path);
        leaveMarkerOfAGoneProcess(path);
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        const QString why = (*db)->readOnlyReason();
        QVERIFY2(why.contains(QStringLiteral("found it damaged")) &&
                     why.contains(QStringLiteral("lyss-cli restore FILE")),
                 qPrintable(why));
        QVERIFY(!why.contains(QChar(0))); // printable words only
        QVERIFY(!run(**db, QStringLiteral(
                               "INSERT INTO config(key, value, updated_at) VALUES ('x', '1', 0)"))
                     .isEmpty());
        db->reset();
        QCOMPARE(test::readFile(path), before);
    }

    void aMarkerOfALiveProcessIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        fill(path);
        const QString other = path + QStringLiteral(".open-1-1");
        test::writeFile(other, currentProcessToken().toUtf8()); // as if another Lyss ran now
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(QFileInfo::exists(other));
    }

    void aDamagedFileIsReplacedByItsBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        const QList<int> pages = fill(path);
        const QString backup = dir.filePath(QStringLiteral("backup.db"));
        auto r = test::runCli(dir.path(), {QStringLiteral("backup"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        damage(path, pages);
        const QByteArray damaged = test::readFile(path);
        leaveMarkerOfAGoneProcess(path);
        r = test::runCli(dir.path(), {QStringLiteral("restore"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("the damaged database is kept as")),
                 qPrintable(r.out));
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("lyss.db.before-restore-1"))), damaged);
        // Whole again, and written as before.
        r = test::runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Many")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("read only")));
        r = test::runCli(dir.path(), {QStringLiteral("config"), QStringLiteral("set"),
                                      QStringLiteral("ui.theme"), QStringLiteral("dark")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void aDamagedFileIsNotUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        damage(path, fill(path, 1));
        const QByteArray before = test::readFile(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.errorMessage().contains(QStringLiteral("is damaged, so it was not upgraded")),
                 qPrintable(db.errorMessage()));
        QCOMPARE(test::readFile(path), before);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak-*")}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDamage)
#include "tst_damage.moc"
