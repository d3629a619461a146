// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/Message.h"

#include <QCoreApplication>
#include <QList>

namespace lyss {

// A chat as a document a person reads: title, details, then the current branch with
// who said what and when. Replies are markdown already and go in as they are.
class MarkdownExport {
    Q_DECLARE_TR_FUNCTIONS(MarkdownExport)

public:
    static QString chat(const Chat& chat, const QList<Message>& branch);
    // A file name for the chat: date and title, safe on every file system.
    static QString fileName(const Chat& chat);
};

} // namespace lyss
