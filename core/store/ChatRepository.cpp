// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatRepository.h"

#include "store/ConnectionSource.h"
#include "store/Sql.h"
#include "store/StoreRows.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lyss {

using namespace rows;

ChatRepository::ChatRepository(ConnectionSource& source, QString userId)
    : m_source(source)
    , m_user(std::move(userId))
    , m_statements(source)
{
}

Status ChatRepository::updateOwned(const QString& chatId, const QString& set, QVariantList values,
                                   const QString& what)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET ") + set +
                              QStringLiteral(" WHERE id = ? AND user_id = ?"));
    if (!q)
        return q.error();
    values << chatId << m_user;
    for (const QVariant& v : values)
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, what); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("There is no chat with the id %1.").arg(chatId), ErrorCode::NotFound};
    return {};
}

Result<Chat> ChatRepository::createChat(Chat chat)
{
    if (chat.id.isEmpty())
        chat.id = newId();
    chat.userId = m_user;
    if (chat.createdAt == 0)
        chat.createdAt = sql::nowMs();
    if (chat.updatedAt == 0)
        chat.updatedAt = chat.createdAt;
    auto q = m_statements.get(insertChat());
    if (!q)
        return q.error();
    bindChat(**q, chat);
    if (Status st = sql::exec(**q, tr("Creating the chat \"%1\"").arg(chat.title)); !st.ok())
        return st.error();
    return chat;
}

Result<std::optional<Chat>> ChatRepository::chat(const QString& id)
{
    auto rows =
        queryRows<Chat>(m_statements,
                        QStringLiteral("SELECT ") + chatColumns() +
                            QStringLiteral(" FROM chats c WHERE c.id = ? AND c.user_id = ?"),
                        {id, m_user}, tr("Reading the chat %1").arg(id), chatFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Chat>(rows->first());
}

Result<QString> ChatRepository::resolveChatId(const QString& prefix)
{
    if (prefix.trimmed().isEmpty())
        return Error{tr("No chat id was given.")};
    auto ids = queryRows<QString>(
        m_statements,
        QStringLiteral("SELECT id FROM chats WHERE user_id = ? AND substr(id, 1, length(?)) = ? "
                       "LIMIT 3"),
        {m_user, prefix, prefix}, tr("Looking up the chat %1").arg(prefix),
        [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!ids)
        return ids.error();
    if (ids->contains(prefix))
        return prefix;
    if (ids->isEmpty())
        return Error{tr("There is no chat with the id %1.").arg(prefix), ErrorCode::NotFound};
    if (ids->size() > 1)
        return Error{
            tr("Several chats have ids starting with %1; give more of the id.").arg(prefix),
            ErrorCode::InvalidInput};
    return ids->first();
}

Result<QList<ChatSummary>> ChatRepository::listChats(bool includeArchived)
{
    return queryRows<ChatSummary>(
        m_statements,
        QStringLiteral("SELECT ") + chatColumns() +
            QStringLiteral(", (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) "
                           "FROM chats c WHERE c.user_id = ? AND (c.archived = 0 OR ?) "
                           "ORDER BY c.updated_at DESC, c.created_at DESC, c.id"),
        {m_user, includeArchived}, tr("Reading the chat list"), [](const QSqlQuery& q) {
            return ChatSummary{chatFromRow(q), q.value(kChatColumnCount).toInt()};
        });
}

Result<QList<ListedChat>> ChatRepository::listedChats(int limit)
{
    return queryRows<ListedChat>(
        m_statements,
        QStringLiteral("SELECT id, title, updated_at, created_at, pinned FROM chats "
                       "WHERE user_id = ? AND archived = 0 "
                       "ORDER BY updated_at DESC LIMIT ?"), // as its index has them
        {m_user, limit}, tr("Reading the chat list"), [](const QSqlQuery& q) {
            return ListedChat{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                              q.value(3).toLongLong(), q.value(4).toBool()};
        });
}

Status ChatRepository::setChatModel(const QString& chatId, const QString& backend,
                                    const QString& model)
{
    return updateOwned(chatId, QStringLiteral("model = ?, backend = ?"),
                       {nullIfEmpty(model), nullIfEmpty(backend)}, tr("Saving the chat's model"));
}

Status ChatRepository::setChatParams(const QString& chatId, const QJsonObject& params)
{
    return updateOwned(chatId, QStringLiteral("params = ?"), {textFromObject(params)},
                       tr("Saving the chat's options"));
}

Status ChatRepository::renameChat(const QString& chatId, const QString& title)
{
    return updateOwned(chatId, QStringLiteral("title = ?"), {notNull(title.trimmed())},
                       tr("Renaming the chat"));
}

Status ChatRepository::setTags(const QString& chatId, const QStringList& tags)
{
    return updateOwned(
        chatId, QStringLiteral("tags = ?"),
        {QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact))},
        tr("Tagging the chat"));
}

Result<std::optional<QString>> ChatRepository::chatFromSource(const QString& source,
                                                              const QString& sourceId, bool orOwnId)
{
    auto q = m_statements.get(QStringLiteral(
        "SELECT id FROM chats WHERE user_id = ? AND ((source = ? AND source_id = ?) OR id = ?) "
        "LIMIT 1"));
    if (!q)
        return q.error();
    (*q)->addBindValue(m_user);
    (*q)->addBindValue(source);
    (*q)->addBindValue(sourceId);
    (*q)->addBindValue(orOwnId ? QVariant(sourceId) : QVariant(QMetaType(QMetaType::QString)));
    if (Status st = sql::exec(**q, tr("Looking for an imported chat")); !st.ok())
        return st.error();
    std::optional<QString> id;
    if ((*q)->next())
        id = (*q)->value(0).toString();
    (*q)->finish();
    return id;
}

Status ChatRepository::setPinned(const QString& chatId, bool pinned)
{
    return updateOwned(chatId, QStringLiteral("pinned = ?"), {pinned}, tr("Pinning the chat"));
}

Status ChatRepository::setArchived(const QString& chatId, bool archived)
{
    return updateOwned(chatId, QStringLiteral("archived = ?"), {archived},
                       tr("Archiving the chat"));
}

Status ChatRepository::deleteChat(const QString& chatId)
{
    // The links between messages go first, so deleting them cascades nowhere: a chain of
    // 100,000 messages would otherwise recurse once per message and stop at 1,000.
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status();
    auto owned = chat(chatId);
    if (!owned)
        return owned.error();
    if (!owned->has_value())
        return Error{tr("There is no chat with the id %1.").arg(chatId), ErrorCode::NotFound};
    for (const QString& statement :
         {QStringLiteral("UPDATE messages SET parent_id = NULL WHERE chat_id = ? AND "
                         "parent_id IS NOT NULL"),
          QStringLiteral("DELETE FROM messages WHERE chat_id = ?"),
          QStringLiteral("DELETE FROM chats WHERE id = ?"),
          QStringLiteral("DELETE FROM drafts WHERE user_id = ? AND chat_id = ?")}) {
        const QVariantList values = statement.startsWith(QLatin1String("DELETE FROM drafts"))
                                        ? QVariantList{m_user, chatId}
                                        : QVariantList{chatId};
        if (Status st = execute(m_statements, statement, values, tr("Deleting the chat")); !st.ok())
            return st;
    }
    return tx.commit();
}

} // namespace lyss
