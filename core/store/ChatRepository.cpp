// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatRepository.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace lyss {

namespace {

const QString kChatColumns = QStringLiteral(
    "c.id, c.user_id, c.title, c.current_leaf_id, c.model, c.params, c.pinned, c.archived, "
    "c.created_at, c.updated_at, c.tags, c.source, c.source_id, c.backend");
constexpr int kChatColumnCount = 14;
// A message's text is read as the UTF-8 bytes SQLite keeps (Lyss's databases are UTF-8)
// and decoded by Qt: read as text, SQLite converts it to UTF-16 one byte at a time first,
// 5 ms for a reply of 1.4 MB, which is most of opening such a chat.
const QString kMessageColumns =
    QStringLiteral("m.id, m.chat_id, m.parent_id, m.role, CAST(m.content AS BLOB), "
                   "CAST(m.thinking AS BLOB), m.model, m.status, m.error, m.metrics, "
                   "m.created_at, m.updated_at");
constexpr int kMessageColumnCount = 12;
// The ids from a message up to its root (or `?` steps up), each with its depth (0 for the
// message), then "SELECT " for the columns wanted.
const QString kPathUp = QStringLiteral("WITH RECURSIVE path(id, depth) AS ("
                                       "  SELECT ?, 0"
                                       "  UNION ALL"
                                       "  SELECT m.parent_id, path.depth + 1 FROM messages m "
                                       "    JOIN path ON m.id = path.id "
                                       "    WHERE m.parent_id IS NOT NULL AND path.depth < ?"
                                       ") SELECT ");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// QtSql binds a null QString as SQL NULL; text columns that are NOT NULL get ''.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QJsonObject objectFromText(const QString& text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QString textFromObject(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Chat chatFromRow(const QSqlQuery& q)
{
    Chat c;
    c.id = q.value(0).toString();
    c.userId = q.value(1).toString();
    c.title = q.value(2).toString();
    c.currentLeafId = q.value(3).toString();
    c.model = q.value(4).toString();
    c.params = objectFromText(q.value(5).toString());
    c.pinned = q.value(6).toBool();
    c.archived = q.value(7).toBool();
    c.createdAt = q.value(8).toLongLong();
    c.updatedAt = q.value(9).toLongLong();
    for (const QJsonValue& t : QJsonDocument::fromJson(q.value(10).toByteArray()).array())
        c.tags << t.toString();
    c.source = q.value(11).toString();
    c.sourceId = q.value(12).toString();
    c.backend = q.value(13).toString();
    return c;
}

QString textFromUtf8(const QVariant& bytes)
{
    const QByteArray utf8 = bytes.toByteArray();
    return QString::fromUtf8(utf8.constData(), utf8.size());
}

Message messageFromRow(const QSqlQuery& q)
{
    Message m;
    m.id = q.value(0).toString();
    m.chatId = q.value(1).toString();
    m.parentId = q.value(2).toString();
    m.role = roleFromName(q.value(3).toString()).value_or(Role::User);
    m.content = textFromUtf8(q.value(4));
    m.thinking = textFromUtf8(q.value(5));
    m.model = q.value(6).toString();
    m.status = statusFromName(q.value(7).toString()).value_or(MessageStatus::Complete);
    m.error = q.value(8).toString();
    m.metrics = objectFromText(q.value(9).toString());
    m.createdAt = q.value(10).toLongLong();
    m.updatedAt = q.value(11).toLongLong();
    return m;
}

// Runs a prepared query with positional values and turns each row into a T.
template <typename T, typename RowFn>
Result<QList<T>> queryRows(StatementCache& statements, const QString& statement,
                           const QVariantList& values, const QString& what, RowFn fromRow)
{
    auto q = statements.get(statement);
    if (!q)
        return q.error();
    for (const QVariant& v : values)
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, what); !st.ok())
        return st.error();
    QList<T> out;
    while ((*q)->next())
        out.append(fromRow(**q));
    (*q)->finish();
    return out;
}

} // namespace

ChatRepository::ChatRepository(Database& db)
    : m_db(db)
    , m_statements(db.connection())
{
}

