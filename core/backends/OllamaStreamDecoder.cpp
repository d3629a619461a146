// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OllamaStreamDecoder.h"

#include <QJsonDocument>

namespace lyss {

OllamaStreamDecoder::OllamaStreamDecoder(qsizetype maxLineBytes)
    : m_lines(maxLineBytes)
{
}

void OllamaStreamDecoder::feed(QByteArrayView bytes, StreamEvents& out)
{
    if (m_finished)
        return;
    QList<QByteArray> lines;
    m_lines.feed(bytes, lines);
    for (const QByteArray& line : lines) {
        if (m_finished)
            return;
        handleLine(line, out);
    }
    if (m_lines.overflowed() && !m_finished) {
        m_finished = true;
        m_think.finish(out);
        out.append(StreamEvent::error(lineTooLongMessage(m_lines.maxLineBytes())));
    }
}

void OllamaStreamDecoder::handleLine(const QByteArray& line, StreamEvents& out)
{
    if (line.trimmed().isEmpty())
        return;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_finished = true;
        m_think.finish(out);
        out.append(StreamEvent::error(notAJsonObjectMessage(line, false)));
        return;
    }
    const QJsonObject o = doc.object();
    if (const QString error = errorMessageFromJson(o); !error.isEmpty()) {
        m_finished = true;
        m_think.finish(out);
        out.append(StreamEvent::error(error));
        return;
    }
    const QJsonObject message = o.value(QLatin1String("message")).toObject();
    if (const QString thinking = message.value(QLatin1String("thinking")).toString();
        !thinking.isEmpty())
        out.append(StreamEvent::thinking(thinking));
    m_think.feed(message.value(QLatin1String("content")).toString(), out);
    if (o.value(QLatin1String("done")).toBool()) {
        m_finished = true;
        m_think.finish(out);
        ChatMetrics m;
        auto num = [&](const char* key) {
            const QJsonValue v = o.value(QLatin1String(key));
            return v.isDouble() ? static_cast<qint64>(v.toDouble()) : -1;
        };
        m.promptTokens = num("prompt_eval_count");
        m.completionTokens = num("eval_count");
        m.totalDurationNs = num("total_duration");
        m.loadDurationNs = num("load_duration");
        m.promptEvalDurationNs = num("prompt_eval_duration");
        m.evalDurationNs = num("eval_duration");
        m.doneReason = o.value(QLatin1String("done_reason")).toString();
        out.append(StreamEvent::done(m));
    }
}

void OllamaStreamDecoder::finish(StreamEvents& out)
{
    if (m_finished)
        return;
    // A last line without its newline still counts; half a line means the cut came
    // mid-line, which is said below.
    if (const QByteArray rest = m_lines.takeRest();
        !rest.trimmed().isEmpty() && QJsonDocument::fromJson(rest).isObject())
        handleLine(rest, out);
    if (m_finished)
        return;
    m_finished = true;
    m_think.finish(out);
    out.append(StreamEvent::error(
        tr("The connection closed before the reply was complete; what arrived is kept.")));
}

} // namespace lyss
