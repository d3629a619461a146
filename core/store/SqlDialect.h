// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace lyss {

// What the repositories write differently for each database: the few SQL fragments that
// are not standard, how a write transaction starts, where the schema version is kept and
// how full-text search is asked. The repositories' queries are otherwise written to be
// portable; a second database (PostgreSQL) is a second implementation of this, with its
// own migrations and error words (store/Sql.cpp knows SQLite's), not a rewrite of the
// repositories. (Left for it: a few `? IS NOT NULL` guards need a typed parameter there.)
class SqlDialect {
public:
    virtual ~SqlDialect() = default;

    // The database's name for messages ("SQLite").
    virtual QString name() const = 0;

    // Starts the outermost transaction so that it takes the write lock at once (two
    // writers never deadlock upgrading a read lock).
    virtual QString beginWrite() const = 0;
    // Whether `db` is inside a transaction now (a Transaction then nests as a savepoint).
    virtual bool inTransaction(const QSqlDatabase& db) const = 0;

    // The larger of two values (SQLite's two-argument max(), GREATEST elsewhere).
    virtual QString greatest(const QString& a, const QString& b) const = 0;
    // The number at the top-level `key` of the JSON object in `column`, or NULL.
    virtual QString jsonNumber(const QString& column, const QString& key) const = 0;
    // True when `column` is one of the strings in the JSON array bound at `parameter`:
    // one parameter for a list of any length.
    virtual QString inJsonArray(const QString& column, const QString& parameter) const = 0;
    // `column` in a condition the planner must not answer from an index on it (SQLite's
    // unary plus).
    virtual QString notIndexed(const QString& column) const = 0;
    // The UTF-8 bytes of a text column, decoded by the caller: faster than the driver's
    // own conversion for megabytes of text.
    virtual QString utf8Bytes(const QString& column) const = 0;
    // The first `bytes` of those bytes.
    virtual QString utf8Prefix(const QString& column, int bytes) const = 0;

    // The schema version kept in the database, and the statement that sets it.
    virtual QString schemaVersionQuery() const = 0;
    virtual QString setSchemaVersion(int version) const = 0;

    // Full-text search over finished messages: the query for the words a user typed (each
    // must occur; the last may be the start of a word), or "" when there are none, and the
    // statement that takes (that query, a user id, a limit) and returns chat id, chat title,
    // message id and a snippet with the matches between SearchHit's marks, best first, of that
    // person's unarchived chats only. A dialect may rank only the newest matches of a query that
    // matches very many (SQLite: the newest 2,000).
    virtual QString searchQuery(const QString& text) const = 0;
    virtual QString searchStatement() const = 0;
    // An import indexes its messages in one pass at the end instead of row by row: what
    // stops indexing each inserted message, and what indexes the messages from `firstSeq`
    // on and indexes each insert again.
    virtual QStringList pauseIndexingInserts() const = 0;
    virtual QStringList indexInsertedSince(qint64 firstSeq) const = 0;
};

} // namespace lyss
