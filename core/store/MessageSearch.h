// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace lyss {

class ConnectionSource;
class SqlDialect;

// Full-text search over one person's finished messages, through the dialect's index (FTS5
// for SQLite).
class MessageSearch {
    Q_DECLARE_TR_FUNCTIONS(MessageSearch)

public:
    MessageSearch(ConnectionSource& source, QString userId);

    // Best matches first. Each word of `text` must occur; the last may be the start of a
    // word (search as you type). Any text is safe: operators are searched as words.
    Result<QList<SearchHit>> search(const QString& text, int limit = 50);
    // Indexes every message waiting for it, over `connection` (any connection to the
    // file: the search indexer's thread has its own).
    static Status indexWaitingMessages(QSqlDatabase connection);

private:
    const SqlDialect& m_dialect;
    QString m_user;
    StatementCache m_statements;
};

} // namespace lyss
