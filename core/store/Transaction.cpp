// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Transaction.h"

#include "store/Sql.h"
#include "store/SqlDialect.h"

#include <atomic>

namespace lyss {

namespace {
std::atomic<int> g_counter{0};
} // namespace

Transaction::Transaction(ConnectionSource& source)
    : m_name(QStringLiteral("sp%1").arg(++g_counter))
{
    auto lease = source.lease();
    if (!lease) {
        m_status = lease.error();
        return;
    }
    m_lease.emplace(std::move(*lease));
    m_outermost = !m_lease->dialect().inTransaction(m_lease->db());
    m_status =
        exec(m_outermost ? m_lease->dialect().beginWrite() : QStringLiteral("SAVEPOINT ") + m_name,
             tr("Starting a transaction"));
    m_open = m_status.ok();
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::exec(const QString& statement, const QString& what)
{
    return sql::exec(m_lease->db(), statement, what);
}

Status Transaction::commit()
{
    if (!m_open)
        return m_status.ok() ? Error{tr("The transaction was already finished.")} : m_status;
    m_open = false;
    Status st = exec(m_outermost ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_name,
                     tr("Saving changes"));
    if (!st.ok() && m_outermost)
        (void)exec(QStringLiteral("ROLLBACK"), tr("Undoing changes"));
    return st;
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_outermost) {
        (void)exec(QStringLiteral("ROLLBACK"), tr("Undoing changes"));
        return;
    }
    (void)exec(QStringLiteral("ROLLBACK TO ") + m_name, tr("Undoing changes"));
    (void)exec(QStringLiteral("RELEASE ") + m_name, tr("Undoing changes"));
}

} // namespace lyss
