// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatBulkWriter.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace lyss {

namespace {
QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

ChatBulkWriter::ChatBulkWriter(Database& db)
    : m_db(db)
    , m_statements(db.connection())
{
}

Status ChatBulkWriter::begin()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM messages")) || !q.next())
        return sql::errorFrom(q, tr("Preparing the import"));
    m_firstSeq = q.value(0).toLongLong() + 1;
    q.finish();
    QSqlDatabase db = m_db.connection();
    if (Status st = sql::exec(db, QStringLiteral("DROP TRIGGER IF EXISTS messages_fts_insert"),
                              tr("Preparing the import"));
        !st.ok())
        return st;
    m_begun = true;
    return {};
}

Result<std::optional<QString>> ChatBulkWriter::findBySource(const QString& source,
                                                            const QString& sourceId)
{
    // Also a chat whose own id is the source id: Lyss's export imported back into Lyss.
    auto q = m_statements.get(QStringLiteral(
        "SELECT id FROM chats WHERE (source = ? AND source_id = ?) OR id = ? LIMIT 1"));
    if (!q)
        return q.error();
    (*q)->addBindValue(source);
    (*q)->addBindValue(sourceId);
    (*q)->addBindValue(sourceId);
    if (Status st = sql::exec(**q, tr("Looking for an earlier import")); !st.ok())
        return st.error();
    std::optional<QString> id;
    if ((*q)->next())
        id = (*q)->value(0).toString();
    (*q)->finish();
    return id;
}

Status ChatBulkWriter::insertChat(const Chat& c)
{
    auto q = m_statements.get(QStringLiteral(
        "INSERT INTO chats (id, user_id, title, model, params, pinned, archived, created_at, "
        "updated_at, tags, source, source_id) VALUES (?, 'local', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery& s = **q;
    s.addBindValue(c.id);
    s.addBindValue(c.title.isNull() ? QStringLiteral("") : c.title);
    s.addBindValue(nullIfEmpty(c.model));
    s.addBindValue(json(c.params));
    s.addBindValue(c.pinned);
    s.addBindValue(c.archived);
    s.addBindValue(c.createdAt);
    s.addBindValue(c.updatedAt);
    s.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(c.tags)).toJson(QJsonDocument::Compact)));
    s.addBindValue(nullIfEmpty(c.source));
    s.addBindValue(nullIfEmpty(c.sourceId));
    return sql::exec(s, tr("Saving the chat \"%1\"").arg(c.title));
}

Status ChatBulkWriter::insertMessage(const Message& m)
{
    auto q = m_statements.get(QStringLiteral(
        "INSERT INTO messages (id, chat_id, parent_id, role, content, thinking, model, status, "
        "error, metrics, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery& s = **q;
    s.addBindValue(m.id);
    s.addBindValue(m.chatId);
    s.addBindValue(nullIfEmpty(m.parentId));
    s.addBindValue(roleName(m.role));
    s.addBindValue(m.content.isNull() ? QStringLiteral("") : m.content);
    s.addBindValue(nullIfEmpty(m.thinking));
    s.addBindValue(nullIfEmpty(m.model));
    s.addBindValue(statusName(m.status));
    s.addBindValue(nullIfEmpty(m.error));
    s.addBindValue(m.metrics.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                       : QVariant(json(m.metrics)));
    s.addBindValue(m.createdAt);
    s.addBindValue(m.updatedAt);
    return sql::exec(s, tr("Saving a message"));
}

Status ChatBulkWriter::setCurrentLeaf(const QString& chatId, const QString& messageId)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET current_leaf_id = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(nullIfEmpty(messageId));
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Saving the chat's current branch"));
}

Status ChatBulkWriter::finish()
{
    if (!m_begun)
        return {};
    m_begun = false;
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO messages_fts (rowid, content) "
                             "SELECT seq, content FROM messages_searchable WHERE seq >= ?"));
    q.addBindValue(m_firstSeq);
    if (Status st = sql::exec(q, tr("Indexing the imported messages for search")); !st.ok())
        return st;
    q.finish();
    return sql::exec(db, messagesFtsInsertTrigger(), tr("Finishing the import"));
}

} // namespace lyss
