// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageTree.h"

#include "store/ChatRepository.h"
#include "store/ConnectionSource.h"
#include "store/SqlDialect.h"
#include "store/StoreRows.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace lyss {

using namespace rows;

namespace {

// The ids from a message of the person's (`?` message id, `?` user id) up to its root (or
// `?` steps up), each with its depth (0 for the message), then "SELECT " for the columns
// wanted. Only the first message's chat is checked: its parents are in the same chat.
const QString kPathUp = QStringLiteral("WITH RECURSIVE path(id, depth) AS ("
                                       "  SELECT s.id, 0 FROM messages s JOIN chats o "
                                       "    ON o.id = s.chat_id WHERE s.id = ? AND o.user_id = ?"
                                       "  UNION ALL"
                                       "  SELECT m.parent_id, path.depth + 1 FROM messages m "
                                       "    JOIN path ON m.id = path.id "
                                       "    WHERE m.parent_id IS NOT NULL AND path.depth < ?"
                                       ") SELECT ");

// True when the chat bound at (`?` chat id, `?` user id) is the person's.
const QString kOwned =
    QStringLiteral("EXISTS (SELECT 1 FROM chats o WHERE o.id = ? AND o.user_id = ?)");

QHash<QString, QStringList> byParent(const QList<QPair<QString, QString>>& rows)
{
    QHash<QString, QStringList> out;
    for (const auto& [parent, id] : rows)
        out[parent] << id;
    return out;
}

QPair<QString, QString> parentAndId(const QSqlQuery& q)
{
    return {q.value(0).toString(), q.value(1).toString()};
}

QString firstColumn(const QSqlQuery& q)
{
    return q.value(0).toString();
}

} // namespace

MessageTree::MessageTree(ConnectionSource& source, ChatRepository& chats)
    : m_source(source)
    , m_chats(chats)
    , m_user(chats.userId())
    , m_statements(source)
{
    const SqlDialect& d = source.dialect();
    m_messageColumns = messageColumns(d);
    const QString later = d.greatest(QStringLiteral("updated_at"), QStringLiteral("?"));
    m_touchChat =
        QStringLiteral("UPDATE chats SET updated_at = %1 WHERE id = ? AND user_id = ?").arg(later);
    // The chat must be the person's, and the message it answers in it (one lookup through
    // the message ids): a path up from a message never leaves its chat.
    m_newLeaf = QStringLiteral("UPDATE chats SET current_leaf_id = ?, updated_at = %1 "
                               "WHERE id = ? AND user_id = ? AND (? IS NULL OR EXISTS "
                               "(SELECT 1 FROM messages p WHERE p.id = ? AND p.chat_id = ?))")
                    .arg(later);
    m_fullPath = kPathUp + m_messageColumns +
                 QStringLiteral(", path.depth FROM path JOIN messages m ON m.id = path.id");
    // The columns a conversation on screen needs, and the metrics of replies only (what
    // each cost, how long it thought): fewer values made and thrown away per row of a
    // long chat.
    m_shownPath = kPathUp + QStringLiteral("m.id, m.role, %1, %2, m.model, m.status, m.error, "
                                           "CASE WHEN m.role = 'assistant' THEN m.metrics END, "
                                           "m.created_at, path.depth FROM path "
                                           "JOIN messages m ON m.id = path.id")
                                .arg(d.utf8Prefix(QStringLiteral("m.content"), kShownBytes + 1),
                                     d.utf8Bytes(QStringLiteral("m.thinking")));
    // Both halves go through the parent index (the chat id not indexed keeps the planner
    // off the chat index, which would walk every message of the chat).
    m_siblingsUnder = QStringLiteral("SELECT parent_id, id, seq FROM messages WHERE %1 AND %3 "
                                     "UNION ALL SELECT '', id, seq FROM messages "
                                     "WHERE ? AND parent_id IS NULL AND %2 = ? AND %3 ORDER BY 3")
                          .arg(d.inJsonArray(QStringLiteral("parent_id"), QStringLiteral("?")),
                               d.notIndexed(QStringLiteral("chat_id")), kOwned);
}

