// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ActiveReply.h"

#include "backends/Backend.h"
#include "chat/ReplyMetrics.h"
#include "store/MessageTree.h"
#include "util/Log.h"
#include "util/Sentences.h"

namespace lyss {

ActiveReply::ActiveReply(MessageTree& messages, NewTurn turn, Backend* backend, ChatRequest request,
                         QObject* parent)
    : QObject(parent)
    , m_messages(messages)
    , m_turn(std::move(turn))
    , m_row(m_turn.reply)
    , m_backend(backend)
    , m_backendName(backend ? backend->name() : QString())
    , m_request(std::move(request))
{
    if (m_turn.reopened) {
        m_contentBefore = m_row.content;
        m_statusBefore = m_row.status;
        m_errorBefore = m_row.error;
        m_metricsBefore = m_row.metrics;
        m_modelBefore = m_row.model;
        m_row.error.clear();
    }
    m_row.status = MessageStatus::Streaming;
    m_checkpointTimer.setSingleShot(true);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &ActiveReply::checkpoint);
    m_retryTimer.setInterval(kSaveRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { (void)retrySave(); });
}

void ActiveReply::begin(const ReplyStages& stages)
{
    if (m_phase != Phase::Created)
        return;
    m_stages = stages;
    m_phase = Phase::Preparing;
    QPointer<ActiveReply> self(this);
    runStages<ChatRequest>(
        m_stages, m_request,
        [](ReplyStage& stage, ChatRequest r, std::function<void(Result<ChatRequest>)> done) {
            stage.prepare(std::move(r), std::move(done));
        },
        [self](Result<ChatRequest> r) {
            if (self)
                self->onPrepared(std::move(r));
        },
        [self] { return self && self->alive(Phase::Preparing); });
}

void ActiveReply::onPrepared(Result<ChatRequest> request)
{
    if (!request) {
        // Refused: nothing is sent; the person's message is kept, with the refusal.
        endUnsent(MessageStatus::Error, request.errorMessage());
        return;
    }
    m_request = std::move(*request);
    if (!m_backend) {
        endUnsent(MessageStatus::Error, tr("The server of this reply is gone."));
        return;
    }
    if (m_turn.reopened && !continuesAsRead()) {
        endNotContinued(tr("A filter changed the reply being continued: use Retry for a new "
                           "one."));
        return;
    }
    ++m_writes;
    if (Status st = m_messages.addTurn(m_turn); !st.ok() && m_turn.reopened) {
        qCWarning(lcStore) << "reopening the reply failed:" << st.errorMessage();
        endNotContinued(st.errorMessage());
        return;
    } else if (!st.ok()) {
        qCWarning(lcStore) << "storing the turn failed:" << st.errorMessage();
        endUnsent(MessageStatus::Error, tr("Nothing was sent: %1").arg(st.errorMessage()));
        return;
    }
    m_turnStored = true;
    m_sent = true;
    Q_EMIT started();
    // The server's key, if it has one in the keyring, without waiting for the keyring; a
    // reply stopped meanwhile is not sent.
    m_backend->whenKeyRead(this, [this] {
        if (m_phase == Phase::Preparing)
            send();
    });
}

void ActiveReply::send()
{
    if (!m_backend) {
        endUnsent(MessageStatus::Error, tr("The server of this reply is gone."));
        return;
    }
    m_phase = Phase::Streaming;
    m_sinceCheckpoint.start();
    m_request.chatId = m_row.chatId;
    m_stream = m_backend->chat(m_request);
    connect(m_stream, &ChatStream::eventsReady, this, &ActiveReply::onStreamEvents);
    connect(m_stream, &ChatStream::progressed, this, &ActiveReply::setProgress);
    connect(m_stream, &ChatStream::finished, this, [this] {
        // Saving the end indexes the whole reply for search (milliseconds for a long one):
        // on a turn of the event loop of its own, not on the one that decoded the last
        // bytes. Stopping saves at once, so the text is stored when cancel() returns.
        if (m_stopping || (m_stream && m_stream->outcome() == ChatStream::Outcome::Cancelled))
            onStreamFinished();
        else
            QMetaObject::invokeMethod(this, &ActiveReply::onStreamFinished, Qt::QueuedConnection);
    });
}

