// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "backends/StreamEvent.h"
#include "store/Message.h"
#include "util/Result.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace lyss {

// One step a reply passes through, at three points: the request before anything is
// stored or sent, each batch of streamed events, and the finished reply before it is
// saved as complete. Each hook answers through `done`, at once or later (a filter in
// another process); the default passes the value on unchanged. Filters are stages.
//
// An error from prepare() blocks the request: nothing is sent, the person's message is
// stored with the error as the reply's. An error from stream() drops that batch; one from
// complete() keeps the reply as it streamed, with the error noted under it.
class ReplyStage {
public:
    virtual ~ReplyStage();
    // Who speaks in an error ("the filter Content guard").
    virtual QString name() const = 0;

    virtual void prepare(ChatRequest request, std::function<void(Result<ChatRequest>)> done);
    virtual void stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done);
    virtual void complete(Message reply, std::function<void(Result<Message>)> done);
    // Whether stream() may be given several pieces at once because it drops a piece it
    // fails on by itself (and fails the whole call only for all of them).
    virtual bool takesPiecesTogether() const { return false; }
};

using ReplyStages = QList<std::shared_ptr<ReplyStage>>;

// Runs `value` through every stage's hook in order; `done` gets the last one's answer, or
// the first error. A stage that answers twice is heard once. `alive` is asked before each
// step: once false (the reply ended meanwhile), the rest is skipped and `done` not called.
template <typename T>
void runStages(
    const ReplyStages& stages, T value,
    std::function<void(ReplyStage&, T, std::function<void(Result<T>)>)> hook,
    std::function<void(Result<T>)> done, std::function<bool()> alive = [] { return true; },
    qsizetype from = 0)
{
    if (!alive())
        return;
    if (from >= stages.size()) {
        done(std::move(value));
        return;
    }
    auto stage = stages[from];
    auto answered = std::make_shared<bool>(false);
    hook(*stage, std::move(value), [stages, hook, done, alive, from, answered](Result<T> result) {
        if (*answered)
            return;
        *answered = true;
        if (!result) {
            if (alive())
                done(result.error()); // a Result of its own: GCC 12 misreads a moved one
            return;
        }
        runStages<T>(stages, std::move(*result), hook, done, alive, from + 1);
    });
}

// Runs a whole text through the stages' stream hook as one piece (the server's final
// text of a reply, in place of what streamed): `done` gets the text as they left it, or an
// error: a stage's, or an empty one when a stage dropped the piece (a filter that fails
// on a piece drops it and goes on).
inline void passWhole(const ReplyStages& stages, const QString& text,
                      std::function<void(Result<QString>)> done, std::function<bool()> alive)
{
    runStages<StreamEvents>(
        stages, {StreamEvent::content(text)},
        [](ReplyStage& stage, StreamEvents e, std::function<void(Result<StreamEvents>)> then) {
            stage.stream(std::move(e), std::move(then));
        },
        [done, text](Result<StreamEvents> events) {
            if (!events)
                return done(events.error());
            QString out;
            bool any = false;
            for (const StreamEvent& e : *events) {
                if (e.kind == StreamEvent::Kind::Content) {
                    out += e.text;
                    any = true;
                }
            }
            if (!any && !text.isEmpty())
                return done(Error{QString()});
            done(out);
        },
        std::move(alive));
}

} // namespace lyss
