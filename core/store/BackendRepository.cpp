// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BackendRepository.h"

#include "store/ConnectionSource.h"
#include "store/Sql.h"

#include <QSqlQuery>
#include <QVariant>

namespace lyss {

namespace {
const QString kColumns =
    QStringLiteral("id, name, kind, url, enabled, has_key, created_at, account, signed_in_until, "
                   "signed_in_at");

BackendRecord fromRow(const QSqlQuery& q)
{
    BackendRecord b;
    b.id = q.value(0).toLongLong();
    b.name = q.value(1).toString();
    b.kind = backendKindFromName(q.value(2).toString()).value_or(BackendKind::Ollama);
    b.url = QUrl(q.value(3).toString());
    b.enabled = q.value(4).toBool();
    b.hasKey = q.value(5).toBool();
    b.createdAt = q.value(6).toLongLong();
    b.account = q.value(7).toString();
    b.signedInUntil = q.value(8).toLongLong();
    b.signedInAt = q.value(9).toLongLong();
    return b;
}
} // namespace

BackendRepository::BackendRepository(ConnectionSource& source)
    : m_source(source)
    , m_statements(source)
{
}

Result<QList<BackendRecord>> BackendRepository::list()
{
    auto q = m_statements.get(QStringLiteral("SELECT ") + kColumns +
                              QStringLiteral(" FROM backends ORDER BY id"));
    if (!q)
        return q.error();
    if (Status st = sql::exec(**q, tr("Reading the backends")); !st.ok())
        return st.error();
    QList<BackendRecord> out;
    while ((*q)->next())
        out.append(fromRow(**q));
    (*q)->finish();
    return out;
}

Result<std::optional<BackendRecord>> BackendRepository::find(const QString& name)
{
    auto q = m_statements.get(QStringLiteral("SELECT ") + kColumns +
                              QStringLiteral(" FROM backends WHERE name = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(name);
    if (Status st = sql::exec(**q, tr("Reading the backend %1").arg(name)); !st.ok())
        return st.error();
    std::optional<BackendRecord> found;
    if ((*q)->next())
        found = fromRow(**q);
    (*q)->finish();
    return found;
}

Result<BackendRecord> BackendRepository::add(const BackendRecord& backend)
{
    if (Status st = allowed(tr("add a backend")); !st.ok())
        return st.error();
    auto existing = find(backend.name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{tr("A backend named \"%1\" already exists. Choose another name, or remove "
                        "the old one first.")
                         .arg(backend.name)};
    auto q = m_statements.get(
        QStringLiteral("INSERT INTO backends (name, kind, url, enabled, has_key, created_at, "
                       "account, signed_in_until, signed_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                       "?)"));
    if (!q)
        return q.error();
    BackendRecord stored = backend;
    stored.createdAt = sql::nowMs();
    (*q)->addBindValue(stored.name);
    (*q)->addBindValue(backendKindName(stored.kind));
    (*q)->addBindValue(stored.url.toString());
    (*q)->addBindValue(stored.enabled);
    (*q)->addBindValue(stored.hasKey);
    (*q)->addBindValue(stored.createdAt);
    (*q)->addBindValue(stored.account.isEmpty() ? QVariant() : QVariant(stored.account));
    (*q)->addBindValue(stored.signedInUntil);
    (*q)->addBindValue(stored.signedInAt);
    if (Status st = sql::exec(**q, tr("Adding the backend %1").arg(stored.name)); !st.ok())
        return st.error();
    stored.id = (*q)->lastInsertId().toLongLong();
    return stored;
}

Status BackendRepository::update(const BackendRecord& backend)
{
    if (Status st = allowed(tr("change a backend")); !st.ok())
        return st;
    auto q = m_statements.get(QStringLiteral(
        "UPDATE backends SET kind = ?, url = ?, enabled = ?, has_key = ?, account = ?, "
        "signed_in_until = ?, signed_in_at = ? WHERE name = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(backendKindName(backend.kind));
    (*q)->addBindValue(backend.url.toString());
    (*q)->addBindValue(backend.enabled);
    (*q)->addBindValue(backend.hasKey);
    (*q)->addBindValue(backend.account.isEmpty() ? QVariant() : QVariant(backend.account));
    (*q)->addBindValue(backend.signedInUntil);
    (*q)->addBindValue(backend.signedInAt);
    (*q)->addBindValue(backend.name);
    if (Status st = sql::exec(**q, tr("Changing the backend %1").arg(backend.name)); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("There is no backend named \"%1\".").arg(backend.name)};
    return {};
}

Status BackendRepository::remove(const QString& name)
{
    if (Status st = allowed(tr("remove a backend")); !st.ok())
        return st;
    auto q = m_statements.get(QStringLiteral("DELETE FROM backends WHERE name = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(name);
    if (Status st = sql::exec(**q, tr("Removing the backend %1").arg(name)); !st.ok())
        return st;
    if ((*q)->numRowsAffected() == 0)
        return Error{tr("There is no backend named \"%1\".").arg(name)};
    return {};
}

} // namespace lyss
