// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/Message.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <limits>

#include <optional>

namespace lyss {

class Database;

// Chats and their message trees: the typed API over the chats, messages and
// messages_fts tables.
class ChatRepository {
    Q_DECLARE_TR_FUNCTIONS(ChatRepository)

public:
    explicit ChatRepository(Database& db);

    // Creates a chat. An empty id gets a new UUID; zero times become now.
    Result<Chat> createChat(Chat chat);
    // Appends a message under message.parentId (empty: a new root) and makes it the
    // chat's current leaf. An empty id gets a new UUID; zero times become now.
    Result<Message> addMessage(Message message);
    // Writes a turn in one transaction (see NewTurn): nothing of it when a step fails.
    Status addTurn(const NewTurn& turn);

    // Saves what a streaming reply has so far.
    Status checkpointMessage(const QString& id, const QString& content, const QString& thinking);
    // Saves a reply's final text, status, error and metrics. It is indexed for search at
    // once, or, with deferred indexing set, left waiting and `indexSoon` called.
    Status finishMessage(const Message& message);
    // Indexing a long reply takes milliseconds: the window hands it to a SearchIndexer.
    void setDeferredIndexing(std::function<void()> indexSoon);
    // Indexes every message waiting for it, over `connection` (any connection to the file).
    static Status indexWaitingMessages(QSqlDatabase connection);
    // Replies still marked streaming whose process is gone become interrupted, their
    // text kept. Returns how many.
    // The processes (their tokens) streaming a reply into this database right now.
    Result<QStringList>
    liveStreamOwners(const std::function<bool(const QString&, qint64)>& ownerAlive);
    // `ownerAlive` gets a reply's stream owner and the time of its last write (ms).
    Result<int>
    recoverInterruptedReplies(const std::function<bool(const QString&, qint64)>& ownerAlive);
    // The model a chat talks to, and the server (backend name) it was picked on.
    Status setChatModel(const QString& chatId, const QString& backend, const QString& model);
    Status setChatParams(const QString& chatId, const QJsonObject& params);
    // Shows the branch that ends at `messageId` (or continues below it: see latestLeafUnder).
    Status setCurrentLeaf(const QString& chatId, const QString& messageId);
    // Following the newest child from `messageId` down to a leaf.
    Result<QString> latestLeafUnder(const QString& messageId);
    // Siblings (messages with the same parent, oldest first) by parent id, for parents
    // with more than one child; roots are under the empty string.
    Result<QHash<QString, QStringList>> siblings(const QString& chatId);
    // The same, for the children of the given parents only ("" for the chat's roots): what
    // a window onto a long chat needs, read through the parent index.
    Result<QHash<QString, QStringList>> siblingsUnder(const QString& chatId,
                                                      const QStringList& parentIds);
    // Deletes a message and everything below it; the chat's current branch moves to
    // what remains (the newest leaf under the message's parent, or the parent itself).
    Status deleteMessage(const QString& messageId);
    // Chat list edits.
    Status renameChat(const QString& chatId, const QString& title);
    Status setPinned(const QString& chatId, bool pinned);
    Status setArchived(const QString& chatId, bool archived);
    Status deleteChat(const QString& chatId);
    // The unsent text of a chat ("" for a new chat); saving empty text removes it.
    Status saveDraft(const QString& chatId, const QString& text);
    Result<QString> draft(const QString& chatId);

    Result<std::optional<Chat>> chat(const QString& id);
    Result<std::optional<Message>> message(const QString& id);
    // The full id of the one chat whose id starts with `prefix`; a readable error when
    // none or several do.
    Result<QString> resolveChatId(const QString& prefix);
    // Most recently active first.
    Result<QList<ChatSummary>> listChats(bool includeArchived = false);
    // The visible conversation: root → current leaf.
    Result<QList<Message>> currentBranch(const QString& chatId);
    // What a branch read row by row fills in: every field, or what the chat window shows
    // (no chat or parent id, and of the metrics only thinking_ms).
    enum class PathColumns { All, Shown };
    // The same, row by row and in no particular order: `visit(depth, message)` with depth
    // 0 for the leaf, up to `maxDepth` (the window shows the end of a long chat first).
    // Holds no more than one message at a time.
    Status visitCurrentBranch(const QString& chatId,
                              const std::function<void(int, Message&&)>& visit,
                              PathColumns columns = PathColumns::All,
                              int maxDepth = std::numeric_limits<int>::max());
    // How many messages the chat holds, every branch.
    Result<int> messageCount(const QString& chatId);
    // Root → the given message.
    Result<QList<Message>> pathTo(const QString& messageId);
    Status visitPath(const QString& messageId, const std::function<void(int, Message&&)>& visit,
                     PathColumns columns = PathColumns::All,
                     int maxDepth = std::numeric_limits<int>::max());
    // Every message of the chat, every branch, in the order they were stored (a parent
    // always before its children).
    Result<QList<Message>> allMessages(const QString& chatId);
    // Full-text search over message content, best matches first. Each word of `text`
    // must occur; the last may be the start of a word (search as you type).
    Result<QList<SearchHit>> search(const QString& text, int limit = 50);

    static QString ftsQuery(const QString& text);

private:
    Status visitShownPath(const QString& messageId,
                          const std::function<void(int, Message&&)>& visit, int maxDepth);

    Database& m_db;
    StatementCache m_statements;
    std::function<void()> m_indexSoon;
};

} // namespace lyss