Result<Chat> ChatRepository::createChat(Chat chat)
{
    if (chat.id.isEmpty())
        chat.id = newId();
    if (chat.userId.isEmpty())
        chat.userId = QStringLiteral("local");
    if (chat.createdAt == 0)
        chat.createdAt = sql::nowMs();
    if (chat.updatedAt == 0)
        chat.updatedAt = chat.createdAt;
    auto q = m_statements.get(QStringLiteral(
        "INSERT INTO chats (id, user_id, title, current_leaf_id, model, params, pinned, archived, "
        "created_at, updated_at, tags, source, source_id, backend) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery& s = **q;
    s.addBindValue(chat.id);
    s.addBindValue(chat.userId);
    s.addBindValue(notNull(chat.title));
    s.addBindValue(nullIfEmpty(chat.currentLeafId));
    s.addBindValue(nullIfEmpty(chat.model));
    s.addBindValue(textFromObject(chat.params));
    s.addBindValue(chat.pinned);
    s.addBindValue(chat.archived);
    s.addBindValue(chat.createdAt);
    s.addBindValue(chat.updatedAt);
    s.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(chat.tags)).toJson(QJsonDocument::Compact)));
    s.addBindValue(nullIfEmpty(chat.source));
    s.addBindValue(nullIfEmpty(chat.sourceId));
    s.addBindValue(nullIfEmpty(chat.backend));
    if (Status st = sql::exec(s, tr("Creating the chat \"%1\"").arg(chat.title)); !st.ok())
        return st.error();
    return chat;
}

