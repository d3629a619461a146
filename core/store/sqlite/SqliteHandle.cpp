// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/SqliteHandle.h"

#include <QSqlDriver>
#include <QVariant>

#include <cstring>

namespace lyss {

sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || std::strcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.data());
}

} // namespace lyss
