// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ActiveReply.h"

#include "store/ChatRepository.h"
#include "util/Log.h"

#include <cmath>

namespace lyss {

ActiveReply::ActiveReply(ChatRepository& chats, Message row, ChatStream* stream, QObject* parent)
    : QObject(parent)
    , m_chats(chats)
    , m_row(std::move(row))
    , m_stream(stream)
{
    m_sinceCheckpoint.start();
    m_checkpointTimer.setSingleShot(true);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &ActiveReply::checkpoint);
    m_retryTimer.setInterval(kSaveRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { (void)retrySave(); });
    connect(stream, &ChatStream::eventsReady, this, &ActiveReply::onEvents);
    connect(stream, &ChatStream::finished, this, [this] {
        // Saving the end indexes the whole reply for search (milliseconds for a long one):
        // on a turn of the event loop of its own, not on the one that decoded the last
        // bytes. Stopping saves at once, so the text is stored when cancel() returns.
        if (m_stream && m_stream->outcome() == ChatStream::Outcome::Cancelled)
            onStreamFinished();
        else
            QMetaObject::invokeMethod(this, &ActiveReply::onStreamFinished, Qt::QueuedConnection);
    });
}

void ActiveReply::onEvents(const StreamEvents& events)
{
    const qint64 now = m_stream ? m_stream->elapsedMs() : 0;
    for (const StreamEvent& e : events) {
        if (e.kind == StreamEvent::Kind::Content) {
            m_row.content += e.text;
            if (m_thinkingStartMs >= 0 && m_thinkingEndMs < 0)
                m_thinkingEndMs = now;
        } else if (e.kind == StreamEvent::Kind::Thinking) {
            m_row.thinking += e.text;
            if (m_thinkingStartMs < 0)
                m_thinkingStartMs = now;
        }
        ++m_deltas;
    }
    m_dirty = true;
    // At most one write a second, and the last text of a pause is saved within one.
    if (m_sinceCheckpoint.elapsed() >= kCheckpointIntervalMs)
        checkpoint();
    else if (!m_checkpointTimer.isActive())
        m_checkpointTimer.start(kCheckpointIntervalMs -
                                static_cast<int>(m_sinceCheckpoint.elapsed()));
    Q_EMIT updated(events);
}

void ActiveReply::checkpoint()
{
    m_checkpointTimer.stop();
    if (!m_dirty || isFinished())
        return;
    m_dirty = false;
    m_sinceCheckpoint.restart();
    ++m_writes;
    if (Status st = m_chats.checkpointMessage(m_row.id, m_row.content, m_row.thinking); !st.ok()) {
        qCWarning(lcStore) << "checkpoint failed:" << st.errorMessage();
        m_dirty = true; // tried again at the next checkpoint; the text stays here meanwhile
        setSaveProblem(st.errorMessage());
    } else {
        setSaveProblem({});
    }
}

void ActiveReply::setSaveProblem(const QString& problem)
{
    if (problem == m_saveProblem)
        return;
    m_saveProblem = problem;
    if (problem.isEmpty())
        m_retryTimer.stop();
    else if (m_finalSavePending)
        m_retryTimer.start();
    Q_EMIT saveStateChanged(problem);
}

Status ActiveReply::retrySave()
{
    if (!m_finalSavePending) {
        if (!isFinished() && m_dirty)
            checkpoint();
        return m_saveProblem.isEmpty() ? Status() : Status(Error{m_saveProblem});
    }
    ++m_writes;
    Status st = m_chats.finishMessage(m_row);
    if (!st.ok()) {
        qCWarning(lcStore) << "saving the reply failed again:" << st.errorMessage();
        setSaveProblem(st.errorMessage());
        return st;
    }
    m_finalSavePending = false;
    setSaveProblem({});
    return {};
}

QJsonObject ActiveReply::measuredMetrics() const
{
    QJsonObject m = m_stream ? m_stream->metrics().toJson() : QJsonObject();
    if (!m_stream)
        return m;
    const qint64 total = m_stream->elapsedMs();
    const qint64 first = m_stream->firstTokenMs();
    m.insert(QStringLiteral("total_ms"), total);
    if (m_thinkingStartMs >= 0) // how long the model reasoned before answering
        m.insert(QStringLiteral("thinking_ms"),
                 (m_thinkingEndMs >= 0 ? m_thinkingEndMs : total) - m_thinkingStartMs);
    if (first >= 0)
        m.insert(QStringLiteral("ttft_ms"), first);
    // Tokens and speed: the server's own count where it gives one, else what we saw.
    const ChatMetrics server = m_stream->metrics();
    const qint64 tokens = server.completionTokens >= 0 ? server.completionTokens : m_deltas;
    m.insert(QStringLiteral("tokens"), tokens);
    double tps = 0;
    if (server.completionTokens > 0 && server.evalDurationNs > 0)
        tps = double(server.completionTokens) * 1e9 / double(server.evalDurationNs);
    else if (first >= 0 && total > first && tokens > 1)
        tps = double(tokens - 1) * 1000.0 / double(total - first);
    if (tps > 0)
        m.insert(QStringLiteral("tokens_per_second"), std::round(tps * 100.0) / 100.0);
    return m;
}

void ActiveReply::onStreamFinished()
{
    if (!m_stream || isFinished())
        return;
    m_checkpointTimer.stop();
    switch (m_stream->outcome()) {
    case ChatStream::Outcome::Complete:
        m_row.status = MessageStatus::Complete;
        break;
    case ChatStream::Outcome::Cancelled:
        m_row.status = MessageStatus::Cancelled;
        break;
    default:
        m_row.status = MessageStatus::Error;
        m_row.error = m_stream->errorText();
        break;
    }
    m_row.metrics = measuredMetrics();
    m_row.streamOwner.clear();
    m_finalSavePending = true;
    ++m_writes;
    if (Status st = m_chats.finishMessage(m_row); !st.ok()) {
        // The whole reply stays here, in memory, and is saved as soon as a write works.
        qCWarning(lcStore) << "saving the reply failed:" << st.errorMessage();
        m_saveProblem.clear(); // announce it even if a checkpoint failed the same way
        setSaveProblem(st.errorMessage());
    } else {
        m_finalSavePending = false;
        setSaveProblem({});
    }
    m_stream->deleteLater();
    Q_EMIT finished();
}

void ActiveReply::cancel()
{
    if (m_stream && !isFinished())
        m_stream->cancel();
}

} // namespace lyss