Result<Message> MessageTree::addMessage(Message message)
{
    if (message.id.isEmpty())
        message.id = newId();
    if (message.createdAt == 0)
        message.createdAt = sql::nowMs();
    if (message.updatedAt == 0)
        message.updatedAt = message.createdAt;

    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status().error();
    auto q = m_statements.get(insertMessage());
    if (!q)
        return q.error();
    bindMessage(**q, message);
    if (Status st = sql::exec(**q, tr("Saving a message")); !st.ok())
        return st.error();
    auto leaf = m_statements.get(m_newLeaf);
    if (!leaf)
        return leaf.error();
    const QVariant parent = nullIfEmpty(message.parentId);
    for (const QVariant& v :
         {QVariant(message.id), QVariant(message.updatedAt), QVariant(message.chatId),
          QVariant(m_user), parent, parent, QVariant(message.chatId)})
        (*leaf)->addBindValue(v);
    if (Status st = sql::exec(**leaf, tr("Updating the chat")); !st.ok())
        return st.error();
    if ((*leaf)->numRowsAffected() == 0) { // the insert is undone with the transaction
        auto owned = m_chats.chat(message.chatId);
        if (owned && !owned->has_value())
            return Error{tr("There is no chat with the id %1.").arg(message.chatId),
                         ErrorCode::NotFound};
        return Error{tr("The message it answers is not part of this chat."),
                     ErrorCode::InvalidInput};
    }
    if (Status st = tx.commit(); !st.ok())
        return st.error();
    return message;
}

Status MessageTree::addTurn(const NewTurn& turn)
{
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status();
    if (turn.newChat) {
        if (auto created = m_chats.createChat(*turn.newChat); !created)
            return created.error();
    } else if (Status st = m_chats.setChatModel(turn.reply.chatId, turn.backend, turn.model);
               !st.ok()) {
        return st;
    }
    if (turn.reopened) {
        if (Status st = reopenMessage(turn.reply); !st.ok())
            return st;
        return tx.commit();
    }
    if (turn.question) {
        if (auto added = addMessage(*turn.question); !added)
            return added.error();
    }
    if (auto added = addMessage(turn.reply); !added)
        return added.error();
    return tx.commit();
}

Status MessageTree::reopenMessage(const Message& message)
{
    auto q = m_statements.get(QStringLiteral(
        "UPDATE messages SET status = 'streaming', stream_owner = ?, updated_at = ? "
        "WHERE id = ? AND role = 'assistant' AND status IN ('cancelled', 'error', "
        "'interrupted') AND updated_at = ? AND NOT EXISTS (SELECT 1 FROM messages below "
        "WHERE below.parent_id = messages.id) AND (SELECT user_id FROM chats c WHERE c.id = "
        "messages.chat_id) = ?"));
    if (!q)
        return q.error();
    for (const QVariant& v : {nullIfEmpty(message.streamOwner), QVariant(sql::nowMs()),
                              QVariant(message.id), QVariant(message.updatedAt), QVariant(m_user)})
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, tr("Reopening the reply")); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("That reply changed meanwhile (continued, answered or deleted, perhaps "
                        "by another Lyss): look at it again before you continue it."),
                     ErrorCode::Refused};
    return {};
}

Status MessageTree::checkpointMessage(const QString& id, const QString& content,
                                      const QString& thinking)
{
    return execute(m_statements,
                   QStringLiteral("UPDATE messages SET content = ?, thinking = ?, updated_at = ? "
                                  "WHERE id = ? AND (SELECT user_id FROM chats c WHERE c.id = "
                                  "messages.chat_id) = ?"),
                   {notNull(content), nullIfEmpty(thinking), sql::nowMs(), id, m_user},
                   tr("Saving the reply so far"));
}

Status MessageTree::finishMessage(const Message& message)
{
    const qint64 now = sql::nowMs();
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status();
    if (Status st = execute(
            m_statements,
            QStringLiteral("UPDATE messages SET content = ?, thinking = ?, status = ?, error = ?, "
                           "metrics = ?, updated_at = ?, stream_owner = NULL, indexed = ? "
                           "WHERE id = ? AND (SELECT user_id FROM chats c WHERE c.id = "
                           "messages.chat_id) = ?"),
            {notNull(message.content), nullIfEmpty(message.thinking), statusName(message.status),
             nullIfEmpty(message.error),
             message.metrics.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                       : QVariant(textFromObject(message.metrics)),
             now, m_indexSoon ? 0 : 1 /* 1: the triggers index it now */, message.id, m_user},
            tr("Saving the reply"));
        !st.ok())
        return st;
    if (Status st = execute(m_statements, m_touchChat, {now, message.chatId, m_user},
                            tr("Updating the chat"));
        !st.ok())
        return st;
    if (Status st = tx.commit(); !st.ok())
        return st;
    if (m_indexSoon)
        m_indexSoon();
    return {};
}

void MessageTree::setDeferredIndexing(std::function<void()> indexSoon)
{
    m_indexSoon = std::move(indexSoon);
}

