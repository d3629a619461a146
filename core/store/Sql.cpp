// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Sql.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>

namespace lyss::sql {

namespace {
Error makeError(const QSqlError& e, const QString& what)
{
    qCWarning(lcStore) << what << e.text();
    QString detail = e.databaseText();
    if (detail.isEmpty())
        detail = e.driverText();
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