void ActiveReply::endUnsent(MessageStatus status, const QString& error)
{
    if (m_turn.reopened && !m_turnStored) {
        endNotContinued(status == MessageStatus::Cancelled && error.isEmpty()
                            ? tr("Stopped before it was sent.")
                            : error);
        return;
    }
    m_phase = Phase::Finished;
    m_row.status = status;
    m_row.error = error;
    m_row.streamOwner.clear();
    m_finalSavePending = true;
    if (Status st = writeFinal(); !st.ok()) {
        qCWarning(lcStore) << "saving the unsent reply failed:" << st.errorMessage();
        m_saveProblem.clear();
        setSaveProblem(st.errorMessage());
    } else {
        m_finalSavePending = false;
        setSaveProblem({});
    }
    Q_EMIT finished();
}

bool ActiveReply::continuesAsRead() const
{
    return !m_request.messages.isEmpty() && m_request.messages.last().role == Role::Assistant &&
           m_request.messages.last().content == m_row.content;
}

void ActiveReply::endNotContinued(const QString& reason)
{
    // Nothing was reopened: nothing is written (another Lyss may be continuing the reply),
    // and the reply is as it was, with why it was not continued said beside it.
    m_phase = Phase::Finished;
    m_row.status = m_statusBefore;
    m_row.error = m_errorBefore;
    m_row.streamOwner.clear();
    m_notContinued = reason.isEmpty() ? tr("It was not continued.") : reason;
    Q_EMIT finished();
}

Status ActiveReply::writeFinal()
{
    ++m_writes;
    if (m_turnStored || m_turn.reopened) // a continued reply is stored already
        return m_messages.finishMessage(m_row);
    // Never stored: the whole turn, as it ended, in one go.
    Status st = m_messages.addTurn(m_turn);
    if (st.ok())
        m_turnStored = true;
    return st;
}

void ActiveReply::onStreamEvents(const StreamEvents& events)
{
    if (m_stages.isEmpty()) {
        apply(events);
        return;
    }
    m_queued.append(events);
    passNextBatch();
}

void ActiveReply::passNextBatch()
{
    // One batch in the stages at a time, so that the text keeps its order.
    if (m_pass)
        return;
    if (m_queued.isEmpty()) {
        if (m_streamEnded)
            complete();
        return;
    }
    m_pass = std::make_shared<Pass>();
    m_pass->batch = m_queued.takeFirst();
    passEvents();
}

void ActiveReply::passEvents()
{
    // Each event through the stages on its own (a stage that fails drops that event only),
    // in a loop while the stages answer at once, from a stage's answer when it comes later.
    // Stages that drop a failed piece themselves take up to kPiecesTogether at a time (a
    // filter process then works through them without waiting for Lyss between two). What
    // passed is shown as it passes, not when the whole batch has.
    const std::shared_ptr<Pass> pass = m_pass;
    QPointer<ActiveReply> self(this);
    const bool together = std::all_of(m_stages.begin(), m_stages.end(),
                                      [](const auto& s) { return s->takesPiecesTogether(); });
    while (pass->next < pass->batch.size()) {
        const qsizetype count =
            together ? std::min<qsizetype>(kPiecesTogether, pass->batch.size() - pass->next) : 1;
        auto inLoop = std::make_shared<bool>(true);
        auto answered = std::make_shared<bool>(false);
        runStages<StreamEvents>(
            m_stages, pass->batch.mid(pass->next, count),
            [](ReplyStage& stage, StreamEvents e, std::function<void(Result<StreamEvents>)> done) {
                stage.stream(std::move(e), std::move(done));
            },
            [self, pass, inLoop, answered, count](Result<StreamEvents> events) {
                if (!self || self->m_pass != pass)
                    return;
                if (!events) // dropped; the reply goes on
                    qCWarning(lcNet) << "a stage dropped streamed text:" << events.errorMessage();
                pass->next += count;
                *answered = true;
                if (events && !events->isEmpty())
                    self->apply(*events);
                if (!*inLoop)
                    self->passEvents();
            },
            [self] { return self && self->alive(Phase::Streaming); });
        *inLoop = false;
        if (!*answered)
            return; // a stage answers later, and the pass goes on from there
    }
    m_pass.reset();
    passNextBatch();
}

