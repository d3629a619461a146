// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "chat/ModelChoice.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <optional>

namespace lyss {

class Backend;
class BackendSet;
class ChatRepository;
class Settings;

// Turns what a person picked into what is asked of which server: the backend the picked
// model is on, found by the backend's name (never again by the model's), and the options
// the request carries (the chat's own, or the defaults for a chat not started yet).
class ConversationPlanner {
    Q_DECLARE_TR_FUNCTIONS(ConversationPlanner)

public:
    struct Plan {
        Backend* backend = nullptr;
        QString model; // the model's name on that backend
        ChatOptions options;
    };

    ConversationPlanner(ChatRepository& chats, Settings& settings, BackendSet& backends);

    // `chatId` empty: a new chat. `options` replace the chat's own when given.
    Result<Plan> plan(const QString& chatId, const ModelChoice& model,
                      const std::optional<ChatOptions>& options = std::nullopt) const;
    // The options a chat's next request carries: its own, else the defaults.
    Result<ChatOptions> optionsOf(const QString& chatId) const;

private:
    ChatRepository& m_chats;
    Settings& m_settings;
    BackendSet& m_backends;
};

} // namespace lyss
