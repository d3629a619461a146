// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <optional>

namespace lyss {

class ConnectionSource;

// Dotted keys to JSON values, exactly as stored: the installation's (the config table) or
// one person's (user_settings). Meaning, defaults, validation and which key is whose live
// in config/Settings.
class ConfigRepository {
    Q_DECLARE_TR_FUNCTIONS(ConfigRepository)

public:
    // The installation's settings.
    explicit ConfigRepository(ConnectionSource& source);
    // The settings of the person `userId`.
    ConfigRepository(ConnectionSource& source, QString userId);

    Result<std::optional<QJsonValue>> get(const QString& key);
    Status set(const QString& key, const QJsonValue& value);
    // Stores the value only when the key has none yet; tells whether it did.
    Result<bool> insertIfAbsent(const QString& key, const QJsonValue& value);
    Status remove(const QString& key);
    Result<QList<QPair<QString, QJsonValue>>> all();

private:
    // The statements, with the person's condition when there is one; the user id is bound
    // first.
    QString sql(const char* installation, const char* person) const;
    void bindUser(QSqlQuery& q) const;

    ConnectionSource& m_source;
    QString m_user; // empty: the installation's
    StatementCache m_statements;
};

} // namespace lyss
