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

Q_SIGNALS:
    // New text arrived; `events` are this read's content and thinking deltas.
    void updated(const lyss::StreamEvents& events);
    // The row is final (message().status tells how it ended).
    void finished();

private:
    void onEvents(const StreamEvents& events);
    void onStreamFinished();
    void checkpoint();
    QJsonObject measuredMetrics() const;

    ChatRepository& m_chats;
    Message m_row;
    QPointer<ChatStream> m_stream;
    QTimer m_checkpointTimer;
    QElapsedTimer m_sinceCheckpoint;
    bool m_dirty = false;
    int m_writes = 0;
    int m_deltas = 0;
    qint64 m_thinkingStartMs = -1; // first reasoning delta, from the stream's start
    qint64 m_thinkingEndMs = -1;   // first answer delta after reasoning
};

} // namespace lyss
