// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/StreamEvent.h"

namespace lyss {

// Separates inline reasoning, <think>…</think> at the start of a reply, from the
// answer, however the tags are split across deltas. Text that does not start with
// <think> passes through untouched, so an answer that talks about the tag is safe.
class ThinkTagSplitter {
public:
    void feed(const QString& content, StreamEvents& out);
    // End of stream: whatever was held back goes out as what it turned out to be.
    void finish(StreamEvents& out);

private:
    enum class State { Start, Thinking, Answer };
    void push(StreamEvent::Kind kind, const QString& text, StreamEvents& out);

    State m_state = State::Start;
    QString m_pending;
    bool m_afterClose = false; // drop the newlines that follow </think>
};

} // namespace lyss
