// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Sql.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace lyss::sql {

QString causeInWords(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case 13: // SQLITE_FULL
        return QCoreApplication::translate("lyss::sql", "the disk is full");
    case 8: // SQLITE_READONLY
        return QCoreApplication::translate(
            "lyss::sql", "the database cannot be written (the file, its folder or the disk is "
                         "read-only)");
    case 3:  // SQLITE_PERM
    case 23: // SQLITE_AUTH
        return QCoreApplication::translate("lyss::sql", "permission denied");
    case 10: // SQLITE_IOERR
        return QCoreApplication::translate("lyss::sql",
                                           "the disk could not be read or written (I/O error)");
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return QCoreApplication::translate(
            "lyss::sql", "the database file is damaged; Lyss stops writing to it. Copy it "
                         "somewhere safe, see what lyss-cli db check says, and put a backup back "
                         "with lyss-cli restore FILE (Lyss keeps copies beside it: "
                         "lyss.db.bak-v<N>, lyss.db.before-restore-<N>)");
    case 14: // SQLITE_CANTOPEN
        return QCoreApplication::translate(
            "lyss::sql", "the file cannot be opened (does the folder exist, and may you write "
                         "to it?)");
    default:
        return {};
    }
}

namespace {
// The database files a connection of this process found damaged (their canonical paths).
struct DamagedFiles {
    std::atomic<bool> any = false; // asked before every statement: no lock while none is
    QMutex mutex;
    QSet<QString> paths;
};
DamagedFiles& damagedFiles()
{
    static DamagedFiles files;
    return files;
}

QString canonical(const QString& path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? path : c;
}

void noteDamaged(sqlite3* db)
{
    const char* file = sqlite3_db_filename(db, "main");
    if (!file || !*file)
        return; // in memory
    DamagedFiles& d = damagedFiles();
    QMutexLocker lock(&d.mutex);
    d.paths.insert(canonical(QString::fromUtf8(file)));
    d.any = true;
}

sqlite3* handleOfDriver(const QSqlDriver* driver)
{
    const QVariant v = driver ? driver->handle() : QVariant();
    if (!v.isValid() || std::strcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

bool queryOnly(sqlite3* db)
{
    sqlite3_stmt* st = nullptr;
    bool on = false;
    if (sqlite3_prepare_v2(db, "PRAGMA query_only", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        on = sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    return on;
}

ErrorCode codeOf(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::Busy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return ErrorCode::Refused;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
        return ErrorCode::Io;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
        return ErrorCode::InvalidInput;
    default:
        return ErrorCode::Unknown;
    }
}

Error makeError(const QSqlError& e, const QString& what, const QSqlDriver* driver)
{
    // An interrupted statement was stopped on purpose (a search nobody waits for).
    if (e.nativeErrorCode() != QString::number(SQLITE_INTERRUPT))
        qCWarning(lcStore) << what << e.text();
    QString detail = e.databaseText();
    if (detail.isEmpty())
        detail = e.driverText();
    bool numeric = false;
    const int code = e.nativeErrorCode().toInt(&numeric);
    QString words = numeric ? causeInWords(code) : QString();
    if (sqlite3* db = handleOfDriver(driver); db && numeric) {
        // A damaged file is not written to again by this connection: writing into broken
        // pages can spread the damage. SQLite itself keeps the stop.
        if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
            sqlite3_exec(db, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
            noteDamaged(db);
            qCWarning(lcStore) << "the database is damaged: no more writes on this connection";
        } else if ((code & 0xff) == SQLITE_READONLY && queryOnly(db)) {
            words = QCoreApplication::translate(
                "lyss::sql", "Lyss stopped writing to the database when SQLite found it "
                             "damaged. Copy it somewhere safe, see what lyss-cli db check says, "
                             "and put a backup back with lyss-cli restore FILE");
        }
    }
    if (!words.isEmpty())
        detail = QCoreApplication::translate("lyss::sql", "%1 (SQLite: %2)").arg(words, detail);
    return Error{QCoreApplication::translate("lyss::sql", "%1 failed: %2").arg(what, detail),
                 numeric ? codeOf(code) : ErrorCode::Unknown};
}
} // namespace

sqlite3* handleOf(const QSqlDatabase& db)
{
    return handleOfDriver(db.driver());
}

bool foundDamaged(const QString& path)
{
    DamagedFiles& d = damagedFiles();
    if (!d.any)
        return false;
    QMutexLocker lock(&d.mutex);
    return d.paths.contains(canonical(path));
}

Error errorFrom(const QSqlQuery& query, const QString& what)
{
    return makeError(query.lastError(), what, query.driver());
}

Error errorFrom(const QSqlDatabase& db, const QString& what)
{
    return makeError(db.lastError(), what, db.driver());
}

Status exec(QSqlDatabase& db, const QString& statement, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return errorFrom(query, what);
    return {};
}

Status exec(QSqlQuery& query, const QString& what)
{
    if (!query.exec())
        return errorFrom(query, what);
    return {};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace lyss::sql
