// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ReplyMetrics.h"

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

} // namespace lyss
