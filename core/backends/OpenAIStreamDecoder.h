// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/SseParser.h"
#include "backends/StreamEvent.h"
#include "backends/ThinkTagSplitter.h"

#include <QCoreApplication>

namespace lyss {

// OpenAI-compatible chat completion streams (SSE): choices[0].delta.content, reasoning
// as reasoning_content (llama.cpp, DeepSeek, vLLM), reasoning (Ollama /v1) or inline
// <think>; finish_reason; the usage chunk; data: [DONE]. Errors as data: {"error":..},
// event: error, or llama.cpp's old "error:" field.
class OpenAIStreamDecoder final : public StreamDecoder {
    Q_DECLARE_TR_FUNCTIONS(OpenAIStreamDecoder)

public:
    explicit OpenAIStreamDecoder(qsizetype maxLineBytes = LineSplitter::kMaxLineBytes);
    void feed(QByteArrayView bytes, StreamEvents& out) override;
    void finish(StreamEvents& out) override;
    quint64 progress() const override { return m_sse.lineCount(); }

private:
    void handleEvent(const SseEvent& event, StreamEvents& out);
    void fail(const QString& message, StreamEvents& out);

    SseParser m_sse;
    ThinkTagSplitter m_think;
    ChatMetrics m_metrics;
    bool m_finished = false;
};

} // namespace lyss
