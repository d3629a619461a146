// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/WebSocketTransport.h"

#include <QUrlQuery>
#include <QWebSocket>

namespace lyss {

WebSocketTransport::WebSocketTransport(QObject* parent)
    : EngineTransport(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_any = true;
        Q_EMIT received(text);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        lost(m_socket->closeReason().isEmpty() ? tr("the connection closed")
                                               : m_socket->closeReason());
    });
    // (errorOccurred is Qt 6.5.)
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { lost(m_socket->errorString()); });
}

WebSocketTransport::~WebSocketTransport()
{
    m_closed = true;
}

void WebSocketTransport::open(const QUrl& endpoint)
{
    QUrl url = endpoint;
    url.setScheme(endpoint.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                              : QStringLiteral("ws"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
    url.setQuery(query);
    m_socket->open(url);
}

void WebSocketTransport::send(const QString& packet)
{
    if (!m_closed)
        m_socket->sendTextMessage(packet);
}

void WebSocketTransport::close()
{
    if (std::exchange(m_closed, true))
        return;
    m_socket->abort();
}

void WebSocketTransport::lost(const QString& why)
{
    if (std::exchange(m_closed, true))
        return; // said once: an error is followed by a disconnect
    Q_EMIT failed(why, !m_any);
}

} // namespace lyss
