// SPDX-License-Identifier: GPL-3.0-or-later
// Waiting for asynchronous backend calls and streams in tests.
#pragma once

#include "backends/Backend.h"
#include "backends/ChatStream.h"

#include <QTest>

#include <functional>
#include <optional>

namespace lyss::test {

// Starts an asynchronous call and waits (up to 30 s) for its callback.
template <typename T>
Result<T> wait(const std::function<void(Backend::Callback<T>)>& start)
{
    std::optional<Result<T>> result;
    start([&](Result<T> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{QStringLiteral("timed out waiting for the callback")};
    return std::move(*result);
}

struct StreamResult {
    QString content;
    QString thinking;
    ChatStream::Outcome outcome = ChatStream::Outcome::Running;
    QString error;
    ChatMetrics metrics;
    int reads = 0;
};

// Runs a stream to its end. `onEvents` may act on the stream mid-way (cancel it).
inline StreamResult
runStream(ChatStream* stream,
          const std::function<void(ChatStream*, const StreamResult&)>& onEvents = {})
{
    StreamResult r;
    QObject::connect(stream, &ChatStream::eventsReady, stream, [&](const StreamEvents& events) {
        ++r.reads;
        for (const StreamEvent& e : events) {
            if (e.kind == StreamEvent::Kind::Content)
                r.content += e.text;
            else if (e.kind == StreamEvent::Kind::Thinking)
                r.thinking += e.text;
        }
        if (onEvents)
            onEvents(stream, r);
    });
    bool finished = false;
    QObject::connect(stream, &ChatStream::finished, stream, [&] { finished = true; });
    const bool ended = QTest::qWaitFor([&] { return finished; }, 60000);
    r.outcome = stream->outcome();
    r.error = ended ? stream->errorText() : QStringLiteral("the stream never finished");
    r.metrics = stream->metrics();
    QObject::disconnect(stream, nullptr, nullptr, nullptr);
    stream->deleteLater();
    return r;
}

} // namespace lyss::test
