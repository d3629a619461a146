// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/DatabaseBackup.h"

#include "util/Sentences.h"

#include "store/sqlite/WriteAccess.h"

#include "util/AtomicFile.h"
#include "util/Sentences.h"

#include "store/sqlite/Database.h"
#include "store/sqlite/SqliteHandle.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <cstdio>

#include <sqlite3.h>

namespace lyss {

namespace {

// sqlite3 handles closed on every path.
struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close_v2(db); }
};

QString sqliteError(sqlite3* db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}

// Copies every page of `from` into `to`, retrying while another connection holds a lock.
int copyPages(sqlite3* from, sqlite3* to)
{
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        return sqlite3_errcode(to);
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(b, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    const int finish = sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? finish : rc;
}

} // namespace

Status DatabaseBackup::backup(Database& db, const QString& target, bool overwrite)
{
    if (QFileInfo::exists(target) && !overwrite)
        return Error{tr("%1 already exists. Choose another name, or pass --force to replace it.")
                         .arg(target)};
    sqlite3* source = sqliteHandle(db.connection());
    if (!source)
        return Error{tr("The database is not open.")};
    const QString partial = target + QStringLiteral(".part");
    QFile::remove(partial);
    {
        Handle out;
        if (sqlite3_open_v2(partial.toUtf8().constData(), &out.db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            return Error{tr("Cannot create %1: %2.").arg(partial, sqliteError(out.db))};
        if (copyPages(source, out.db) != SQLITE_OK) {
            const QString why = sqliteError(out.db);
            sqlite3_close_v2(out.db);
            out.db = nullptr;
            QFile::remove(partial);
            QFile::remove(partial + QStringLiteral("-journal"));
            return Error{tr("Copying the database to %1 failed: %2.").arg(target, why)};
        }
        // A backup is one self-contained file: no -wal beside it.
        sqlite3_exec(out.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    }
    if (Status st = check(partial); !st.ok()) {
        QFile::remove(partial);
        return st;
    }
    // One step: a previous backup of that name stays until the new one is whole.
    if (Status st = AtomicFile::replace(partial, target); !st.ok()) {
        QFile::remove(partial);
        return st;
    }
    return {};
}

Status DatabaseBackup::check(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return Error{tr("%1 does not exist.").arg(path)};
    if (QFileInfo(path).size() == 0)
        return Error{tr("%1 is empty, not a Lyss database.").arg(path)};
    if (Status st = Database::checkHeader(path); !st.ok())
        return st;
    Handle h;
    // immutable: nothing is created beside a file that may yet be refused (no -wal, no
    // -shm), and nothing in it is changed.
    const QByteArray uri = QByteArrayLiteral("file:") + QUrl::toPercentEncoding(path, "/") +
                           QByteArrayLiteral("?mode=ro&immutable=1");
    if (sqlite3_open_v2(uri.constData(), &h.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK)
        return Error{tr("Cannot open %1: %2.").arg(path, sqliteError(h.db))};
    auto scalar = [&](const char* sqlText, QString* out) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(h.db, sqlText, -1, &st, nullptr) != SQLITE_OK)
            return false;
        const bool row = sqlite3_step(st) == SQLITE_ROW;
        if (row)
            *out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        return row;
    };
    QString result;
    if (!scalar("PRAGMA quick_check", &result) || result != QLatin1String("ok"))
        return Error{tr("%1 is damaged (%2); it cannot be used.")
                         .arg(path, result.isEmpty() ? sqliteError(h.db) : result)};
    QString tables;
    if (!scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                "('chats', 'messages', 'config', 'backends')",
                &tables) ||
        tables != QLatin1String("4"))
        return Error{tr("%1 is not a Lyss database: its tables are missing.").arg(path)};
    return {};
}

Result<QStringList> DatabaseBackup::integrityProblems(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return Error{tr("%1 does not exist.").arg(path)};
    Handle h;
    // Read only, and on a read-only file system as immutable: a file that cannot be
    // opened for writing is not a damaged one.
    const QByteArray uri = WriteAccess::readOnlyUri(path);
    if (sqlite3_open_v2(uri.constData(), &h.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK)
        return Error{tr("Cannot open %1: %2.").arg(path, printable(sqliteError(h.db)))};
    sqlite3_busy_timeout(h.db, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h.db, "PRAGMA integrity_check(20)", -1, &st, nullptr) != SQLITE_OK)
        return QStringList{printable(sqliteError(h.db))}; // a schema too broken to read
    QStringList problems;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const QString row =
            QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        if (row != QLatin1String("ok"))
            problems << printable(row);
    }
    if (rc != SQLITE_DONE)
        problems << printable(sqliteError(h.db));
    sqlite3_finalize(st);
    return problems;
}

