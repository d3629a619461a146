// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Transaction.h"

#include "store/Sql.h"
#include "store/SqliteHandle.h"

#include <sqlite3.h>

#include <atomic>

namespace lyss {

namespace {
std::atomic<int> g_counter{0};
} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
    , m_name(QStringLiteral("sp%1").arg(++g_counter))
{
    // Autocommit is on exactly when no transaction is open on this connection.
    sqlite3* handle = sqliteHandle(m_db);
    m_outermost = handle && sqlite3_get_autocommit(handle) != 0;
    m_status = sql::exec(m_db,
                         m_outermost ? QStringLiteral("BEGIN IMMEDIATE")
                                     : QStringLiteral("SAVEPOINT ") + m_name,
                         tr("Starting a transaction"));
    m_open = m_status.ok();
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_status.ok() ? Error{tr("The transaction was already finished.")} : m_status;
    m_open = false;
    Status st = sql::exec(
        m_db, m_outermost ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_name,
        tr("Saving changes"));
    if (!st.ok() && m_outermost)
        (void)sql::exec(m_db, QStringLiteral("ROLLBACK"), tr("Undoing changes"));
    return st;
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_outermost) {
        (void)sql::exec(m_db, QStringLiteral("ROLLBACK"), tr("Undoing changes"));
        return;
    }
    (void)sql::exec(m_db, QStringLiteral("ROLLBACK TO ") + m_name, tr("Undoing changes"));
    (void)sql::exec(m_db, QStringLiteral("RELEASE ") + m_name, tr("Undoing changes"));
}

} // namespace lyss
