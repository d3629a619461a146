// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>

namespace lyss {

class Database;

// Copies of the database made with SQLite's online backup API: consistent even while
// the app writes, and restorable after checking that the copy really is a Lyss
// database in good order.
class DatabaseBackup {
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    // Writes a copy of `db` to `target` (through a temporary file, then renamed).
    static Status backup(Database& db, const QString& target, bool overwrite);
    // Whether `path` is a readable, intact Lyss database; reads it without changing it.
    static Status check(const QString& path);
    // Keeps the current content as `keepAs` (which must not exist yet), then replaces it
    // with `source`'s.
    // For a database too damaged for SQLite to copy: its file (and -wal) is kept as
    // `keepAs` byte for byte, unchecked, and `source` (checked first) put in its place.
    // Only while no other process has it open.
    static Status replaceDamaged(const QString& databasePath, const QString& source,
                                 const QString& keepAs);
    static Status restore(Database& db, const QString& source, const QString& keepAs);
    // SQLite's full integrity check of the database at `path`, read only (its WAL
    // included): the problems it found, in SQLite's words (at most 20), or none.
    static Result<QStringList> integrityProblems(const QString& path);
    // Whether accounts are on in the database at `path` (some account has a password), read
    // only and without its migrations; an error when even that cannot be read.
    static Result<bool> accountsOnIn(const QString& path);
    // <database>.before-restore-<N> with the first N not taken: no copy is ever replaced.
    static QString beforeRestorePath(const QString& databasePath);
};

} // namespace lyss
