// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerEvent.h"

#include "backends/OpenWebUiOutlet.h"

#include <QHash>

namespace lyss {

namespace {

using Kind = ServerEvent::Kind;

Kind kindOf(const QString& type)
{
    static const QHash<QString, Kind> kinds{
        {QStringLiteral("status"), Kind::StatusLine},
        {QStringLiteral("chat:completion"), Kind::Completion},
        {QStringLiteral("chat:message:delta"), Kind::Append},
        {QStringLiteral("message"), Kind::Append},
        {QStringLiteral("chat:message"), Kind::Replace},
        {QStringLiteral("replace"), Kind::Replace},
        {QStringLiteral("chat:message:error"), Kind::Error},
        {QStringLiteral("chat:tasks:cancel"), Kind::Cancelled},
        {QStringLiteral("task-cancelled"), Kind::Cancelled},
        {QStringLiteral("chat:title"), Kind::Title},
        {QStringLiteral("chat:tags"), Kind::Tags},
        {QStringLiteral("notification"), Kind::Notification},
        {QStringLiteral("confirmation"), Kind::Confirmation},
        {QStringLiteral("input"), Kind::Input},
        {QStringLiteral("execute"), Kind::Execute},
        {QStringLiteral("chat:active"), Kind::Active},
        {QStringLiteral("chat:outlet"), Kind::Outlet},
    };
    return kinds.value(type, Kind::Other);
}

// A field that should be text: a string as it is, a number written out, anything else "".
QString textOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

// The text of a payload that is a string, or an object with the text under `key`.
QString textIn(const QJsonValue& payload, QLatin1String key)
{
    if (payload.isString())
        return payload.toString();
    return textOf(payload.toObject().value(key));
}

// An error as servers word it: "text", {"content": ...}, {"message": ...}, {"detail": ...}.
QString errorText(const QJsonValue& error)
{
    if (error.isString())
        return error.toString();
    const QJsonObject o = error.toObject();
    for (const auto key :
         {QLatin1String("content"), QLatin1String("message"), QLatin1String("detail")}) {
        if (const QString t = textOf(o.value(key)); !t.isEmpty())
            return t;
    }
    return {};
}

QStringList tagsIn(const QJsonValue& payload)
{
    const QJsonArray list = payload.isArray()
                                ? payload.toArray()
                                : payload.toObject().value(QLatin1String("tags")).toArray();
    QStringList tags;
    for (const QJsonValue& t : list) {
        // A name, or a tag object {"id", "name"} as the server keeps them.
        QString name =
            t.isString() ? t.toString() : textOf(t.toObject().value(QLatin1String("name")));
        name = name.trimmed();
        if (!name.isEmpty() && !tags.contains(name))
            tags << name;
    }
    return tags;
}

void readCompletion(ServerEvent& e, const QJsonObject& o)
{
    if (o.value(QLatin1String("content")).isString())
        e.content = o.value(QLatin1String("content")).toString();
    const QJsonObject first = o.value(QLatin1String("choices")).toArray().at(0).toObject();
    const QJsonObject delta = first.value(QLatin1String("delta")).toObject();
    e.delta = textOf(delta.value(QLatin1String("content")));
    e.reasoningDelta = textOf(delta.value(QLatin1String("reasoning_content")));
    if (e.reasoningDelta.isEmpty())
        e.reasoningDelta = textOf(delta.value(QLatin1String("reasoning")));
    e.done = o.value(QLatin1String("done")).toBool();
    e.usage = o.value(QLatin1String("usage")).toObject();
    e.title = textOf(o.value(QLatin1String("title")));
    if (const QJsonValue error = o.value(QLatin1String("error"));
        !error.isNull() && !error.isUndefined()) {
        e.text = errorText(o.value(QLatin1String("error")));
        if (e.text.isEmpty())
            e.text = QStringLiteral("the server reported an error without words");
    }
}

void readOutlet(ServerEvent& e, const QJsonObject& o)
{
    if (auto text =
            OpenWebUiOutlet::textIn(o.value(QLatin1String("messages")).toArray(), e.messageId)) {
        e.text = *text;
        e.hasText = true;
    }
}

} // namespace

std::optional<ServerEvent> ServerEvent::from(const QString& name, const QJsonArray& args)
{
    if (name != QLatin1String("events") && name != QLatin1String("chat-events"))
        return std::nullopt;
    const QJsonObject envelope = args.at(0).toObject();
    const QJsonObject inner = envelope.value(QLatin1String("data")).toObject();
    const QString type = inner.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        return std::nullopt;
    ServerEvent e;
    e.type = type;
    e.kind = kindOf(type);
    e.chatId = textOf(envelope.value(QLatin1String("chat_id")));
    e.messageId = textOf(envelope.value(QLatin1String("message_id")));
    e.data = inner.value(QLatin1String("data"));
    const QJsonObject o = e.data.toObject();
    switch (e.kind) {
    case Kind::StatusLine:
        e.text = textIn(e.data, QLatin1String("description"));
        if (e.text.contains(QLatin1String("{{count}}"))) {
            // Open WebUI's web search: "Searched {{count}} sites", counted from its URLs
            // (or its items), as its web page fills it in.
            const QJsonArray urls = o.value(QLatin1String("urls")).toArray();
            const qsizetype count =
                urls.isEmpty() ? o.value(QLatin1String("items")).toArray().size() : urls.size();
            e.text.replace(QLatin1String("{{count}}"), QString::number(count));
        }
        e.done = o.value(QLatin1String("done")).toBool();
        e.hidden = o.value(QLatin1String("hidden")).toBool();
        break;
    case Kind::Completion:
        readCompletion(e, o);
        break;
    case Kind::Append:
    case Kind::Replace:
        e.text = textIn(e.data, QLatin1String("content"));
        break;
    case Kind::Error:
        e.text = e.data.isString() ? e.data.toString() : errorText(o.value(QLatin1String("error")));
        if (e.text.isEmpty())
            e.text = errorText(e.data);
        break;
    case Kind::Title:
        e.text = textIn(e.data, QLatin1String("title")).trimmed();
        break;
    case Kind::Tags:
        e.tags = tagsIn(e.data);
        break;
    case Kind::Notification:
        e.level = textOf(o.value(QLatin1String("type")));
        if (e.level.isEmpty())
            e.level = QStringLiteral("info");
        e.text = textIn(e.data, QLatin1String("content"));
        break;
    case Kind::Confirmation:
    case Kind::Input:
        e.title = textOf(o.value(QLatin1String("title")));
        e.text = textIn(e.data, QLatin1String("message"));
        e.placeholder = textOf(o.value(QLatin1String("placeholder")));
        e.value = textOf(o.value(QLatin1String("value")));
        break;
    case Kind::Execute:
        e.text = textIn(e.data, QLatin1String("code"));
        break;
    case Kind::Active:
        e.done = !o.value(QLatin1String("active")).toBool();
        break;
    case Kind::Outlet:
        readOutlet(e, o);
        break;
    case Kind::Cancelled:
    case Kind::Other:
        break;
    }
    return e;
}

} // namespace lyss
