// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/ReplyCost.h"
#include "common/ShortDate.h"

#include <QLocale>

#include <algorithm>

namespace lyss {

namespace {
int whole(const QJsonObject& metrics, const char* key)
{
    const QJsonValue v = metrics.value(QLatin1String(key));
    return v.isDouble() && v.toDouble() >= 0 ? static_cast<int>(v.toDouble()) : -1;
}

QString seconds(int ms)
{
    return QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 2 : 1);
}
} // namespace

ReplyCost ReplyCost::fromMetrics(const QJsonObject& metrics)
{
    ReplyCost c;
    c.server = metrics.value(QLatin1String("server")).toString();
    c.tokens = whole(metrics, "tokens");
    if (c.tokens < 0)
        c.tokens = whole(metrics, "eval_count"); // imported, or from an older Lyss
    const QJsonValue tps = metrics.value(QLatin1String("tokens_per_second"));
    if (tps.isDouble() && tps.toDouble() > 0)
        c.tokensPerSecond = static_cast<float>(tps.toDouble());
    c.firstTokenMs = whole(metrics, "ttft_ms");
    c.totalMs = whole(metrics, "total_ms");
    c.continued = std::max(0, whole(metrics, "continued"));
    c.continuedWith = metrics.value(QLatin1String("continued_with")).toString();
    return c;
}

QString ReplyCost::compact() const
{
    QStringList parts;
    if (tokens >= 0)
        parts << tr("%1 tokens").arg(QLocale().toString(tokens));
    if (tokensPerSecond > 0)
        parts << tr("%1 tokens/s").arg(QLocale().toString(tokensPerSecond, 'f', 1));
    else if (totalMs >= 0)
        parts << tr("%1 s").arg(seconds(totalMs));
    return parts.join(QStringLiteral(" · "));
}

QString ReplyCost::details(const QString& model, qint64 createdAt) const
{
    QStringList lines;
    // The server is the one of the last stream: with another model, that one's.
    if (!model.isEmpty())
        lines << (server.isEmpty() || !continuedWith.isEmpty()
                      ? tr("Model: %1").arg(model)
                      : tr("Model: %1 on %2").arg(model, server));
    if (!continuedWith.isEmpty())
        lines << (server.isEmpty() ? tr("Continued with %1").arg(continuedWith)
                                   : tr("Continued with %1 on %2").arg(continuedWith, server));
    else if (continued > 0)
        lines << tr("Continued %n time(s)", nullptr, continued);
    lines << tr("Written: %1")
                 .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(createdAt),
                                         QLocale::LongFormat));
    if (tokens >= 0)
        lines << tr("Tokens: %1").arg(QLocale().toString(tokens));
    if (tokensPerSecond > 0)
        lines << tr("Speed: %1 tokens/s").arg(QLocale().toString(tokensPerSecond, 'f', 1));
    if (firstTokenMs >= 0)
        lines << tr("First token after: %1 s").arg(seconds(firstTokenMs));
    if (totalMs >= 0)
        lines << tr("Total time: %1 s").arg(seconds(totalMs));
    return lines.join(QLatin1Char('\n'));
}

QString ReplyCost::when(qint64 createdAt, const QDateTime& now)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(createdAt);
    const QString time = shortdate::time(at.time());
    if (at.date() == now.date())
        return time;
    return shortdate::day(at.date(), now.date()) + QLatin1Char(' ') + time;
}

} // namespace lyss
