// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenWebUiSignIn.h"

#include "backends/ApiKey.h"
#include "backends/HttpClient.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/StreamEvent.h"
#include "util/Sentences.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

namespace lyss {

Result<OpenWebUiSession> OpenWebUiSignIn::sessionFrom(const QJsonObject& answer, const QUrl& server)
{
    OpenWebUiSession s;
    s.token = answer.value(QLatin1String("token")).toString();
    s.email = answer.value(QLatin1String("email")).toString();
    s.name = answer.value(QLatin1String("name")).toString();
    s.role = answer.value(QLatin1String("role")).toString();
    // Seconds since the epoch; null when tokens never end on that server.
    const qint64 expires = answer.value(QLatin1String("expires_at")).toInteger(0);
    s.expiresAtMs = expires > 0 ? expires * 1000 : 0;
    if (s.token.isEmpty())
        return Error{tr("The Open WebUI server at %1 answered the sign-in without a token. Is "
                        "that address really an Open WebUI server?")
                         .arg(server.toString())};
    if (s.role == QLatin1String("pending"))
        return Error{tr("Your account on the Open WebUI server at %1 is waiting for an admin "
                        "to approve it. Sign in again once they have.")
                         .arg(server.toString()),
                     ErrorCode::Refused};
    return s;
}

void OpenWebUiSignIn::signOut(QNetworkAccessManager* nam, const QUrl& server, const QString& token,
                              QObject* context, std::function<void(Status)> done)
{
    const HttpClient http(nam, BackendKind::OpenWebUi, server, std::make_shared<ApiKey>(token));
    QNetworkReply* reply = http.getJson(QStringLiteral("/api/v1/auths/signout"));
    QObject::connect(reply, &QNetworkReply::finished, context,
                     [reply, http, done = std::move(done)] {
                         reply->deleteLater();
                         auto answer = http.jsonResult(reply);
                         // A token the server no longer takes (401) has ended already; a
                         // route refused (403) has not.
                         const bool ended = answer || HttpClient::httpStatus(reply) == 401;
                         done(ended ? Status() : Status(answer.error()));
                     });
}

void OpenWebUiSignIn::whoseKey(QNetworkAccessManager* nam, const QString& name, const QUrl& server,
                               const QString& key, QObject* context,
                               std::function<void(Result<QString>)> done)
{
    auto* probe = new OpenWebUiBackend({name, BackendKind::OpenWebUi, server, key}, nam, context);
    probe->probe([probe, server, done = std::move(done)](Result<QString> who) {
        probe->deleteLater();
        if (!who && who.errorCode() == ErrorCode::Unauthorised)
            return done(Error{
                joinSentences(
                    tr("%1 refused this API key: %2").arg(server.toString(), who.errorMessage()),
                    tr("Check the key (on the server: Settings › "
                       "Account).")),
                ErrorCode::Unauthorised});
        done(std::move(who));
    });
}

void OpenWebUiSignIn::signIn(QNetworkAccessManager* nam, const QUrl& server, const QString& email,
                             const QString& password, QObject* context,
                             std::function<void(Result<OpenWebUiSession>)> done)
{
    const HttpClient http(nam, BackendKind::OpenWebUi, server, std::make_shared<ApiKey>());
    QNetworkReply* reply = http.postJson(
        QStringLiteral("/api/v1/auths/signin"),
        QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    QObject::connect(
        reply, &QNetworkReply::finished, context, [reply, http, server, done = std::move(done)] {
            reply->deleteLater();
            const int status = HttpClient::httpStatus(reply);
            const QByteArray body = HttpClient::bodyOf(reply);
            if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
                const QString said = errorMessageFromBody(QJsonDocument::fromJson(body).object());
                if (status == 403)
                    return done(Error{tr("The Open WebUI server at %1 does not take sign-ins "
                                         "with a password (it said: %2). Use an API key "
                                         "from your account's settings there instead.")
                                          .arg(server.toString(), said),
                                      ErrorCode::Refused});
                if (status == 429)
                    return done(Error{tr("The Open WebUI server at %1 has had too many sign-in "
                                         "attempts for this account. Wait a few minutes, then "
                                         "try again.")
                                          .arg(server.toString()),
                                      ErrorCode::Refused});
                if (status == 400 || status == 401) {
                    // Open WebUI says 400 "The email or password provided is incorrect...".
                    return done(
                        Error{said.isEmpty()
                                  ? tr("The Open WebUI server at %1 did not take that email and "
                                       "password. Check both, and try again.")
                                        .arg(server.toString())
                                  : tr("The Open WebUI server at %1 did not take that email and "
                                       "password (it said: %2). Check both, and try again.")
                                        .arg(server.toString(), said),
                              ErrorCode::Unauthorised});
                }
                return done(Error{http.describeFailure(reply, body)});
            }
            QJsonParseError parseError{};
            const QJsonDocument answer = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !answer.isObject())
                return done(Error{tr("The Open WebUI server at %1 answered the sign-in with "
                                     "something that is not JSON. Is that address really an "
                                     "Open WebUI server?")
                                      .arg(server.toString())});
            done(sessionFrom(answer.object(), server));
        });
    // Nobody waits any more: the request goes with `context`, quietly (a deleted reply
    // emits nothing; an aborted one would answer a caller half gone).
    reply->setParent(context);
}

QString OpenWebUiSignIn::passwordExposure(const QUrl& server)
{
    if (server.scheme() != QLatin1String("http"))
        return {};
    const QString host = server.host();
    const QHostAddress address(host);
    if (host == QLatin1String("localhost") || address.isLoopback())
        return {};
    return tr("Your password goes to %1 over plain http: anyone on the network between can "
              "read it (and the sign-in after it). Use https:// if the server offers it.")
        .arg(server.host());
}

} // namespace lyss
