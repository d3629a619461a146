// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// Open WebUI's serialised text of a reply (as its events and outlet filters carry it).
class ServerText {
public:
    // The answer without the server's <details> blocks (reasoning, tool calls, code runs),
    // and the reasoning they hold, as plain text. A <details> the model wrote itself (with
    // no type) is part of the answer.
    struct Split {
        QString answer;
        QString thinking;
    };
    static Split split(const QString& serialised);
};

} // namespace lyss