Status MessageTree::setCurrentLeaf(const QString& chatId, const QString& messageId)
{
    auto q = m_statements.get(QStringLiteral(
        "UPDATE chats SET current_leaf_id = ? WHERE id = ? AND user_id = ? AND "
        "(? IS NULL OR EXISTS (SELECT 1 FROM messages WHERE id = ? AND chat_id = ?))"));
    if (!q)
        return q.error();
    const QVariant leaf = nullIfEmpty(messageId);
    for (const QVariant& v :
         {leaf, QVariant(chatId), QVariant(m_user), leaf, leaf, QVariant(chatId)})
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, tr("Switching the branch")); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("That message is not part of this chat."), ErrorCode::NotFound};
    return {};
}

Result<QString> MessageTree::latestLeafUnder(const QString& messageId)
{
    auto rows = queryRows<QString>(
        m_statements,
        QStringLiteral(
            "WITH RECURSIVE down(id, depth) AS ("
            "  SELECT s.id, 0 FROM messages s JOIN chats o ON o.id = s.chat_id "
            "    WHERE s.id = ? AND o.user_id = ?"
            "  UNION ALL"
            "  SELECT (SELECT c.id FROM messages c WHERE c.parent_id = down.id "
            "          ORDER BY c.seq DESC LIMIT 1), depth + 1 FROM down WHERE down.id IS NOT NULL"
            ") SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1"),
        {messageId, m_user}, tr("Finding the newest reply"), firstColumn);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? messageId : rows->first();
}

Result<QHash<QString, QStringList>> MessageTree::siblings(const QString& chatId)
{
    auto rows = queryRows<QPair<QString, QString>>(
        m_statements,
        // Only messages that have siblings: a long chat without branches costs nothing here.
        QStringLiteral("SELECT coalesce(parent_id, ''), id FROM messages WHERE chat_id = ? AND "
                       "EXISTS (SELECT 1 FROM chats o WHERE o.id = ? AND o.user_id = ?) AND "
                       "coalesce(parent_id, '') IN (SELECT coalesce(parent_id, '') FROM messages "
                       "WHERE chat_id = ? GROUP BY coalesce(parent_id, '') HAVING count(*) > 1) "
                       "ORDER BY seq"),
        {chatId, chatId, m_user, chatId}, tr("Reading the branches of chat %1").arg(chatId),
        parentAndId);
    if (!rows)
        return rows.error();
    return byParent(*rows);
}

Result<QHash<QString, QStringList>> MessageTree::siblingsUnder(const QString& chatId,
                                                               const QStringList& parentIds)
{
    QJsonArray parents;
    for (const QString& id : parentIds) {
        if (!id.isEmpty())
            parents.append(id);
    }
    auto rows = queryRows<QPair<QString, QString>>(
        m_statements, m_siblingsUnder,
        {QString::fromUtf8(QJsonDocument(parents).toJson(QJsonDocument::Compact)), chatId, m_user,
         parentIds.contains(QString()), chatId, chatId, m_user},
        tr("Reading the branches of chat %1").arg(chatId), parentAndId);
    if (!rows)
        return rows.error();
    QHash<QString, QStringList> out = byParent(*rows);
    out.removeIf([](const auto& entry) { return entry.value().size() < 2; });
    return out;
}

