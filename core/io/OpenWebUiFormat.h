// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/ImportedChat.h"
#include "store/Chat.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lyss {

// Open WebUI's chat export (Settings › Data Controls › Export Chats): an array of chat
// rows whose chat.history.messages is the message tree; also the older form without
// the "chat" wrapper. Lyss writes the same shape, adding a few lyss_* keys (exact
// times, message status) that Open WebUI ignores, so nothing is lost on the way back.
class OpenWebUiFormat {
    Q_DECLARE_TR_FUNCTIONS(OpenWebUiFormat)

public:
    static bool looksLike(const QJsonObject& first);
    static Result<ImportFile> parse(const QJsonArray& rows);
    static QJsonObject exportChat(const Chat& chat, const QList<Message>& messages,
                                  const QList<Message>& branch);
};

} // namespace lyss
