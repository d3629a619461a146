// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// "host:pid:start-time" of this process: who is streaming a reply right now. The start
// time tells a live process from a new one that got the same pid.
QString currentProcessToken();

// Whether the process a token names is still running. On this machine: the process
// exists, is the same one (its start time) and is not a zombie. On another host we
// cannot look, so the owner counts as alive while its last write (`lastWriteMs`, ms
// since the epoch, by that host's clock) is younger than `staleAfterMs`; without those
// (-1) it always counts as alive.
bool isProcessTokenAlive(const QString& token, qint64 lastWriteMs = -1, qint64 staleAfterMs = -1);

} // namespace lyss
