// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "store/Message.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lyss {

class ChatRepository;

// A reply being written: the stored assistant row, the stream feeding it, and the
// checkpoints that keep the row no more than a second behind the screen. When the
// stream ends the row is finished as complete, error or cancelled; its text is never
// thrown away.
class ActiveReply : public QObject {
    Q_OBJECT

public:
    static constexpr int kCheckpointIntervalMs = 1000;

    ActiveReply(ChatRepository& chats, Message row, ChatStream* stream, QObject* parent = nullptr);

    const Message& message() const { return m_row; }
    QString chatId() const { return m_row.chatId; }
    QString messageId() const { return m_row.id; }
    bool isFinished() const { return m_row.status != MessageStatus::Streaming; }
    // Database writes made for this reply (checkpoints and the final save).
    int databaseWrites() const { return m_writes; }
    // Deltas received (content and thinking pieces): the measured token count.
    int deltaCount() const { return m_deltas; }

    void cancel();

    // Why the reply is not (all) in the database: the last checkpoint or the final save
    // failed (a full disk, a read-only file). Empty when everything shown is stored.
    QString saveProblem() const { return m_saveProblem; }
    bool isSaved() const { return m_saveProblem.isEmpty(); }
    // Writes what is not stored yet now; the reply also tries by itself every few seconds
    // for as long as it lives.
    Status retrySave();

    static constexpr int kSaveRetryMs = 5000;

Q_SIGNALS:
    // New text arrived; `events` are this read's content and thinking deltas.
    void updated(const lyss::StreamEvents& events);
    // The row is final (message().status tells how it ended). It may not be stored yet:
    // see saveProblem().
    void finished();
    // A write failed (`problem` in words), or, with an empty `problem`, everything
    // is stored again.
    void saveStateChanged(const QString& problem);

private:
    void onEvents(const StreamEvents& events);
    void onStreamFinished();
    void checkpoint();
    void setSaveProblem(const QString& problem);
    QJsonObject measuredMetrics() const;

    ChatRepository& m_chats;
    Message m_row;
    QPointer<ChatStream> m_stream;
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
