// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ChatRequest.h"

namespace lyss {

QJsonObject ChatOptions::toJson() const
{
    QJsonObject o;
    if (!systemPrompt.isEmpty())
        o.insert(QStringLiteral("system"), systemPrompt);
    if (temperature)
        o.insert(QStringLiteral("temperature"), *temperature);
    if (contextLength)
        o.insert(QStringLiteral("num_ctx"), *contextLength);
    if (seed)
        o.insert(QStringLiteral("seed"), *seed);
    if (!keepAlive.isEmpty())
        o.insert(QStringLiteral("keep_alive"), keepAlive);
    if (think)
        o.insert(QStringLiteral("think"), *think);
    if (filterIds)
        o.insert(QStringLiteral("filter_ids"), QJsonArray::fromStringList(*filterIds));
    if (!serverToolsOff.isEmpty())
        o.insert(QStringLiteral("server_tools_off"), QJsonArray::fromStringList(serverToolsOff));
    return o;
}

ChatOptions ChatOptions::fromJson(const QJsonObject& o)
{
    ChatOptions c;
    c.systemPrompt = o.value(QLatin1String("system")).toString();
    if (o.value(QLatin1String("temperature")).isDouble())
        c.temperature = o.value(QLatin1String("temperature")).toDouble();
    if (o.value(QLatin1String("num_ctx")).isDouble())
        c.contextLength = o.value(QLatin1String("num_ctx")).toInt();
    if (o.value(QLatin1String("seed")).isDouble())
        c.seed = o.value(QLatin1String("seed")).toInteger();
    c.keepAlive = o.value(QLatin1String("keep_alive")).toString();
    if (o.value(QLatin1String("think")).isBool())
        c.think = o.value(QLatin1String("think")).toBool();
    if (const QJsonValue ids = o.value(QLatin1String("filter_ids")); ids.isArray()) {
        QStringList list;
        for (const QJsonValue& id : ids.toArray())
            if (id.isString() && !list.contains(id.toString()))
                list << id.toString();
        c.filterIds = list;
    }
    for (const QJsonValue& id : o.value(QLatin1String("server_tools_off")).toArray())
        if (id.isString() && !c.serverToolsOff.contains(id.toString()))
            c.serverToolsOff << id.toString();
    return c;
}

QJsonArray ChatRequest::messagesJson() const
{
    QJsonArray out;
    if (!options.systemPrompt.isEmpty())
        out.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                               {QStringLiteral("content"), options.systemPrompt}});
    for (const ChatTurn& t : messages)
        out.append(QJsonObject{{QStringLiteral("role"), roleName(t.role)},
                               {QStringLiteral("content"), t.content}});
    return out;
}

} // namespace lyss
