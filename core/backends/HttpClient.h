// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ApiKey.h"
#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace lyss {

// Requests to one server, and the words for what went wrong: a user reads which
// server was tried, what happened, and what to do.
class HttpClient {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)

public:
    HttpClient(QNetworkAccessManager* nam, BackendKind kind, QUrl base,
               std::shared_ptr<ApiKey> apiKey);

    // A short JSON answer (a model list, a version) is at most this large and takes at
    // most this long: a server that sends more, or never ends, is stopped and named.
    // (Streams have their own limits: a line's length and the idle time.)
    static constexpr qint64 kMaxJsonBytes = 32 * 1024 * 1024;
    static constexpr int kJsonDeadlineMs = 60 * 1000;
    void setJsonLimits(qint64 maxBytes, int deadlineMs);
    // The server takes a sign-in's token (an Open WebUI server signed in to as a person):
    // a refusal then says that sign-in has ended and how to sign in to `backendName` again,
    // as ErrorCode::Unauthorised.
    void setSignIn(const QString& backendName) { m_signInName = backendName; }

    QUrl url(const QString& path) const;
    // Requests for a short JSON answer, within the limits above.
    QNetworkReply* getJson(const QString& path) const;
    QNetworkReply* postJson(const QString& path, const QJsonObject& body) const;
    QNetworkReply* deleteJson(const QString& path, const QJsonObject& body) const;
    // A request for a stream.
    QNetworkReply* post(const QString& path, const QJsonObject& body) const;

    // What a finished reply sent (a short answer's body is collected as it comes).
    static QByteArray bodyOf(QNetworkReply* reply);
    // After `reply` finished: its JSON body, or the error in words.
    Result<QJsonDocument> jsonResult(QNetworkReply* reply) const;
    // Why a request failed. `body` is what the server answered, if anything; `model`
    // lets a 404 say which model is missing.
    QString describeFailure(QNetworkReply* reply, const QByteArray& body,
                            const QString& model = {}) const;
    QString serverLabel() const;
    const std::shared_ptr<ApiKey>& apiKey() const { return m_apiKey; }

    static int httpStatus(const QNetworkReply* reply);
    // Where the server tried to redirect `reply` to another origin (and was refused), or
    // an invalid URL.
    static QUrl refusedRedirect(const QNetworkReply* reply);

private:
    QNetworkRequest request(const QString& path) const;
    // Follows redirects only within the configured origin (scheme, host and port).
    QNetworkReply* guard(QNetworkReply* reply) const;
    // Stops a short answer past the size or time limit.
    QNetworkReply* bounded(QNetworkReply* reply) const;

    QNetworkAccessManager* m_nam;
    BackendKind m_kind;
    QUrl m_base;
    std::shared_ptr<ApiKey> m_apiKey;
    qint64 m_maxJsonBytes = kMaxJsonBytes;
    int m_jsonDeadlineMs = kJsonDeadlineMs;
    QString m_signInName;
};

} // namespace lyss
