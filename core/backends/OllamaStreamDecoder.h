// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/LineSplitter.h"
#include "backends/StreamEvent.h"
#include "backends/ThinkTagSplitter.h"

#include <QCoreApplication>

namespace lyss {

// Ollama's /api/chat stream: one JSON object per line; message.content and
// message.thinking deltas; a final line with done:true and metrics (each optional);
// {"error": "..."} on any line, including in the middle of a 200 stream.
class OllamaStreamDecoder final : public StreamDecoder {
    Q_DECLARE_TR_FUNCTIONS(OllamaStreamDecoder)

public:
    explicit OllamaStreamDecoder(qsizetype maxLineBytes = LineSplitter::kMaxLineBytes);
    void feed(QByteArrayView bytes, StreamEvents& out) override;
    void finish(StreamEvents& out) override;
    quint64 progress() const override { return m_lines.lineCount(); }

private:
    void handleLine(const QByteArray& line, StreamEvents& out);

    LineSplitter m_lines;
    ThinkTagSplitter m_think;
    bool m_finished = false;
};

} // namespace lyss
