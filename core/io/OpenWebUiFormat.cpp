// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/OpenWebUiFormat.h"

#include "io/ChatTree.h"
#include "io/ImportChecks.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>

namespace lyss {

namespace {

QString textOf(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QString out;
    for (const QJsonValue& part : content.toArray()) { // [{type: "text", text: ...}, ...]
        const QJsonObject p = part.toObject();
        if (p.value(QLatin1String("type")).toString() == QLatin1String("text"))
            out += p.value(QLatin1String("text")).toString();
    }
    return out;
}

QStringList tagsOf(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& t : v.toArray()) {
        const QString name =
            t.isObject() ? t.toObject().value(QLatin1String("name")).toString() : t.toString();
        if (!name.isEmpty())
            out << name;
    }
    return out;
}

Result<ImportedMessage> parseMessage(const QString& key, const QJsonValue& value)
{
    const QString where = QStringLiteral("history.messages.%1").arg(key);
    if (!value.isObject())
        return Error{OpenWebUiFormat::tr("%1 is not an object.").arg(where)};
    const QJsonObject m = value.toObject();
    ImportedMessage out;
    out.sourceId = m.value(QLatin1String("id")).toString(key);
    const QJsonValue parent = m.value(QLatin1String("parentId"));
    if (!parent.isNull() && !parent.isUndefined() && !parent.isString())
        return Error{OpenWebUiFormat::tr("%1.parentId must be a message id or null.").arg(where)};
    out.parentSourceId = parent.toString();
    const QJsonValue roleValue = m.value(QLatin1String("role"));
    if (!roleValue.isString())
        return Error{OpenWebUiFormat::tr("%1.role is %2; expected user, assistant or system.")
                         .arg(where, ImportChecks::typeName(roleValue))};
    const QString role = roleValue.toString();
    const auto r = roleFromName(role);
    if (!r)
        return Error{OpenWebUiFormat::tr("%1.role is \"%2\"; expected user, assistant or system.")
                         .arg(where, role)};
    out.role = *r;
    const QJsonValue content = m.value(QLatin1String("content"));
    if (!content.isUndefined() && !content.isString() && !content.isArray())
        return Error{OpenWebUiFormat::tr("%1.content is %2; expected text or a list of parts.")
                         .arg(where, ImportChecks::typeName(content))};
    out.content = textOf(content);
    out.thinking = m.value(QLatin1String("thinking")).toString();
    out.model = m.value(QLatin1String("model")).toString();
    if (out.model.isEmpty())
        out.model = m.value(QLatin1String("modelName")).toString();
    if (out.model.isEmpty() && out.role == Role::Assistant)
        out.model = m.value(QLatin1String("models")).toArray().at(0).toString();
    if (m.contains(QLatin1String("lyss_timestamp_ms"))) {
        out.createdAtMs = m.value(QLatin1String("lyss_timestamp_ms")).toInteger();
    } else {
        auto at = ImportChecks::timeMs(m.value(QLatin1String("timestamp")),
                                       where + QStringLiteral(".timestamp"));
        if (!at)
            return at.error();
        out.createdAtMs = *at;
    }
    out.metrics = m.value(QLatin1String("usage")).toObject();
    const QJsonValue error = m.value(QLatin1String("error"));
    if (const auto s = statusFromName(m.value(QLatin1String("lyss_status")).toString())) {
        out.status = *s == MessageStatus::Streaming ? MessageStatus::Interrupted : *s;
    } else if (error.isObject() || error.isString() || error.toBool()) {
        out.status = MessageStatus::Error;
    } else if (out.role == Role::Assistant && m.value(QLatin1String("done")) == QJsonValue(false)) {
        out.status = MessageStatus::Interrupted; // never finished streaming in Open WebUI
    }
    if (error.isObject())
        out.error = error.toObject().value(QLatin1String("content")).toString();
    else if (error.isString())
        out.error = error.toString();
    return out;
}

} // namespace

bool OpenWebUiFormat::looksLike(const QJsonObject& first)
{
    return first.value(QLatin1String("chat")).isObject() ||
           first.value(QLatin1String("history")).isObject();
}

