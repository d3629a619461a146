// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerRunStream.h"

#include "backends/Backend.h"
#include "backends/HttpChatStream.h"
#include "backends/OpenAIStreamDecoder.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiHttpStream.h"
#include "backends/OpenWebUiOutlet.h"
#include "realtime/ServerChannel.h"
#include "realtime/ServerText.h"
#include "util/Log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrl>

namespace lyss {

ServerRunStream::ServerRunStream(HttpClient client, ServerChannel& channel, QJsonObject body,
                                 QString model, int idleTimeoutMs, Backend* backend)
    : ChatStream(backend)
    , m_client(std::move(client))
    , m_channel(&channel)
    , m_model(std::move(model))
    , m_chatId(body.value(QLatin1String("chat_id")).toString())
    , m_messageId(body.value(QLatin1String("id")).toString())
    , m_backend(backend)
    , m_idleTimeoutMs(idleTimeoutMs)
    , m_body(body)
    , m_sessionId(body.value(QLatin1String("session_id")).toString())
{
    m_clock.start();
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        // The server did not say the task ended (a newer one says so only once no other
        // reply of this socket's runs): the reply is whole all the same.
        qCInfo(lcNet) << "no end of the task after" << kOutletWaitMs << "ms; finished";
        finish(Outcome::Complete);
    });
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        finish(Outcome::Failed,
               tr("%1 sent nothing about this reply for %2 seconds, so Lyss stopped waiting; "
                  "what arrived is kept. (The limit is the setting net.idle_timeout_seconds.)")
                   .arg(m_client.serverLabel())
                   .arg((m_idleTimeoutMs + 999) / 1000));
    });
    if (m_idleTimeoutMs > 0)
        m_idle.start(m_idleTimeoutMs);
    // Subscribed before asking: the server may send the first events before its answer.
    connect(&channel.events(), &ServerEvents::messageEvent, this, &ServerRunStream::onEvent);
    connect(&channel, &ServerChannel::stateChanged, this, &ServerRunStream::onChannelState);
    // The channel goes with its window (another person signs in, the servers are rebuilt):
    // the reply ends with what arrived, and the server's work on it stops.
    connect(&channel, &QObject::destroyed, this, [this] {
        if (m_http || m_outcome != Outcome::Running)
            return;
        if (m_settling) {
            if (!m_serverRunsOutlet)
                return; // asked over HTTP, or about to be: the socket is not needed for it
            m_revisionProblem = lostNote();
            return finish(Outcome::Complete);
        }
        stopTask();
        finish(Outcome::Failed, tr("The live connection to %1 was closed while it wrote this "
                                   "reply; what arrived is kept. Regenerate to ask again.")
                                    .arg(m_client.serverLabel()));
    });
    // A tool's question waits for the person, not for the idle limit.
    connect(&channel.events(), &ServerEvents::questionFor, this,
            [this](const QString& chatId, const QString& messageId) {
                if (chatId == m_chatId && messageId == m_messageId)
                    m_idle.stop();
            });
    m_reply = m_client.post(QStringLiteral("/api/chat/completions"), body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ServerRunStream::onHeaders);
    connect(m_reply, &QNetworkReply::finished, this, &ServerRunStream::onHttpFinished);
}

ServerRunStream::~ServerRunStream()
{
    dropReply();
}

