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
class LineSplitter {
public:
    // Appends every line completed by `bytes` (without its line end) to `lines`.
    void feed(QByteArrayView bytes, QList<QByteArray>& lines);
    // The unterminated rest of the stream, and forget it.
    QByteArray takeRest();
    bool hasRest() const { return !m_buffer.isEmpty(); }

private:
    QByteArray m_buffer;
    bool m_lastWasCr = false;
};

} // namespace lyss
