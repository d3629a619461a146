// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenWebUiHttpStream.h"

#include "backends/HttpChatStream.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiOutlet.h"

#include <QUuid>

namespace lyss {

OpenWebUiHttpStream::OpenWebUiHttpStream(HttpChatStream* stream, HttpClient client,
                                         QJsonObject request, QString chatId, QString sessionId,
                                         OpenWebUiBackend* server, QObject* parent)
    : ChatStream(parent)
    , m_stream(stream)
    , m_client(std::move(client))
    , m_request(std::move(request))
    , m_chatId(std::move(chatId))
    , m_sessionId(std::move(sessionId))
    , m_server(server)
{
    stream->setParent(this);
    connect(stream, &ChatStream::eventsReady, this, [this](const StreamEvents& events) {
        for (const StreamEvent& e : events) {
            if (e.kind == StreamEvent::Kind::Content)
                m_content += e.text;
        }
        Q_EMIT eventsReady(events);
    });
    connect(stream, &ChatStream::progressed, this, &ChatStream::progressed);
    connect(stream, &ChatStream::finished, this, &OpenWebUiHttpStream::onStreamFinished);
}

void OpenWebUiHttpStream::onStreamFinished()
{
    m_endMs = m_stream ? m_stream->elapsedMs() : -1;
    if (!m_server || !m_stream || m_stream->outcome() != Outcome::Complete) {
        end();
        return;
    }
    m_asking = true;
    Q_EMIT progressed(OpenWebUiOutlet::checkingLine());
    m_call = new QObject(this);
    m_server->whenVersionKnown(m_call, [this](const QString& version) {
        if (m_ended)
            return;
        if (OpenWebUiOutlet::runsOutletItself(version))
            return end();
        ask();
    });
}

void OpenWebUiHttpStream::ask()
{
    // The filters see the reply as the server sent it; Lyss's own stages see their answer.
    QString messageId = m_request.value(QLatin1String("id")).toString();
    if (messageId.isEmpty())
        messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    OpenWebUiOutlet::run(
        m_client, OpenWebUiOutlet::body(m_request, m_content, messageId, m_chatId, m_sessionId),
        m_call, [this](OpenWebUiOutlet::Outcome out) {
            if (m_ended)
                return;
            if (!out.problem.isEmpty())
                m_problem = OpenWebUiOutlet::failedNote(m_client.serverLabel(), out.problem);
            else if (out.text && out.text->isEmpty() && !m_content.isEmpty())
                m_problem = OpenWebUiOutlet::emptiedNote(m_client.serverLabel());
            else if (out.text && *out.text != m_content)
                m_revised = out.text;
            end();
        });
}

void OpenWebUiHttpStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_asking = false;
    if (m_call) {
        m_call->deleteLater(); // the outlet's request goes with it
        m_call = nullptr;
    }
    Q_EMIT progressed({});
    Q_EMIT finished();
}

void OpenWebUiHttpStream::cancel()
{
    if (m_asking) { // the reply is whole; only the filters' word is not waited for
        m_problem = OpenWebUiOutlet::stoppedNote(m_client.serverLabel());
        end();
        return;
    }
    if (m_stream && m_stream->outcome() == Outcome::Running)
        m_stream->cancel();
}

ChatStream::Outcome OpenWebUiHttpStream::outcome() const
{
    if (!m_stream)
        return Outcome::Failed;
    return m_asking ? Outcome::Running : m_stream->outcome();
}

QString OpenWebUiHttpStream::errorText() const
{
    return m_stream ? m_stream->errorText() : QString();
}

ChatMetrics OpenWebUiHttpStream::metrics() const
{
    return m_stream ? m_stream->metrics() : ChatMetrics{};
}

QString OpenWebUiHttpStream::model() const
{
    return m_stream ? m_stream->model() : QString();
}

qint64 OpenWebUiHttpStream::firstTokenMs() const
{
    return m_stream ? m_stream->firstTokenMs() : -1;
}

qint64 OpenWebUiHttpStream::elapsedMs() const
{
    if (m_endMs >= 0)
        return m_endMs;
    return m_stream ? m_stream->elapsedMs() : 0;
}

} // namespace lyss
