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
    auto& queries = m_queries[lease->db().connectionName()];
    std::shared_ptr<QSqlQuery>& query = queries[sql];
    if (!query) {
        auto made = std::make_shared<QSqlQuery>(lease->db());
        made->setForwardOnly(true);
        if (!made->prepare(sql)) {
            queries.remove(sql);
            return sql::errorFrom(
                *made, QCoreApplication::translate("lyss::StatementCache", "Preparing a query"));
        }
        query = std::move(made);
    }
    query->finish();
    return Statement(std::move(*lease), query.get());
}

} // namespace lyss
