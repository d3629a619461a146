// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/LineSplitter.h"

namespace lyss {

LineSplitter::LineSplitter(qsizetype maxLineBytes)
    : m_max(maxLineBytes)
{
}

void LineSplitter::feed(QByteArrayView bytes, QList<QByteArray>& lines)
{
    if (m_overflowed)
        return;
    qsizetype start = 0;
    const qsizetype n = bytes.size();
    const char* data = bytes.data();
    if (m_lastWasCr && n > 0 && data[0] == '\n')
        start = 1; // the \n of a \r\n split across reads
    m_lastWasCr = false;
    for (qsizetype i = start; i < n; ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        if (m_buffer.size() + (i - start) > m_max) {
            overflow();
            return;
        }
        m_buffer.append(data + start, i - start);
        lines.append(std::move(m_buffer));
        m_buffer = QByteArray();
        ++m_lineCount;
        if (c == '\r') {
            if (i + 1 < n && data[i + 1] == '\n')
                ++i;
            else if (i + 1 == n)
                m_lastWasCr = true;
        }
        start = i + 1;
    }
    if (start < n) {
        if (m_buffer.size() + (n - start) > m_max) {
            overflow();
            return;
        }
        m_buffer.append(data + start, n - start);
    }
}

void LineSplitter::overflow()
{
    m_overflowed = true;
    m_buffer = QByteArray(); // gives the memory back
}

QByteArray LineSplitter::takeRest()
{
    QByteArray rest = std::move(m_buffer);
    m_buffer = QByteArray();
    return rest;
}

} // namespace lyss