void ServerRunStream::dropReply()
{
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

ChatStream::Outcome ServerRunStream::outcome() const
{
    return m_http ? m_http->outcome() : m_outcome;
}

QString ServerRunStream::errorText() const
{
    return m_http ? m_http->errorText() : m_error;
}

std::optional<QString> ServerRunStream::revisedContent() const
{
    return m_http ? m_http->revisedContent() : m_revised;
}

QString ServerRunStream::revisionProblem() const
{
    return m_http ? m_http->revisionProblem() : m_revisionProblem;
}

ChatMetrics ServerRunStream::metrics() const
{
    return m_http ? m_http->metrics() : m_metrics;
}

qint64 ServerRunStream::elapsedMs() const
{
    if (m_http) // measured as its first token is, from the stream's start
        return m_http->elapsedMs();
    return m_settledMs >= 0 ? m_settledMs : m_clock.elapsed();
}

qint64 ServerRunStream::firstTokenMs() const
{
    return m_http ? m_http->firstTokenMs() : m_firstTokenMs;
}

void ServerRunStream::onHeaders()
{
    if (!m_reply || m_http || m_outcome != Outcome::Running)
        return;
    const QString type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (HttpClient::httpStatus(m_reply) != 200 ||
        !type.startsWith(QLatin1String("text/event-stream")))
        return;
    // The server streams the reply over HTTP after all (it runs no background tasks, or
    // not for this request): read as any OpenAI-style stream.
    m_idle.stop();
    disconnect(m_reply, nullptr, this, nullptr);
    if (m_channel)
        disconnect(&m_channel->events(), nullptr, this, nullptr);
    // The same limits as the backend's own HTTP streams.
    const qsizetype maxLine =
        m_backend ? m_backend->config().maxLineBytes : LineSplitter::kMaxLineBytes;
    auto* http = new HttpChatStream(m_reply, std::make_unique<OpenAIStreamDecoder>(maxLine),
                                    m_client, m_model, m_idleTimeoutMs,
                                    m_backend); // which records the reply
    // Its outlet filters are asked after it, on an older server.
    m_http = new OpenWebUiHttpStream(http, m_client, m_body, m_chatId, m_sessionId,
                                     qobject_cast<OpenWebUiBackend*>(m_backend), this);
    m_reply = nullptr;
    connect(m_http, &ChatStream::progressed, this, &ChatStream::progressed);
    connect(m_http, &ChatStream::eventsReady, this, &ChatStream::eventsReady);
    connect(m_http, &ChatStream::finished, this, &ChatStream::finished);
}

void ServerRunStream::onHttpFinished()
{
    if (!m_reply || m_outcome != Outcome::Running)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    auto answer = m_client.jsonResult(reply);
    if (!answer) {
        finish(Outcome::Failed, answer.errorMessage());
        return;
    }
    const QJsonObject o = answer->object();
    m_taskId = taskIdOf(o);
    if (m_taskId.isEmpty() && o.contains(QLatin1String("choices"))) {
        // A whole reply at once (a server that does not stream this model).
        const QJsonObject message = o.value(QLatin1String("choices"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("message"))
                                        .toObject();
        StreamEvents events;
        take(message.value(QLatin1String("reasoning_content")).toString(),
             message.value(QLatin1String("content")).toString(), events, true);
        deliver(events);
        finish(Outcome::Complete);
        return;
    }
    if (m_taskId.isEmpty() && !o.value(QLatin1String("status")).toBool()) {
        finish(
            Outcome::Failed,
            tr("%1 did not take the reply: it answered %2")
                .arg(m_client.serverLabel(),
                     QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)).left(200)));
    }
    // Taken: the reply comes as events.
}

void ServerRunStream::onEvent(const ServerEvent& e)
{
    if (m_outcome != Outcome::Running || e.chatId != m_chatId)
        return;
    if (e.messageId != m_messageId)
        return;
    using Kind = ServerEvent::Kind;
    if (m_settling) {
        // The task ended: whatever its outlet filters had to say, they said (chat:outlet
        // comes first). Only this reply's: the end of another reply of this socket's is
        // not its end. Before the version is known, the end is kept for when it is.
        if (e.kind == Kind::Active && e.done) {
            m_taskEnded = true;
            if (m_serverRunsOutlet)
                finish(Outcome::Complete);
        } else if (e.kind == Kind::Outlet) {
            if (e.hasText)
                revise(e.text);
            finish(Outcome::Complete);
        }
        return; // the text is whole; a late piece of it changes nothing
    }
    // Mid-reply, an outlet event (a tool updating the message's sources) says nothing of
    // the finished text, nor does the task's start.
    if (e.kind == Kind::Outlet || e.kind == Kind::Active)
        return;
    if (m_idleTimeoutMs > 0)
        m_idle.start(m_idleTimeoutMs);
    StreamEvents events;
    switch (e.kind) {
    case Kind::StatusLine:
        Q_EMIT progressed(e.hidden ? QString() : e.text);
        return;
    case Kind::Completion: {
        if (e.content) {
            const ServerText::Split s = ServerText::split(*e.content);
            take(s.thinking, s.answer, events, e.done);
        } else if (e.done) { // the end without the text again: what was held back is due
            take(m_thinking, m_whole, events, true);
        } else if (!e.delta.isEmpty() || !e.reasoningDelta.isEmpty()) {
            take(m_thinking + e.reasoningDelta, m_whole + e.delta, events);
        }
        if (!e.usage.isEmpty()) {
            const auto count = [&e](const char* key) {
                const QJsonValue v = e.usage.value(QLatin1String(key));
                return v.isDouble() ? static_cast<qint64>(v.toDouble()) : qint64(-1);
            };
            m_metrics.promptTokens = count("prompt_tokens");
            m_metrics.completionTokens = count("completion_tokens");
        }
        deliver(events);
        if (!e.text.isEmpty())
            finish(Outcome::Failed, e.text);
        else if (e.done)
            settle();
        return;
    }
    case Kind::Append:
        take(m_thinking, m_whole + e.text, events);
        deliver(events);
        return;
    case Kind::Replace: {
        const ServerText::Split s = ServerText::split(e.text);
        take(s.thinking, s.answer, events);
        deliver(events);
        return;
    }
    case Kind::Error:
        finish(Outcome::Failed,
               e.text.isEmpty()
                   ? tr("%1 reported an error without words.").arg(m_client.serverLabel())
                   : e.text);
        return;
    case Kind::Cancelled:
        finish(Outcome::Cancelled);
        return;
    default:
        return;
    }
}

