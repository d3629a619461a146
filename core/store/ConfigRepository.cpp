// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ConfigRepository.h"

#include "store/ConnectionSource.h"
#include "store/Sql.h"
#include "util/Json.h"

#include <QVariant>

namespace lyss {

namespace {
std::optional<QJsonValue> decode(const QVariant& v)
{
    return parseJsonValue(v.toString());
}
} // namespace

ConfigRepository::ConfigRepository(ConnectionSource& source)
    : m_source(source)
    , m_statements(source)
{
}

Result<std::optional<QJsonValue>> ConfigRepository::get(const QString& key)
{
    auto q = m_statements.get(QStringLiteral("SELECT value FROM config WHERE key = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    if (Status st = sql::exec(**q, tr("Reading the setting %1").arg(key)); !st.ok())
        return st.error();
    std::optional<QJsonValue> value;
    if ((*q)->next())
        value = decode((*q)->value(0));
    (*q)->finish();
    return value;
}

Status ConfigRepository::set(const QString& key, const QJsonValue& value)
{
    auto q = m_statements.get(
        QStringLiteral("INSERT INTO config (key, value, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = "
                       "excluded.updated_at"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    (*q)->addBindValue(toJsonText(value));
    (*q)->addBindValue(sql::nowMs());
    return sql::exec(**q, tr("Saving the setting %1").arg(key));
}

Result<bool> ConfigRepository::insertIfAbsent(const QString& key, const QJsonValue& value)
{
    auto q = m_statements.get(QStringLiteral("INSERT INTO config (key, value, updated_at) VALUES "
                                             "(?, ?, ?) ON CONFLICT (key) DO NOTHING"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    (*q)->addBindValue(toJsonText(value));
    (*q)->addBindValue(sql::nowMs());
    if (Status st = sql::exec(**q, tr("Saving the setting %1").arg(key)); !st.ok())
        return st.error();
    return (*q)->numRowsAffected() > 0;
}

Status ConfigRepository::remove(const QString& key)
{
    auto q = m_statements.get(QStringLiteral("DELETE FROM config WHERE key = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    return sql::exec(**q, tr("Removing the setting %1").arg(key));
}

Result<QList<QPair<QString, QJsonValue>>> ConfigRepository::all()
{
    auto q = m_statements.get(QStringLiteral("SELECT key, value FROM config ORDER BY key"));
    if (!q)
        return q.error();
    if (Status st = sql::exec(**q, tr("Reading the settings")); !st.ok())
        return st.error();
    QList<QPair<QString, QJsonValue>> rows;
    while ((*q)->next()) {
        if (auto v = decode((*q)->value(1)))
            rows.append({(*q)->value(0).toString(), *v});
    }
    (*q)->finish();
    return rows;
}

} // namespace lyss