Result<ImportFile> OpenWebUiFormat::parse(const QJsonArray& rows)
{
    ImportFile file;
    file.format = QStringLiteral("open-webui");
    file.formatName = QStringLiteral("Open WebUI");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto where = [&](const QString& title, const QString& id) {
            return tr("Chat %1 of %2 (\"%3\", id %4): ")
                .arg(i + 1)
                .arg(rows.size())
                .arg(title, id.isEmpty() ? tr("none") : id);
        };
        if (!rows[i].isObject())
            return Error{where({}, {}) + tr("not a JSON object.")};
        const QJsonObject row = rows[i].toObject();
        const bool wrapped = row.value(QLatin1String("chat")).isObject();
        const QJsonObject chat = wrapped ? row.value(QLatin1String("chat")).toObject() : row;

        ImportedChat c;
        c.sourceId = row.value(QLatin1String("id")).toString();
        if (c.sourceId.isEmpty())
            c.sourceId = chat.value(QLatin1String("id")).toString();
        if (c.sourceId.isEmpty()) // no id at all: the content itself identifies the chat
            c.sourceId = QStringLiteral("sha1:") +
                         QString::fromLatin1(QCryptographicHash::hash(
                                                 QJsonDocument(row).toJson(QJsonDocument::Compact),
                                                 QCryptographicHash::Sha1)
                                                 .toHex());
        c.title = row.value(QLatin1String("title"))
                      .toString(chat.value(QLatin1String("title")).toString());
        auto created = ImportChecks::timeMs(wrapped ? row.value(QLatin1String("created_at"))
                                                    : chat.value(QLatin1String("timestamp")),
                                            wrapped ? QStringLiteral("created_at")
                                                    : QStringLiteral("timestamp"));
        auto stamped = ImportChecks::timeMs(chat.value(QLatin1String("timestamp")),
                                            QStringLiteral("chat.timestamp"));
        auto updated = ImportChecks::timeMs(row.value(QLatin1String("updated_at")),
                                            QStringLiteral("updated_at"));
        for (const auto* t : {&created, &stamped, &updated}) {
            if (!*t)
                return Error{where(c.title, c.sourceId) + t->errorMessage()};
        }
        c.createdAtMs = row.contains(QLatin1String("lyss_created_at_ms"))
                            ? row.value(QLatin1String("lyss_created_at_ms")).toInteger()
                            : *created;
        if (c.createdAtMs == 0)
            c.createdAtMs = *stamped;
        c.updatedAtMs = row.contains(QLatin1String("lyss_updated_at_ms"))
                            ? row.value(QLatin1String("lyss_updated_at_ms")).toInteger()
                            : *updated;
        c.pinned = row.value(QLatin1String("pinned")).toBool();
        c.archived = row.value(QLatin1String("archived")).toBool();
        c.tags = tagsOf(row.value(QLatin1String("meta")).toObject().value(QLatin1String("tags")));
        if (c.tags.isEmpty())
            c.tags = tagsOf(chat.value(QLatin1String("tags")));
        c.model = chat.value(QLatin1String("models")).toArray().at(0).toString();
        c.params = chat.value(QLatin1String("params")).toObject();

        const QJsonObject history = chat.value(QLatin1String("history")).toObject();
        const QJsonValue messages = history.value(QLatin1String("messages"));
        if (messages.isObject()) {
            const QJsonObject all = messages.toObject();
            for (auto it = all.begin(); it != all.end(); ++it) {
                auto m = parseMessage(it.key(), it.value());
                if (!m)
                    return Error{where(c.title, c.sourceId) + m.errorMessage()};
                c.messages << *m;
            }
            const QJsonValue current = history.value(QLatin1String("currentId"));
            c.currentSourceId = current.toString();
        } else if (chat.value(QLatin1String("messages")).isArray()) {
            // The oldest exports: a flat list, one branch.
            const QJsonArray flat = chat.value(QLatin1String("messages")).toArray();
            QString parent;
            for (qsizetype k = 0; k < flat.size(); ++k) {
                QJsonObject o = flat[k].toObject();
                if (!o.contains(QLatin1String("id")))
                    o.insert(QStringLiteral("id"), QStringLiteral("m%1").arg(k));
                o.insert(QStringLiteral("parentId"),
                         parent.isEmpty() ? QJsonValue() : QJsonValue(parent));
                auto m = parseMessage(QString::number(k), o);
                if (!m)
                    return Error{where(c.title, c.sourceId) + m.errorMessage()};
                parent = m->sourceId;
                c.messages << *m;
            }
            c.currentSourceId = parent;
        } else if (!messages.isUndefined()) {
            return Error{where(c.title, c.sourceId) +
                         tr("chat.history.messages is %1; expected an object of messages.")
                             .arg(ImportChecks::typeName(messages))};
        } else {
            return Error{
                where(c.title, c.sourceId) +
                tr("chat.history.messages is missing, so there are no messages to import.")};
        }
        if (Status st = orderChatTree(c); !st.ok())
            return Error{where(c.title, c.sourceId) + st.errorMessage()};
        if (c.updatedAtMs == 0) {
            for (const ImportedMessage& m : c.messages)
                c.updatedAtMs = std::max(c.updatedAtMs, m.createdAtMs);
        }
        if (c.createdAtMs == 0)
            c.createdAtMs = c.messages.isEmpty() ? c.updatedAtMs : c.messages.first().createdAtMs;
        file.chats << c;
    }
    return file;
}

