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

namespace lyss {

namespace {

const QString kChatColumns = QStringLiteral(
    "c.id, c.user_id, c.title, c.current_leaf_id, c.model, c.params, c.pinned, c.archived, "
    "c.created_at, c.updated_at, c.tags, c.source, c.source_id");
const QString kMessageColumns =
    QStringLiteral("m.id, m.chat_id, m.parent_id, m.role, m.content, m.thinking, m.model, "
                   "m.status, m.error, m.metrics, m.created_at, m.updated_at");

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// QtSql binds a null QString as SQL NULL; text columns that are NOT NULL get ''.
QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant nullIfEmpty(const QString& s) {
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QJsonObject objectFromText(const QString& text) {
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QString textFromObject(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Chat chatFromRow(const QSqlQuery& q, int at = 0) {
    Chat c;
    c.id = q.value(at + 0).toString();
    c.userId = q.value(at + 1).toString();
    c.title = q.value(at + 2).toString();
    c.currentLeafId = q.value(at + 3).toString();
    c.model = q.value(at + 4).toString();
    c.params = objectFromText(q.value(at + 5).toString());
    c.pinned = q.value(at + 6).toBool();
    c.archived = q.value(at + 7).toBool();
    c.createdAt = q.value(at + 8).toLongLong();
    c.updatedAt = q.value(at + 9).toLongLong();
    for (const QJsonValue& t : QJsonDocument::fromJson(q.value(at + 10).toByteArray()).array())
        c.tags << t.toString();
    c.source = q.value(at + 11).toString();
    c.sourceId = q.value(at + 12).toString();
    return c;
}

Message messageFromRow(const QSqlQuery& q) {
    Message m;
    m.id = q.value(0).toString();
    m.chatId = q.value(1).toString();
    m.parentId = q.value(2).toString();
    m.role = roleFromName(q.value(3).toString()).value_or(Role::User);
    m.content = q.value(4).toString();
    m.thinking = q.value(5).toString();
    m.model = q.value(6).toString();
    m.status = statusFromName(q.value(7).toString()).value_or(MessageStatus::Complete);
    m.error = q.value(8).toString();
    m.metrics = objectFromText(q.value(9).toString());
    m.createdAt = q.value(10).toLongLong();
    m.updatedAt = q.value(11).toLongLong();
    return m;
}

} // namespace

ChatRepository::ChatRepository(Database& db)
    : m_db(db)
    , m_statements(db.connection()) {}

Result<Chat> ChatRepository::createChat(Chat chat) {
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
        "created_at, updated_at, tags, source, source_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
    if (Status st = sql::exec(s, tr("Creating the chat \"%1\"").arg(chat.title)); !st.ok())
        return st.error();
    return chat;
}

Result<Message> ChatRepository::addMessage(Message message) {
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

Result<std::optional<Chat>> ChatRepository::chat(const QString& id) {
    auto q = m_statements.get(QStringLiteral("SELECT ") + kChatColumns +
                              QStringLiteral(" FROM chats c WHERE c.id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    if (Status st = sql::exec(**q, tr("Reading the chat %1").arg(id)); !st.ok())
        return st.error();
    std::optional<Chat> found;
    if ((*q)->next())
        found = chatFromRow(**q);
    (*q)->finish();
    return found;
}

Result<QString> ChatRepository::resolveChatId(const QString& prefix) {
    if (prefix.trimmed().isEmpty())
        return Error{tr("No chat id was given.")};
    auto q = m_statements.get(QStringLiteral(
        "SELECT id FROM chats WHERE substr(id, 1, length(:prefix)) = :prefix LIMIT 3"));
    if (!q)
        return q.error();
    (*q)->bindValue(QStringLiteral(":prefix"), prefix);
    if (Status st = sql::exec(**q, tr("Looking up the chat %1").arg(prefix)); !st.ok())
        return st.error();
    QStringList ids;
    while ((*q)->next())
        ids << (*q)->value(0).toString();
    (*q)->finish();
    if (ids.contains(prefix))
        return prefix;
    if (ids.isEmpty())
        return Error{tr("There is no chat with the id %1.").arg(prefix)};
    if (ids.size() > 1)
        return Error{
            tr("Several chats have ids starting with %1; give more of the id.").arg(prefix)};
    return ids.first();
}

Result<QList<ChatSummary>> ChatRepository::listChats(bool includeArchived) {
    auto q = m_statements.get(
        QStringLiteral("SELECT ") + kChatColumns +
        QStringLiteral(", (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) "
                       "FROM chats c WHERE c.archived = 0 OR ? "
                       "ORDER BY c.updated_at DESC, c.created_at DESC, c.id"));
    if (!q)
        return q.error();
    (*q)->addBindValue(includeArchived);
    if (Status st = sql::exec(**q, tr("Reading the chat list")); !st.ok())
        return st.error();
    QList<ChatSummary> out;
    while ((*q)->next())
        out.append({chatFromRow(**q), (*q)->value(13).toInt()});
    (*q)->finish();
    return out;
}

Result<QList<Message>> ChatRepository::currentBranch(const QString& chatId) {
    auto c = chat(chatId);
    if (!c)
        return c.error();
    if (!c->has_value() || (*c)->currentLeafId.isEmpty())
        return QList<Message>{};
    return pathTo((*c)->currentLeafId);
}

Result<QList<Message>> ChatRepository::pathTo(const QString& messageId) {
    // Walk up from the message; depth orders the path so the root comes first.
    auto q = m_statements.get(
        QStringLiteral("WITH RECURSIVE path(id, depth) AS ("
                       "  SELECT :id, 0"
                       "  UNION ALL"
                       "  SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path "
                       "    ON m.id = path.id WHERE m.parent_id IS NOT NULL"
                       ") SELECT ") +
        kMessageColumns +
        QStringLiteral(" FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC"));
    if (!q)
        return q.error();
    (*q)->bindValue(QStringLiteral(":id"), messageId);
    if (Status st = sql::exec(**q, tr("Reading the messages before %1").arg(messageId)); !st.ok())
        return st.error();
    QList<Message> out;
    while ((*q)->next())
        out.append(messageFromRow(**q));
    (*q)->finish();
    return out;
}

Result<QList<Message>> ChatRepository::allMessages(const QString& chatId) {
    auto q =
        m_statements.get(QStringLiteral("SELECT ") + kMessageColumns +
                         QStringLiteral(" FROM messages m WHERE m.chat_id = ? ORDER BY m.seq"));
    if (!q)
        return q.error();
    (*q)->addBindValue(chatId);
    if (Status st = sql::exec(**q, tr("Reading the messages of chat %1").arg(chatId)); !st.ok())
        return st.error();
    QList<Message> out;
    while ((*q)->next())
        out.append(messageFromRow(**q));
    (*q)->finish();
    return out;
}

Result<std::optional<Message>> ChatRepository::message(const QString& id) {
    auto q = m_statements.get(QStringLiteral("SELECT ") + kMessageColumns +
                              QStringLiteral(" FROM messages m WHERE m.id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    if (Status st = sql::exec(**q, tr("Reading the message %1").arg(id)); !st.ok())
        return st.error();
    std::optional<Message> found;
    if ((*q)->next())
        found = messageFromRow(**q);
    (*q)->finish();
    return found;
}

Status ChatRepository::checkpointMessage(const QString& id, const QString& content,
                                         const QString& thinking) {
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

Status ChatRepository::finishMessage(const Message& message) {
    const qint64 now = sql::nowMs();
    Transaction tx(m_db.connection());
    if (!tx.status().ok())
        return tx.status();
    auto q = m_statements.get(QStringLiteral(
        "UPDATE messages SET content = ?, thinking = ?, status = ?, error = ?, metrics = ?, "
        "updated_at = ?, stream_owner = NULL WHERE id = ?"));
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
    return tx.commit();
}

Result<int>
ChatRepository::recoverInterruptedReplies(const std::function<bool(const QString&)>& ownerAlive) {
    auto q = m_statements.get(
        QStringLiteral("SELECT id, stream_owner FROM messages WHERE status = 'streaming'"));
    if (!q)
        return q.error();
    if (Status st = sql::exec(**q, tr("Looking for replies cut off by a crash")); !st.ok())
        return st.error();
    QStringList orphans;
    while ((*q)->next()) {
        const QString owner = (*q)->value(1).toString();
        if (owner.isEmpty() || !ownerAlive(owner))
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

Status ChatRepository::setChatModel(const QString& chatId, const QString& model) {
    auto q = m_statements.get(QStringLiteral("UPDATE chats SET model = ? WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(nullIfEmpty(model));
    (*q)->addBindValue(chatId);
    return sql::exec(**q, tr("Saving the chat's model"));
}

QString ChatRepository::ftsQuery(const QString& text) {
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

Result<QList<SearchHit>> ChatRepository::search(const QString& text, int limit) {
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return QList<SearchHit>{};
    auto q = m_statements.get(
        QStringLiteral("SELECT m.chat_id, c.title, m.id, "
                       "  snippet(messages_fts, 0, '[', ']', '…', 12) "
                       "FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid "
                       "JOIN chats c ON c.id = m.chat_id "
                       "WHERE messages_fts MATCH ? AND c.archived = 0 ORDER BY rank LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(match);
    (*q)->addBindValue(limit);
    if (Status st = sql::exec(**q, tr("Searching the messages")); !st.ok())
        return st.error();
    QList<SearchHit> out;
    while ((*q)->next())
        out.append({(*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toString(),
                    (*q)->value(3).toString()});
    (*q)->finish();
    return out;
}

} // namespace lyss
