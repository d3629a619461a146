// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenWebUiSignIn.h"

#include "backends/ApiKey.h"
#include "backends/HttpClient.h"
#include "backends/StreamEvent.h"

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
                if (status == 400 || status == 401 || status == 403) {
                    // Open WebUI says 400 "The email or password provided is incorrect...".
                    const QString said =
                        errorMessageFromJson(QJsonDocument::fromJson(body).object());
                    return done(Error{
                        tr("The Open WebUI server at %1 did not take that email and password%2. "
                           "Check both, and try again.")
                            .arg(server.toString(),
                                 said.isEmpty() ? QString() : tr(" (it said: %1)").arg(said)),
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
    // Nobody waits any more: the request goes.
    QObject::connect(context, &QObject::destroyed, reply, [reply] {
        reply->abort();
        reply->deleteLater();
    });
}

} // namespace lyss
