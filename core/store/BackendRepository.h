// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace lyss {

class ConnectionSource;

// The backends the user added, in the order they were added. Names are unique
// regardless of case.
class BackendRepository {
    Q_DECLARE_TR_FUNCTIONS(BackendRepository)

public:
    explicit BackendRepository(ConnectionSource& source);

    Result<QList<BackendRecord>> list();
    Result<std::optional<BackendRecord>> find(const QString& name);
    // Adds the backend; fails with a readable message when the name is taken.
    Result<BackendRecord> add(const BackendRecord& backend);
    // Changes the kind, address, switch and key flag of the backend named backend.name;
    // fails when there is none.
    Status update(const BackendRecord& backend);
    // Removes it; fails when there is no backend of that name.
    Status remove(const QString& name);

private:
    ConnectionSource& m_source;
    StatementCache m_statements;
};

} // namespace lyss
