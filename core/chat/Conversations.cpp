// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/Conversations.h"

#include "backends/Backend.h"
#include "store/ChatStore.h"

#include <algorithm>

namespace lyss {

Conversations::Conversations(ChatStore& store, Settings& settings, BackendSet& backends,
                             QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_planner(store.chats(), settings, backends)
    , m_engine(store)
{
}

Status Conversations::notWhileStreaming(const QString& chatId) const
{
    if (!chatId.isEmpty() && replyIn(chatId))
        return Error{tr("A reply is still coming in this chat. Stop it (Esc) or wait for it to "
                        "end, then try again.")};
    return {};
}

ActiveReply* Conversations::begin(ActiveReply* reply)
{
    const QString chatId = reply->chatId();
    m_live.insert(chatId, reply);
    // Connected before anyone who hears of the reply: by the time they hear of its end,
    // the chat is free again.
    connect(reply, &ActiveReply::finished, this, [this, chatId, reply] {
        if (m_live.value(chatId) == reply)
            m_live.remove(chatId);
    });
    Q_EMIT replyStarted(reply);
    ReplyStages stages = m_stages;
    if (m_stageSource)
        stages += m_stageSource(*reply);
    reply->begin(stages);
    return reply;
}

Result<ActiveReply*> Conversations::send(const Send& send)
{
    if (Status st = notWhileStreaming(send.chatId); !st.ok())
        return st.error();
    auto plan = m_planner.plan(send.chatId, send.model, send.options);
    if (!plan)
        return plan.error();
    ChatEngine::Send s;
    s.chatId = send.chatId;
    s.prompt = send.prompt;
    s.backend = plan->backend;
    s.model = plan->model;
    s.options = plan->options;
    s.editOf = send.editOf;
    auto reply = m_engine.create(s);
    if (!reply)
        return reply.error();
    return begin(*reply);
}

Result<ActiveReply*> Conversations::regenerate(const QString& chatId, const QString& replyId,
                                               const ModelChoice& model)
{
    if (Status st = notWhileStreaming(chatId); !st.ok())
        return st.error();
    auto redone = m_store.messages().message(replyId);
    if (!redone)
        return redone.error();
    if (!redone->has_value() || (*redone)->chatId != chatId || (*redone)->role != Role::Assistant)
        return Error{tr("That reply is no longer in this chat.")};
    auto plan = m_planner.plan(chatId, model);
    if (!plan)
        return plan.error();
    // The chat goes on with the model the reply is asked of (stored with the reply's row).
    auto reply = m_engine.createReply(chatId, (*redone)->parentId, plan->backend, plan->model,
                                      plan->options);
    if (!reply)
        return reply.error();
    return begin(*reply);
}

Result<ActiveReply*> Conversations::continueReply(const QString& chatId, const QString& replyId,
                                                  const ModelChoice& model,
                                                  const std::optional<ChatOptions>& options)
{
    if (Status st = notWhileStreaming(chatId); !st.ok())
        return st.error();
    auto plan = m_planner.plan(chatId, model, options);
    if (!plan)
        return plan.error();
    auto reply =
        m_engine.createContinuation(chatId, replyId, plan->backend, plan->model, plan->options);
    if (!reply)
        return reply.error();
    return begin(*reply);
}

bool Conversations::canContinueWith(const ModelChoice& model) const
{
    auto plan = m_planner.plan({}, model, ChatOptions{}); // options are not read
    return plan && plan->backend && plan->backend->continuesReplies();
}

Status Conversations::deleteMessage(const QString& chatId, const QString& messageId)
{
    if (Status st = notWhileStreaming(chatId); !st.ok())
        return st;
    return m_store.messages().deleteMessage(messageId);
}

Status Conversations::showBranchOf(const QString& chatId, const QString& messageId)
{
    auto leaf = m_store.messages().latestLeafUnder(messageId);
    if (!leaf)
        return leaf.error();
    return m_store.messages().setCurrentLeaf(chatId, *leaf);
}

Status Conversations::changeOptions(const QString& chatId,
                                    const std::function<void(ChatOptions&)>& change)
{
    auto chat = m_store.chats().chat(chatId);
    if (!chat)
        return chat.error();
    if (!chat->has_value())
        return Error{tr("There is no chat with the id %1.").arg(chatId), ErrorCode::NotFound};
    ChatOptions options = ChatOptions::fromJson((*chat)->params);
    change(options);
    return m_store.chats().setChatParams(chatId, options.toJson());
}

Status Conversations::setFilterIds(const QString& chatId, const QStringList& ids)
{
    return changeOptions(chatId, [&ids](ChatOptions& o) { o.filterIds = ids; });
}

Status Conversations::setServerToolsOff(const QString& chatId, const QStringList& ids)
{
    return changeOptions(chatId, [&ids](ChatOptions& o) { o.serverToolsOff = ids; });
}

void Conversations::stop(const QString& chatId)
{
    if (ActiveReply* r = replyIn(chatId))
        r->cancel();
}

void Conversations::stopAll()
{
    const QList<QPointer<ActiveReply>> live = m_live.values();
    for (const QPointer<ActiveReply>& r : live) {
        if (r)
            r->cancel();
    }
}

ActiveReply* Conversations::replyIn(const QString& chatId) const
{
    return m_live.value(chatId);
}

bool Conversations::anyStreaming() const
{
    return std::any_of(m_live.begin(), m_live.end(), [](const auto& r) { return !r.isNull(); });
}

bool Conversations::anyUnsaved() const
{
    const auto replies = m_engine.findChildren<ActiveReply*>();
    return std::any_of(replies.begin(), replies.end(),
                       [](const ActiveReply* r) { return !r->isSaved(); });
}

} // namespace lyss
