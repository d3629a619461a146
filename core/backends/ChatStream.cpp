// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ChatStream.h"

#include "backends/Backend.h"

namespace lyss {

ChatStream::ChatStream(QNetworkReply* reply, std::unique_ptr<StreamDecoder> decoder,
                       HttpClient client, QString model, int idleTimeoutMs, Backend* backend)
    : QObject(backend)
    , m_reply(reply)
    , m_decoder(std::move(decoder))
    , m_client(std::move(client))
    , m_model(std::move(model))
    , m_backend(backend)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    m_clock.start();
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &ChatStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ChatStream::onFinished);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &ChatStream::onIdle);
    if (idleTimeoutMs > 0)
        m_idle.start(idleTimeoutMs);
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

namespace {
// Bytes decoded in one turn of the event loop: a fast server can have megabytes waiting,
// and decoding them in one go would freeze the window for tens of milliseconds.
constexpr qint64 kSliceBytes = 16 * 1024;
} // namespace

void ChatStream::onReadyRead()
{
    m_drainScheduled = false;
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    if (m_idleTimeoutMs > 0)
        m_idle.start(m_idleTimeoutMs);
    if (!m_statusChecked) {
        const int status = HttpClient::httpStatus(m_reply);
        if (status > 0) {
            m_statusChecked = true;
            m_httpError = status < 200 || status >= 300;
        }
    }
    const QByteArray data = m_reply->read(kSliceBytes);
    if (m_httpError) {
        m_errorBody += data.left(64 * 1024 - m_errorBody.size());
    } else {
        StreamEvents events;
        m_decoder->feed(data, events);
        deliver(events);
    }
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    if (m_reply->bytesAvailable() > 0) {
        // The rest on the next turn, after the window had its chance to paint.
        if (!m_drainScheduled) {
            m_drainScheduled = true;
            QMetaObject::invokeMethod(this, &ChatStream::onReadyRead, Qt::QueuedConnection);
        }
    } else if (m_endPending) {
        end();
    }
}

void ChatStream::deliver(StreamEvents& events)
{
    StreamEvents deltas;
    deltas.reserve(events.size());
    const StreamEvent* terminal = nullptr;
    for (const StreamEvent& e : events) {
        if (e.kind == StreamEvent::Kind::Content || e.kind == StreamEvent::Kind::Thinking) {
            if (m_firstTokenMs < 0)
                m_firstTokenMs = m_clock.elapsed();
            deltas.append(e);
        } else {
            terminal = &e;
            break;
        }
    }
    if (!deltas.isEmpty())
        Q_EMIT eventsReady(deltas);
    if (!terminal)
        return;
    if (terminal->kind == StreamEvent::Kind::Done) {
        m_metrics = terminal->metrics;
        finish(Outcome::Complete);
    } else {
        finish(Outcome::Failed, terminal->text);
    }
    if (m_reply && m_reply->isRunning())
        m_reply->abort();
}

void ChatStream::onFinished()
{
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    m_endPending = true;
    if (m_reply->bytesAvailable() > 0)
        onReadyRead(); // ends once whatever is still buffered is decoded
    else
        end();
}

void ChatStream::end()
{
    m_endPending = false;
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    const int status = HttpClient::httpStatus(m_reply);
    if (m_httpError || status >= 300) {
        finish(Outcome::Failed, m_client.describeFailure(m_reply, m_errorBody, m_model));
        return;
    }
    if (status == 0 && m_reply->error() != QNetworkReply::NoError) {
        finish(Outcome::Failed, m_client.describeFailure(m_reply, {}, m_model));
        return;
    }
    StreamEvents events;
    m_decoder->finish(events);
    deliver(events);
}

void ChatStream::onIdle()
{
    finish(Outcome::Failed,
           tr("%1 sent nothing for %2 seconds, so Lyss stopped waiting; what arrived is kept. "
              "(The limit is the setting net.idle_timeout_seconds.)")
               .arg(m_client.serverLabel())
               .arg((m_idleTimeoutMs + 999) / 1000));
    if (m_reply)
        m_reply->abort();
}

void ChatStream::cancel()
{
    if (m_outcome != Outcome::Running)
        return;
    finish(Outcome::Cancelled);
    if (m_reply)
        m_reply->abort();
}

void ChatStream::finish(Outcome outcome, const QString& error)
{
    if (m_outcome != Outcome::Running)
        return;
    m_outcome = outcome;
    m_error = error;
    m_idle.stop();
    if (m_backend)
        m_backend->recordRequest(QStringLiteral("chat %1").arg(m_model),
                                 m_firstTokenMs >= 0 ? m_firstTokenMs : m_clock.elapsed(),
                                 outcome != Outcome::Failed);
    Q_EMIT finished();
}

} // namespace lyss
