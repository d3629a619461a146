// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Sql.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>

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
        return QCoreApplication::translate("lyss::sql", "the database file is damaged");
    case 14: // SQLITE_CANTOPEN
        return QCoreApplication::translate(
            "lyss::sql", "the file cannot be opened (does the folder exist, and may you write "
                         "to it?)");
    default:
        return {};
    }
}

namespace {
Error makeError(const QSqlError& e, const QString& what)
{
    qCWarning(lcStore) << what << e.text();
    QString detail = e.databaseText();
    if (detail.isEmpty())
        detail = e.driverText();
    bool numeric = false;
    const int code = e.nativeErrorCode().toInt(&numeric);
    if (const QString words = numeric ? causeInWords(code) : QString(); !words.isEmpty())
        detail = QCoreApplication::translate("lyss::sql", "%1 (SQLite: %2)").arg(words, detail);
    return Error{QCoreApplication::translate("lyss::sql", "%1 failed: %2").arg(what, detail)};
}
} // namespace

Error errorFrom(const QSqlQuery& query, const QString& what)
{
    return makeError(query.lastError(), what);
}

Error errorFrom(const QSqlDatabase& db, const QString& what)
{
    return makeError(db.lastError(), what);
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
