// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/HttpClient.h"
#include "backends/StreamEvent.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace lyss {

class Backend;

// One reply being streamed from a model server. Emits the decoded events as each
// network read arrives, then finished() exactly once: complete, failed (with the
// error in words) or cancelled. The events that arrived before a failure are kept.
class ChatStream : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Running, Complete, Failed, Cancelled };

    ChatStream(QNetworkReply* reply, std::unique_ptr<StreamDecoder> decoder, HttpClient client,
               QString model, int idleTimeoutMs, Backend* backend);
    ~ChatStream() override;

    void cancel();
    Outcome outcome() const { return m_outcome; }
    QString errorText() const { return m_error; }
    ChatMetrics metrics() const { return m_metrics; }
    QString model() const { return m_model; }
    // Milliseconds from the request to the first content or thinking, -1 if none came.
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

Q_SIGNALS:
    void eventsReady(const lyss::StreamEvents& events);
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void end();
    void onIdle();
    void releaseHeld();
    void deliver(StreamEvents& events);
    // A web page where a stream should be (a captive portal): fails the reply, true.
    bool refuseWebPage();
    void finish(Outcome outcome, const QString& error = {});

    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<StreamDecoder> m_decoder;
    HttpClient m_client;
    QString m_model;
    QPointer<Backend> m_backend;
    QTimer m_idle;
    QElapsedTimer m_clock;
    Outcome m_outcome = Outcome::Running;
    QString m_error;
    ChatMetrics m_metrics;
    QByteArray m_errorBody;
    qint64 m_firstTokenMs = -1;
    quint64 m_progress = 0;
    int m_idleTimeoutMs;
    bool m_statusChecked = false;
    bool m_httpError = false;
    bool m_timedOut = false;
    bool m_drainScheduled = false;
    bool m_endPending = false; // the reply finished; end once its buffer is decoded
};

} // namespace lyss
