// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace lyss {

// Prepared statements kept for the life of a repository: each SQL text is compiled
// once, so hot paths (inserting thousands of messages) skip the parser.
class StatementCache {
public:
    explicit StatementCache(QSqlDatabase db);

    // The prepared query for `sql`, or the error from preparing it. The query is
    // finish()ed first, so a previous half-read result never holds a read lock.
    Result<QSqlQuery*> get(const QString& sql);

private:
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_queries;
};

} // namespace lyss
