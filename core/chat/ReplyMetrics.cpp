// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ReplyMetrics.h"

#include "backends/ChatStream.h"

#include <cmath>

namespace lyss {

QJsonObject ReplyMetrics::continued(const QJsonObject& before, const QJsonObject& added)
{
    const auto tokensOf = [](const QJsonObject& m) {
        return m.contains(QStringLiteral("tokens"))
                   ? m.value(QStringLiteral("tokens")).toInteger()
                   : m.value(QStringLiteral("eval_count")).toInteger();
    };
    const qint64 newTokens = tokensOf(added);
    if (newTokens <= 0 && !before.isEmpty())
        return before;
    QJsonObject m = before;
    for (auto it = added.begin(); it != added.end(); ++it) {
        const QString& key = it.key();
        if (key == QLatin1String("total_ms") || key == QLatin1String("thinking_ms"))
            m.insert(key, before.value(key).toInteger() + it.value().toInteger());
        else if (key == QLatin1String("ttft_ms") && before.contains(key))
            continue; // the wait for the reply's first word
        else if (key != QLatin1String("tokens"))
            m.insert(key, it.value());
    }
    m.insert(QStringLiteral("tokens"), tokensOf(before) + newTokens);
    m.insert(QStringLiteral("continued"), before.value(QStringLiteral("continued")).toInt() + 1);
    return m;
}

QJsonObject ReplyMetrics::measured(const ChatStream* stream, const Seen& seen)
{
    QJsonObject m = stream ? stream->metrics().toJson() : QJsonObject();
    if (!seen.server.isEmpty())
        m.insert(QStringLiteral("server"), seen.server);
    if (!stream)
        return m;
    const qint64 total = stream->elapsedMs();
    const qint64 first = stream->firstTokenMs();
    m.insert(QStringLiteral("total_ms"), total);
    if (seen.thinkingStartMs >= 0) // how long the model reasoned before answering
        m.insert(QStringLiteral("thinking_ms"),
                 (seen.thinkingEndMs >= 0 ? seen.thinkingEndMs : total) - seen.thinkingStartMs);
    if (first >= 0)
        m.insert(QStringLiteral("ttft_ms"), first);
    // Tokens and speed: the server's own count where it gives one, else what we saw.
    const ChatMetrics server = stream->metrics();
    const qint64 tokens = server.completionTokens >= 0 ? server.completionTokens : seen.deltas;
    m.insert(QStringLiteral("tokens"), tokens);
    double tps = 0;
    if (server.completionTokens > 0 && server.evalDurationNs > 0)
        tps = double(server.completionTokens) * 1e9 / double(server.evalDurationNs);
    else if (first >= 0 && total > first && tokens > 1)
        tps = double(tokens - 1) * 1000.0 / double(total - first);
    if (tps > 0)
        m.insert(QStringLiteral("tokens_per_second"), std::round(tps * 100.0) / 100.0);
    return m;
}

} // namespace lyss
