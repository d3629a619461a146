// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/Database.h"

#include "store/sqlite/WriteAccess.h"
#include "util/Sentences.h"

#include "store/Sql.h"
#include "store/Transaction.h"
#include "store/sqlite/Migrations.h"
#include "store/sqlite/SessionMarker.h"
#include "store/sqlite/SqliteDialect.h"
#include "util/Log.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <QtEndian>

#include <atomic>

#include <sqlite3.h>

namespace lyss {

namespace {

std::atomic<int> g_connectionCounter{0};

// The first 100 bytes of an SQLite file: magic string, then big-endian fields, among
// them user_version at offset 60 and application_id at offset 68.
constexpr qsizetype kHeaderSize = 100;
constexpr qsizetype kUserVersionOffset = 60;
constexpr qsizetype kApplicationIdOffset = 68;
const QByteArray kMagic("SQLite format 3\0", 16);
// SQLite's own threshold for a checkpoint (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
constexpr int kWalCheckpointPages = 1000;

QString quotedSqlString(const QString& s)
{
    QString escaped = s;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

Database::Database(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_connectionName(m_db.connectionName())
    , m_path(std::move(path))
    , m_thread(QThread::currentThread())
{
}

const SqlDialect& Database::dialect() const
{
    return SqliteDialect::instance();
}

Result<ConnectionLease> Database::lease()
{
    if (QThread::currentThread() != m_thread)
        return Error{tr("The database was used from a thread that does not own its "
                        "connection; this is a bug in Lyss.")};
    if (!m_stoppedForDamage && sql::foundDamaged(m_path)) {
        // Another connection (the search indexer's) met the damage: this one stops too.
        m_stoppedForDamage = true;
        (void)sql::exec(m_db, QStringLiteral("PRAGMA query_only = 1"),
                        tr("Stopping writes to the damaged database"));
    }
    return ConnectionLease(m_db, SqliteDialect::instance());
}

Database::~Database()
{
    handOffCheckpoints({});
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::handOffCheckpoints(std::function<void()> checkpointSoon)
{
    sqlite3* db = sql::handleOf(m_db);
    if (!db)
        return;
    // Mind: PRAGMA wal_autocheckpoint (or sqlite3_wal_autocheckpoint) on this connection
    // replaces the hook, and the checkpoints are back in the window's commits.
    m_checkpointSoon = std::move(checkpointSoon);
    if (m_checkpointSoon)
        sqlite3_wal_hook(db, &Database::walCommitted, this); // replaces the automatic one
    else
        sqlite3_wal_autocheckpoint(db, kWalCheckpointPages);
}

int Database::walCommitted(void* self, sqlite3*, const char*, int pages)
{
    auto* database = static_cast<Database*>(self);
    if (pages >= kWalCheckpointPages && database->m_checkpointSoon)
        database->m_checkpointSoon();
    return SQLITE_OK;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    return open(path, Options{});
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options)
{
    return open(path, options, {});
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options,
                                                 const QString& readOnlyBecause)
{
    const int latest = latestSchemaVersion();
    const int target = options.targetVersion > 0 ? std::min(options.targetVersion, latest) : latest;
    const QString untouched =
        tr("Lyss has not changed it. Move the file elsewhere (Lyss then starts a new database), "
           "or start Lyss with --data-dir pointing to another folder.");

    // Look at the raw header before SQLite touches the file: a foreign or newer file
    // must stay byte-for-byte as it is, without even a journal mode change.
    if (Status st = checkHeader(path); !st.ok())
        return Error{joinSentences(st.errorMessage(), untouched)};

    const QString name = QStringLiteral("lyss-db-%1").arg(++g_connectionCounter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid()) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error{tr("Qt's SQLite driver is missing. Install the package libqt6sql6-sqlite.")};
    }
    // A file that cannot be written is opened read only, and says why: its chats can still
    // be read, exported and backed up.
    const QString blocked =
        readOnlyBecause.isEmpty() ? WriteAccess::blocker(path) : readOnlyBecause;
    if (!blocked.isEmpty() && !QFileInfo::exists(path)) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error{tr("Cannot create the database %1: %2. Start Lyss with --data-dir pointing "
                        "to a folder you can write.")
                         .arg(path, blocked)};
    }
    if (blocked.isEmpty()) {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    } else {
        db.setDatabaseName(QString::fromUtf8(WriteAccess::readOnlyUri(path)));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;"
                                            "QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(options.busyTimeoutMs));
    }
    db = QSqlDatabase(); // the connection is used through `database` only
    std::unique_ptr<Database> database(new Database(QSqlDatabase::database(name, false), path));
    database->m_readOnlyReason = blocked;
    if (!database->m_db.open())
        return sql::errorFrom(database->m_db, tr("Opening the database %1").arg(path));

    int version = 0;
    int code = 0;
    if (Status st = database->inspect(&version, &code); !st.ok()) {
        // A disk that is full, failing or closed to us is not a damaged file: say what it
        // is. On a full disk SQLite cannot make the files it writes beside the database,
        // so it is opened read only, which needs none.
        const int primary = code & 0xff;
        const bool environment =
            primary == 3 || primary == 8 || primary == 10 || primary == 13 || primary == 14;
        if (!environment)
            return Error{joinSentences(st.error().message, untouched)};
        database.reset();
        if (readOnlyBecause.isEmpty() && blocked.isEmpty() && WriteAccess::diskFull(path))
            return open(path, options, tr("the disk is full"));
        return Error{tr("%1 could not be opened: %2. The file itself may well be intact; Lyss "
                        "has not changed it.")
                         .arg(path, sql::causeInWords(code))};
    }
    database->m_version = version;
    if (Status st = database->configure(options.busyTimeoutMs); !st.ok())
        return st.error();
    if (blocked.isEmpty()) {
        // SQLite's quick check where it is cheap to need: after Lyss stopped without
        // closing the file, and before an upgrade rewrites it.
        bool unclean = false;
        database->m_marker = std::make_unique<SessionMarker>(path, &unclean);
        if (unclean || (version > 0 && version < target)) {
            const QStringList problems = database->quickCheck();
            if (!problems.isEmpty() && version < target)
                return Error{tr("%1 is damaged, so it was not upgraded (SQLite's check says: "
                                "%2). Lyss has not changed it. Copy it somewhere safe and put a "
                                "backup back with lyss-cli restore FILE; the copies Lyss made "
                                "itself are beside it (lyss.db.bak-v<N>, "
                                "lyss.db.before-restore-<N>).")
                                 .arg(path, problems.first())};
            if (!problems.isEmpty()) {
                // Read only from here on: writing into broken pages spreads the damage.
                database->m_readOnlyReason =
                    tr("SQLite's check after Lyss last stopped without closing it found it "
                       "damaged (%1); copy it somewhere safe, then put a backup back with "
                       "lyss-cli restore FILE")
                        .arg(problems.first());
                (void)sql::exec(database->m_db, QStringLiteral("PRAGMA query_only = 1"),
                                tr("Stopping writes to the database"));
                database->m_marker.reset();
                return database;
            }
            database->m_marker->checked();
        }
    }
    if (Status st = database->upgrade(target); !st.ok())
        return st.error();
    return database;
}

namespace {
// The database header as the last committed transaction in the WAL file at `walPath` left
// it, if one rewrote page 1 (SQLite's WAL format: a 32-byte header, then frames of a
// 24-byte header and a page; frames whose salts differ from the header's are stale).
void committedHeaderInWal(const QString& walPath, quint32* version, quint32* appId)
{
    QFile wal(walPath);
    if (!wal.open(QIODevice::ReadOnly))
        return;
    const QByteArray header = wal.read(32);
    if (header.size() < 32)
        return;
    const auto magic = qFromBigEndian<quint32>(header.constData());
    if (magic != 0x377f0682 && magic != 0x377f0683)
        return;
    const auto pageSize = qFromBigEndian<quint32>(header.constData() + 8);
    if (pageSize < 512 || pageSize > 65536)
        return;
    const QByteArray salts = header.mid(16, 8);
    bool pending = false;
    quint32 pendingVersion = 0;
    quint32 pendingAppId = 0;
    for (qint64 at = 32; at + 24 + pageSize <= wal.size(); at += 24 + pageSize) {
        if (!wal.seek(at))
            return;
        const QByteArray frame = wal.read(24);
        if (frame.size() < 24 || frame.mid(8, 8) != salts)
            return;
        if (qFromBigEndian<quint32>(frame.constData()) == 1) {
            const QByteArray page = wal.read(100);
            if (page.size() < 100)
                return;
            pending = true;
            pendingVersion = qFromBigEndian<quint32>(page.constData() + kUserVersionOffset);
            pendingAppId = qFromBigEndian<quint32>(page.constData() + kApplicationIdOffset);
        }
        if (qFromBigEndian<quint32>(frame.constData() + 4) != 0 && pending) { // a commit
            *version = pendingVersion;
            *appId = pendingAppId;
            pending = false;
        }
    }
}
} // namespace

Status Database::checkHeader(const QString& path)
{
    const int latest = latestSchemaVersion();
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (!info.isFile())
        return Error{tr("%1 is not a file.").arg(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the database %1: %2. Check the file's permissions.")
                         .arg(path, file.errorString())};
    const QByteArray head = file.read(kHeaderSize);
    if (head.isEmpty())
        return {};
    if (head.size() < kHeaderSize || !head.startsWith(kMagic))
        return Error{tr("%1 is not a Lyss database (it is not an SQLite file).").arg(path)};
    auto version = qFromBigEndian<quint32>(head.constData() + kUserVersionOffset);
    auto appId = qFromBigEndian<quint32>(head.constData() + kApplicationIdOffset);
    // A newer header may be only in the WAL (a newer Lyss stopped before checkpointing):
    // read it from there too, as plain bytes, so a refusal changes nothing at all, not
    // even the -shm file that any SQLite connection would touch.
    committedHeaderInWal(path + QStringLiteral("-wal"), &version, &appId);
    if (appId != 0 && appId != kApplicationId)
        return Error{tr("%1 is an SQLite database of another program, not of Lyss.").arg(path)};
    if (version > static_cast<quint32>(latest))
        return Error{tr("%1 was written by a newer version of Lyss (database version %2; this "
                        "Lyss understands up to version %3).")
                         .arg(path)
                         .arg(version)
                         .arg(latest)};
    return {};
}

Status Database::inspect(int* version, int* sqliteCode) const
{
    QSqlQuery q(m_db);
    if (!q.exec(dialect().schemaVersionQuery()) || !q.next()) {
        *sqliteCode = q.lastError().nativeErrorCode().toInt();
        return Error{
            tr("%1 could not be read as a database (%2).").arg(m_path, q.lastError().text())};
    }
    *version = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return sql::errorFrom(q, tr("Reading the database header"));
    const auto appId = static_cast<quint32>(q.value(0).toLongLong());
    if (*version > latestSchemaVersion())
        return Error{tr("%1 was written by a newer version of Lyss (database version %2; this "
                        "Lyss understands up to version %3).")
                         .arg(m_path)
                         .arg(*version)
                         .arg(latestSchemaVersion())};
    if (appId != 0 && appId != kApplicationId)
        return Error{tr("%1 is an SQLite database of another program, not of Lyss.").arg(m_path)};
    if (*version == 0) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE "
                                   "'sqlite\\_%' ESCAPE '\\'")) ||
            !q.next())
            return sql::errorFrom(q, tr("Reading the database's tables"));
        if (q.value(0).toInt() > 0)
            return Error{
                tr("%1 is an SQLite database of another program, not of Lyss.").arg(m_path)};
    }
    return {};
}