Result<bool> DatabaseBackup::accountsOnIn(const QString& path)
{
    Handle h;
    const QByteArray uri = WriteAccess::readOnlyUri(path);
    if (sqlite3_open_v2(uri.constData(), &h.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK)
        return Error{tr("Cannot open %1: %2.").arg(path, printable(sqliteError(h.db)))};
    sqlite3_busy_timeout(h.db, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h.db,
                           "SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL "
                           "AND password_hash <> '')",
                           -1, &st, nullptr) != SQLITE_OK)
        return Error{
            tr("Cannot read the accounts of %1: %2.").arg(path, printable(sqliteError(h.db)))};
    const int rc = sqlite3_step(st);
    const bool on = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    const QString why = rc == SQLITE_ROW ? QString() : printable(sqliteError(h.db));
    sqlite3_finalize(st);
    if (!why.isEmpty())
        return Error{tr("Cannot read the accounts of %1: %2.").arg(path, why)};
    return on;
}

QString DatabaseBackup::beforeRestorePath(const QString& databasePath)
{
    for (int n = 1;; ++n) {
        const QString candidate = databasePath + QStringLiteral(".before-restore-%1").arg(n);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

Status DatabaseBackup::replaceDamaged(const QString& databasePath, const QString& source,
                                      const QString& keepAs)
{
    if (Status st = check(source); !st.ok())
        return Error{joinSentences(st.errorMessage(), tr("Nothing was changed."))};
    const QString wal = databasePath + QStringLiteral("-wal");
    if (!QFile::copy(databasePath, keepAs) ||
        (QFileInfo::exists(wal) && !QFile::copy(wal, keepAs + QStringLiteral("-wal")))) {
        QFile::remove(keepAs);
        return Error{tr("Could not keep a copy of the damaged database as %1. Nothing was "
                        "changed.")
                         .arg(keepAs)};
    }
    // The backup goes in beside it first, then takes its name in one step.
    const QString incoming = databasePath + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(source, incoming) ||
        ::rename(QFile::encodeName(incoming).constData(),
                 QFile::encodeName(databasePath).constData()) != 0) {
        QFile::remove(incoming);
        return Error{tr("Could not put %1 in place of the damaged database. It is as it was; "
                        "a copy of it is kept as %2.")
                         .arg(source, keepAs)};
    }
    // The log and shared memory were the damaged file's.
    QFile::remove(wal);
    QFile::remove(databasePath + QStringLiteral("-shm"));
    return {};
}

Status DatabaseBackup::restore(Database& db, const QString& source, const QString& keepAs)
{
    if (Status st = check(source); !st.ok())
        return Error{joinSentences(st.errorMessage(), tr("Nothing was changed."))};
    // Never over an earlier copy: each restore keeps the database it replaced.
    if (Status st = backup(db, keepAs, false); !st.ok())
        return Error{joinSentences(st.errorMessage(), tr("Nothing was changed."))};
    Handle src;
    const QByteArray uri = QByteArrayLiteral("file:") + QUrl::toPercentEncoding(source, "/") +
                           QByteArrayLiteral("?mode=ro&immutable=1");
    if (sqlite3_open_v2(uri.constData(), &src.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                        nullptr) != SQLITE_OK)
        return Error{tr("Cannot open %1: %2.").arg(source, sqliteError(src.db))};
    sqlite3* dest = sqliteHandle(db.connection());
    if (copyPages(src.db, dest) != SQLITE_OK)
        return Error{tr("Restoring from %1 failed: %2. The previous database is kept as %3.")
                         .arg(source, sqliteError(dest), keepAs)};
    return {};
}

} // namespace lyss
