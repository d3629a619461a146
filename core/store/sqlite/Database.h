// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ConnectionSource.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QThread;
struct sqlite3;

namespace lyss {

class SessionMarker;

// The one SQLite file Lyss keeps everything in. open() checks the file before writing
// a byte (refusing foreign files and databases from a newer Lyss), sets WAL, foreign
// keys and a busy timeout, backs the file up and upgrades its schema. It is the
// repositories' connection source: it lends its one connection to the thread that opened
// it (the search indexer has a connection of its own on its thread).
class Database final : public ConnectionSource {
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
    ~Database() override;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const SqlDialect& dialect() const override;
    // This thread's lease on the connection; refused on any other thread (QtSql
    // connections belong to the thread that opened them).
    Result<ConnectionLease> lease() override;
    // The connection itself, for what only SQLite has (backups, checks) and for tests.
    QSqlDatabase connection() const { return m_db; }
    QString path() const { return m_path; }
    int schemaVersion() const { return m_version; }
    // The copy made before this open upgraded an existing database, or empty.
    QString backupPath() const { return m_backupPath; }
    // Why the file was opened read only (it cannot be written), in words; empty when
    // it can be written.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // Hands this connection's WAL checkpoints to another thread: SQLite runs them in the
    // commit that makes the log pass 1,000 pages, and a checkpoint copies those pages into
    // the file and syncs it (up to 20 ms with a reply of megabytes; Esc waited for it).
    // From now on that commit calls `checkpointSoon` instead, which must only ask another
    // connection to run `PRAGMA wal_checkpoint(PASSIVE)`. An empty function gives the
    // checkpoints back to this connection.
    void handOffCheckpoints(std::function<void()> checkpointSoon);

    // Gives back the memory of the pages this connection has read (its page cache): what
    // is read next comes from the system's file cache, a few microseconds a page. Once a
    // window has read what it shows, before it is painted.
    void releaseMemory();

private:
    static int walCommitted(void* self, sqlite3* db, const char* name, int pages);

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
    bool m_stoppedForDamage = false;
    std::unique_ptr<SessionMarker> m_marker;
    std::function<void()> m_checkpointSoon;
    QThread* m_thread = nullptr;
};

} // namespace lyss
