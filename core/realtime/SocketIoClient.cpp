// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/SocketIoClient.h"

#include "realtime/PollingTransport.h"
#include "realtime/SocketPacket.h"
#include "realtime/WebSocketTransport.h"

#include <QJsonDocument>

namespace lyss {

SocketIoClient::SocketIoClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SocketIoClient::attemptNow);
    m_connectLimit.setSingleShot(true);
    connect(&m_connectLimit, &QTimer::timeout, this, [this] {
        lost(tr("the server did not complete the connection within %1 s")
                 .arg(m_timing.connectTimeoutMs / 1000.0));
    });
    m_pingLimit.setSingleShot(true);
    connect(&m_pingLimit, &QTimer::timeout, this,
            [this] { lost(tr("the server stopped answering (ping timeout)")); });
    setTiming({});
}

SocketIoClient::~SocketIoClient()
{
    m_closing = true;
    dropTransport();
}

void SocketIoClient::setServer(const QUrl& server, const QString& path)
{
    m_endpoint = server;
    QString p = path;
    if (!p.startsWith(QLatin1Char('/')))
        p.prepend(QLatin1Char('/'));
    if (!p.endsWith(QLatin1Char('/')))
        p += QLatin1Char('/');
    QString base = server.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    m_endpoint.setPath(base + p);
    m_endpoint.setQuery(QString());
}

void SocketIoClient::setTiming(const Timing& timing)
{
    m_timing = timing;
    m_backoff = Backoff(timing.delayMs, timing.maxDelayMs, timing.jitter, m_random);
}

void SocketIoClient::setRandom(std::function<double()> random)
{
    m_random = std::move(random);
    setTiming(m_timing);
}

QString SocketIoClient::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Reconnecting:
        return QStringLiteral("reconnecting");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

int SocketIoClient::nextAttemptInMs() const
{
    return m_reconnect.isActive() ? m_reconnect.remainingTime() : 0;
}

void SocketIoClient::open()
{
    m_closing = false;
    m_refused = false;
    m_attempt = 0;
    m_lastServerDisconnect.invalidate();
    attemptNow();
}

void SocketIoClient::retry()
{
    m_reconnect.stop();
    dropTransport();
    open();
}

void SocketIoClient::close()
{
    m_closing = true;
    m_reconnect.stop();
    if (m_transport && m_state == State::Connected)
        sendEngine(QStringLiteral("41")); // DISCONNECT
    if (m_transport)
        sendEngine(QStringLiteral("1")); // and the Engine.IO session
    dropTransport();
    setState(State::Idle, tr("closed"));
}

void SocketIoClient::setState(State state, const QString& detail)
{
    if (state == m_state && detail == m_detail)
        return;
    m_state = state;
    m_detail = detail;
    Q_EMIT stateChanged(state, detail);
}

void SocketIoClient::dropTransport()
{
    m_connectLimit.stop();
    m_pingLimit.stop();
    if (m_transport) {
        EngineTransport* t = m_transport;
        m_transport = nullptr;
        disconnect(t, nullptr, this, nullptr);
        t->close();
        t->deleteLater();
    }
    m_transportName.clear();
    // Pending acknowledgements are dropped: the server that would answer them is gone.
    m_waiting.clear();
}

void SocketIoClient::attemptNow()
{
    if (m_closing)
        return;
    dropTransport();
    setState(m_attempt == 0 ? State::Connecting : State::Reconnecting,
             m_attempt == 0 ? QString()
                            : tr("attempt %1 of %2").arg(m_attempt).arg(m_timing.attempts));
    m_connectLimit.start(m_timing.connectTimeoutMs);
    startTransport(m_pollingOnly || m_websocketRefused);
}

void SocketIoClient::startTransport(bool polling)
{
    EngineTransport* t = polling ? static_cast<EngineTransport*>(new PollingTransport(m_nam, this))
                                 : new WebSocketTransport(this);
    m_transport = t;
    connect(t, &EngineTransport::received, this, &SocketIoClient::onPacket);
    connect(t, &EngineTransport::failed, this, &SocketIoClient::onTransportFailed);
    t->open(m_endpoint);
}

void SocketIoClient::onTransportFailed(const QString& why, bool beforeAnyPacket)
{
    const bool wasWebSocket = m_transport && m_transport->name() == QLatin1String("websocket");
    if (beforeAnyPacket && wasWebSocket && !m_pollingOnly && !m_websocketRefused) {
        // A server that takes only long-polling refuses the WebSocket outright: the same
        // attempt goes on by polling.
        m_websocketRefused = true;
        EngineTransport* old = m_transport;
        m_transport = nullptr;
        disconnect(old, nullptr, this, nullptr);
        old->deleteLater();
        startTransport(true);
        return;
    }
    lost(why);
}

void SocketIoClient::sendEngine(const QString& packet)
{
    if (m_transport)
        m_transport->send(packet);
}

