// SPDX-License-Identifier: GPL-3.0-or-later
// Reply stages for the tests of the request pipeline: one that rewrites, one that
// refuses, one that is slow, one that fails.
#pragma once

#include "chat/ReplyStage.h"

#include <QTimer>

namespace lyss::test {

// Rewrites: the last message gains a line before it is sent; streamed text is upper-cased;
// the finished reply gains a closing line.
class Rewriter : public ReplyStage {
public:
    QString name() const override { return QStringLiteral("rewriter"); }
    void prepare(ChatRequest r, std::function<void(Result<ChatRequest>)> done) override
    {
        r.messages.last().content += QStringLiteral(" (rewritten)");
        done(std::move(r));
    }
    void stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done) override
    {
        for (StreamEvent& e : events)
            e.text = e.text.toUpper();
        done(std::move(events));
    }
    void complete(Message m, std::function<void(Result<Message>)> done) override
    {
        m.content += QStringLiteral("\n-- checked");
        done(std::move(m));
    }
};

class Refuser : public ReplyStage {
public:
    QString name() const override { return QStringLiteral("refuser"); }
    void prepare(ChatRequest, std::function<void(Result<ChatRequest>)> done) override
    {
        done(Error{QStringLiteral("The filter Guard refused: no questions on Mondays.")});
    }
};

// Answers each hook `ms` later, from the event loop.
class Slow : public ReplyStage {
public:
    explicit Slow(int ms)
        : m_ms(ms)
    {
    }
    QString name() const override { return QStringLiteral("slow"); }
    void prepare(ChatRequest r, std::function<void(Result<ChatRequest>)> done) override
    {
        QTimer::singleShot(m_ms, [r, done] { done(r); });
    }
    void stream(StreamEvents e, std::function<void(Result<StreamEvents>)> done) override
    {
        QTimer::singleShot(m_ms / 10, [e, done] { done(e); });
    }

private:
    int m_ms;
};

// Fails on streamed text that holds `word`, and on every finished reply.
class Failing : public ReplyStage {
public:
    explicit Failing(QString word)
        : m_word(std::move(word))
    {
    }
    QString name() const override { return QStringLiteral("failing"); }
    void stream(StreamEvents e, std::function<void(Result<StreamEvents>)> done) override
    {
        for (const StreamEvent& ev : e) {
            if (ev.text.contains(m_word)) {
                done(Error{QStringLiteral("cannot read that")});
                return;
            }
        }
        done(std::move(e));
    }
    void complete(Message, std::function<void(Result<Message>)> done) override
    {
        done(Error{QStringLiteral("The filter Failing could not check the reply.")});
    }

private:
    QString m_word;
};

// Never answers the hook it is stuck in (stream or complete); says when it was asked.
class Stuck : public ReplyStage {
public:
    enum class In { Stream, Complete };
    explicit Stuck(In in)
        : m_in(in)
    {
    }
    QString name() const override { return QStringLiteral("stuck"); }
    void stream(StreamEvents e, std::function<void(Result<StreamEvents>)> done) override
    {
        if (m_in == In::Stream)
            asked = true;
        else
            done(std::move(e));
    }
    void complete(Message m, std::function<void(Result<Message>)> done) override
    {
        if (m_in == In::Complete)
            asked = true;
        else
            done(std::move(m));
    }
    bool asked = false;

private:
    In m_in;
};

} // namespace lyss::test