Result<Message> ChatRepository::addMessage(Message message)
{
    if (message.id.isEmpty())
        message.id = newId();
    if (message.createdAt == 0)
        message.createdAt = sql::nowMs();
    if (message.updatedAt == 0)
        message.updatedAt = message.createdAt;

    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status().error();
    auto q = m_statements.get(QStringLiteral(
        "INSERT INTO messages (id, chat_id, parent_id, role, content, thinking, model, status, "
        "error, metrics, created_at, updated_at, stream_owner) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery& s = **q;
    s.addBindValue(message.id);
    s.addBindValue(message.chatId);
    s.addBindValue(nullIfEmpty(message.parentId));
    s.addBindValue(roleName(message.role));
    s.addBindValue(notNull(message.content));
    s.addBindValue(nullIfEmpty(message.thinking));
    s.addBindValue(nullIfEmpty(message.model));
    s.addBindValue(statusName(message.status));
    s.addBindValue(nullIfEmpty(message.error));
    s.addBindValue(message.metrics.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(textFromObject(message.metrics)));
    s.addBindValue(message.createdAt);
    s.addBindValue(message.updatedAt);
    s.addBindValue(nullIfEmpty(message.streamOwner));
    if (Status st = sql::exec(s, tr("Saving a message")); !st.ok())
        return st.error();

    auto leaf = m_statements.get(QStringLiteral(
        "UPDATE chats SET current_leaf_id = ?, updated_at = max(updated_at, ?) WHERE id = ?"));
    if (!leaf)
        return leaf.error();
    (*leaf)->addBindValue(message.id);
    (*leaf)->addBindValue(message.updatedAt);
    (*leaf)->addBindValue(message.chatId);
    if (Status st = sql::exec(**leaf, tr("Updating the chat")); !st.ok())
        return st.error();
    if (Status st = tx.commit(); !st.ok())
        return st.error();
    return message;
}

Status ChatRepository::addTurn(const NewTurn& turn)
{
    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status();
    if (turn.newChat) {
        if (auto created = createChat(*turn.newChat); !created)
            return created.error();
    } else if (Status st = setChatModel(turn.reply.chatId, turn.backend, turn.model); !st.ok()) {
        return st;
    }
    if (turn.question) {
        if (auto added = addMessage(*turn.question); !added)
            return added.error();
    }
    if (auto added = addMessage(turn.reply); !added)
        return added.error();
    return tx.commit();
}

Result<std::optional<Chat>> ChatRepository::chat(const QString& id)
{
    auto rows = queryRows<Chat>(m_statements,
                                QStringLiteral("SELECT ") + kChatColumns +
                                    QStringLiteral(" FROM chats c WHERE c.id = ?"),
                                {id}, tr("Reading the chat %1").arg(id), chatFromRow);
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
        QStringLiteral("SELECT id FROM chats WHERE substr(id, 1, length(?)) = ? LIMIT 3"),
        {prefix, prefix}, tr("Looking up the chat %1").arg(prefix),
        [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!ids)
        return ids.error();
    if (ids->contains(prefix))
        return prefix;
    if (ids->isEmpty())
        return Error{tr("There is no chat with the id %1.").arg(prefix)};
    if (ids->size() > 1)
        return Error{
            tr("Several chats have ids starting with %1; give more of the id.").arg(prefix)};
    return ids->first();
}

Result<QList<ChatSummary>> ChatRepository::listChats(bool includeArchived)
{
    return queryRows<ChatSummary>(
        m_statements,
        QStringLiteral("SELECT ") + kChatColumns +
            QStringLiteral(", (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) "
                           "FROM chats c WHERE c.archived = 0 OR ? "
                           "ORDER BY c.updated_at DESC, c.created_at DESC, c.id"),
        {includeArchived}, tr("Reading the chat list"), [](const QSqlQuery& q) {
            return ChatSummary{chatFromRow(q), q.value(kChatColumnCount).toInt()};
        });
}

Result<QList<Message>> ChatRepository::currentBranch(const QString& chatId)
{
    auto c = chat(chatId);
    if (!c)
        return c.error();
    if (!c->has_value() || (*c)->currentLeafId.isEmpty())
        return QList<Message>{};
    return pathTo((*c)->currentLeafId);
}

Status ChatRepository::visitCurrentBranch(const QString& chatId,
                                          const std::function<void(int, Message&&)>& visit,
                                          PathColumns columns, int maxDepth)
{
    auto c = chat(chatId);
    if (!c)
        return c.error();
    if (!c->has_value() || (*c)->currentLeafId.isEmpty())
        return {};
    return visitPath((*c)->currentLeafId, visit, columns, maxDepth);
}

Status ChatRepository::visitPath(const QString& messageId,
                                 const std::function<void(int, Message&&)>& visit,
                                 PathColumns columns, int maxDepth)
{
    if (columns == PathColumns::Shown)
        return visitShownPath(messageId, visit, maxDepth);
    // Walk up from the message. The rows are handed over as they come, with their depth,
    // rather than sorted here: sorting would hold every row's text in SQLite's sorter.
    auto q = m_statements.get(
        kPathUp + kMessageColumns +
        QStringLiteral(", path.depth FROM path JOIN messages m ON m.id = path.id"));
    if (!q)
        return q.error();
    (*q)->addBindValue(messageId);
    (*q)->addBindValue(maxDepth);
    if (Status st = sql::exec(**q, tr("Reading the messages before %1").arg(messageId)); !st.ok())
        return st;
    while ((*q)->next())
        visit((*q)->value(kMessageColumnCount).toInt(), messageFromRow(**q));
    (*q)->finish();
    return {};
}

// The columns a conversation on screen needs, and of the metrics only the thinking time:
// fewer values made and thrown away per row of a long chat.
Status ChatRepository::visitShownPath(const QString& messageId,
                                      const std::function<void(int, Message&&)>& visit,
                                      int maxDepth)
{
    auto q = m_statements.get(
        kPathUp + QStringLiteral("m.id, m.role, CAST(m.content AS BLOB), "
                                 "CAST(m.thinking AS BLOB), m.model, m.status, m.error, "
                                 "json_extract(m.metrics, '$.thinking_ms'), m.created_at, "
                                 "path.depth FROM path JOIN messages m ON m.id = path.id"));
    if (!q)
        return q.error();
    (*q)->addBindValue(messageId);
    (*q)->addBindValue(maxDepth);
    if (Status st = sql::exec(**q, tr("Reading the messages before %1").arg(messageId)); !st.ok())
        return st;
    while ((*q)->next()) {
        const QSqlQuery& r = **q;
        Message m;
        m.id = r.value(0).toString();
        m.role = roleFromName(r.value(1).toString()).value_or(Role::User);
        m.content = textFromUtf8(r.value(2));
        m.thinking = textFromUtf8(r.value(3));
        m.model = r.value(4).toString();
        m.status = statusFromName(r.value(5).toString()).value_or(MessageStatus::Complete);
        m.error = r.value(6).toString();
        if (const QVariant ms = r.value(7); !ms.isNull())
            m.metrics.insert(QStringLiteral("thinking_ms"), ms.toDouble());
        m.createdAt = r.value(8).toLongLong();
        visit(r.value(9).toInt(), std::move(m));
    }
    (*q)->finish();
    return {};
}

Result<int> ChatRepository::messageCount(const QString& chatId)
{
    auto rows = queryRows<int>(m_statements,
                               QStringLiteral("SELECT count(*) FROM messages WHERE chat_id = ?"),
                               {chatId}, tr("Counting the messages of chat %1").arg(chatId),
                               [](const QSqlQuery& q) { return q.value(0).toInt(); });
    if (!rows)
        return rows.error();
    return rows->value(0);
}

Result<QList<Message>> ChatRepository::pathTo(const QString& messageId)
{
    QList<QPair<int, Message>> rows;
    if (Status st = visitPath(messageId,
                              [&](int depth, Message&& m) {
                                  rows.append({depth, std::move(m)});
                              });
        !st.ok())
        return st.error();
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<Message> out;
    out.reserve(rows.size());
    for (auto& row : rows)
        out.append(std::move(row.second));
    return out;
}

Result<QList<Message>> ChatRepository::allMessages(const QString& chatId)
{
    return queryRows<Message>(
        m_statements,
        QStringLiteral("SELECT ") + kMessageColumns +
            QStringLiteral(" FROM messages m WHERE m.chat_id = ? ORDER BY m.seq"),
        {chatId}, tr("Reading the messages of chat %1").arg(chatId), messageFromRow);
}

Result<std::optional<Message>> ChatRepository::message(const QString& id)
{
    auto rows = queryRows<Message>(m_statements,
                                   QStringLiteral("SELECT ") + kMessageColumns +
                                       QStringLiteral(" FROM messages m WHERE m.id = ?"),
                                   {id}, tr("Reading the message %1").arg(id), messageFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Message>(rows->first());
}

Status ChatRepository::checkpointMessage(const QString& id, const QString& content,
                                         const QString& thinking)
{
    auto q = m_statements.get(QStringLiteral(
        "UPDATE messages SET content = ?, thinking = ?, updated_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(notNull(content));
    (*q)->addBindValue(nullIfEmpty(thinking));
    (*q)->addBindValue(sql::nowMs());
    (*q)->addBindValue(id);
    return sql::exec(**q, tr("Saving the reply so far"));
}

Status ChatRepository::finishMessage(const Message& message)
{
    const qint64 now = sql::nowMs();
    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status();
    auto q = m_statements.get(QStringLiteral(
        "UPDATE messages SET content = ?, thinking = ?, status = ?, error = ?, metrics = ?, "
        "updated_at = ?, stream_owner = NULL, indexed = ? WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery& s = **q;
    s.addBindValue(notNull(message.content));
    s.addBindValue(nullIfEmpty(message.thinking));
    s.addBindValue(statusName(message.status));
    s.addBindValue(nullIfEmpty(message.error));
    s.addBindValue(message.metrics.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(textFromObject(message.metrics)));
    s.addBindValue(now);
    s.addBindValue(m_indexSoon ? 0 : 1); // 1: the triggers index it now
    s.addBindValue(message.id);
    if (Status st = sql::exec(s, tr("Saving the reply")); !st.ok())
        return st;
    auto touch = m_statements.get(
        QStringLiteral("UPDATE chats SET updated_at = max(updated_at, ?) WHERE id = ?"));
    if (!touch)
        return touch.error();
    (*touch)->addBindValue(now);
    (*touch)->addBindValue(message.chatId);
    if (Status st = sql::exec(**touch, tr("Updating the chat")); !st.ok())
        return st;
    if (Status st = tx.commit(); !st.ok())
        return st;
    if (m_indexSoon)
        m_indexSoon();
    return {};
}

void ChatRepository::setDeferredIndexing(std::function<void()> indexSoon)
{
    m_indexSoon = std::move(indexSoon);
}

Status ChatRepository::indexWaitingMessages(QSqlDatabase connection)
{
    QSqlQuery q(connection);
    q.prepare(QStringLiteral("UPDATE messages SET indexed = 1 WHERE indexed = 0"));
    return sql::exec(q, tr("Indexing finished messages for search"));
}

Result<QStringList>
ChatRepository::liveStreamOwners(const std::function<bool(const QString&, qint64)>& ownerAlive)
{
    auto q = m_statements.get(
        QStringLiteral("SELECT stream_owner, max(updated_at) FROM messages WHERE status = "
                       "'streaming' AND stream_owner IS NOT NULL GROUP BY stream_owner"));
    if (!q)
        return q.error();
    if (Status st = sql::exec(**q, tr("Looking for replies being written")); !st.ok())
        return st.error();
    QStringList owners;
    while ((*q)->next()) {
        const QString owner = (*q)->value(0).toString();
        if (ownerAlive(owner, (*q)->value(1).toLongLong()))
            owners << owner;
    }
    (*q)->finish();
    return owners;
}

Result<int> ChatRepository::recoverInterruptedReplies(
    const std::function<bool(const QString&, qint64)>& ownerAlive)
{
    auto q = m_statements.get(QStringLiteral(
        "SELECT id, stream_owner, updated_at FROM messages WHERE status = 'streaming'"));
    if (!q)
        return q.error();
    if (Status st = sql::exec(**q, tr("Looking for replies cut off by a crash")); !st.ok())
        return st.error();
    QStringList orphans;
    while ((*q)->next()) {
        const QString owner = (*q)->value(1).toString();
        if (owner.isEmpty() || !ownerAlive(owner, (*q)->value(2).toLongLong()))
            orphans << (*q)->value(0).toString();
    }
    (*q)->finish();
    for (const QString& id : orphans) {
        auto u = m_statements.get(QStringLiteral(
            "UPDATE messages SET status = 'interrupted', stream_owner = NULL, updated_at = ? "
            "WHERE id = ? AND status = 'streaming'"));
        if (!u)
            return u.error();
        (*u)->addBindValue(sql::nowMs());
        (*u)->addBindValue(id);
        if (Status st = sql::exec(**u, tr("Marking an interrupted reply")); !st.ok())
            return st.error();
    }
    return static_cast<int>(orphans.size());
}

Status ChatRepository::setChatModel(const QString& chatId, const QString& backend,
                                    const QString& model)
{
    auto q =
        m_statements.get(QStringLiteral("UPDATE chats SET model = ?, backend = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(nullIfEmpty(model));
    (*q)->addBindValue(nullIfEmpty(backend));
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Saving the chat's model"));
}

Status ChatRepository::setChatParams(const QString& chatId, const QJsonObject& params)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET params = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(textFromObject(params));
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Saving the chat's options"));
}

Status ChatRepository::setCurrentLeaf(const QString& chatId, const QString& messageId)
{
    auto q = m_statements.get(QStringLiteral(
        "UPDATE chats SET current_leaf_id = ? WHERE id = ? AND "
        "(? IS NULL OR EXISTS (SELECT 1 FROM messages WHERE id = ? AND chat_id = ?))"));
    if (!q)
        return q.error();
    const QVariant leaf = nullIfEmpty(messageId);
    for (const QVariant& v : {leaf, QVariant(chatId), leaf, leaf, QVariant(chatId)})
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, tr("Switching the branch")); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("That message is not part of this chat.")};
    return {};
}

Result<QString> ChatRepository::latestLeafUnder(const QString& messageId)
{
    auto rows = queryRows<QString>(
        m_statements,
        QStringLiteral(
            "WITH RECURSIVE down(id, depth) AS ("
            "  SELECT ?, 0"
            "  UNION ALL"
            "  SELECT (SELECT c.id FROM messages c WHERE c.parent_id = down.id "
            "          ORDER BY c.seq DESC LIMIT 1), depth + 1 FROM down WHERE down.id IS NOT NULL"
            ") SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1"),
        {messageId}, tr("Finding the newest reply"),
        [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? messageId : rows->first();
}

Result<QHash<QString, QStringList>> ChatRepository::siblings(const QString& chatId)
{
    auto rows = queryRows<QPair<QString, QString>>(
        m_statements,
        // Only messages that have siblings: a long chat without branches costs nothing here.
        QStringLiteral("SELECT coalesce(parent_id, ''), id FROM messages WHERE chat_id = ? AND "
                       "coalesce(parent_id, '') IN (SELECT coalesce(parent_id, '') FROM messages "
                       "WHERE chat_id = ? GROUP BY coalesce(parent_id, '') HAVING count(*) > 1) "
                       "ORDER BY seq"),
        {chatId, chatId}, tr("Reading the branches of chat %1").arg(chatId),
        [](const QSqlQuery& q) {
            return QPair<QString, QString>{q.value(0).toString(), q.value(1).toString()};
        });
    if (!rows)
        return rows.error();
    QHash<QString, QStringList> out;
    for (const auto& [parent, id] : *rows)
        out[parent] << id;
    return out;
}

Result<QHash<QString, QStringList>> ChatRepository::siblingsUnder(const QString& chatId,
                                                                  const QStringList& parentIds)
{
    QJsonArray parents;
    for (const QString& id : parentIds) {
        if (!id.isEmpty())
            parents.append(id);
    }
    auto rows = queryRows<QPair<QString, QString>>(
        m_statements,
        // Both halves go through the parent index (`+chat_id` keeps the planner off the
        // chat index, which would walk every message of the chat).
        QStringLiteral("SELECT parent_id, id, seq FROM messages "
                       "WHERE parent_id IN (SELECT value FROM json_each(?)) "
                       "UNION ALL SELECT '', id, seq FROM messages "
                       "WHERE ? AND parent_id IS NULL AND +chat_id = ? ORDER BY 3"),
        {QString::fromUtf8(QJsonDocument(parents).toJson(QJsonDocument::Compact)),
         parentIds.contains(QString()), chatId},
        tr("Reading the branches of chat %1").arg(chatId), [](const QSqlQuery& q) {
            return QPair<QString, QString>{q.value(0).toString(), q.value(1).toString()};
        });
    if (!rows)
        return rows.error();
    QHash<QString, QStringList> out;
    for (const auto& [parent, id] : *rows)
        out[parent] << id;
    out.removeIf([](const auto& entry) { return entry.value().size() < 2; });
    return out;
}

Status ChatRepository::deleteMessage(const QString& messageId)
{
    auto m = message(messageId);
    if (!m)
        return m.error();
    if (!m->has_value())
        return Error{tr("The message no longer exists.")};
    const Message gone = **m;
    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status();
    // The message and all below it, collected first: ON DELETE CASCADE on parent_id would
    // recurse once per level, and SQLite stops at 1,000 levels. Their links are cut
    // before they go, so the delete cascades nowhere.
    QSqlDatabase connection = m_db.connection();
    if (Status st = sql::exec(connection,
                              QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS doomed_messages "
                                             "(id TEXT PRIMARY KEY)"),
                              tr("Deleting the message"));
        !st.ok())
        return st;
    const QStringList steps{
        QStringLiteral("DELETE FROM doomed_messages WHERE ? IS NOT NULL"),
        QStringLiteral("WITH RECURSIVE below(id) AS (SELECT ? UNION ALL SELECT m.id FROM "
                       "messages m JOIN below ON m.parent_id = below.id) "
                       "INSERT INTO doomed_messages SELECT id FROM below"),
        QStringLiteral("UPDATE messages SET parent_id = NULL WHERE id IN (SELECT id FROM "
                       "doomed_messages) AND ? IS NOT NULL"),
        QStringLiteral("DELETE FROM messages WHERE id IN (SELECT id FROM doomed_messages) AND "
                       "? IS NOT NULL"),
        QStringLiteral("DELETE FROM doomed_messages WHERE ? IS NOT NULL")};
    for (const QString& statement : steps) {
        auto q = m_statements.get(statement);
        if (!q)
            return q.error();
        (*q)->addBindValue(messageId);
        if (Status st = sql::exec(**q, tr("Deleting the message")); !st.ok())
            return st;
    }
    // The branch on screen moves to what is left next to or above the deleted message.
    auto c = chat(gone.chatId);
    if (!c)
        return c.error();
    if (c->has_value() && !(*c)->currentLeafId.isEmpty()) {
        auto stillThere = message((*c)->currentLeafId);
        if (!stillThere)
            return stillThere.error();
        if (!stillThere->has_value()) {
            QString leaf = gone.parentId;
            auto remaining = queryRows<QString>(
                m_statements,
                QStringLiteral("SELECT id FROM messages WHERE chat_id = ? AND "
                               "coalesce(parent_id, '') = ? ORDER BY seq DESC LIMIT 1"),
                {gone.chatId, notNull(gone.parentId)}, tr("Finding what is left of the branch"),
                [](const QSqlQuery& row) { return row.value(0).toString(); });
            if (remaining && !remaining->isEmpty()) {
                auto under = latestLeafUnder(remaining->first());
                leaf = under ? *under : remaining->first();
            }
            if (Status st = setCurrentLeaf(gone.chatId, leaf); !st.ok())
                return st;
        }
    }
    return tx.commit();
}

Status ChatRepository::renameChat(const QString& chatId, const QString& title)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET title = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(notNull(title.trimmed()));
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Renaming the chat"));
}

Status ChatRepository::setPinned(const QString& chatId, bool pinned)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET pinned = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(pinned);
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Pinning the chat"));
}

Status ChatRepository::setArchived(const QString& chatId, bool archived)
{
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET archived = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(archived);
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Archiving the chat"));
}

Status ChatRepository::deleteChat(const QString& chatId)
{
    // The links between messages go first, so deleting them cascades nowhere: a chain of
    // 100,000 messages would otherwise recurse once per message and stop at 1,000.
    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status();
    for (const QString& statement :
         {QStringLiteral("UPDATE messages SET parent_id = NULL WHERE chat_id = ? AND "
                         "parent_id IS NOT NULL"),
          QStringLiteral("DELETE FROM messages WHERE chat_id = ?"),
          QStringLiteral("DELETE FROM chats WHERE id = ?")}) {
        auto q = m_statements.get(statement);
        if (!q)
            return q.error();
        (*q)->addBindValue(chatId);
        if (Status st = sql::exec(**q, tr("Deleting the chat")); !st.ok())
            return st;
    }
    if (Status st = saveDraft(chatId, {}); !st.ok())
        return st;
    return tx.commit();
}

Status ChatRepository::saveDraft(const QString& chatId, const QString& text)
{
    auto q = m_statements.get(
        text.trimmed().isEmpty()
            ? QStringLiteral(
                  "DELETE FROM drafts WHERE chat_id = ? AND ? IS NOT NULL AND ? IS NOT NULL")
            : QStringLiteral("INSERT INTO drafts (chat_id, text, updated_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (chat_id) DO UPDATE SET text = excluded.text, "
                             "updated_at = excluded.updated_at"));
    if (!q)
        return q.error();
    (*q)->addBindValue(notNull(chatId));
    (*q)->addBindValue(notNull(text));
    (*q)->addBindValue(sql::nowMs());
    return sql::exec(**q, tr("Saving the draft"));
}

Result<QString> ChatRepository::draft(const QString& chatId)
{
    auto rows = queryRows<QString>(m_statements,
                                   QStringLiteral("SELECT text FROM drafts WHERE chat_id = ?"),
                                   {notNull(chatId)}, tr("Reading the draft"),
                                   [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->first();
}

QString ChatRepository::ftsQuery(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : text.split(space, Qt::SkipEmptyParts)) {
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + word + QLatin1Char('"');
    }
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

Result<QList<SearchHit>> ChatRepository::search(const QString& text, int limit)
{
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return QList<SearchHit>{};
    return queryRows<SearchHit>(
        m_statements,
        QStringLiteral("SELECT m.chat_id, c.title, m.id, "
                       "  snippet(messages_fts, 0, '[', ']', '…', 12) "
                       "FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid "
                       "JOIN chats c ON c.id = m.chat_id "
                       "WHERE messages_fts MATCH ? AND c.archived = 0 ORDER BY rank LIMIT ?"),
        {match, limit}, tr("Searching the messages"), [](const QSqlQuery& q) {
            return SearchHit{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString()};
        });
}

} // namespace lyss
