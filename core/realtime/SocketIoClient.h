// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/Backoff.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace lyss {

class EngineTransport;

// A Socket.IO v5 client over Engine.IO v4 (a WebSocket, or HTTP long-polling when the
// server allows only that), in the main namespace: the handshake, the server's pings
// answered and their silence noticed, CONNECT with an auth object and its refusal,
// events and acknowledgements, and socket.io-client's reconnection: a delay of 1 s
// doubling up to 5 s with a randomisation of 0.5, 20 s to connect, at most 5 attempts,
// then Failed until retry(). A server that disconnects the client ("io server
// disconnect") is reconnected to at once, once; a second time within a minute stops it.
// A refused CONNECT is not retried: the credentials are the problem. Never blocks; never
// spins: every wait is a timer.
class SocketIoClient : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    struct Timing {
        int delayMs = 1000;
        int maxDelayMs = 5000;
        double jitter = 0.5;
        int connectTimeoutMs = 20000;
        int attempts = 5;
        int serverDisconnectWindowMs = 60000;
    };

    SocketIoClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~SocketIoClient() override;

    // The server's address and the Engine.IO path on it ("/socket.io/"; Open WebUI's is
    // "/ws/socket.io/").
    void setServer(const QUrl& server, const QString& path);
    // Sent with every CONNECT ({"token": ...}); asked again before each (a token may change).
    void setAuth(std::function<QJsonObject()> auth) { m_auth = std::move(auth); }
    void setTiming(const Timing& timing);
    void setRandom(std::function<double()> random);
    // Only long-polling (no WebSocket is tried).
    void setPollingOnly(bool only) { m_pollingOnly = only; }

    void open();
    // Asks again now (after Failed, or while waiting to reconnect); the attempts begin anew.
    void retry();
    // Disconnects cleanly ("io client disconnect"); nothing reconnects.
    void close();

    State state() const { return m_state; }
    // Why it is not connected, in words (empty when it is).
    QString detail() const { return m_detail; }
    // When Reconnecting: ms until the next attempt.
    int nextAttemptInMs() const;
    // The transport in use ("websocket", "polling"), once connected.
    QString transportName() const { return m_transportName; }
    // Whether the server refused the CONNECT (sign in again).
    bool refused() const { return m_refused; }
    int attempt() const { return m_attempt; }
    // The Socket.IO session id the server gave the last CONNECT (Open WebUI's session_id).
    QString sid() const { return m_sid; }
    // Counts the connects: an acknowledgement belongs to the connection it was asked on.
    int connection() const { return m_connection; }

    // Emits an event; with `answered`, asks for an acknowledgement (dropped, unanswered,
    // when the connection is lost first).
    void emitEvent(const QString& name, const QJsonArray& args,
                   std::function<void(QJsonArray)> answered = {});
    // Answers an event that asked for an acknowledgement.
    void acknowledge(qint64 ackId, const QJsonArray& args);

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(lyss::SocketIoClient::State state, const QString& detail);
    // An event; `ackId` when the server waits for acknowledge(ackId, ...).
    void eventReceived(const QString& name, const QJsonArray& args, std::optional<qint64> ackId);

private:
    void attemptNow();
    void startTransport(bool polling);
    void onPacket(const QString& packet);
    void onMessage(const QString& text);
    void onTransportFailed(const QString& why, bool beforeAnyPacket);
    // Drops the transport and waits for the next attempt (or fails after the last).
    void lost(const QString& why);
    void setState(State state, const QString& detail = {});
    void dropTransport();
    void sendEngine(const QString& packet);

    QNetworkAccessManager* m_nam;
    QUrl m_endpoint;
    std::function<QJsonObject()> m_auth;
    Timing m_timing;
    Backoff m_backoff;
    std::function<double()> m_random;
    bool m_pollingOnly = false;
    bool m_websocketRefused = false; // the server took polling only, last time

    QPointer<EngineTransport> m_transport;
    QString m_transportName;
    QString m_sid;
    int m_connection = 0;
    State m_state = State::Idle;
    QString m_detail;
    bool m_refused = false;
    bool m_closing = false;
    int m_attempt = 0;
    QTimer m_reconnect;    // the wait before the next attempt
    QTimer m_connectLimit; // an attempt's 20 s
    QTimer m_pingLimit;    // pingInterval + pingTimeout without a ping
    QElapsedTimer m_lastServerDisconnect;
    qint64 m_nextAck = 0;
    QHash<qint64, std::function<void(QJsonArray)>> m_waiting;
};

} // namespace lyss
