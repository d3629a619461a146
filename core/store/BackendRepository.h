// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace lyss {

class ConnectionSource;

// The backends the user added, in the order they were added. Names are unique
// regardless of case.
class BackendRepository {
    Q_DECLARE_TR_FUNCTIONS(BackendRepository)

public:
    explicit BackendRepository(ConnectionSource& source);

    // Asked before every change, with what the change is in words ("add a backend"); a
    // refusal is the change's answer. The installation's rule: only an admin, with
    // accounts on.
    void setGuard(std::function<Status(const QString& what)> guard) { m_guard = std::move(guard); }

    Result<QList<BackendRecord>> list();
    Result<std::optional<BackendRecord>> find(const QString& name);
    // Adds the backend; fails with a readable message when the name is taken.
    Result<BackendRecord> add(const BackendRecord& backend);
    // Changes the kind, address, switch, key flag and sign-in of the backend named
    // backend.name; fails when there is none.
    Status update(const BackendRecord& backend);
    // Removes it; fails when there is no backend of that name.
    Status remove(const QString& name);

private:
    Status allowed(const QString& what) const { return m_guard ? m_guard(what) : Status{}; }

    ConnectionSource& m_source;
    std::function<Status(const QString& what)> m_guard;
    StatementCache m_statements;
};

} // namespace lyss
