// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/LineSplitter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace lyss {

// One server-sent event.
struct SseEvent {
    QByteArray type; // "message" unless an event: field said otherwise
    QByteArray data; // data: lines joined with \n, UTF-8 (decoded by whoever reads it)
    QByteArray id;
    QByteArray errorField; // llama.cpp's non-standard "error:" field, when present
};

// An incremental server-sent events parser following the WHATWG rules: any line end,
// a BOM at the start, comments, one optional space after the colon, several data:
// lines joined with \n, a blank line dispatching, an event cut off at EOF dropped.
//
// One event's data is held to LineSplitter::kMaxLineBytes in all, however many data: lines
// carry it; past that, overflowed() and the rest of the stream is ignored.
class SseParser {
public:
    explicit SseParser(qsizetype maxEventBytes = LineSplitter::kMaxLineBytes);
    qsizetype maxLineBytes() const { return m_lines.maxLineBytes(); }
    void feed(QByteArrayView bytes, QList<SseEvent>& events);
    bool overflowed() const { return m_overflowed || m_lines.overflowed(); }
    // Lines completed so far: progress, even when they are keep-alive comments.
    quint64 lineCount() const { return m_lines.lineCount(); }

private:
    void handleLine(const QByteArray& line, QList<SseEvent>& events);

    LineSplitter m_lines;
    bool m_started = false;
    QByteArray m_bomProbe;
    QByteArray m_type;
    QByteArray m_data;
    QByteArray m_id;
    QByteArray m_errorField;
    bool m_hasData = false;
    bool m_overflowed = false;
};

} // namespace lyss