void SocketIoClient::onPacket(const QString& packet)
{
    if (packet.isEmpty())
        return;
    switch (packet.at(0).unicode()) {
    case '0': { // open: the ping timers, then the Socket.IO CONNECT
        const QJsonObject open = QJsonDocument::fromJson(packet.mid(1).toUtf8()).object();
        const int interval = open.value(QLatin1String("pingInterval")).toInt(25000);
        const int timeout = open.value(QLatin1String("pingTimeout")).toInt(20000);
        m_pingLimit.setInterval(interval + timeout);
        m_pingLimit.start();
        m_transportName = m_transport ? m_transport->name() : QString();
        const QJsonObject auth = m_auth ? m_auth() : QJsonObject();
        sendEngine(QStringLiteral("40") +
                   (auth.isEmpty()
                        ? QString()
                        : QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact))));
        break;
    }
    case '1': // the server closed the Engine.IO session
        lost(tr("the server closed the connection"));
        break;
    case '2': // ping: answered, and the silence timer starts again
        m_pingLimit.start();
        sendEngine(QStringLiteral("3"));
        break;
    case '4':
        onMessage(packet.mid(1));
        break;
    default: // pong, upgrade, noop: nothing to do
        break;
    }
}

void SocketIoClient::onMessage(const QString& text)
{
    const auto packet = SocketPacket::decode(text);
    if (!packet || packet->nsp != QLatin1String("/"))
        return; // another namespace, or not understood: not this client's
    switch (packet->type) {
    case SocketPacket::Type::Connect:
        m_connectLimit.stop();
        m_attempt = 0;
        m_sid = packet->data.toObject().value(QLatin1String("sid")).toString();
        ++m_connection;
        setState(State::Connected);
        break;
    case SocketPacket::Type::ConnectError: {
        const QJsonObject o = packet->data.toObject();
        const QString message = o.value(QLatin1String("message")).toString();
        dropTransport();
        m_reconnect.stop();
        m_refused = true;
        setState(State::Failed, tr("the server refused the connection (%1): sign in again")
                                    .arg(message.isEmpty() ? tr("no reason given") : message));
        break;
    }
    case SocketPacket::Type::Disconnect: {
        // "io server disconnect": once is reconnected at once; twice within the window stops.
        const bool again = m_lastServerDisconnect.isValid() &&
                           m_lastServerDisconnect.elapsed() < m_timing.serverDisconnectWindowMs;
        m_lastServerDisconnect.start();
        dropTransport();
        if (again) {
            setState(State::Failed, tr("the server disconnected this client twice within a "
                                       "minute; it may not want it connected"));
            return;
        }
        m_attempt = 0;
        setState(State::Reconnecting, tr("the server disconnected; connecting again"));
        QTimer::singleShot(0, this, [this] {
            if (m_state == State::Reconnecting && !m_transport && !m_closing)
                attemptNow();
        });
        break;
    }
    case SocketPacket::Type::Event: {
        QJsonArray args = packet->data.toArray();
        const QString name = args.takeAt(0).toString();
        Q_EMIT eventReceived(name, args, packet->ackId);
        break;
    }
    case SocketPacket::Type::Ack:
        if (packet->ackId) {
            if (auto answered = m_waiting.take(*packet->ackId))
                answered(packet->data.toArray());
        }
        break;
    }
}

void SocketIoClient::lost(const QString& why)
{
    if (m_closing)
        return;
    if (m_state == State::Connected)
        m_attempt = 0; // a connection that worked: the attempts begin anew
    dropTransport();
    if (m_attempt >= m_timing.attempts) {
        setState(State::Failed, tr("%1; gave up after %n attempt(s) (Retry to try again)", nullptr,
                                   m_timing.attempts)
                                    .arg(why));
        return;
    }
    const int delay = m_backoff.delayMs(m_attempt);
    ++m_attempt;
    m_reconnect.start(delay);
    setState(State::Reconnecting,
             tr("%1; trying again in %2 s").arg(why).arg(delay / 1000.0, 0, 'f', 1));
}

void SocketIoClient::emitEvent(const QString& name, const QJsonArray& args,
                               std::function<void(QJsonArray)> answered)
{
    if (m_state != State::Connected)
        return;
    SocketPacket p;
    p.type = SocketPacket::Type::Event;
    QJsonArray data{name};
    for (const QJsonValue& a : args)
        data.append(a);
    p.data = data;
    if (answered) {
        p.ackId = m_nextAck++;
        m_waiting.insert(*p.ackId, std::move(answered));
    }
    sendEngine(QStringLiteral("4") + p.encode());
}

void SocketIoClient::acknowledge(qint64 ackId, const QJsonArray& args)
{
    if (m_state != State::Connected)
        return;
    SocketPacket p;
    p.type = SocketPacket::Type::Ack;
    p.ackId = ackId;
    p.data = args;
    sendEngine(QStringLiteral("4") + p.encode());
}

} // namespace lyss
