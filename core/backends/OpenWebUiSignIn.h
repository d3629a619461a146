// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <functional>

class QNetworkAccessManager;
class QObject;

namespace lyss {

// What an Open WebUI server answers a sign-in with.
struct OpenWebUiSession {
    QString token;          // sent as a Bearer token; kept in the keyring, never in the database
    qint64 expiresAtMs = 0; // 0: the server gave no end (its JWT_EXPIRES_IN is -1)
    QString email;
    QString name;
    QString role;
};

// Signs in to an Open WebUI server with an email and a password
// (POST /api/v1/auths/signin). The password goes to the server and nowhere else.
class OpenWebUiSignIn {
    Q_DECLARE_TR_FUNCTIONS(OpenWebUiSignIn)

public:
    // Asks `server` (its root address); `done` runs later on `context`'s thread with the
    // session, or the error in words: a wrong email or password (ErrorCode::Unauthorised),
    // an account an admin has not approved yet (Refused), a server not reached.
    static void signIn(QNetworkAccessManager* nam, const QUrl& server, const QString& email,
                       const QString& password, QObject* context,
                       std::function<void(Result<OpenWebUiSession>)> done);
    // The session in a sign-in's answer, or why it is not one.
    static Result<OpenWebUiSession> sessionFrom(const QJsonObject& answer, const QUrl& server);
    // Ends the sign-in whose token is `token` at the server (GET /api/v1/auths/signout,
    // which revokes the token where the server keeps revoked ones), as its web page does
    // on signing out. `done` gets whether the server said yes (or that the token had ended
    // already).
    static void signOut(QNetworkAccessManager* nam, const QUrl& server, const QString& token,
                        QObject* context, std::function<void(Status)> done);
    // Whose API key `key` is on `server` (its account's email), asked before the key is
    // kept (`name`: the server's, for the messages). A key the server refuses is an
    // Unauthorised error that says so and where to check it; any other error (the server
    // cannot be reached now) is the server's own.
    static void whoseKey(QNetworkAccessManager* nam, const QString& name, const QUrl& server,
                         const QString& key, QObject* context,
                         std::function<void(Result<QString>)> done);
    // How long before a sign-in ends Lyss asks to sign in again: three days, or the last
    // quarter of a sign-in that lasts less than twelve days (a token of a day asks six
    // hours before, not at once).
    static constexpr qint64 kRenewBeforeMs = 3LL * 24 * 3600 * 1000;
    // Whether a sign-in from `sinceMs` (0: not known) ending at `untilMs` (0: never)
    // should be renewed at `nowMs`.
    static bool endsSoon(qint64 untilMs, qint64 nowMs, qint64 sinceMs = 0)
    {
        if (untilMs <= 0)
            return false;
        qint64 before = kRenewBeforeMs;
        if (sinceMs > 0 && sinceMs < untilMs)
            before = std::min(before, (untilMs - sinceMs) / 4);
        return untilMs - nowMs < before;
    }
    // What to tell someone about to send their password to `server`: "" over https or to
    // this computer; over plain http to another one, that it travels readable.
    static QString passwordExposure(const QUrl& server);
};

} // namespace lyss
