// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QSqlDatabase>

#include <functional>

namespace lyss {

class SqlDialect;

// A connection lent for one unit of work (a repository call, a transaction); it goes back
// to its source when the lease ends. Move only.
class ConnectionLease {
public:
    ConnectionLease(QSqlDatabase db, const SqlDialect& dialect,
                    std::function<void()> giveBack = {});
    ~ConnectionLease();
    ConnectionLease(ConnectionLease&& other) noexcept;
    ConnectionLease& operator=(ConnectionLease&& other) noexcept;
    ConnectionLease(const ConnectionLease&) = delete;
    ConnectionLease& operator=(const ConnectionLease&) = delete;

    QSqlDatabase& db() { return m_db; }
    const SqlDialect& dialect() const { return *m_dialect; }

private:
    QSqlDatabase m_db;
    const SqlDialect* m_dialect;
    std::function<void()> m_giveBack;
};

// Where the repositories get their connections: a unit of work takes one for as long as
// it runs rather than each repository holding one for life, so that a pool can serve
// them. The contract every source keeps: while a thread holds a lease, further leases on
// that thread get the same connection, so a repository call made inside a caller's
// transaction joins it. SQLite's file (Database) lends its one connection to the thread
// that opened it.
class ConnectionSource {
public:
    virtual ~ConnectionSource() = default;
    virtual const SqlDialect& dialect() const = 0;
    // A connection for this thread, or why there is none (the pool is exhausted, the
    // server is gone, the connection belongs to another thread).
    virtual Result<ConnectionLease> lease() = 0;
};

} // namespace lyss
