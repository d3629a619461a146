// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StatementCache.h"

#include "store/Sql.h"

#include <QCoreApplication>

namespace lyss {

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QSqlQuery*> StatementCache::get(const QString& sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sql::errorFrom(
                query, QCoreApplication::translate("lyss::StatementCache", "Preparing a query"));
        it = m_queries.insert(sql, std::move(query));
    }
    it->finish();
    return &*it;
}

} // namespace lyss
