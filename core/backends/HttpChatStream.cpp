// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/HttpChatStream.h"

#include "backends/Backend.h"

namespace lyss {

namespace {
// Bytes decoded in one turn of the event loop: a fast server can have megabytes waiting,
// and decoding them in one go would freeze the window for tens of milliseconds.
constexpr qint64 kSliceBytes = 16 * 1024;
// Bytes that only extend a line (no event comes of them) cost a copy, not a parse: up to
// this many are taken in one turn. Qt calls readyRead far less often than its network
// thread reads (it had 1.7 GB buffered when a slice-a-turn reader reached 16 MiB), so a
// line that never ends must be read as fast as it comes to reach its limit early.
constexpr qint64 kQuietBytesPerTurn = 64 * 1024 * 1024;
} // namespace

HttpChatStream::HttpChatStream(QNetworkReply* reply, std::unique_ptr<StreamDecoder> decoder,
                               HttpClient client, QString model, int idleTimeoutMs,
                               Backend* backend)
    : ChatStream(backend)
    , m_reply(reply)
    , m_decoder(std::move(decoder))
    , m_client(std::move(client))
    , m_model(std::move(model))
    , m_backend(backend)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    m_clock.start();
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &HttpChatStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpChatStream::onFinished);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &HttpChatStream::onIdle);
    if (idleTimeoutMs > 0)
        m_idle.start(idleTimeoutMs);
}

HttpChatStream::~HttpChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void HttpChatStream::onReadyRead()
{
    m_drainScheduled = false;
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    if (!m_statusChecked) {
        const int status = HttpClient::httpStatus(m_reply);
        if (status > 0) {
            m_statusChecked = true;
            m_httpError = status < 200 || status >= 300;
            // The server answered: its error body gets the idle time afresh.
            if (m_idleTimeoutMs > 0)
                m_idle.start(m_idleTimeoutMs);
            if (!m_httpError && refuseWebPage())
                return;
        }
    }
    if (m_httpError) {
        // The first 64 KiB say what went wrong; the rest is dropped as it comes, so an
        // endless error page cannot pile up in memory.
        const QByteArray data = m_reply->read(kSliceBytes);
        m_errorBody += data.left(64 * 1024 - m_errorBody.size());
        if (m_errorBody.size() >= 64 * 1024)
            m_reply->skip(m_reply->bytesAvailable());
    } else {
        StreamEvents events;
        qint64 taken = 0;
        const quint64 progressBefore = m_decoder->progress();
        do {
            const QByteArray data = m_reply->read(kSliceBytes);
            taken += data.size();
            m_decoder->feed(data, events);
            // Only a complete line or event counts as life: a server that trickles a byte
            // a second without ever ending a line must not hold the reply open forever.
            if (const quint64 progress = m_decoder->progress(); progress != m_progress) {
                m_progress = progress;
                if (m_idleTimeoutMs > 0)
                    m_idle.start(m_idleTimeoutMs);
            }
            // Only bytes that complete nothing are taken in bulk: a line that ends is parsed
            // work, and the rest waits for the next turn.
        } while (events.isEmpty() && m_decoder->progress() == progressBefore &&
                 taken < kQuietBytesPerTurn && m_reply->bytesAvailable() > 0);
        deliver(events);
    }
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    if (m_reply->bytesAvailable() > 0) {
        // The rest on the next turn, after the window had its chance to paint.
        if (!m_drainScheduled) {
            m_drainScheduled = true;
            QMetaObject::invokeMethod(this, &HttpChatStream::onReadyRead, Qt::QueuedConnection);
        }
    } else if (m_endPending) {
        end();
    }
}

bool HttpChatStream::refuseWebPage()
{
    const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    const QString mime = type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime != QLatin1String("text/html") && mime != QLatin1String("application/xhtml+xml"))
        return false;
    finish(Outcome::Failed,
           tr("%1 answered with a web page (%2) instead of a model stream. A network that "
              "wants you to sign in first (a captive portal or a proxy) does this, and so does "
              "an address that points at a web site: open %3 in a browser to see what is "
              "there.")
               .arg(m_client.serverLabel(), mime,
                    m_reply->url().toDisplayString(QUrl::RemoveUserInfo)));
    m_reply->abort();
    return true;
}

void HttpChatStream::deliver(StreamEvents& events)
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

void HttpChatStream::onFinished()
{
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    m_endPending = true;
    if (m_reply->bytesAvailable() > 0)
        onReadyRead(); // ends once whatever is still buffered is decoded
    else
        end();
}

void HttpChatStream::end()
{
    m_endPending = false;
    if (m_outcome != Outcome::Running || !m_reply)
        return;
    const int status = HttpClient::httpStatus(m_reply);
    if (!m_statusChecked && status >= 200 && status < 300 && refuseWebPage())
        return;
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

void HttpChatStream::releaseHeld()
{
    // Text a decoder holds back (the start of what could become a <think> tag) was sent
    // by the server all the same: it belongs to the reply when the reply is cut short.
    StreamEvents events;
    m_decoder->finish(events);
    events.removeIf([](const StreamEvent& e) {
        return e.kind != StreamEvent::Kind::Content && e.kind != StreamEvent::Kind::Thinking;
    });
    if (!events.isEmpty())
        Q_EMIT eventsReady(events);
}

void HttpChatStream::onIdle()
{
    releaseHeld();
    finish(Outcome::Failed,
           tr("%1 sent nothing usable for %2 seconds, so Lyss stopped waiting; what arrived is "
              "kept. (The limit is the setting net.idle_timeout_seconds.)")
               .arg(m_client.serverLabel())
               .arg((m_idleTimeoutMs + 999) / 1000));
    if (m_reply)
        m_reply->abort();
}

void HttpChatStream::cancel()
{
    if (m_outcome != Outcome::Running)
        return;
    releaseHeld();
    finish(Outcome::Cancelled);
    if (m_reply)
        m_reply->abort();
}

void HttpChatStream::finish(Outcome outcome, const QString& error)
{
    if (m_outcome != Outcome::Running)
        return;
    m_outcome = outcome;
    m_error = error;
    m_idle.stop();
    if (m_backend)
        m_backend->recordChat(*this);
    Q_EMIT finished();
}

} // namespace lyss
