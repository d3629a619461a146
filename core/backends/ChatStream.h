// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "backends/StreamEvent.h"

#include <QObject>
#include <QString>

#include <optional>

namespace lyss {

// One reply being streamed from a model: the decoded events as they arrive, then
// finished() exactly once, complete, failed (with the error in words) or cancelled. The
// events that arrived before a failure are kept. HttpChatStream reads a model server's
// HTTP stream; another kind of backend (a real-time channel, a test) brings its own.
class ChatStream : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Running, Complete, Failed, Cancelled };

    using QObject::QObject;
    ~ChatStream() override;

    // Ends the reply: finished() comes before this returns. As cancelled, or as complete
    // when its text was whole already (only the server's filters' word was awaited).
    virtual void cancel() = 0;
    virtual Outcome outcome() const = 0;
    virtual QString errorText() const = 0;
    virtual ChatMetrics metrics() const = 0;
    virtual QString model() const = 0;
    // Milliseconds from the request to the first content or thinking, -1 if none came.
    virtual qint64 firstTokenMs() const = 0;
    virtual qint64 elapsedMs() const = 0;
    // Read once finished: the server's own last word on the answer, which replaces the
    // text that streamed (Open WebUI's outlet filters rewrote it), or none; and why the
    // server could not be asked for it, if it could not (the reply is then as it streamed).
    virtual std::optional<QString> revisedContent() const { return std::nullopt; }
    virtual QString revisionProblem() const { return {}; }

Q_SIGNALS:
    void eventsReady(const lyss::StreamEvents& events);
    // What the server says it is doing now (a tool, a web search), for the line under the
    // reply; empty: nothing to say. Only some backends say it.
    void progressed(const QString& text);
    void finished();
};

} // namespace lyss
