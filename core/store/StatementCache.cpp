// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StatementCache.h"

#include "store/Sql.h"

#include <QCoreApplication>

namespace lyss {

StatementCache::StatementCache(ConnectionSource& source)
    : m_source(source)
{
}

Result<Statement> StatementCache::get(const QString& sql)
{
    auto lease = m_source.lease();
    if (!lease)
        return lease.error();
    QHash<QString, QSqlQuery>& queries = m_queries[lease->db().connectionName()];
    auto it = queries.find(sql);
    if (it == queries.end()) {
        QSqlQuery query(lease->db());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sql::errorFrom(
                query, QCoreApplication::translate("lyss::StatementCache", "Preparing a query"));
        it = queries.insert(sql, std::move(query));
    }
    it->finish();
    return Statement(std::move(*lease), &*it);
}

} // namespace lyss