void ActiveReply::apply(const StreamEvents& events)
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
    if (!m_dirty || !m_turnStored || isFinished())
        return;
    m_dirty = false;
    m_sinceCheckpoint.restart();
    ++m_writes;
    if (Status st = m_messages.checkpointMessage(m_row.id, m_row.content, m_row.thinking);
        !st.ok()) {
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
    Status st = writeFinal();
    if (!st.ok()) {
        qCWarning(lcStore) << "saving the reply failed again:" << st.errorMessage();
        setSaveProblem(st.errorMessage());
        return st;
    }
    m_finalSavePending = false;
    setSaveProblem({});
    return {};
}

void ActiveReply::onStreamFinished()
{
    if (!m_stream || m_phase != Phase::Streaming || m_streamEnded)
        return;
    m_checkpointTimer.stop();
    // What the stream said, kept: the stream may be gone before the stages are done.
    m_streamEnded = true;
    m_outcome = m_stream->outcome();
    m_streamError = m_stream->errorText();
    m_endMetrics = ReplyMetrics::measured(
        m_stream, {m_backendName, m_deltas, m_thinkingStartMs, m_thinkingEndMs});
    m_revised = m_stream->revisedContent();
    m_revisionProblem = m_stream->revisionProblem();
    if (m_outcome == ChatStream::Outcome::Cancelled || m_stopping) {
        // Stopped (a reply whole but for the server's filters' word is complete): what
        // the stages still hold, and the filters' text, are not waited for. If the stages
        // held some of it, the reply is not whole as stored: stopped.
        if (!m_queued.isEmpty() || m_pass)
            m_outcome = ChatStream::Outcome::Cancelled;
        stopStages();
        if (!m_stages.isEmpty()) // their word on the server's final text is not waited for
            m_revised.reset();
        complete();
        return;
    }
    passNextBatch(); // completes once the stages have passed every batch on
}

void ActiveReply::stopStages()
{
    // Stopped: what the stages still hold is not waited for. That text is dropped, not
    // shown unchecked: a stage may be there to keep words off the screen.
    if (!m_queued.isEmpty() || m_pass)
        qCInfo(lcNet) << "stopped with streamed text still in the stages; it is dropped";
    m_queued.clear();
    m_pass.reset();
}

