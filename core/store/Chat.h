// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Message.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lyss {

// A conversation. Its messages form a tree; currentLeafId is the end of the branch
// the user last saw, so the visible conversation is the path root → current leaf.
struct Chat {
    QString id;
    QString userId;
    QString title;
    QString currentLeafId;
    QString model;      // the model's name on its server
    QString backend;    // the server (backend name) it was picked on; empty: found by name
    QJsonObject params; // per-chat request options (system prompt, temperature, ...)
    bool pinned = false;
    bool archived = false;
    qint64 createdAt = 0; // ms since the epoch
    qint64 updatedAt = 0;
    QStringList tags;
    QString source;   // where an imported chat came from ("open-webui", "chatgpt")
    QString sourceId; // its id there, so importing the same file twice adds nothing
};

// One exchange, written at once or not at all: the chat when it is new, the person's
// message (none for Regenerate), and the reply's row; the chat remembers the model.
struct NewTurn {
    std::optional<Chat> newChat;
    std::optional<Message> question;
    Message reply;
    // Continue: `reply` is stored already (stopped or failed, with text) and is reopened
    // to stream on, not added; there is no question and no new chat.
    bool reopened = false;
    QString backend; // the server and model the chat goes on with
    QString model;
};

// What a chat list shows of a chat, read without the rest.
struct ListedChat {
    QString id;
    QString title;
    qint64 updatedAt = 0;
    qint64 createdAt = 0;
    bool pinned = false;
};

// A row of the chat list.
struct ChatSummary {
    Chat chat;
    int messageCount = 0;
};

// A message whose text matched a search, with the matching words marked.
struct SearchHit {
    // The marks around the matching words in `snippet` (private-use characters: a
    // message's own brackets are not marks).
    static constexpr char16_t kFoundStart = u'\uE000';
    static constexpr char16_t kFoundEnd = u'\uE001';

    QString chatId;
    QString chatTitle;
    QString messageId;
    QString snippet; // the words around the match, as plain text

    // The snippet with the matching words in [brackets], for a line of text.
    static QString bracketed(QString snippet)
    {
        snippet.replace(QChar(kFoundStart), QLatin1Char('['));
        snippet.replace(QChar(kFoundEnd), QLatin1Char(']'));
        return snippet;
    }
};

} // namespace lyss
