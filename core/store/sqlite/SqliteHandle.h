// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace lyss {

// The raw sqlite3 handle under a QSQLITE connection, for the few things QtSql does
// not expose (autocommit state, the online backup API). Null if not SQLite.
sqlite3* sqliteHandle(const QSqlDatabase& db);

} // namespace lyss
