// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace lyss {

// A savepoint that rolls back unless commit() is called. Savepoints nest, so a
// repository method can be atomic on its own and still join a caller's transaction.
// The outermost one takes the write lock at once (BEGIN IMMEDIATE), so two processes
// never deadlock upgrading a read lock; SQLite's busy timeout makes the other wait.
class Transaction {
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // The error from starting, if starting failed; check before doing work.
    Status status() const { return m_status; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_name;
    Status m_status;
    bool m_outermost = false;
    bool m_open = false;
};

} // namespace lyss