void Database::releaseMemory()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA shrink_memory")))
        qCWarning(lcStore) << "releasing the page cache:" << q.lastError().text();
}

QStringList Database::quickCheck() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check(10)")))
        return {printable(q.lastError().databaseText())};
    QStringList problems;
    while (q.next()) {
        if (const QString row = q.value(0).toString(); row != QLatin1String("ok"))
            problems << printable(row);
    }
    return problems;
}

Status Database::configure(int busyTimeoutMs)
{
    if (!m_readOnlyReason.isEmpty()) // nothing that writes: the journal mode stays as it is
        return sql::exec(m_db, QStringLiteral("PRAGMA foreign_keys = ON"),
                         tr("Configuring the database"));
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return sql::errorFrom(q, tr("Switching the database to write-ahead logging"));
    if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "journal mode is" << q.value(0).toString() << "not WAL for" << m_path;
    q.finish();
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs),
    };
    for (const QString& p : pragmas) {
        if (Status st = sql::exec(m_db, p, tr("Configuring the database")); !st.ok())
            return st;
    }
    return {};
}

Status Database::backupBeforeUpgrade(int fromVersion)
{
    QString target = m_path + QStringLiteral(".bak-v%1").arg(fromVersion);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = m_path + QStringLiteral(".bak-v%1.%2").arg(fromVersion).arg(n);
    // VACUUM INTO writes a consistent copy that includes what is still in the WAL file.
    if (Status st = sql::exec(m_db, QStringLiteral("VACUUM INTO ") + quotedSqlString(target),
                              tr("Copying the database to %1 before upgrading it").arg(target));
        !st.ok())
        return Error{joinSentences(st.error().message,
                                   tr("The database was not upgraded and is unchanged."))};
    m_backupPath = target;
    qCInfo(lcStore) << "backed up" << m_path << "to" << target;
    return {};
}

