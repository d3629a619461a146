// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"
#include "store/Message.h"
#include "store/Sql.h"
#include "store/StatementCache.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace lyss {
class SqlDialect;
}

// How chats and messages are written to and read from their rows: the column lists, the
// inserts and their binding, shared by the repositories and ChatBulkWriter so that a
// field added to Chat or Message is stored the same way by all of them.
namespace lyss::rows {

QString newId();
// QtSql binds a null QString as SQL NULL; text columns that are NOT NULL get ''.
QString notNull(const QString& s);
QVariant nullIfEmpty(const QString& s);
QJsonObject objectFromText(const QString& text);
QString textFromObject(const QJsonObject& o);
QString textFromUtf8(const QVariant& bytes);
// The same for the first bytes of a longer text, read `limit + 1` at most: when there are
// more than `limit`, the text is cut at a character (at a line when one ends in the last
// quarter) and `*cut` set.
QString textFromUtf8Prefix(const QVariant& bytes, qsizetype limit, bool* cut);

// "c.id, c.user_id, ...": every column of `chats c`, read by chatFromRow.
QString chatColumns();
constexpr int kChatColumnCount = 14;
Chat chatFromRow(const QSqlQuery& q);

// Every column of `messages m`, read by messageFromRow (the texts as UTF-8 bytes).
QString messageColumns(const SqlDialect& dialect);
constexpr int kMessageColumnCount = 12;
Message messageFromRow(const QSqlQuery& q);

// INSERT INTO chats / messages with every column, and the binding of a value to it.
QString insertChat();
void bindChat(QSqlQuery& q, const Chat& chat);
QString insertMessage();
void bindMessage(QSqlQuery& q, const Message& message);

// Runs a prepared query with positional values and turns each row into a T.
template <typename T, typename RowFn>
Result<QList<T>> queryRows(StatementCache& statements, const QString& statement,
                           const QVariantList& values, const QString& what, RowFn fromRow)
{
    auto q = statements.get(statement);
    if (!q)
        return q.error();
    for (const QVariant& v : values)
        (*q)->addBindValue(v);
    if (Status st = sql::exec(**q, what); !st.ok())
        return st.error();
    QList<T> out;
    while ((*q)->next())
        out.append(fromRow(**q));
    // next() also ends on an error (an interrupted statement, a damaged page): never a
    // part of the rows taken for all of them.
    if ((*q)->lastError().isValid()) {
        Error e = sql::errorFrom(**q, what);
        (*q)->finish();
        return e;
    }
    (*q)->finish();
    return out;
}

// Runs a prepared statement with positional values.
Status execute(StatementCache& statements, const QString& statement, const QVariantList& values,
               const QString& what);

} // namespace lyss::rows
