// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace lyss {

class ConnectionSource;

// Failed sign-ins in a row for a name as it was typed, whether an account has it or not:
// an unknown name counts and waits exactly like a known one, so the wait tells nobody
// which names exist. Kept in the database, so that a new process does not reset it, and
// counted in one statement, so that two processes failing at once both count.
class SignInFailureRepository {
    Q_DECLARE_TR_FUNCTIONS(SignInFailureRepository)

public:
    struct Count {
        int failures = 0;     // in a row
        qint64 waitUntil = 0; // ms since the epoch: no sign-in before
    };

    explicit SignInFailureRepository(ConnectionSource& source);

    Result<Count> of(const QString& name);
    // One more failure at `now`; a count whose last failure is `quietMs` or more ago starts
    // again at one. Forgets other names that have been quiet that long and wait no more.
    Result<int> countOne(const QString& name, qint64 now, qint64 quietMs);
    // No sign-in for the name before `until` (a longer wait already set stays).
    Status holdOff(const QString& name, qint64 until);
    Status forget(const QString& name);

private:
    ConnectionSource& m_source;
    StatementCache m_statements;
};

} // namespace lyss
