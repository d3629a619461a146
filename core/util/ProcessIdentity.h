// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// "host:pid:start-time" of this process: who is streaming a reply right now. The start
// time tells a live process from a new one that got the same pid.
QString currentProcessToken();

// Whether the process a token names is still running on this machine. A token from
// another host counts as alive (we cannot know; its owner recovers its own rows).
bool isProcessTokenAlive(const QString& token);

} // namespace lyss
