// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ConnectionSource.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace lyss {

// A unit of work: it takes a connection from its source for as long as it lives and rolls
// back unless commit() is called. Transactions nest as savepoints (a repository call made
// inside one joins it, since the source lends a thread the connection it already holds),
// so a repository method can be atomic on its own and still be part of a caller's work.
// The outermost one takes the write lock at once (the dialect's beginWrite: BEGIN
// IMMEDIATE for SQLite), so two processes never deadlock upgrading a read lock.
class Transaction {
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(ConnectionSource& source);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // The error from starting, if starting failed; check before doing work.
    Status status() const { return m_status; }
    Status commit();
    void rollback();

private:
    Status exec(const QString& statement, const QString& what);

    std::optional<ConnectionLease> m_lease;
    QString m_name;
    Status m_status;
    bool m_outermost = false;
    bool m_open = false;
};

} // namespace lyss
