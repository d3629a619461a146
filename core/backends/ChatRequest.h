// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Message.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lyss {

// Per-chat request options a user can set.
struct ChatOptions {
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<int> contextLength; // Ollama num_ctx
    std::optional<qint64> seed;
    QString keepAlive;         // Ollama keep_alive, e.g. "5m"; empty: server default
    std::optional<bool> think; // ask a reasoning model to think (Ollama "think")
    // The toggle filters switched on for the chat (Open WebUI's "filter_ids"); unset: those
    // its model switches on by itself.
    std::optional<QStringList> filterIds;
    // An Open WebUI server's tools switched off for the chat (its model's others stay on,
    // those added to it later too).
    QStringList serverToolsOff;

    QJsonObject toJson() const;
    static ChatOptions fromJson(const QJsonObject& o);
};

struct ChatTurn {
    Role role = Role::User;
    QString content;
};

// What is sent to a model: the conversation so far (system prompt first) and options.
struct ChatRequest {
    QString model;
    QList<ChatTurn> messages;
    ChatOptions options;
    // Continue: the last message is the assistant's own text, for the model to go on with.
    bool continuesLast = false;
    // Lyss's id of the chat (set as it is sent), for a server that runs the reply itself.
    QString chatId;

    // [{role, content}, ...] with the system prompt first: the same in both APIs.
    QJsonArray messagesJson() const;
};

} // namespace lyss
