// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatBulkWriter.h"

#include "store/ConnectionSource.h"
#include "store/Sql.h"
#include "store/SqlDialect.h"
#include "store/StoreRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace lyss {

using namespace rows;

ChatBulkWriter::ChatBulkWriter(ConnectionSource& source, QString userId)
    : m_source(source)
    , m_user(std::move(userId))
    , m_statements(source)
{
}

Status ChatBulkWriter::begin()
{
    auto lease = m_source.lease();
    if (!lease)
        return lease.error();
    QSqlDatabase db = lease->db();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM messages")) || !q.next())
        return sql::errorFrom(q, tr("Preparing the import"));
    m_firstSeq = q.value(0).toLongLong() + 1;
    q.finish();
    for (const QString& statement : lease->dialect().pauseIndexingInserts()) {
        if (Status st = sql::exec(db, statement, tr("Preparing the import")); !st.ok())
            return st;
    }
    m_begun = true;
    return {};
}

Status ChatBulkWriter::insertChat(Chat chat)
{
    chat.userId = m_user;
    chat.currentLeafId.clear(); // set once its messages are in
    auto q = m_statements.get(rows::insertChat());
    if (!q)
        return q.error();
    bindChat(**q, chat);
    return sql::exec(**q, tr("Saving the chat \"%1\"").arg(chat.title));
}

Status ChatBulkWriter::insertMessage(const Message& m)
{
    auto q = m_statements.get(rows::insertMessage());
    if (!q)
        return q.error();
    bindMessage(**q, m);
    return sql::exec(**q, tr("Saving a message"));
}

Status ChatBulkWriter::setCurrentLeaf(const QString& chatId, const QString& messageId)
{
    auto q = m_statements.get(
        QStringLiteral("UPDATE chats SET current_leaf_id = ? WHERE id = ? AND user_id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(nullIfEmpty(messageId));
    (*q)->addBindValue(chatId);
    (*q)->addBindValue(m_user);
    return sql::exec(**q, tr("Saving the chat's current branch"));
}

Status ChatBulkWriter::finish()
{
    if (!m_begun)
        return {};
    m_begun = false;
    auto lease = m_source.lease();
    if (!lease)
        return lease.error();
    for (const QString& statement : lease->dialect().indexInsertedSince(m_firstSeq)) {
        if (Status st =
                sql::exec(lease->db(), statement, tr("Indexing the imported messages for search"));
            !st.ok())
            return st;
    }
    return {};
}

} // namespace lyss
