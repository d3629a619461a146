// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/PollingTransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace lyss {

namespace {
constexpr QChar kSeparator(0x1e);
}

PollingTransport::PollingTransport(QNetworkAccessManager* nam, QObject* parent)
    : EngineTransport(parent)
    , m_nam(nam)
{
}

PollingTransport::~PollingTransport()
{
    m_closed = true;
    if (m_get)
        m_get->abort();
    if (m_post)
        m_post->abort();
}

QUrl PollingTransport::url() const
{
    QUrl url = m_endpoint;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("polling"));
    // A cache-buster, as browsers send: no proxy may answer a poll from its cache.
    query.addQueryItem(QStringLiteral("t"),
                       QString::number(QRandomGenerator::global()->generate(), 36));
    if (!m_sid.isEmpty())
        query.addQueryItem(QStringLiteral("sid"), m_sid);
    url.setQuery(query);
    return url;
}

void PollingTransport::open(const QUrl& endpoint)
{
    m_endpoint = endpoint;
    poll();
}

bool PollingTransport::bodyOf(QNetworkReply* reply, QByteArray* body, QString* why) const
{
    *body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
        return true;
    *why = status > 0 ? tr("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body->left(200)))
                      : reply->errorString();
    return false;
}

void PollingTransport::poll()
{
    if (m_closed || m_get)
        return;
    QNetworkRequest request(url());
    request.setTransferTimeout(kRequestTimeoutMs);
    m_get = m_nam->get(request);
    QNetworkReply* reply = m_get;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_closed)
            return;
        QByteArray body;
        QString why;
        if (!bodyOf(reply, &body, &why))
            return lost(why);
        m_get = nullptr;
        const QStringList packets = QString::fromUtf8(body).split(kSeparator, Qt::SkipEmptyParts);
        for (const QString& p : packets) {
            if (m_sid.isEmpty() && p.startsWith(QLatin1Char('0'))) {
                m_sid = QJsonDocument::fromJson(p.mid(1).toUtf8())
                            .object()
                            .value(QLatin1String("sid"))
                            .toString();
                if (m_sid.isEmpty())
                    return lost(tr("the server's open packet has no session id"));
            }
            m_any = true;
            Q_EMIT received(p);
            if (m_closed)
                return; // the client closed on that packet
        }
        flush(); // what waited for the session id
        poll();
    });
}

void PollingTransport::send(const QString& packet)
{
    if (m_closed)
        return;
    m_queue << packet;
    flush();
}

void PollingTransport::flush()
{
    if (m_closed || m_post || m_sid.isEmpty() || m_queue.isEmpty())
        return;
    const QByteArray body = m_queue.join(kSeparator).toUtf8();
    m_queue.clear();
    QNetworkRequest request(url());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("text/plain;charset=UTF-8"));
    request.setTransferTimeout(kRequestTimeoutMs);
    m_post = m_nam->post(request, body);
    QNetworkReply* reply = m_post;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_closed)
            return;
        QByteArray answer;
        QString why;
        if (!bodyOf(reply, &answer, &why))
            return lost(why);
        m_post = nullptr;
        flush();
    });
}

void PollingTransport::close()
{
    if (m_closed)
        return;
    // Said to the server ("1": close) when there is a session; not waited for.
    if (!m_sid.isEmpty()) {
        QNetworkRequest request(url());
        request.setTransferTimeout(5000);
        QNetworkReply* bye = m_nam->post(request, QByteArrayLiteral("1"));
        connect(bye, &QNetworkReply::finished, bye, &QObject::deleteLater);
    }
    m_closed = true;
    if (m_get)
        m_get->abort();
    if (m_post)
        m_post->abort();
}

void PollingTransport::lost(const QString& why)
{
    if (std::exchange(m_closed, true))
        return;
    if (m_get)
        m_get->abort();
    if (m_post)
        m_post->abort();
    Q_EMIT failed(why, !m_any);
}

} // namespace lyss