void ServerRunStream::onChannelState()
{
    if (!m_channel || m_http || m_outcome != Outcome::Running)
        return;
    // Reconnecting is waited out (the events go to the person's every connection, this
    // one again once it is back); a channel that gave up ends the reply (whole, if the
    // server's outlet filters were all it waited for; filters asked over HTTP do not need
    // it).
    if (m_channel->client().state() != SocketIoClient::State::Failed)
        return;
    if (m_settling) {
        if (m_serverRunsOutlet) {
            m_revisionProblem = lostNote();
            finish(Outcome::Complete);
        }
        return;
    }
    if (m_channel->client().state() == SocketIoClient::State::Failed)
        finish(Outcome::Failed,
               tr("The live connection to %1 was lost while it wrote this reply (%2); what "
                  "arrived is kept. Regenerate to ask again.")
                   .arg(m_client.serverLabel(), m_channel->client().detail()));
}

void ServerRunStream::take(const QString& thinking, const QString& whole, StreamEvents& out,
                           bool last)
{
    // The server sends the whole text each time; only what extends the text passed on is
    // new. While it streams, a tag still being written at the end ("<thi") is held back:
    // the server may turn it into a block of its own at the next event.
    m_whole = whole;
    QString answer = whole;
    if (!last) {
        const qsizetype lt = answer.lastIndexOf(u'<');
        if (lt >= 0 && answer.size() - lt <= 24 && answer.indexOf(u'>', lt) < 0)
            answer.truncate(lt);
    }
    if (thinking.size() > m_thinking.size() && thinking.startsWith(m_thinking)) {
        out.append(StreamEvent::thinking(thinking.mid(m_thinking.size())));
        m_thinking = thinking;
    }
    if (answer.size() > m_answer.size() && answer.startsWith(m_answer)) {
        out.append(StreamEvent::content(answer.mid(m_answer.size())));
        m_answer = answer;
    } else if (!answer.startsWith(m_answer)) {
        // The server rewrote text already shown, which is not taken back. Meanwhile the
        // reply waits for text that extends it again; at the end, what follows the part
        // both share is added, so no word of the server's last text is missing.
        qCDebug(lcNet) << "the server's text no longer extends what was shown";
        if (last) {
            qsizetype same = 0;
            while (same < answer.size() && same < m_answer.size() && answer[same] == m_answer[same])
                ++same;
            if (same < answer.size())
                out.append(StreamEvent::content(answer.mid(same)));
            m_answer = answer;
        }
    }
}

void ServerRunStream::deliver(StreamEvents events)
{
    if (events.isEmpty() || m_outcome != Outcome::Running)
        return;
    if (m_firstTokenMs < 0)
        m_firstTokenMs = m_clock.elapsed();
    Q_EMIT eventsReady(events);
}

void ServerRunStream::cancel()
{
    if (m_http) {
        m_http->cancel();
        return;
    }
    if (m_outcome != Outcome::Running)
        return;
    if (m_settling) { // the text is whole; only the filters' word is not waited for
        m_revisionProblem = OpenWebUiOutlet::stoppedNote(m_client.serverLabel());
        finish(Outcome::Complete);
        return;
    }
    stopTask();
    finish(Outcome::Cancelled);
}

