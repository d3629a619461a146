// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageSearch.h"

#include "markdown/MarkdownText.h"
#include "store/ConnectionSource.h"
#include "store/SqlDialect.h"
#include "store/StoreRows.h"

namespace lyss {

MessageSearch::MessageSearch(ConnectionSource& source, QString userId)
    : m_dialect(source.dialect())
    , m_user(std::move(userId))
    , m_statements(source)
{
}

Result<QList<SearchHit>> MessageSearch::search(const QString& text, int limit)
{
    const QString match = m_dialect.searchQuery(text);
    if (match.isEmpty())
        return QList<SearchHit>{};
    return rows::queryRows<SearchHit>(
        m_statements, m_dialect.searchStatement(), {match, m_user, limit},
        tr("Searching the messages"), [](const QSqlQuery& q) {
            // A snippet shows the words, not the markdown around them.
            return SearchHit{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             MarkdownText::flattened(q.value(3).toString())};
        });
}

Status MessageSearch::indexWaitingMessages(QSqlDatabase connection)
{
    // Most starts find nothing waiting: asking through the partial index of waiting rows
    // reads a page, where the UPDATE would first compile the index's triggers (and load
    // the full-text module) to change no row.
    QSqlQuery waiting(connection);
    waiting.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM messages WHERE indexed = 0)"));
    if (Status st = sql::exec(waiting, tr("Indexing finished messages for search")); !st.ok())
        return st;
    if (!waiting.next() || waiting.value(0).toInt() == 0)
        return {};
    waiting.finish();
    // The triggers move what a message marked indexed holds into the index.
    QSqlQuery q(connection);
    q.prepare(QStringLiteral("UPDATE messages SET indexed = 1 WHERE indexed = 0"));
    return sql::exec(q, tr("Indexing finished messages for search"));
}

} // namespace lyss
