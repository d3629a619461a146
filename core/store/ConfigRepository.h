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

// The config table: dotted keys to JSON values, exactly as stored. Meaning, defaults
// and validation live in config/Settings.
class ConfigRepository {
    Q_DECLARE_TR_FUNCTIONS(ConfigRepository)

public:
    explicit ConfigRepository(ConnectionSource& source);

    Result<std::optional<QJsonValue>> get(const QString& key);
    Status set(const QString& key, const QJsonValue& value);
    // Stores the value only when the key has none yet; tells whether it did.
    Result<bool> insertIfAbsent(const QString& key, const QJsonValue& value);
    Status remove(const QString& key);
    Result<QList<QPair<QString, QJsonValue>>> all();

private:
    ConnectionSource& m_source;
    StatementCache m_statements;
};

} // namespace lyss