void ServerRunStream::settle()
{
    m_settling = true;
    m_settledMs = m_clock.elapsed(); // the reply's time, not the filters'
    m_idle.stop();
    Q_EMIT progressed(OpenWebUiOutlet::checkingLine());
    auto* owui = qobject_cast<OpenWebUiBackend*>(m_backend.data());
    if (!owui)
        return askOutlet();
    owui->whenVersionKnown(this, [this](const QString& version) {
        if (m_outcome != Outcome::Running)
            return;
        if (!OpenWebUiOutlet::runsOutletItself(version))
            return askOutlet();
        // The server runs them by itself: chat:outlet, if any, then chat:active (which may
        // have come while the version was asked; or the channel went meanwhile).
        m_serverRunsOutlet = true;
        if (m_taskEnded)
            return finish(Outcome::Complete);
        if (!m_channel || m_channel->client().state() == SocketIoClient::State::Failed) {
            m_revisionProblem = lostNote();
            return finish(Outcome::Complete);
        }
        m_settle.start(kOutletWaitMs);
    });
}

void ServerRunStream::askOutlet()
{
    OpenWebUiOutlet::run(
        m_client, OpenWebUiOutlet::body(m_body, m_whole, m_messageId, m_chatId, m_sessionId), this,
        [this](OpenWebUiOutlet::Outcome out) {
            if (m_outcome != Outcome::Running)
                return;
            if (!out.problem.isEmpty())
                m_revisionProblem =
                    OpenWebUiOutlet::failedNote(m_client.serverLabel(), out.problem);
            else if (out.text)
                revise(*out.text);
            finish(Outcome::Complete);
        });
}

void ServerRunStream::revise(const QString& serialised)
{
    // Only the answer is theirs to change here; the reasoning stays as it came. Compared
    // as both are read (the blocks left out, the leading space too).
    const QString answer = ServerText::split(serialised).answer;
    const QString streamed = ServerText::split(m_whole).answer;
    if (answer.isEmpty() && !streamed.isEmpty())
        m_revisionProblem = OpenWebUiOutlet::emptiedNote(m_client.serverLabel());
    else if (answer != streamed)
        m_revised = answer;
}

QString ServerRunStream::lostNote() const
{
    return tr("The live connection to %1 was lost before its filters had checked the reply; "
              "it is kept as it came.")
        .arg(m_client.serverLabel());
}

QString ServerRunStream::taskIdOf(const QJsonObject& answer)
{
    // {"task_id": ...} from older Open WebUI servers, {"task_ids": [...]} from newer ones.
    const QString one = answer.value(QLatin1String("task_id")).toString();
    return !one.isEmpty() ? one
                          : answer.value(QLatin1String("task_ids")).toArray().at(0).toString();
}

void ServerRunStream::stopTask()
{
    // Stopped at the server too; its answer does not matter to this reply. By the task's
    // id; since Open WebUI 0.9 only an admin may, and everyone else stops the tasks of
    // their own chat: for a "local:" chat, all the replies the server runs for this
    // socket (those of other chats, if any, end as stopped too).
    const HttpClient client = m_client;
    const QString byChat =
        QStringLiteral("/api/tasks/chat/%1/stop")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_chatId, QByteArrayLiteral(":"))));
    const auto stopChat = [client, byChat] {
        QNetworkReply* r = client.postJson(byChat, {});
        QObject::connect(r, &QNetworkReply::finished, r, &QObject::deleteLater);
    };
    const auto stop = [client, stopChat](const QString& taskId) {
        if (taskId.isEmpty())
            return stopChat();
        QNetworkReply* r = client.postJson(QStringLiteral("/api/tasks/stop/") + taskId, {});
        QObject::connect(r, &QNetworkReply::finished, r, [r, stopChat] {
            r->deleteLater();
            const int status = HttpClient::httpStatus(r);
            if (status < 200 || status >= 300)
                stopChat();
        });
    };
    if (!m_taskId.isEmpty()) {
        stop(m_taskId);
        return;
    }
    // Stopped before the server said which task it is (its events can come first): the
    // answer is still read, by the request itself, and its task stopped then.
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        connect(reply, &QNetworkReply::finished, reply, [reply, client, stop] {
            reply->deleteLater();
            auto answer = client.jsonResult(reply);
            stop(answer ? taskIdOf(answer->object()) : QString());
        });
    }
}

void ServerRunStream::finish(Outcome outcome, const QString& error)
{
    if (m_outcome != Outcome::Running)
        return;
    m_outcome = outcome;
    m_error = error;
    m_idle.stop();
    m_settle.stop();
    if (m_settling)
        Q_EMIT progressed({});
    m_settling = false;
    dropReply();
    if (m_backend)
        m_backend->recordChat(*this);
    Q_EMIT finished();
}

} // namespace lyss
