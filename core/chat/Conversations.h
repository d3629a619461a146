// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/ActiveReply.h"
#include "chat/ChatEngine.h"
#include "chat/ConversationPlanner.h"
#include "chat/ModelChoice.h"
#include "util/Result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace lyss {

// The rules of a conversation, the same for the window and lyss-cli: send, edit,
// regenerate, switch branch, delete and stop, with "not while a reply streams into the
// chat" kept here, and the replies streaming in this process by chat.
class Conversations : public QObject {
    Q_OBJECT

public:
    struct Send {
        QString chatId; // empty: a new chat, titled from the prompt
        QString prompt;
        ModelChoice model;
        std::optional<ChatOptions> options; // the chat's own (or the defaults) when not given
        QString editOf; // a user message being edited: the new one becomes its sibling
    };

    Conversations(ChatStore& store, Settings& settings, BackendSet& backends,
                  QObject* parent = nullptr);

    // The user's message and a reply to it; the chat remembers the model.
    Result<ActiveReply*> send(const Send& send);
    // Another reply in place of `replyId` (a sibling under the same question), from
    // `model`, which the chat then remembers.
    Result<ActiveReply*> regenerate(const QString& chatId, const QString& replyId,
                                    const ModelChoice& model);
    // Continue: the stopped or failed reply `replyId` goes on where it ended, from `model`
    // (see ChatEngine::createContinuation), which the chat then remembers.
    Result<ActiveReply*> continueReply(const QString& chatId, const QString& replyId,
                                       const ModelChoice& model,
                                       const std::optional<ChatOptions>& options = std::nullopt);
    // Whether a reply from `model` could be continued (its server can).
    bool canContinueWith(const ModelChoice& model) const;
    // Deletes a message and everything below it.
    Status deleteMessage(const QString& chatId, const QString& messageId);
    // Shows the branch through `messageId`, down to its latest reply.
    Status showBranchOf(const QString& chatId, const QString& messageId);
    // Keeps which toggle filters the chat has switched on (its replies from now on).
    Status setFilterIds(const QString& chatId, const QStringList& ids);
    // Keeps which of an Open WebUI server's tools the chat has switched off.
    Status setServerToolsOff(const QString& chatId, const QStringList& ids);
    // Stops the reply streaming into the chat, if one is; what arrived is kept.
    void stop(const QString& chatId);
    // Stops every reply (Lyss is closing): what arrived is saved, a turn still being
    // prepared is stored with its message.
    void stopAll();

    ActiveReply* replyIn(const QString& chatId) const;
    // The stages every reply passes through, in order.
    void setStages(const ReplyStages& stages) { m_stages = stages; }
    // Stages made for each reply (the filters that are on, with who and which chat it is
    // for), after those of setStages.
    using StageSource = std::function<ReplyStages(ActiveReply& reply)>;
    void setStageSource(StageSource source) { m_stageSource = std::move(source); }
    bool anyStreaming() const;
    // A finished reply whose save failed is still held here (retrying by itself): the only
    // copy of its text.
    bool anyUnsaved() const;
    const ConversationPlanner& planner() const { return m_planner; }

Q_SIGNALS:
    // A reply is on its way into its chat, before it is prepared (so that its end, which
    // can come at once, is heard). Its end is ActiveReply::finished; by then it is no
    // longer replyIn() its chat.
    void replyStarted(lyss::ActiveReply* reply);

private:
    Status notWhileStreaming(const QString& chatId) const;
    // The chat's stored options, changed by `change` and kept.
    Status changeOptions(const QString& chatId, const std::function<void(ChatOptions&)>& change);
    ActiveReply* begin(ActiveReply* reply);

    ChatStore& m_store;
    ConversationPlanner m_planner;
    ChatEngine m_engine;
    QHash<QString, QPointer<ActiveReply>> m_live; // chat id → its streaming reply
    ReplyStages m_stages;
    StageSource m_stageSource;
};

} // namespace lyss
