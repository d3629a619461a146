// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/SseParser.h"

namespace lyss {

SseParser::SseParser(qsizetype maxEventBytes)
    : m_lines(maxEventBytes)
{
}

void SseParser::feed(QByteArrayView bytes, QList<SseEvent>& events)
{
    if (overflowed())
        return;
    if (!m_started) {
        // The UTF-8 BOM may itself arrive split; hold the first bytes until we know.
        m_bomProbe.append(bytes.data(), bytes.size());
        static const QByteArray bom("\xEF\xBB\xBF");
        if (m_bomProbe.size() < bom.size() && bom.startsWith(m_bomProbe))
            return;
        m_started = true;
        QByteArray first = std::move(m_bomProbe);
        if (first.startsWith(bom))
            first.remove(0, bom.size());
        QList<QByteArray> lines;
        m_lines.feed(first, lines);
        for (const QByteArray& line : lines)
            handleLine(line, events);
        return;
    }
    QList<QByteArray> lines;
    m_lines.feed(bytes, lines);
    for (const QByteArray& line : lines) {
        if (m_overflowed)
            return;
        handleLine(line, events);
    }
}

void SseParser::handleLine(const QByteArray& line, QList<SseEvent>& events)
{
    if (line.isEmpty()) {
        if (m_hasData || !m_errorField.isEmpty())
            events.append(
                {m_type.isEmpty() ? QByteArray("message") : m_type, m_data, m_id, m_errorField});
        m_type.clear();
        m_data.clear();
        m_errorField.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment or keep-alive
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_lines.maxLineBytes()) {
            m_overflowed = true;
            m_data = QByteArray();
            return;
        }
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_type = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_id = value;
    } else if (field == "error") {
        m_errorField = value;
    }
}

} // namespace lyss
