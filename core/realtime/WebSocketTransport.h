// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/EngineTransport.h"

class QWebSocket;

namespace lyss {

// Engine.IO over a WebSocket: ws(s)://host/path/?EIO=4&transport=websocket, one packet a
// text frame. Binary frames are not used by Open WebUI and are ignored.
class WebSocketTransport final : public EngineTransport {
    Q_OBJECT

public:
    explicit WebSocketTransport(QObject* parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl& endpoint) override;
    void send(const QString& packet) override;
    void close() override;
    QString name() const override { return QStringLiteral("websocket"); }

private:
    void lost(const QString& why);

    QWebSocket* m_socket = nullptr;
    bool m_any = false;
    bool m_closed = false;
};

} // namespace lyss
