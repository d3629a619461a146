// SPDX-License-Identifier: GPL-3.0-or-later
// Waiting for asynchronous backend calls and streams in tests.
#pragma once

#include "backends/Backend.h"
#include "backends/ChatRequest.h"
#include "backends/ChatStream.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

namespace lyss::test {

// A request of one question to `model`.
inline ChatRequest request(const QString& model, const QString& prompt)
{
    ChatRequest r;
    r.model = model;
    r.messages = {{Role::User, prompt}};
    return r;
}

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
          const std::function<void(ChatStream*, const StreamResult&)>& onEvents = {},
          int timeoutMs = 60000)
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
    // A real event loop, not QTest::qWaitFor: that sleeps 10 ms between turns, and a
    // stream decoded a slice a turn would crawl.
    bool finished = false;
    QEventLoop loop;
    QObject::connect(stream, &ChatStream::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (stream->outcome() == ChatStream::Outcome::Running)
        loop.exec();
    else
        finished = true;
    const bool ended = finished;
    r.outcome = stream->outcome();
    r.error = ended ? stream->errorText() : QStringLiteral("the stream never finished");
    r.metrics = stream->metrics();
    QObject::disconnect(stream, nullptr, nullptr, nullptr);
    stream->deleteLater();
    return r;
}

} // namespace lyss::test
