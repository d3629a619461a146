// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/EngineTransport.h"

#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace lyss {

// Engine.IO by HTTP long-polling, for servers that allow nothing else (Open WebUI with
// ENABLE_WEBSOCKET_SUPPORT off): one GET at a time waits for packets (joined by \x1e),
// POSTs carry what is sent, one at a time, in order. The session id comes from the open
// packet of the first GET.
class PollingTransport final : public EngineTransport {
    Q_OBJECT

public:
    PollingTransport(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~PollingTransport() override;

    void open(const QUrl& endpoint) override;
    void send(const QString& packet) override;
    void close() override;
    QString name() const override { return QStringLiteral("polling"); }

    // A long GET is answered within the server's ping interval; past this it is dead.
    static constexpr int kRequestTimeoutMs = 60000;

private:
    QUrl url() const;
    void poll();
    void flush();
    void lost(const QString& why);
    // The reply's body, or the reason it failed (and false).
    bool bodyOf(QNetworkReply* reply, QByteArray* body, QString* why) const;

    QNetworkAccessManager* m_nam;
    QUrl m_endpoint;
    QString m_sid;
    QPointer<QNetworkReply> m_get;
    QPointer<QNetworkReply> m_post;
    QStringList m_queue;
    bool m_any = false;
    bool m_closed = false;
};

} // namespace lyss
