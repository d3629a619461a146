// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenAIStreamDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lyss {

OpenAIStreamDecoder::OpenAIStreamDecoder(qsizetype maxLineBytes)
    : m_sse(maxLineBytes)
{
}

void OpenAIStreamDecoder::feed(QByteArrayView bytes, StreamEvents& out)
{
    if (m_finished)
        return;
    QList<SseEvent> events;
    m_sse.feed(bytes, events);
    for (const SseEvent& e : events) {
        if (m_finished)
            return;
        handleEvent(e, out);
    }
    if (m_sse.overflowed() && !m_finished)
        fail(lineTooLongMessage(m_sse.maxLineBytes()), out);
}

void OpenAIStreamDecoder::fail(const QString& message, StreamEvents& out)
{
    m_finished = true;
    m_think.finish(out);
    out.append(StreamEvent::error(message));
}

void OpenAIStreamDecoder::handleEvent(const SseEvent& event, StreamEvents& out)
{
    auto messageOf = [](const QByteArray& bytes) {
        const QString text = QString::fromUtf8(bytes);
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        const QString m = doc.isObject() ? errorMessageFromJson(doc.object()) : QString();
        if (!m.isEmpty())
            return m;
        if (doc.isObject() && doc.object().value(QLatin1String("message")).isString())
            return doc.object().value(QLatin1String("message")).toString();
        return text.trimmed();
    };
    if (!event.errorField.isEmpty()) {
        // {"code":..,"message":..} straight in the field, or wrapped in {"error":..}.
        const QJsonDocument doc = QJsonDocument::fromJson(event.errorField);
        QString m =
            doc.isObject() ? doc.object().value(QLatin1String("message")).toString() : QString();
        fail(m.isEmpty() ? messageOf(event.errorField) : m, out);
        return;
    }
    if (event.type == "error") {
        fail(messageOf(event.data), out);
        return;
    }
    if (event.data.trimmed() == "[DONE]") {
        m_finished = true;
        m_think.finish(out);
        out.append(StreamEvent::done(m_metrics));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(notAJsonObjectMessage(event.data, true), out);
        return;
    }
    const QJsonObject o = doc.object();
    if (const QString error = errorMessageFromJson(o); !error.isEmpty()) {
        fail(error, out);
        return;
    }
    const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        for (const char* key : {"reasoning_content", "reasoning"}) {
            if (const QString r = delta.value(QLatin1String(key)).toString(); !r.isEmpty())
                out.append(StreamEvent::thinking(r));
        }
        m_think.feed(delta.value(QLatin1String("content")).toString(), out);
        if (const QString reason = choice.value(QLatin1String("finish_reason")).toString();
            !reason.isEmpty())
            m_metrics.doneReason = reason;
    }
    const QJsonObject usage = o.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        m_metrics.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger(-1);
        m_metrics.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger(-1);
    }
    // llama.cpp reports its own timings on the last chunk.
    const QJsonObject timings = o.value(QLatin1String("timings")).toObject();
    if (!timings.isEmpty()) {
        if (timings.contains(QLatin1String("predicted_ms")))
            m_metrics.evalDurationNs =
                static_cast<qint64>(timings.value(QLatin1String("predicted_ms")).toDouble() * 1e6);
        if (timings.contains(QLatin1String("prompt_ms")))
            m_metrics.promptEvalDurationNs =
                static_cast<qint64>(timings.value(QLatin1String("prompt_ms")).toDouble() * 1e6);
        if (m_metrics.completionTokens < 0 && timings.contains(QLatin1String("predicted_n")))
            m_metrics.completionTokens = timings.value(QLatin1String("predicted_n")).toInteger(-1);
    }
}

void OpenAIStreamDecoder::finish(StreamEvents& out)
{
    if (m_finished)
        return;
    // Some servers end after the finish_reason chunk without [DONE]: that reply is whole.
    if (!m_metrics.doneReason.isEmpty()) {
        m_finished = true;
        m_think.finish(out);
        out.append(StreamEvent::done(m_metrics));
        return;
    }
    fail(tr("The connection closed before the reply was complete; what arrived is kept."), out);
}

} // namespace lyss
