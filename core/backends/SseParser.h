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
class SseParser {
public:
    void feed(QByteArrayView bytes, QList<SseEvent>& events);

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
};

} // namespace lyss
