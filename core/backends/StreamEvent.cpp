// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/StreamEvent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

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

QString errorMessageFromBody(const QJsonObject& object)
{
    if (QString message = errorMessageFromJson(object); !message.isEmpty())
        return message;
    // FastAPI's (Open WebUI's, a Pipelines server's): {"detail": "..."}, or a list of
    // {"msg": ...} when the request did not validate.
    const QJsonValue detail = object.value(QLatin1String("detail"));
    if (detail.isString())
        return detail.toString();
    QStringList messages;
    for (const QJsonValue& d : detail.toArray())
        messages << d.toObject().value(QLatin1String("msg")).toString();
    messages.removeAll(QString());
    return messages.join(QStringLiteral("; "));
}

QString lineTooLongMessage(qsizetype maxBytes)
{
    return QCoreApplication::translate(
               "StreamDecoder",
               "The server sent a line of more than %1 without ending it, so Lyss stopped "
               "reading: no model writes that, and reading on would fill the memory. What "
               "arrived before it is kept.")
        .arg(maxBytes % (1024 * 1024) == 0 ? QStringLiteral("%1 MiB").arg(maxBytes / (1024 * 1024))
                                           : QStringLiteral("%1 bytes").arg(maxBytes));
}

QString notAJsonObjectMessage(const QByteArray& text, bool event)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    const QString shown = QString::fromUtf8(text.left(200));
    if (parseError.error != QJsonParseError::NoError)
        return event ? QCoreApplication::translate(
                           "StreamDecoder",
                           "The server sent an event that is not JSON (%1), where a model "
                           "stream has one JSON object per event: %2")
                           .arg(parseError.errorString(), shown)
                     : QCoreApplication::translate(
                           "StreamDecoder",
                           "The server sent a line that is not JSON (%1), where a model stream "
                           "has one JSON object per line: %2")
                           .arg(parseError.errorString(), shown);
    const QString found = doc.isArray() ? QCoreApplication::translate("StreamDecoder", "an array")
                                        : QCoreApplication::translate("StreamDecoder", "a value");
    return event ? QCoreApplication::translate("StreamDecoder",
                                               "The server sent an event that is JSON but %1, "
                                               "where a model stream has one JSON object per "
                                               "event: %2")
                       .arg(found, shown)
                 : QCoreApplication::translate("StreamDecoder",
                                               "The server sent a line that is JSON but %1, "
                                               "where a model stream has one JSON object per "
                                               "line: %2")
                       .arg(found, shown);
}

} // namespace lyss
