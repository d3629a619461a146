// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ConnectionSource.h"
#include "util/Result.h"

#include <QHash>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <utility>

namespace lyss {

// A prepared statement with the lease on the connection it runs on: the connection is
// the caller's until the statement goes out of scope. Used like a QSqlQuery pointer.
class Statement {
public:
    Statement(ConnectionLease lease, QSqlQuery* query)
        : m_lease(std::move(lease))
        , m_query(query)
    {
    }
    QSqlQuery* operator->() const { return m_query; }
    QSqlQuery& operator*() const { return *m_query; }

private:
    ConnectionLease m_lease;
    QSqlQuery* m_query;
};

// Prepared statements kept for the life of a repository, per connection its source lends:
// each SQL text is compiled once per connection, so hot paths (inserting thousands of
// messages) skip the parser.
class StatementCache {
public:
    explicit StatementCache(ConnectionSource& source);

    // The prepared query for `sql` on a connection leased for this thread, or the error
    // from leasing or preparing. The query is finish()ed first, so a previous half-read
    // result never holds a read lock.
    Result<Statement> get(const QString& sql);

private:
    ConnectionSource& m_source;
    // By connection name, then SQL; each query where it was made (a QHash moves its values
    // when it grows, and a Statement points at one).
    QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> m_queries;
};

} // namespace lyss
