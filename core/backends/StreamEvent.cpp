// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/StreamEvent.h"

namespace lyss {

QJsonObject ChatMetrics::toJson() const
{
    QJsonObject o;
    auto put = [&](const char* name, qint64 v) {
        if (v >= 0)
            o.insert(QLatin1String(name), v);
    };
    put("prompt_eval_count", promptTokens);
    put("eval_count", completionTokens);
    put("total_duration", totalDurationNs);
    put("load_duration", loadDurationNs);
    put("prompt_eval_duration", promptEvalDurationNs);
    put("eval_duration", evalDurationNs);
    if (!doneReason.isEmpty())
        o.insert(QStringLiteral("done_reason"), doneReason);
    return o;
}

QString errorMessageFromJson(const QJsonObject& object)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        QString message = e.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = e.value(QLatin1String("content")).toString();
        if (message.isEmpty())
            message = e.value(QLatin1String("type")).toString();
        return message.isEmpty() ? QStringLiteral("unknown error") : message;
    }
    if (object.value(QLatin1String("object")).toString() == QLatin1String("error"))
        return object.value(QLatin1String("message")).toString(QStringLiteral("unknown error"));
    return {};
}

} // namespace lyss
