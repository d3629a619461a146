// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

struct sqlite3;

namespace lyss::sql {

// The SQLite handle under a QSQLITE connection, or null for another driver.
sqlite3* handleOf(const QSqlDatabase& db);
// Whether a connection of this process found the database file at `path` damaged. Damage
// is the file's: once one connection has met it, every connection to the file stops
// writing (the search indexer's as well as the window's), not only the one that met it.
bool foundDamaged(const QString& path);

// Runs one statement; the error says what we were doing and what SQLite said.
Status exec(QSqlDatabase& db, const QString& statement, const QString& what);
// Runs an already prepared (and bound) query.
Status exec(QSqlQuery& query, const QString& what);

Error errorFrom(const QSqlQuery& query, const QString& what);
Error errorFrom(const QSqlDatabase& db, const QString& what);

qint64 nowMs();

// What an SQLite result code means for the user ("the disk is full"), or "" for codes
// that need no words of their own.
QString causeInWords(int sqliteCode);

} // namespace lyss::sql