Status MessageTree::deleteMessage(const QString& messageId)
{
    auto m = message(messageId);
    if (!m)
        return m.error();
    if (!m->has_value())
        return Error{tr("The message no longer exists."), ErrorCode::NotFound};
    const Message gone = **m;
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status();
    // The message and all below it, collected first: ON DELETE CASCADE on parent_id would
    // recurse once per level, and SQLite stops at 1,000 levels. Their links are cut
    // before they go, so the delete cascades nowhere.
    const QStringList steps{
        QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS doomed_messages (id TEXT PRIMARY KEY)"),
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
        const QVariantList values =
            statement.contains(QLatin1Char('?')) ? QVariantList{messageId} : QVariantList{};
        if (Status st = execute(m_statements, statement, values, tr("Deleting the message"));
            !st.ok())
            return st;
    }
    // The branch on screen moves to what is left next to or above the deleted message.
    auto leafNow = currentLeaf(gone.chatId);
    if (!leafNow)
        return leafNow.error();
    if (!leafNow->isEmpty()) {
        auto stillThere = message(*leafNow);
        if (!stillThere)
            return stillThere.error();
        if (!stillThere->has_value()) {
            QString leaf = gone.parentId;
            auto remaining = queryRows<QString>(
                m_statements,
                QStringLiteral("SELECT id FROM messages WHERE chat_id = ? AND "
                               "coalesce(parent_id, '') = ? ORDER BY seq DESC LIMIT 1"),
                {gone.chatId, notNull(gone.parentId)}, tr("Finding what is left of the branch"),
                firstColumn);
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

Result<std::optional<Message>> MessageTree::message(const QString& id)
{
    auto rows =
        queryRows<Message>(m_statements,
                           QStringLiteral("SELECT ") + m_messageColumns +
                               QStringLiteral(" FROM messages m JOIN chats o ON o.id = "
                                              "m.chat_id WHERE m.id = ? AND "
                                              "o.user_id = ?"),
                           {id, m_user}, tr("Reading the message %1").arg(id), messageFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Message>(rows->first());
}

Result<QString> MessageTree::currentLeaf(const QString& chatId)
{
    auto rows =
        queryRows<QString>(m_statements,
                           QStringLiteral("SELECT current_leaf_id FROM chats WHERE id = ? "
                                          "AND user_id = ?"),
                           {chatId, m_user}, tr("Reading the chat %1").arg(chatId), firstColumn);
    if (!rows)
        return rows.error();
    return rows->value(0);
}

Result<QList<Message>> MessageTree::currentBranch(const QString& chatId)
{
    auto leaf = currentLeaf(chatId);
    if (!leaf)
        return leaf.error();
    if (leaf->isEmpty())
        return QList<Message>{};
    return pathTo(*leaf);
}

Status MessageTree::visitCurrentBranch(const QString& chatId,
                                       const std::function<void(int, Message&&)>& visit,
                                       PathColumns columns, int maxDepth)
{
    auto leaf = currentLeaf(chatId);
    if (!leaf)
        return leaf.error();
    if (leaf->isEmpty())
        return {};
    return visitPath(*leaf, visit, columns, maxDepth);
}

Status MessageTree::readPath(const QString& statement, const QString& messageId, int maxDepth,
                             const std::function<void(const QSqlQuery&)>& row)
{
    // Walk up from the message. The rows are handed over as they come, with their depth,
    // rather than sorted here: sorting would hold every row's text in the database's sorter.
    auto q = m_statements.get(statement);
    if (!q)
        return q.error();
    (*q)->addBindValue(messageId);
    (*q)->addBindValue(m_user);
    (*q)->addBindValue(maxDepth);
    if (Status st = sql::exec(**q, tr("Reading the messages before %1").arg(messageId)); !st.ok())
        return st;
    while ((*q)->next())
        row(**q);
    (*q)->finish();
    return {};
}

Status MessageTree::visitPath(const QString& messageId,
                              const std::function<void(int, Message&&)>& visit, PathColumns columns,
                              int maxDepth)
{
    if (columns == PathColumns::All)
        return readPath(m_fullPath, messageId, maxDepth, [&](const QSqlQuery& r) {
            visit(r.value(kMessageColumnCount).toInt(), messageFromRow(r));
        });
    return readPath(m_shownPath, messageId, maxDepth, [&](const QSqlQuery& r) {
        Message m;
        m.id = r.value(0).toString();
        m.role = roleFromName(r.value(1).toString()).value_or(Role::User);
        m.content = textFromUtf8Prefix(r.value(2), kShownBytes, &m.contentCut);
        m.thinking = textFromUtf8(r.value(3));
        m.model = r.value(4).toString();
        m.status = statusFromName(r.value(5).toString()).value_or(MessageStatus::Complete);
        m.error = r.value(6).toString();
        if (const QVariant metrics = r.value(7); !metrics.isNull())
            m.metrics = QJsonDocument::fromJson(metrics.toByteArray()).object();
        m.createdAt = r.value(8).toLongLong();
        visit(r.value(9).toInt(), std::move(m));
    });
}

Result<int> MessageTree::messageCount(const QString& chatId)
{
    auto rows =
        queryRows<int>(m_statements,
                       QStringLiteral("SELECT count(*) FROM messages WHERE chat_id = ? "
                                      "AND ") +
                           kOwned,
                       {chatId, chatId, m_user}, tr("Counting the messages of chat %1").arg(chatId),
                       [](const QSqlQuery& q) { return q.value(0).toInt(); });
    if (!rows)
        return rows.error();
    return rows->value(0);
}

Result<QList<Message>> MessageTree::pathTo(const QString& messageId)
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

Result<QList<Message>> MessageTree::allMessages(const QString& chatId)
{
    return queryRows<Message>(m_statements,
                              QStringLiteral("SELECT ") + m_messageColumns +
                                  QStringLiteral(" FROM messages m WHERE m.chat_id = ? AND ") +
                                  kOwned + QStringLiteral(" ORDER BY m.seq"),
                              {chatId, chatId, m_user},
                              tr("Reading the messages of chat %1").arg(chatId), messageFromRow);
}

} // namespace lyss