void ActiveReply::complete()
{
    if (m_outcome == ChatStream::Outcome::Complete && m_revised && !m_revised->isEmpty() &&
        !m_revisionPassed && !m_stages.isEmpty() && !m_stopping) {
        // The server's filters rewrote the answer after it streamed (see
        // ChatStream::revisedContent): their text passes the stages as the streamed text
        // did, as one piece, and replaces it.
        m_revisionPassed = true;
        QPointer<ActiveReply> self(this);
        passWhole(
            m_stages, *m_revised,
            [self](Result<QString> text) {
                if (!self)
                    return;
                if (text) {
                    self->m_revised = *text;
                } else { // kept as it streamed, with why
                    self->m_revised.reset();
                    self->m_revisionProblem = joinSentences(
                        text.errorMessage(), tr("A filter did not pass the server's final text "
                                                "of this reply; it is kept as it streamed."));
                }
                self->complete();
            },
            [self] { return self && self->alive(Phase::Streaming); });
        return;
    }
    switch (m_outcome) {
    case ChatStream::Outcome::Complete:
        m_row.status = MessageStatus::Complete;
        if (m_revised)
            m_row.content = m_contentBefore + *m_revised;
        if (!m_revisionProblem.isEmpty())
            m_row.error = m_revisionProblem;
        break;
    case ChatStream::Outcome::Cancelled:
        m_row.status = MessageStatus::Cancelled;
        break;
    default:
        m_row.status = MessageStatus::Error;
        m_row.error = m_streamError;
        break;
    }
    if (m_turn.reopened) {
        m_row.metrics = ReplyMetrics::continued(m_metricsBefore, m_endMetrics);
        // Went on with another model than the one the reply began with: said with it.
        if (m_turn.model != m_modelBefore && m_row.metrics != m_metricsBefore)
            m_row.metrics.insert(QStringLiteral("continued_with"), m_turn.model);
    } else {
        m_row.metrics = m_endMetrics;
    }
    m_row.streamOwner.clear();
    if (m_stopping && m_row.status == MessageStatus::Complete && !m_stages.isEmpty())
        m_row.error = joinSentences(m_row.error, stoppedUnchecked());
    if (m_row.status != MessageStatus::Complete || m_stages.isEmpty() || m_stopping) {
        save();
        return;
    }
    // The stages see the finished reply before it is saved as complete.
    m_phase = Phase::Completing;
    const MessageStatus ended = m_ended = m_row.status;
    m_row.status = MessageStatus::Streaming; // not final until the stages are done
    QPointer<ActiveReply> self(this);
    runStages<Message>(
        m_stages, m_row,
        [](ReplyStage& stage, Message m, std::function<void(Result<Message>)> done) {
            stage.complete(std::move(m), std::move(done));
        },
        [self, ended](Result<Message> done) {
            if (!self)
                return;
            self->m_row.status = ended;
            if (done) {
                self->m_row.content = done->content;
                self->m_row.thinking = done->thinking;
            } else { // kept as it streamed, with the failure noted
                self->m_row.error = done.errorMessage();
            }
            self->save();
        },
        [self] { return self && self->alive(Phase::Completing); });
}

void ActiveReply::setProgress(const QString& text)
{
    if (m_phase == Phase::Finished || m_row.progress == text)
        return;
    m_row.progress = text;
    Q_EMIT updated({});
}

void ActiveReply::notify(const QString& level, const QString& text)
{
    if (!text.isEmpty())
        Q_EMIT notified(level, text);
}

void ActiveReply::save()
{
    m_phase = Phase::Finished;
    m_row.progress.clear();
    m_finalSavePending = true;
    if (Status st = writeFinal(); !st.ok()) {
        // The whole reply stays here, in memory, and is saved as soon as a write works.
        qCWarning(lcStore) << "saving the reply failed:" << st.errorMessage();
        m_saveProblem.clear(); // announce it even if a checkpoint failed the same way
        setSaveProblem(st.errorMessage());
    } else {
        m_finalSavePending = false;
        setSaveProblem({});
    }
    if (m_stream)
        m_stream->deleteLater();
    Q_EMIT finished();
}

void ActiveReply::cancel()
{
    switch (m_phase) {
    case Phase::Preparing:
        endUnsent(MessageStatus::Cancelled, {});
        break;
    case Phase::Streaming:
        if (!m_streamEnded && m_stream) {
            // finished() comes back (or came a moment ago, its end on its way): the reply
            // ends as cancelled, or as it ended, or complete if only the server's filters
            // were awaited. Saved before this returns.
            m_stopping = true;
            m_stream->cancel();
            if (!m_streamEnded)
                onStreamFinished();
        } else if (m_revisionPassed && m_outcome == ChatStream::Outcome::Complete) {
            // Whole; only the stages' word on the server's final text is not waited for.
            m_stopping = true;
            m_revised.reset();
            complete();
        } else {
            // The stream has ended; stages still hold some of its text.
            stopStages();
            m_outcome = ChatStream::Outcome::Cancelled;
            complete();
        }
        break;
    case Phase::Completing:
        // The stages have not finished checking the whole reply: kept as it streamed.
        m_row.status = m_ended;
        m_row.error = joinSentences(m_row.error, stoppedUnchecked());
        save();
        break;
    default:
        break;
    }
}

} // namespace lyss
