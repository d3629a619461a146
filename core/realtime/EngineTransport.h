// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace lyss {

// How Engine.IO v4 packets ("0{...}" open, "2" ping, "3" pong, "4..." message) travel:
// over a WebSocket (one packet a frame) or by HTTP long-polling (packets joined by
// \x1e). The client (SocketIoClient) speaks the protocol; a transport only carries it.
class EngineTransport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // Opens to the Engine.IO endpoint (http(s)://host/path/, without a query).
    virtual void open(const QUrl& endpoint) = 0;
    // Sends one packet.
    virtual void send(const QString& packet) = 0;
    // Closes without a word: nothing more is signalled.
    virtual void close() = 0;
    virtual QString name() const = 0;

Q_SIGNALS:
    void received(const QString& packet);
    // The transport is gone (`why` in words); `beforeAnyPacket`: it never carried one.
    void failed(const QString& why, bool beforeAnyPacket);
};

} // namespace lyss
