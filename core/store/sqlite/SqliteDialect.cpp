// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/SqliteDialect.h"

#include "store/sqlite/Migrations.h"
#include "store/sqlite/SqliteHandle.h"

#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

namespace lyss {

const SqliteDialect& SqliteDialect::instance()
{
    static const SqliteDialect dialect;
    return dialect;
}

QString SqliteDialect::name() const
{
    return QStringLiteral("SQLite");
}

QString SqliteDialect::beginWrite() const
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

bool SqliteDialect::inTransaction(const QSqlDatabase& db) const
{
    // Autocommit is on exactly when no transaction is open on the connection.
    sqlite3* handle = sqliteHandle(db);
    return handle && sqlite3_get_autocommit(handle) == 0;
}

QString SqliteDialect::greatest(const QString& a, const QString& b) const
{
    return QStringLiteral("max(%1, %2)").arg(a, b);
}

QString SqliteDialect::jsonNumber(const QString& column, const QString& key) const
{
    return QStringLiteral("json_extract(%1, '$.%2')").arg(column, key);
}

QString SqliteDialect::inJsonArray(const QString& column, const QString& parameter) const
{
    return QStringLiteral("%1 IN (SELECT value FROM json_each(%2))").arg(column, parameter);
}

QString SqliteDialect::notIndexed(const QString& column) const
{
    return QLatin1Char('+') + column;
}

QString SqliteDialect::utf8Bytes(const QString& column) const
{
    // Lyss's databases are UTF-8: the bytes as SQLite keeps them, without its conversion
    // to UTF-16 one character at a time (5 ms for a reply of 1.4 MB).
    return QStringLiteral("CAST(%1 AS BLOB)").arg(column);
}

QString SqliteDialect::utf8Prefix(const QString& column, int bytes) const
{
    // substr() of a blob counts bytes.
    return QStringLiteral("substr(CAST(%1 AS BLOB), 1, %2)").arg(column).arg(bytes);
}

QString SqliteDialect::schemaVersionQuery() const
{
    return QStringLiteral("PRAGMA user_version");
}

QString SqliteDialect::setSchemaVersion(int version) const
{
    return QStringLiteral("PRAGMA user_version = %1").arg(version);
}

QString SqliteDialect::searchQuery(const QString& text) const
{
    // Each word quoted (FTS5 operators in what the user typed are words), the last one a
    // prefix.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : text.split(space, Qt::SkipEmptyParts)) {
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + word + QLatin1Char('"');
    }
    if (!terms.isEmpty())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

namespace {
// The newest matches a search ranks at most.
constexpr int kRankedMatches = 2000;
} // namespace

QString SqliteDialect::searchStatement() const
{
    // Ranked among the newest 2,000 matching messages (the last written: an import's are
    // written when imported, whatever their date): ranking every match of a common
    // prefix ("th" matches 94% of 100,000 messages) takes 190 ms, these 2,000 about 35 ms,
    // and a rarer word (fewer matches) is ranked among all of them as before.
    return QStringLiteral("SELECT chat_id, title, id, found FROM ("
                          "SELECT m.chat_id, c.title, m.id, "
                          // SearchHit's marks: U+E000 and U+E001
                          "snippet(messages_fts, 0, char(57344), char(57345), '…', 12) AS found, "
                          "messages_fts.rank AS score "
                          "FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid "
                          "JOIN chats c ON c.id = m.chat_id "
                          "WHERE messages_fts MATCH ? AND c.user_id = ? AND c.archived = 0 "
                          "ORDER BY messages_fts.rowid DESC LIMIT %1) ORDER BY score LIMIT ?")
        .arg(kRankedMatches);
}

QStringList SqliteDialect::pauseIndexingInserts() const
{
    return {QStringLiteral("DROP TRIGGER IF EXISTS messages_fts_insert")};
}

QStringList SqliteDialect::indexInsertedSince(qint64 firstSeq) const
{
    return {QStringLiteral("INSERT INTO messages_fts (rowid, content) "
                           "SELECT seq, content FROM messages_searchable WHERE seq >= %1")
                .arg(firstSeq),
            messagesFtsInsertTrigger()};
}

} // namespace lyss
