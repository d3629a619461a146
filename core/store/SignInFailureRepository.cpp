// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SignInFailureRepository.h"

#include "store/StoreRows.h"
#include "store/Transaction.h"

namespace lyss {

using namespace rows;

SignInFailureRepository::SignInFailureRepository(ConnectionSource& source)
    : m_source(source)
    , m_statements(source)
{
}

Result<SignInFailureRepository::Count> SignInFailureRepository::of(const QString& name)
{
    auto rows = queryRows<Count>(
        m_statements,
        QStringLiteral("SELECT failures, wait_until FROM sign_in_failures WHERE name = ?"),
        {name.trimmed()}, tr("Reading the failed sign-ins"), [](const QSqlQuery& q) {
            return Count{q.value(0).toInt(), q.value(1).toLongLong()};
        });
    if (!rows)
        return rows.error();
    return rows->value(0);
}

Result<int> SignInFailureRepository::countOne(const QString& name, qint64 now, qint64 quietMs)
{
    const QString what = tr("Recording a failed sign-in");
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status().error();
    const qint64 quietSince = now - quietMs;
    if (Status st = execute(m_statements,
                            QStringLiteral("DELETE FROM sign_in_failures WHERE last_failure_at <= "
                                           "? AND wait_until <= ? AND name <> ?"),
                            {quietSince, now, name.trimmed()}, what);
        !st.ok())
        return st.error();
    if (Status st = execute(
            m_statements,
            QStringLiteral("INSERT INTO sign_in_failures (name, failures, wait_until, "
                           "last_failure_at) VALUES (?, 1, 0, ?) ON CONFLICT (name) DO UPDATE SET "
                           "failures = CASE WHEN sign_in_failures.last_failure_at <= ? THEN 1 "
                           "ELSE sign_in_failures.failures + 1 END, "
                           "last_failure_at = excluded.last_failure_at"),
            {name.trimmed(), now, quietSince}, what);
        !st.ok())
        return st.error();
    auto count = of(name);
    if (!count)
        return count.error();
    if (Status st = tx.commit(); !st.ok())
        return st.error();
    return count->failures;
}

Status SignInFailureRepository::holdOff(const QString& name, qint64 until)
{
    return execute(m_statements,
                   QStringLiteral("UPDATE sign_in_failures SET wait_until = ? WHERE name = ? AND "
                                  "wait_until < ?"),
                   {until, name.trimmed(), until}, tr("Recording a failed sign-in"));
}

Status SignInFailureRepository::forget(const QString& name)
{
    return execute(m_statements, QStringLiteral("DELETE FROM sign_in_failures WHERE name = ?"),
                   {name.trimmed()}, tr("Recording a sign-in"));
}

} // namespace lyss
