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

ConfigRepository::ConfigRepository(ConnectionSource& source, QString userId)
    : m_source(source)
    , m_user(std::move(userId))
    , m_statements(source)
{
}

QString ConfigRepository::sql(const char* installation, const char* person) const
{
    return QString::fromUtf8(m_user.isEmpty() ? installation : person);
}

void ConfigRepository::bindUser(QSqlQuery& q) const
{
    if (!m_user.isEmpty())
        q.addBindValue(m_user);
}

Result<std::optional<QJsonValue>> ConfigRepository::get(const QString& key)
{
    auto q = m_statements.get(sql("SELECT value FROM config WHERE key = ?",
                                  "SELECT value FROM user_settings WHERE user_id = ? AND key = ?"));
    if (!q)
        return q.error();
    bindUser(**q);
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
        sql("INSERT INTO config (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO "
            "UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            "INSERT INTO user_settings (user_id, key, value, updated_at) VALUES (?, ?, ?, ?) ON "
            "CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = "
            "excluded.updated_at"));
    if (!q)
        return q.error();
    bindUser(**q);
    (*q)->addBindValue(key);
    (*q)->addBindValue(toJsonText(value));
    (*q)->addBindValue(sql::nowMs());
    return sql::exec(**q, tr("Saving the setting %1").arg(key));
}

Result<bool> ConfigRepository::insertIfAbsent(const QString& key, const QJsonValue& value)
{
    auto q = m_statements.get(sql("INSERT INTO config (key, value, updated_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (key) DO NOTHING",
                                  "INSERT INTO user_settings (user_id, key, value, updated_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (user_id, key) DO NOTHING"));
    if (!q)
        return q.error();
    bindUser(**q);
    (*q)->addBindValue(key);
    (*q)->addBindValue(toJsonText(value));
    (*q)->addBindValue(sql::nowMs());
    if (Status st = sql::exec(**q, tr("Saving the setting %1").arg(key)); !st.ok())
        return st.error();
    return (*q)->numRowsAffected() > 0;
}

Status ConfigRepository::remove(const QString& key)
{
    auto q = m_statements.get(sql("DELETE FROM config WHERE key = ?",
                                  "DELETE FROM user_settings WHERE user_id = ? AND key = ?"));
    if (!q)
        return q.error();
    bindUser(**q);
    (*q)->addBindValue(key);
    return sql::exec(**q, tr("Removing the setting %1").arg(key));
}

Result<QList<QPair<QString, QJsonValue>>> ConfigRepository::all()
{
    auto q = m_statements.get(
        sql("SELECT key, value FROM config ORDER BY key",
            "SELECT key, value FROM user_settings WHERE user_id = ? ORDER BY key"));
    if (!q)
        return q.error();
    bindUser(**q);
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
