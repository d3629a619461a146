// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ConversationPlanner.h"

#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "config/Settings.h"
#include "store/ChatRepository.h"

namespace lyss {

ConversationPlanner::ConversationPlanner(ChatRepository& chats, Settings& settings,
                                         BackendSet& backends)
    : m_chats(chats)
    , m_settings(settings)
    , m_backends(backends)
{
}

Result<ChatOptions> ConversationPlanner::optionsOf(const QString& chatId) const
{
    if (!chatId.isEmpty()) {
        auto chat = m_chats.chat(chatId);
        if (!chat)
            return chat.error();
        if (!chat->has_value())
            return Error{tr("There is no chat with the id %1.").arg(chatId)};
        return ChatOptions::fromJson((*chat)->params);
    }
    ChatOptions defaults;
    defaults.systemPrompt = m_settings.text(SettingKey::SystemPrompt);
    return defaults;
}

Result<ConversationPlanner::Plan>
ConversationPlanner::plan(const QString& chatId, const ModelChoice& model,
                          const std::optional<ChatOptions>& options) const
{
    if (model.isEmpty())
        return Error{tr("No model was chosen. Pick one of the models the servers offer.")};
    Backend* backend = m_backends.find(model.backend);
    if (!backend)
        return Error{tr("The server \"%1\" is not configured any more: pick a model on one of "
                        "the servers you have.")
                         .arg(model.backend)};
    Plan plan;
    plan.backend = backend;
    plan.model = model.model;
    if (options) {
        plan.options = *options;
    } else {
        auto saved = optionsOf(chatId);
        if (!saved)
            return saved.error();
        plan.options = *saved;
    }
    return plan;
}

} // namespace lyss
