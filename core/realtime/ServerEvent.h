// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lyss {

// One of Open WebUI's events, as its socket sends them: the event "events" (or
// "chat-events" on older servers) with the envelope
// {"chat_id", "message_id", "data": {"type", "data"}}. The fields each type carries are
// read here once, tolerantly: a server that sends a string where an object was expected
// (or the other way round) still gives the text.
struct ServerEvent {
    enum class Kind {
        StatusLine,   // a progress line under the reply: text, done, hidden
        Completion,   // chat:completion: content (whole so far) or delta, done, usage, error
        Append,       // chat:message:delta, message: text to add
        Replace,      // chat:message, replace: the whole text
        Error,        // chat:message:error: text
        Cancelled,    // chat:tasks:cancel, task-cancelled
        Title,        // chat:title: text
        Tags,         // chat:tags: tags
        Notification, // notification: level ("info", "success", "warning", "error"), text
        Confirmation, // confirmation: title, text; answered true or false
        Input,        // input: title, text, placeholder, value; answered with the text or false
        Execute,      // execute: code for a browser to run; always refused
        Active,       // chat:active: whether the server still runs a task of the chat (done:
                      // the last one ended)
        Outlet,       // chat:outlet: the messages as the server's outlet filters left them;
                      // text: the reply's (the message whose id is messageId), if among them
        Other,        // sources, files, follow-ups, ...: not shown
    };

    Kind kind = Kind::Other;
    QString type; // as the server named it
    QString chatId;
    QString messageId;
    QJsonValue data; // data.data, whole

    QString text;
    QString title;
    QString placeholder;
    QString value;
    QString level;
    bool done = false;
    bool hidden = false;
    QStringList tags;
    // chat:completion: the whole text so far ("content"), or a piece ("choices[0].delta").
    std::optional<QString> content;
    QString delta;
    QString reasoningDelta;
    QJsonObject usage;
    bool hasText = false; // Outlet: the reply was among the messages (its text may be "")

    // Whether the server waits for an answer (acknowledgement) to this event.
    bool asks() const
    {
        return kind == Kind::Confirmation || kind == Kind::Input || kind == Kind::Execute;
    }

    // Null for an event that is not one of these two names, or has no envelope.
    static std::optional<ServerEvent> from(const QString& name, const QJsonArray& args);
};

} // namespace lyss
