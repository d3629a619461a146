// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/HttpClient.h"

#include "backends/StreamEvent.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

namespace lyss {

HttpClient::HttpClient(QNetworkAccessManager* nam, BackendKind kind, QUrl base,
                       std::shared_ptr<ApiKey> apiKey)
    : m_nam(nam)
    , m_kind(kind)
    , m_base(std::move(base))
    , m_apiKey(apiKey ? std::move(apiKey) : std::make_shared<ApiKey>())
{
}

QUrl HttpClient::url(const QString& path) const
{
    QUrl u = m_base;
    QString basePath = u.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    u.setPath(basePath + path);
    return u;
}

QNetworkRequest HttpClient::request(const QString& path) const
{
    QNetworkRequest r(url(path));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setRawHeader("Accept", "application/json, application/x-ndjson, text/event-stream");
    r.setHeader(QNetworkRequest::UserAgentHeader,
                QStringLiteral("lyss/%1").arg(QCoreApplication::applicationVersion()));
    if (const QString key = m_apiKey->value(); !key.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    // Streams must arrive as they are written, and a stream may run for a long time:
    // the idle limit is ours (ChatStream), not a total transfer limit.
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setTransferTimeout(0);
    // Qt would follow a redirect anywhere, re-sending the key and the chat; guard() lets
    // only those to the configured origin through.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                   QNetworkRequest::UserVerifiedRedirectPolicy);
    // No cookies: Open WebUI sets its token as one at sign-in, and a cookie goes to every
    // port of a host (Ollama beside it), outlives a removed server and skips the keyring.
    r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    return r;
}

namespace {
const char* const kRefusedRedirect = "lyss.refusedRedirect";
const char* const kTooLarge = "lyss.tooLarge";
const char* const kTooSlow = "lyss.tooSlow";
const char* const kBody = "lyss.body";

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}
} // namespace

QNetworkReply* HttpClient::guard(QNetworkReply* reply) const
{
    const QUrl origin = m_base;
    QObject::connect(reply, &QNetworkReply::redirected, reply, [reply, origin](const QUrl& to) {
        const QUrl target = reply->url().resolved(to);
        if (sameOrigin(target, origin)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        reply->setProperty(kRefusedRedirect, target);
        reply->abort();
    });
    return reply;
}

QUrl HttpClient::refusedRedirect(const QNetworkReply* reply)
{
    return reply->property(kRefusedRedirect).toUrl();
}

void HttpClient::setJsonLimits(qint64 maxBytes, int deadlineMs)
{
    m_maxJsonBytes = maxBytes;
    m_jsonDeadlineMs = deadlineMs;
}

QNetworkReply* HttpClient::bounded(QNetworkReply* reply) const
{
    // What arrives is taken out of Qt's buffer as it comes, so a server that sends more
    // than the limit is stopped there, whatever it meant to send.
    auto* body = new QBuffer(reply);
    body->setObjectName(QLatin1String(kBody));
    const qint64 maxBytes = m_maxJsonBytes;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, body, maxBytes] {
        if (reply->property(kTooLarge).isValid())
            return;
        body->buffer() += reply->readAll();
        if (body->buffer().size() > maxBytes) {
            reply->setProperty(kTooLarge, maxBytes);
            body->buffer().clear();
            reply->abort();
        }
    });
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, ms = m_jsonDeadlineMs] {
        if (reply->isRunning()) {
            reply->setProperty(kTooSlow, ms);
            reply->abort();
        }
    });
    deadline->start(m_jsonDeadlineMs);
    return reply;
}

QNetworkReply* HttpClient::getJson(const QString& path) const
{
    return bounded(guard(m_nam->get(request(path))));
}

QNetworkReply* HttpClient::postJson(const QString& path, const QJsonObject& body) const
{
    return bounded(post(path, body));
}

