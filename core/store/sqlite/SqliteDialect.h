// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SqlDialect.h"

namespace lyss {

// SQLite's SQL: FTS5 for search, json1 for JSON, the schema version in the file header
// (user_version), where Database::checkHeader reads it before SQLite touches the file.
class SqliteDialect final : public SqlDialect {
public:
    static const SqliteDialect& instance();

    QString name() const override;
    QString beginWrite() const override;
    bool inTransaction(const QSqlDatabase& db) const override;
    QString greatest(const QString& a, const QString& b) const override;
    QString jsonNumber(const QString& column, const QString& key) const override;
    QString inJsonArray(const QString& column, const QString& parameter) const override;
    QString notIndexed(const QString& column) const override;
    QString utf8Bytes(const QString& column) const override;
    QString utf8Prefix(const QString& column, int bytes) const override;
    QString schemaVersionQuery() const override;
    QString setSchemaVersion(int version) const override;
    QString searchQuery(const QString& text) const override;
    QString searchStatement() const override;
    QStringList pauseIndexingInserts() const override;
    QStringList indexInsertedSince(qint64 firstSeq) const override;
};

} // namespace lyss
