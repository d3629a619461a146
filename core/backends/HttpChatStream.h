// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "backends/HttpClient.h"
#include "backends/StreamEvent.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace lyss {

class Backend;

// A reply streamed from a model server over HTTP: decodes each network read (Ollama's
// NDJSON, OpenAI's SSE) into events, with an idle limit that counts progress, not bytes.
class HttpChatStream : public ChatStream {
    Q_OBJECT

public:
    HttpChatStream(QNetworkReply* reply, std::unique_ptr<StreamDecoder> decoder, HttpClient client,
                   QString model, int idleTimeoutMs, Backend* backend);
    ~HttpChatStream() override;

    void cancel() override;
    Outcome outcome() const override { return m_outcome; }
    QString errorText() const override { return m_error; }
    ChatMetrics metrics() const override { return m_metrics; }
    QString model() const override { return m_model; }
    qint64 firstTokenMs() const override { return m_firstTokenMs; }
    qint64 elapsedMs() const override { return m_clock.elapsed(); }

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
