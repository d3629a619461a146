// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace lyss {

class ConnectionSource;

// Replies being written when a process stopped: which processes stream into the database
// now, and marking those whose process is gone as interrupted (their text kept). The
// installation's, over every person's chats: it runs at start-up, before anyone signs in.
class ReplyRecovery {
    Q_DECLARE_TR_FUNCTIONS(ReplyRecovery)

public:
    // `ownerAlive` gets a reply's stream owner (its process token) and the time of its
    // last write (ms).
    using OwnerAlive = std::function<bool(const QString&, qint64)>;

    explicit ReplyRecovery(ConnectionSource& source);

    // The processes (their tokens) streaming a reply into this database right now.
    Result<QStringList> liveStreamOwners(const OwnerAlive& ownerAlive);
    // Replies still marked streaming whose process is gone become interrupted, their
    // text kept. Returns how many.
    Result<int> recoverInterruptedReplies(const OwnerAlive& ownerAlive);

private:
    StatementCache m_statements;
};

} // namespace lyss