QNetworkReply* HttpClient::post(const QString& path, const QJsonObject& body) const
{
    return guard(m_nam->post(request(path), QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

QNetworkReply* HttpClient::deleteJson(const QString& path, const QJsonObject& body) const
{
    return bounded(guard(m_nam->sendCustomRequest(
        request(path), "DELETE", QJsonDocument(body).toJson(QJsonDocument::Compact))));
}

int HttpClient::httpStatus(const QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QString HttpClient::serverLabel() const
{
    switch (m_kind) {
    case BackendKind::Ollama:
        return tr("the Ollama server at %1").arg(m_base.toString());
    case BackendKind::OpenWebUi:
        return tr("the Open WebUI server at %1").arg(m_base.toString());
    case BackendKind::OpenAI:
        break;
    }
    return tr("the server at %1").arg(m_base.toString());
}

QByteArray HttpClient::bodyOf(QNetworkReply* reply)
{
    // An aborted reply (a refused redirect, a limit) is closed: nothing more to read.
    QByteArray body;
    if (auto* kept = reply->findChild<QBuffer*>(QLatin1String(kBody), Qt::FindDirectChildrenOnly))
        body = kept->buffer();
    if (reply->isOpen())
        body += reply->readAll();
    return body;
}

Result<QJsonDocument> HttpClient::jsonResult(QNetworkReply* reply) const
{
    const QByteArray body = bodyOf(reply);
    const int status = httpStatus(reply);
    if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300 ||
        reply->property(kTooLarge).isValid()) {
        const bool refused = status == 401 || status == 403;
        return Error{describeFailure(reply, body),
                     refused ? ErrorCode::Unauthorised : ErrorCode::Unknown};
    }
    QJsonParseError parseError{};
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{tr("%1 answered something that is not JSON (%2). Is that address really a "
                        "model server?")
                         .arg(serverLabel(), parseError.errorString())};
    return doc;
}

QString HttpClient::describeFailure(QNetworkReply* reply, const QByteArray& body,
                                    const QString& model) const
{
    if (const QVariant max = reply->property(kTooLarge); max.isValid())
        return tr("%1 sent more than %2 MiB where a short JSON answer was expected, so Lyss "
                  "stopped reading. Is that address really a model server?")
            .arg(serverLabel())
            .arg(max.toLongLong() / (1024 * 1024));
    if (const QVariant ms = reply->property(kTooSlow); ms.isValid())
        return tr("%1 had not finished a short answer after %2 s, so Lyss gave up. The server "
                  "may be overloaded, or not be a model server.")
            .arg(serverLabel())
            .arg(ms.toInt() / 1000);
    if (const QUrl to = refusedRedirect(reply); to.isValid())
        return tr("%1 tried to send the request on to %2, another server. Lyss did not follow, "
                  "so neither the API key nor the chat went there. If the server has really "
                  "moved, change its address in Settings or with \"lyss-cli backends\".")
            .arg(serverLabel(), to.toDisplayString(QUrl::RemoveUserInfo));
    const int status = httpStatus(reply);
    QString serverText;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        serverText = errorMessageFromBody(doc.object());
    if (serverText.isEmpty())
        serverText = QString::fromUtf8(body.left(300)).trimmed();

    if (status == 0) {
        QString hint;
        if (m_kind == BackendKind::Ollama)
            hint = tr("Is Ollama running? Start it with \"ollama serve\", or point Lyss at the "
                      "right address with \"lyss-cli backends\".");
        else
            hint = tr("Is the server running, and is the address right?");
        return tr("Cannot reach %1: %2. %3").arg(serverLabel(), reply->errorString(), hint);
    }
    // Open WebUI answers an ended or revoked token with 401; 403 is a rule of the server's
    // (a route or a feature not allowed), said in its own words below.
    if (status == 401 && !m_signInName.isEmpty() && m_apiKey->problem().isEmpty()) {
        m_apiKey->readAgain(); // a sign-in renewed meanwhile is used from the next request
        return tr("%1 no longer takes your sign-in (HTTP %2: %3): it has ended or was "
                  "revoked. Sign in again in Settings › Servers, or with: lyss-cli backends "
                  "login %4")
            .arg(serverLabel())
            .arg(status)
            .arg(serverText, m_signInName);
    }
    if (status == 401 || status == 403) {
        if (!m_apiKey->problem().isEmpty())
            return tr("%1 refused the request (HTTP %2: %3). Its API key could not be read "
                      "from the keyring: %4. Unlock the keyring, or enter the key again in "
                      "Settings.")
                .arg(serverLabel())
                .arg(status)
                .arg(serverText, m_apiKey->problem());
        return tr("%1 refused the request (HTTP %2: %3). Check the API key.")
            .arg(serverLabel())
            .arg(status)
            .arg(serverText);
    }
    if (status == 404 && !model.isEmpty())
        return m_kind == BackendKind::Ollama
                   ? tr("The model \"%1\" is not on %2. Download it with: lyss-cli pull %1")
                         .arg(model, serverLabel())
                   : tr("The model \"%1\" is not available on %2 (%3).")
                         .arg(model, serverLabel(), serverText);
    if (status == 404)
        return tr("%1 has no %2 (HTTP 404). Is the address right%3?")
            .arg(serverLabel(), reply->url().path(),
                 m_kind == BackendKind::OpenAI ? tr(", including /v1 if the server needs it")
                                               : QString());
    return tr("%1 answered HTTP %2: %3").arg(serverLabel()).arg(status).arg(serverText);
}

} // namespace lyss
