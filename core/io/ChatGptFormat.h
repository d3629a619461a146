// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/ImportedChat.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lyss {

// ChatGPT's data export, conversations.json: conversations whose "mapping" is the
// message tree and "current_node" the leaf last seen. Text comes across; images,
// tool output and hidden system messages are left out and counted, and the messages
// after them are attached to the nearest message that did come across.
class ChatGptFormat {
    Q_DECLARE_TR_FUNCTIONS(ChatGptFormat)

public:
    static bool looksLike(const QJsonObject& first);
    static Result<ImportFile> parse(const QJsonArray& conversations);
};

} // namespace lyss
