// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StoreRows.h"

#include "store/SqlDialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace lyss::rows {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QJsonObject objectFromText(const QString& text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

QString textFromObject(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString textFromUtf8(const QVariant& bytes)
{
    const QByteArray utf8 = bytes.toByteArray();
    return QString::fromUtf8(utf8.constData(), utf8.size());
}

QString textFromUtf8Prefix(const QVariant& bytes, qsizetype limit, bool* cut)
{
    const QByteArray utf8 = bytes.toByteArray();
    *cut = utf8.size() > limit;
    if (!*cut)
        return QString::fromUtf8(utf8.constData(), utf8.size());
    qsizetype end = limit;
    // Not inside a character: back to the first byte of the one the cut fell in.
    while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
        --end;
    if (const qsizetype line = utf8.lastIndexOf('\n', end - 1); line >= end - end / 4)
        end = line + 1;
    return QString::fromUtf8(utf8.constData(), end);
}

QString chatColumns()
{
    return QStringLiteral(
        "c.id, c.user_id, c.title, c.current_leaf_id, c.model, c.params, c.pinned, c.archived, "
        "c.created_at, c.updated_at, c.tags, c.source, c.source_id, c.backend");
}

Chat chatFromRow(const QSqlQuery& q)
{
    Chat c;
    c.id = q.value(0).toString();
    c.userId = q.value(1).toString();
    c.title = q.value(2).toString();
    c.currentLeafId = q.value(3).toString();
    c.model = q.value(4).toString();
    c.params = objectFromText(q.value(5).toString());
    c.pinned = q.value(6).toBool();
    c.archived = q.value(7).toBool();
    c.createdAt = q.value(8).toLongLong();
    c.updatedAt = q.value(9).toLongLong();
    for (const QJsonValue& t : QJsonDocument::fromJson(q.value(10).toByteArray()).array())
        c.tags << t.toString();
    c.source = q.value(11).toString();
    c.sourceId = q.value(12).toString();
    c.backend = q.value(13).toString();
    return c;
}

QString messageColumns(const SqlDialect& dialect)
{
    return QStringLiteral("m.id, m.chat_id, m.parent_id, m.role, %1, %2, m.model, m.status, "
                          "m.error, m.metrics, m.created_at, m.updated_at")
        .arg(dialect.utf8Bytes(QStringLiteral("m.content")),
             dialect.utf8Bytes(QStringLiteral("m.thinking")));
}

Message messageFromRow(const QSqlQuery& q)
{
    Message m;
    m.id = q.value(0).toString();
    m.chatId = q.value(1).toString();
    m.parentId = q.value(2).toString();
    m.role = roleFromName(q.value(3).toString()).value_or(Role::User);
    m.content = textFromUtf8(q.value(4));
    m.thinking = textFromUtf8(q.value(5));
    m.model = q.value(6).toString();
    m.status = statusFromName(q.value(7).toString()).value_or(MessageStatus::Complete);
    m.error = q.value(8).toString();
    m.metrics = objectFromText(q.value(9).toString());
    m.createdAt = q.value(10).toLongLong();
    m.updatedAt = q.value(11).toLongLong();
    return m;
}

QString insertChat()
{
    return QStringLiteral(
        "INSERT INTO chats (id, user_id, title, current_leaf_id, model, params, pinned, archived, "
        "created_at, updated_at, tags, source, source_id, backend) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

void bindChat(QSqlQuery& s, const Chat& chat)
{
    s.addBindValue(chat.id);
    s.addBindValue(chat.userId);
    s.addBindValue(notNull(chat.title));
    s.addBindValue(nullIfEmpty(chat.currentLeafId));
    s.addBindValue(nullIfEmpty(chat.model));
    s.addBindValue(textFromObject(chat.params));
    s.addBindValue(chat.pinned);
    s.addBindValue(chat.archived);
    s.addBindValue(chat.createdAt);
    s.addBindValue(chat.updatedAt);
    s.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(chat.tags)).toJson(QJsonDocument::Compact)));
    s.addBindValue(nullIfEmpty(chat.source));
    s.addBindValue(nullIfEmpty(chat.sourceId));
    s.addBindValue(nullIfEmpty(chat.backend));
}

QString insertMessage()
{
    return QStringLiteral(
        "INSERT INTO messages (id, chat_id, parent_id, role, content, thinking, model, status, "
        "error, metrics, created_at, updated_at, stream_owner) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

void bindMessage(QSqlQuery& s, const Message& message)
{
    s.addBindValue(message.id);
    s.addBindValue(message.chatId);
    s.addBindValue(nullIfEmpty(message.parentId));
    s.addBindValue(roleName(message.role));
    s.addBindValue(notNull(message.content));
    s.addBindValue(nullIfEmpty(message.thinking));
    s.addBindValue(nullIfEmpty(message.model));
    s.addBindValue(statusName(message.status));
    s.addBindValue(nullIfEmpty(message.error));
    s.addBindValue(message.metrics.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(textFromObject(message.metrics)));
    s.addBindValue(message.createdAt);
    s.addBindValue(message.updatedAt);
    s.addBindValue(nullIfEmpty(message.streamOwner));
}

Status execute(StatementCache& statements, const QString& statement, const QVariantList& values,
               const QString& what)
{
    auto q = statements.get(statement);
    if (!q)
        return q.error();
    for (const QVariant& v : values)
        (*q)->addBindValue(v);
    return sql::exec(**q, what);
}

} // namespace lyss::rows
