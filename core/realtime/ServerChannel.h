// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/ServerEvents.h"
#include "realtime/SocketIoClient.h"

#include <QObject>

namespace lyss {

class OpenWebUiBackend;

// An Open WebUI server's real-time channel: Socket.IO at /ws/socket.io, signed in with
// the backend's token (read from the keyring without waiting), reconnecting as
// SocketIoClient does. Its state is the server's line in the window and in
// `lyss-cli backends status`.
class ServerChannel : public QObject {
    Q_OBJECT

public:
    ServerChannel(OpenWebUiBackend& backend, QNetworkAccessManager* nam, QObject* parent = nullptr);

    void start();
    void retry() { m_client.retry(); }
    void stop() { m_client.close(); }

    // The network is back (the system says so): a channel that gave up, or is waiting to
    // reconnect, tries at once; one the server refused does not.
    void networkCameBack();

    QString backendName() const { return m_name; }
    SocketIoClient& client() { return m_client; }
    const SocketIoClient& client() const { return m_client; }
    // What the server's events mean: questions, notifications, titles, replies it runs.
    ServerEvents& events() { return m_events; }
    // "connected (websocket)", "reconnecting: ...; trying again in 2.0 s", "failed: ...".
    QString stateText() const;

    // Open WebUI's Engine.IO path.
    static QString path() { return QStringLiteral("/ws/socket.io"); }

Q_SIGNALS:
    void stateChanged();

private:
    OpenWebUiBackend& m_backend;
    QString m_name;
    SocketIoClient m_client;
    ServerEvents m_events{m_client};
    bool m_watchingNetwork = false;

    void watchTheNetwork();
};

} // namespace lyss
