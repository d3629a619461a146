// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

class QNetworkAccessManager;

namespace lyss {

// Requests to one server, and the words for what went wrong: a user reads which
// server was tried, what happened, and what to do.
class HttpClient {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)

public:
    HttpClient(QNetworkAccessManager* nam, BackendKind kind, QUrl base, QString apiKey);

    QUrl url(const QString& path) const;
    QNetworkReply* get(const QString& path) const;
    QNetworkReply* post(const QString& path, const QJsonObject& body) const;
    QNetworkReply* deleteWithBody(const QString& path, const QJsonObject& body) const;

    // After `reply` finished: its JSON body, or the error in words.
    Result<QJsonDocument> jsonResult(QNetworkReply* reply) const;
    // Why a request failed. `body` is what the server answered, if anything; `model`
    // lets a 404 say which model is missing.
    QString describeFailure(QNetworkReply* reply, const QByteArray& body,
                            const QString& model = {}) const;
    QString serverLabel() const;

    static int httpStatus(const QNetworkReply* reply);

private:
    QNetworkRequest request(const QString& path) const;

    QNetworkAccessManager* m_nam;
    BackendKind m_kind;
    QUrl m_base;
    QString m_apiKey;
};

} // namespace lyss
