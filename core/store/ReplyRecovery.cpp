// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ReplyRecovery.h"

#include "store/StoreRows.h"

namespace lyss {

ReplyRecovery::ReplyRecovery(ConnectionSource& source)
    : m_statements(source)
{
}

Result<QStringList> ReplyRecovery::liveStreamOwners(const OwnerAlive& ownerAlive)
{
    auto owners = rows::queryRows<QPair<QString, qint64>>(
        m_statements,
        QStringLiteral("SELECT stream_owner, max(updated_at) FROM messages WHERE status = "
                       "'streaming' AND stream_owner IS NOT NULL GROUP BY stream_owner"),
        {}, tr("Looking for replies being written"), [](const QSqlQuery& q) {
            return QPair<QString, qint64>{q.value(0).toString(), q.value(1).toLongLong()};
        });
    if (!owners)
        return owners.error();
    QStringList alive;
    for (const auto& [owner, lastWrite] : *owners) {
        if (ownerAlive(owner, lastWrite))
            alive << owner;
    }
    return alive;
}

Result<int> ReplyRecovery::recoverInterruptedReplies(const OwnerAlive& ownerAlive)
{
    struct Streaming {
        QString id;
        QString owner;
        qint64 lastWrite;
    };
    auto streaming = rows::queryRows<Streaming>(
        m_statements,
        QStringLiteral(
            "SELECT id, stream_owner, updated_at FROM messages WHERE status = 'streaming'"),
        {}, tr("Looking for replies cut off by a crash"), [](const QSqlQuery& q) {
            return Streaming{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
        });
    if (!streaming)
        return streaming.error();
    int recovered = 0;
    for (const Streaming& reply : *streaming) {
        if (!reply.owner.isEmpty() && ownerAlive(reply.owner, reply.lastWrite))
            continue;
        auto q = m_statements.get(
            QStringLiteral("UPDATE messages SET status = 'interrupted', stream_owner = NULL, "
                           "updated_at = ? WHERE id = ? AND status = 'streaming'"));
        if (!q)
            return q.error();
        (*q)->addBindValue(sql::nowMs());
        (*q)->addBindValue(reply.id);
        if (Status st = sql::exec(**q, tr("Marking an interrupted reply")); !st.ok())
            return st.error();
        if ((*q)->numRowsAffected() > 0) // not finished by its process meanwhile
            ++recovered;
    }
    return recovered;
}

} // namespace lyss
