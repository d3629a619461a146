// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lyss {

// Whether the database file can be written, asked before SQLite opens it: a database on
// a read-only file system, or one the user may not write, is opened read only (its
// chats can still be listed, shown, exported and backed up) instead of failing with
// "could not be read as a database", which blames a healthy file.
class WriteAccess {
    Q_DECLARE_TR_FUNCTIONS(WriteAccess)

public:
    // Why the database at `path` (and the -wal and -shm files SQLite keeps beside it)
    // cannot be written, in words; empty when it can.
    static QString blocker(const QString& path);
    // Whether the disk holding `path` has no room left for what SQLite writes beside a
    // database it opens (its 32 KiB shared-memory file, the first pages of a log).
    static bool diskFull(const QString& path);
    // The URI that opens `path` read only. When SQLite could not keep its shared-memory
    // file beside it and no write-ahead log is waiting, it is opened as immutable: nothing
    // can change it (the file system is read only), so nothing needs to be shared.
    static QByteArray readOnlyUri(const QString& path);
};

} // namespace lyss
