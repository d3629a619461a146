// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/Message.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <optional>

namespace lyss {

class ConnectionSource;

// Writes many chats at once (an import), inside the caller's transaction. Messages
// are inserted as given (parents first), the chat's leaf is set once, and the
// full-text index is filled in one pass at the end instead of row by row: a third of
// the time for a large import (docs/PERFORMANCE.md).
class ChatBulkWriter {
    Q_DECLARE_TR_FUNCTIONS(ChatBulkWriter)

public:
    // Writes chats of the person `userId` (the one importing).
    ChatBulkWriter(ConnectionSource& source, QString userId);

    // Call inside a transaction, before the first insert.
    Status begin();
    // Messages are inserted as they are stored one by one (store/StoreRows.h); a chat's
    // current leaf is set afterwards with setCurrentLeaf.
    Status insertChat(Chat chat);
    Status insertMessage(const Message& message);
    Status setCurrentLeaf(const QString& chatId, const QString& messageId);
    // Indexes what was inserted and restores the per-row trigger. Call before commit.
    Status finish();

private:
    ConnectionSource& m_source;
    QString m_user;
    StatementCache m_statements;
    qint64 m_firstSeq = 0;
    bool m_begun = false;
};

} // namespace lyss