QJsonObject OpenWebUiFormat::exportChat(const Chat& chat, const QList<Message>& messages,
                                        const QList<Message>& branch)
{
    QHash<QString, QJsonArray> children;
    for (const Message& m : messages) {
        if (!m.parentId.isEmpty())
            children[m.parentId].append(m.id);
    }
    auto messageJson = [&](const Message& m) {
        QJsonObject o{{QStringLiteral("id"), m.id},
                      {QStringLiteral("parentId"),
                       m.parentId.isEmpty() ? QJsonValue() : QJsonValue(m.parentId)},
                      {QStringLiteral("childrenIds"), children.value(m.id)},
                      {QStringLiteral("role"), roleName(m.role)},
                      {QStringLiteral("content"), m.content},
                      {QStringLiteral("timestamp"), m.createdAt / 1000},
                      {QStringLiteral("lyss_timestamp_ms"), m.createdAt}};
        if (m.role == Role::Assistant) {
            o.insert(QStringLiteral("model"), m.model);
            o.insert(QStringLiteral("done"), m.status != MessageStatus::Streaming &&
                                                 m.status != MessageStatus::Interrupted);
        } else if (!chat.model.isEmpty()) {
            o.insert(QStringLiteral("models"), QJsonArray{chat.model});
        }
        if (!m.thinking.isEmpty())
            o.insert(QStringLiteral("thinking"), m.thinking);
        if (m.status == MessageStatus::Error)
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("content"), m.error}});
        if (m.status != MessageStatus::Complete)
            o.insert(QStringLiteral("lyss_status"), statusName(m.status));
        if (!m.metrics.isEmpty())
            o.insert(QStringLiteral("usage"), m.metrics);
        return o;
    };
    QJsonObject tree;
    for (const Message& m : messages)
        tree.insert(m.id, messageJson(m));
    QJsonArray flat;
    for (const Message& m : branch)
        flat.append(messageJson(m));
    const QJsonArray tags = QJsonArray::fromStringList(chat.tags);
    QJsonObject inner{
        {QStringLiteral("id"), chat.id},
        {QStringLiteral("title"), chat.title},
        {QStringLiteral("models"), chat.model.isEmpty() ? QJsonArray() : QJsonArray{chat.model}},
        {QStringLiteral("params"), chat.params},
        {QStringLiteral("history"),
         QJsonObject{{QStringLiteral("currentId"),
                      chat.currentLeafId.isEmpty() ? QJsonValue() : QJsonValue(chat.currentLeafId)},
                     {QStringLiteral("messages"), tree}}},
        {QStringLiteral("messages"), flat},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("timestamp"), chat.createdAt}};
    return QJsonObject{{QStringLiteral("id"), chat.id},
                       {QStringLiteral("user_id"), chat.userId},
                       {QStringLiteral("title"), chat.title},
                       {QStringLiteral("chat"), inner},
                       {QStringLiteral("meta"), QJsonObject{{QStringLiteral("tags"), tags}}},
                       {QStringLiteral("pinned"), chat.pinned},
                       {QStringLiteral("archived"), chat.archived},
                       {QStringLiteral("folder_id"), QJsonValue()},
                       {QStringLiteral("share_id"), QJsonValue()},
                       {QStringLiteral("created_at"), chat.createdAt / 1000},
                       {QStringLiteral("updated_at"), chat.updatedAt / 1000},
                       {QStringLiteral("lyss_created_at_ms"), chat.createdAt},
                       {QStringLiteral("lyss_updated_at_ms"), chat.updatedAt}};
}

} // namespace lyss