Status Database::upgrade(int target)
{
    if (m_version >= target)
        return {};
    if (!m_readOnlyReason.isEmpty())
        return Error{tr("%1 is from an older Lyss and needs an upgrade, which writes it, but it "
                        "cannot be written: %2. Lyss has not changed it. Make it writable, or "
                        "copy the folder somewhere you can write and start Lyss with --data-dir "
                        "pointing there.")
                         .arg(m_path, m_readOnlyReason)};
    if (m_version > 0) {
        if (Status st = backupBeforeUpgrade(m_version); !st.ok())
            return st;
    }
    for (const Migration& m : migrations()) {
        if (m.version <= m_version || m.version > target)
            continue;
        Transaction tx(*this);
        if (!tx.status().ok())
            return tx.status();
        // Another process may have upgraded the file while we waited for the lock.
        QSqlQuery q(m_db);
        if (!q.exec(dialect().schemaVersionQuery()) || !q.next())
            return sql::errorFrom(q, tr("Reading the database version"));
        const int current = q.value(0).toInt();
        q.finish();
        if (current >= m.version) {
            m_version = current;
            continue;
        }
        QStringList statements = m.statements;
        statements << dialect().setSchemaVersion(m.version);
        for (const QString& s : statements) {
            if (Status st = sql::exec(m_db, s,
                                      tr("Upgrading the database to version %1 (%2)")
                                          .arg(m.version)
                                          .arg(m.description));
                !st.ok()) {
                tx.rollback();
                QString msg =
                    joinSentences(st.error().message,
                                  tr("This step was undone; the database is as it was before it."));
                if (!m_backupPath.isEmpty())
                    msg = joinSentences(
                        msg, tr("A copy from before the upgrade is at %1.").arg(m_backupPath));
                return Error{msg};
            }
        }
        if (Status st = tx.commit(); !st.ok())
            return st;
        m_version = m.version;
        qCInfo(lcStore) << "upgraded" << m_path << "to schema version" << m.version;
    }
    return {};
}

} // namespace lyss
