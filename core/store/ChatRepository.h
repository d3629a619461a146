// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace lyss {

class ConnectionSource;

// One person's chats: creating them, the chat list and its edits (title, pin, archive,
// model and options), deleting a chat with everything in it. Every query is the person's:
// another person's chat is "not there" (ErrorCode::NotFound) for reading and changing.
class ChatRepository {
    Q_DECLARE_TR_FUNCTIONS(ChatRepository)

public:
    ChatRepository(ConnectionSource& source, QString userId);

    QString userId() const { return m_user; }
    // Creates a chat of this person's (whatever chat.userId says). An empty id gets a new
    // UUID; zero times become now.
    Result<Chat> createChat(Chat chat);
    Result<std::optional<Chat>> chat(const QString& id);
    // The full id of the one chat whose id starts with `prefix`; a readable error when
    // none or several do.
    Result<QString> resolveChatId(const QString& prefix);
    // Most recently active first.
    Result<QList<ChatSummary>> listChats(bool includeArchived = false);
    // The chats a window lists (unarchived), the newest first: only what the list shows,
    // without counting anyone's messages.
    // `limit` of them at most (-1: all).
    Result<QList<ListedChat>> listedChats(int limit = -1);

    // The model a chat talks to, and the server (backend name) it was picked on.
    Status setChatModel(const QString& chatId, const QString& backend, const QString& model);
    Status setChatParams(const QString& chatId, const QJsonObject& params);
    Status renameChat(const QString& chatId, const QString& title);
    Status setPinned(const QString& chatId, bool pinned);
    Status setTags(const QString& chatId, const QStringList& tags);
    // The chat imported from `source` ("open-webui", "chatgpt") whose id there was
    // `sourceId`, if this person has it; with `orOwnId`, also a chat whose own id that is
    // (Lyss's export imported back into Lyss).
    Result<std::optional<QString>> chatFromSource(const QString& source, const QString& sourceId,
                                                  bool orOwnId = false);
    Status setArchived(const QString& chatId, bool archived);
    // The chat, its messages and its draft, in one transaction.
    // Each edit fails with ErrorCode::NotFound when the person has no such chat.
    Status deleteChat(const QString& chatId);

private:
    Status updateOwned(const QString& chatId, const QString& set, QVariantList values,
                       const QString& what);

    ConnectionSource& m_source;
    QString m_user;
    StatementCache m_statements;
};

} // namespace lyss
