// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "chat/ActiveReply.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>

namespace lyss {

class Backend;
class ChatRepository;

// The conversation engine both front ends use: stores the user's message, builds the
// request from the chat's current branch, creates the reply row before the first
// token and hands back the ActiveReply that streams into it.
class ChatEngine : public QObject {
    Q_OBJECT

public:
    struct Send {
        QString chatId; // empty: a new chat, titled from the prompt
        QString prompt;
        Backend* backend = nullptr;
        QString model; // the model's name on that backend; the chat remembers both
        ChatOptions options;
        QString editOf; // a user message being edited: the new one becomes its sibling
    };

    explicit ChatEngine(ChatRepository& chats, QObject* parent = nullptr);

    // A new user message under the chat's current leaf, and a reply to it.
    Result<ActiveReply*> send(const Send& send);
    // A reply under `parentId` (regenerate: the parent of the reply being redone).
    Result<ActiveReply*> reply(const QString& chatId, const QString& parentId, Backend* backend,
                               const QString& model, const ChatOptions& options);

    static QString titleFromPrompt(const QString& prompt);

private:
    ChatRepository& m_chats;
};

} // namespace lyss
