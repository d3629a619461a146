// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace lyss {

class SessionMarker;

// The one SQLite file Lyss keeps everything in. open() checks the file before writing
// a byte (refusing foreign files and databases from a newer Lyss), sets WAL, foreign
// keys and a busy timeout, backs the file up and upgrades its schema.
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    struct Options {
        // Stop upgrading at this schema version (tests build old databases with it);
        // 0 means the latest.
        int targetVersion = 0;
        // How long a writer waits for another connection's lock before giving up.
        int busyTimeoutMs = 5000;
    };

    // Reads only the file's header: not SQLite, another program's, or from a newer
    // Lyss gives an error naming the file. A missing or empty file passes.
    static Status checkHeader(const QString& path);

    static Result<std::unique_ptr<Database>> open(const QString& path);
    static Result<std::unique_ptr<Database>> open(const QString& path, const Options& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const { return m_db; }
    QString path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    // The copy made before this open upgraded an existing database, or empty.
    QString backupPath() const { return m_backupPath; }
    // Why the file was opened read only (it cannot be written), in words; empty when
    // it can be written.
    QString readOnlyReason() const { return m_readOnlyReason; }

private:
    Database(QSqlDatabase db, QString path);
    static Result<std::unique_ptr<Database>> open(const QString& path, const Options& options,
                                                  const QString& readOnlyBecause);
    Status inspect(int* version, int* sqliteCode) const;
    Status configure(int busyTimeoutMs);
    // SQLite's quick check: the problems, in printable words; empty when there are none.
    QStringList quickCheck() const;
    Status upgrade(int target);
    Status backupBeforeUpgrade(int fromVersion);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    int m_version = 0;
    QString m_backupPath;
    QString m_readOnlyReason;
    std::unique_ptr<SessionMarker> m_marker;
};

} // namespace lyss
