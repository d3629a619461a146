// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "chat/ActiveReply.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>

namespace lyss {

class Backend;
class ChatStore;

// Builds a turn and its request: the user's message (or none, for Regenerate), the
// history the model sees from the chat's branch, and the reply's row, all in memory; the
// ActiveReply it hands back prepares, stores and streams them.
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

    explicit ChatEngine(ChatStore& store, QObject* parent = nullptr);

    // A new user message under the chat's current leaf (or beside the one edited), and a
    // reply to it, built in memory: nothing is stored or sent until the reply's begin().
    // What a person can get wrong (an empty message, a chat gone) is an error here.
    Result<ActiveReply*> create(const Send& send);
    // A reply under `parentId` (Regenerate: the parent of the reply being redone).
    Result<ActiveReply*> createReply(const QString& chatId, const QString& parentId,
                                     Backend* backend, const QString& model,
                                     const ChatOptions& options);
    // Continue: the stopped, failed or interrupted reply `replyId`, the last of its branch,
    // goes on where it ended. The model sees the branch with that reply's text last and
    // carries on from it (only on a backend that continuesReplies()); what comes is added
    // to the same message.
    Result<ActiveReply*> createContinuation(const QString& chatId, const QString& replyId,
                                            Backend* backend, const QString& model,
                                            const ChatOptions& options);
    // create() or createReply(), then begin() with no stages.
    Result<ActiveReply*> send(const Send& send);
    Result<ActiveReply*> reply(const QString& chatId, const QString& parentId, Backend* backend,
                               const QString& model, const ChatOptions& options);

    static QString titleFromPrompt(const QString& prompt);

private:
    Result<ActiveReply*> create(NewTurn turn, Backend* backend, const QString& model,
                                const ChatOptions& options);
    static ChatRequest requestFrom(const QList<Message>& history, const QString& model,
                                   const ChatOptions& options);

    ChatStore& m_store;
};

} // namespace lyss
