// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/Message.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <functional>
#include <limits>
#include <optional>

namespace lyss {

class ChatRepository;
class ConnectionSource;

// The messages of one person's chats, a tree per chat: adding messages and turns, a
// streaming reply's saves, the branch shown (root → current leaf) and the others, reading
// a branch row by row, deleting a message with what is below it. The person is the chat
// repository's: a message in another person's chat is not there.
class MessageTree {
    Q_DECLARE_TR_FUNCTIONS(MessageTree)

public:
    MessageTree(ConnectionSource& source, ChatRepository& chats);

    // What the window reads of a message's text (PathColumns::Shown): a row shows no more
    // than 32,000 pixels of it, about 200 KB of text at the widest, and opening a chat
    // must not cost the megabytes of a huge reply. A longer text comes cut, with
    // Message::contentCut set; message() reads it whole.
    static constexpr int kShownBytes = 512 * 1024;

    // Appends a message under message.parentId (empty: a new root) and makes it the
    // chat's current leaf. An empty id gets a new UUID; zero times become now.
    Result<Message> addMessage(Message message);
    // Writes a turn in one transaction (see NewTurn): nothing of it when a step fails.
    Status addTurn(const NewTurn& turn);

    // Continue: a stopped, failed or interrupted reply streams again, owned by
    // `message.streamOwner` (its error stays until the final save: a crash meanwhile
    // leaves it interrupted with the reason it had). Refused (ErrorCode::Refused) when it
    // is not as `message` was read (its updated_at), has a message below it, or is gone:
    // another Lyss continued or answered it meanwhile.
    Status reopenMessage(const Message& message);
    // Saves what a streaming reply has so far.
    Status checkpointMessage(const QString& id, const QString& content, const QString& thinking);
    // Saves a reply's final text, status, error and metrics. It is indexed for search at
    // once, or, with deferred indexing set, left waiting and `indexSoon` called. Saving a
    // message that is gone (or not the person's) changes nothing and is no error: a reply
    // whose chat was deleted while it streamed ends quietly.
    Status finishMessage(const Message& message);
    // Indexing a long reply takes milliseconds: the window hands it to a SearchIndexer.
    void setDeferredIndexing(std::function<void()> indexSoon);

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

    Result<std::optional<Message>> message(const QString& id);
    // The visible conversation: root → current leaf.
    Result<QList<Message>> currentBranch(const QString& chatId);
    // What a branch read row by row fills in: every field, or what the chat window shows
    // (no chat or parent id, of the metrics only thinking_ms, and kShownBytes of the text).
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

private:
    Result<QString> currentLeaf(const QString& chatId);
    Status readPath(const QString& statement, const QString& messageId, int maxDepth,
                    const std::function<void(const QSqlQuery&)>& row);

    ConnectionSource& m_source;
    ChatRepository& m_chats;
    QString m_user;
    StatementCache m_statements;
    std::function<void()> m_indexSoon;
    // The statements with the dialect's fragments in them, made once.
    QString m_messageColumns;
    QString m_touchChat;
    QString m_newLeaf;
    QString m_fullPath;
    QString m_shownPath;
    QString m_siblingsUnder;
};

} // namespace lyss
