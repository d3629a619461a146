// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace lyss {

// Cuts a byte stream into lines, whatever the reads were: lines end with \r\n, \n or
// a lone \r, and a \r at the end of one read that meets a \n at the start of the next
// is one line end. Lines are returned as bytes, so a UTF-8 character split across
// reads is whole by the time anyone decodes it.
//
// A line longer than the limit is not kept: a server that never ends a line would
// otherwise fill the memory. Once that happens the splitter says overflowed() and
// ignores the rest of the stream.
class LineSplitter {
public:
    // No model writes a line (one NDJSON object, one SSE field) this long: the longest
    // real ones are a few hundred KiB (a base64 image in a chunk). Far beyond it is a
    // broken or hostile server.
    static constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;

    explicit LineSplitter(qsizetype maxLineBytes = kMaxLineBytes);

    // Appends every line completed by `bytes` (without its line end) to `lines`.
    void feed(QByteArrayView bytes, QList<QByteArray>& lines);
    // The unterminated rest of the stream, and forget it.
    QByteArray takeRest();
    bool hasRest() const { return !m_buffer.isEmpty(); }
    // A line passed the limit; nothing more is read.
    bool overflowed() const { return m_overflowed; }
    qsizetype maxLineBytes() const { return m_max; }
    // Lines completed so far: what counts as progress on a stream.
    quint64 lineCount() const { return m_lineCount; }

private:
    void overflow();

    QByteArray m_buffer;
    qsizetype m_max;
    quint64 m_lineCount = 0;
    bool m_lastWasCr = false;
    bool m_overflowed = false;
};

} // namespace lyss
