// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "chat/ReplyStage.h"
#include "store/Chat.h"
#include "store/Message.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lyss {

class Backend;
class MessageTree;

// A reply from the moment it is asked until it is saved. First it is prepared: the
// request passes through the stages (which may change or refuse it) while nothing is
// stored; then the turn (a new chat, the person's message, the reply's row) is written in
// one transaction and the stream starts. While it streams, each batch of events passes
// through the stages and checkpoints keep the row no more than a second behind the
// screen; at the end the stages see the finished reply, and the row is saved as
// complete, error or cancelled. Its text is never thrown away.
class ActiveReply : public QObject {
    Q_OBJECT

public:
    static constexpr int kCheckpointIntervalMs = 1000;

    // Nothing happens before begin(): connect first.
    ActiveReply(MessageTree& messages, NewTurn turn, Backend* backend, ChatRequest request,
                QObject* parent = nullptr);

    // Prepares, stores and asks. May end the reply before it returns (a stage refused at
    // once, or the turn could not be stored): finished() is emitted then too.
    void begin(const ReplyStages& stages = {});

    const Message& message() const { return m_row; }
    // The person's message this answers, when it came with it (not for Regenerate).
    const std::optional<Message>& question() const { return m_turn.question; }
    QString chatId() const { return m_row.chatId; }
    QString messageId() const { return m_row.id; }
    // What goes to the server (as the stages left it, once prepared).
    const ChatRequest& request() const { return m_request; }
    // The request is passing through the stages; nothing is stored or sent yet.
    bool isPreparing() const { return m_phase == Phase::Preparing; }
    bool isFinished() const { return m_phase == Phase::Finished; }
    // Continue: why the reply was not continued (refused by a stage, stopped before it was
    // sent, changed meanwhile by another Lyss), or empty. The reply is then as it was, in
    // the store and in message().
    QString notContinuedReason() const { return m_notContinued; }
    // Database writes made for this reply (the turn, checkpoints and the final save).
    int databaseWrites() const { return m_writes; }
    // Deltas received (content and thinking pieces): the measured token count.
    int deltaCount() const { return m_deltas; }

    void cancel();
    // A stage says what it is doing (empty: nothing more); shown under the reply until it
    // ends. Announced as an update with no new text.
    void setProgress(const QString& text);
    // A stage tells the person something (a filter's notification): `level` is info,
    // success, warning or error. Said at once, not kept with the reply.
    void notify(const QString& level, const QString& text);

    // Why the reply is not (all) in the database: the turn, the last checkpoint or the
    // final save failed (a full disk, a read-only file). Empty when everything shown is
    // stored.
    QString saveProblem() const { return m_saveProblem; }
    // (A turn being prepared is not stored yet and has no problem: stop it to store it.)
    bool isSaved() const { return m_saveProblem.isEmpty(); }
    // The turn was stored and the request went (or goes, once the key is read) to the
    // server; false for a refused, stopped or unstorable turn.
    bool wasSent() const { return m_sent; }
    // Writes what is not stored yet now; the reply also tries by itself every few seconds
    // for as long as it lives.
    Status retrySave();

    static constexpr int kSaveRetryMs = 5000;
    // Streamed pieces given together to stages that drop a failed piece themselves.
    static constexpr qsizetype kPiecesTogether = 32;

Q_SIGNALS:
    // Prepared and stored: the request is on its way (once the server's key is read).
    void started();
    // New text arrived; `events` are this read's content and thinking deltas (as the
    // stages left them).
    void updated(const lyss::StreamEvents& events);
    // The row is final (message().status tells how it ended). It may not be stored yet:
    // see saveProblem().
    void finished();
    // A write failed (`problem` in words), or, with an empty `problem`, everything
    // is stored again.
    void saveStateChanged(const QString& problem);
    // A stage's notification (see notify()).
    void notified(const QString& level, const QString& text);

private:
    enum class Phase { Created, Preparing, Streaming, Completing, Finished };

    bool alive(Phase phase) const { return m_phase == phase; }
    void onPrepared(Result<ChatRequest> request);
    void send();
    // Ends a reply that was never sent (refused, stopped or not storable while prepared).
    void endUnsent(MessageStatus status, const QString& error);
    // Continue: whether the request still ends with the reply's text as it was read.
    bool continuesAsRead() const;
    void endNotContinued(const QString& reason);
    void onStreamEvents(const StreamEvents& events);
    void passNextBatch();
    void passEvents();
    void apply(const StreamEvents& events);
    void onStreamFinished();
    void stopStages();
    void complete();
    void save();
    void checkpoint();
    void setSaveProblem(const QString& problem);
    Status writeFinal();
    static QString stoppedUnchecked()
    {
        return tr("Stopped before the stages had checked the whole reply.");
    }

    MessageTree& m_messages;
    NewTurn m_turn;
    // Continue: how the reply stood before (given back when the continuation is stopped
    // before it was sent), and what its earlier streams cost.
    MessageStatus m_statusBefore = MessageStatus::Complete;
    QString m_errorBefore;
    QJsonObject m_metricsBefore;
    QString m_modelBefore;
    QString m_notContinued;
    Message& m_row; // m_turn.reply
    QPointer<Backend> m_backend;
    QString m_backendName;
    ChatRequest m_request;
    ReplyStages m_stages;
    Phase m_phase = Phase::Created;
    bool m_turnStored = false;
    QPointer<ChatStream> m_stream;
    QList<StreamEvents> m_queued; // batches waiting for the stages, oldest first
    struct Pass {
        StreamEvents batch;
        qsizetype next = 0;
    };
    std::shared_ptr<Pass> m_pass; // the batch in the stages
    bool m_streamEnded = false;
    ChatStream::Outcome m_outcome = ChatStream::Outcome::Running;
    QString m_streamError;
    QJsonObject m_endMetrics;
    std::optional<QString> m_revised; // the server's own last word on the answer
    QString m_revisionProblem;
    bool m_revisionPassed = false; // the revised text is (being) passed through the stages
    bool m_stopping = false;       // cancel(): saved before it returns
    QString m_contentBefore;       // Continue: the text the continuation goes on from
    MessageStatus m_ended = MessageStatus::Complete; // how the stream ended, while Completing
    bool m_sent = false;
    QTimer m_checkpointTimer;
    QTimer m_retryTimer;
    QString m_saveProblem;
    bool m_finalSavePending = false; // finished, but the final row is not stored yet
    QElapsedTimer m_sinceCheckpoint;
    bool m_dirty = false;
    int m_writes = 0;
    int m_deltas = 0;
    qint64 m_thinkingStartMs = -1; // first reasoning delta, from the stream's start
    qint64 m_thinkingEndMs = -1;   // first answer delta after reasoning
};

} // namespace lyss
