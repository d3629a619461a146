// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/Backend.h"

#include "backends/ChatStream.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace lyss {

Backend::Backend(Config config, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_nam(nam)
    , m_http(nam, m_config.kind, m_config.url,
             !m_config.apiKey.isEmpty() || !m_config.keyStore
                 ? std::make_shared<ApiKey>(m_config.apiKey)
                 : std::make_shared<ApiKey>(m_config.keyStore, backendSecretKey(m_config.name)))
{
    m_http.setJsonLimits(m_config.maxJsonBytes, m_config.jsonDeadlineMs);
}

void Backend::whenKeyRead(QObject* receiver, std::function<void()> then)
{
    QPointer<QObject> guard(receiver);
    m_http.apiKey()->whenRead(this, [guard, then = std::move(then)] {
        if (guard)
            then();
    });
}

void Backend::listModels(Callback<QList<ModelInfo>> done)
{
    whenKeyRead(this, [this, done = std::move(done)]() mutable { listModelsNow(std::move(done)); });
}

void Backend::probe(Callback<QString> done)
{
    whenKeyRead(this, [this, done = std::move(done)]() mutable { probeNow(std::move(done)); });
}

void Backend::recordChat(const ChatStream& stream)
{
    recordRequest(QStringLiteral("chat %1").arg(stream.model()),
                  stream.firstTokenMs() >= 0 ? stream.firstTokenMs() : stream.elapsedMs(),
                  stream.outcome() != ChatStream::Outcome::Failed);
}

void Backend::recordRequest(const QString& what, qint64 latencyMs, bool ok)
{
    ++m_stats.requests;
    m_stats.totalLatencyMs += latencyMs;
    if (!ok)
        ++m_stats.errors;
    if (latencyMs > BackendStats::kSlowMs) {
        m_stats.slow.append({what, latencyMs, QDateTime::currentDateTimeUtc()});
        if (m_stats.slow.size() > BackendStats::kSlowKept)
            m_stats.slow.removeFirst();
    }
}

void Backend::getJson(const QString& path, Callback<QJsonDocument> done)
{
    sendJson(m_http.getJson(path), QStringLiteral("GET ") + path, std::move(done));
}

void Backend::sendJson(QNetworkReply* reply, const QString& what, Callback<QJsonDocument> done)
{
    reply->setParent(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(reply, &QNetworkReply::finished, this, [this, reply, what, clock, done] {
        reply->deleteLater();
        Result<QJsonDocument> result = m_http.jsonResult(reply);
        recordRequest(what, clock->elapsed(), result.ok());
        done(std::move(result));
    });
}

namespace {
// Hands a request's answer over exactly once: should the request go with its backend (the
// servers were changed meanwhile), the caller still hears, from the event loop.
struct AnswerOnce {
    Backend::Callback<QJsonDocument> done;
    bool answered = false;
    void operator()(Result<QJsonDocument> r)
    {
        answered = true;
        done(std::move(r));
    }
    ~AnswerOnce()
    {
        if (answered || !done)
            return;
        QTimer::singleShot(0, QCoreApplication::instance(), [done = done] {
            done(Error{Backend::tr("the server was removed from Lyss before it answered"),
                       ErrorCode::Io});
        });
    }
};
} // namespace

void Backend::requestJson(const QString& path, const std::optional<QJsonObject>& body,
                          int timeoutMs, Callback<QJsonDocument> done)
{
    auto answer = std::make_shared<AnswerOnce>();
    answer->done = std::move(done);
    whenKeyRead(this, [this, path, body, timeoutMs, answer] {
        QNetworkReply* reply = body ? m_http.postJson(path, *body) : m_http.getJson(path);
        reply->setParent(this);
        auto timedOut = std::make_shared<bool>(false);
        auto* clock = new QTimer(reply);
        clock->setSingleShot(true);
        connect(clock, &QTimer::timeout, reply, [reply, timedOut] {
            *timedOut = true;
            reply->abort();
        });
        clock->start(timeoutMs);
        auto elapsed = std::make_shared<QElapsedTimer>();
        elapsed->start();
        const QString what = (body ? QStringLiteral("POST ") : QStringLiteral("GET ")) + path;
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, what, elapsed, timedOut, timeoutMs, answer] {
                    reply->deleteLater();
                    Result<QJsonDocument> result = m_http.jsonResult(reply);
                    recordRequest(what, elapsed->elapsed(), result.ok());
                    if (*timedOut) {
                        (*answer)(Error{tr("%1 did not answer %2 within %3 s.")
                                            .arg(m_http.serverLabel(), what)
                                            .arg(timeoutMs / 1000.0),
                                        ErrorCode::TimedOut});
                        return;
                    }
                    // The server answered, and said no: its own words when it gave some.
                    if (const int status = HttpClient::httpStatus(reply);
                        !result && status >= 400) {
                        const QJsonValue detail = QJsonDocument::fromJson(HttpClient::bodyOf(reply))
                                                      .object()
                                                      .value(QLatin1String("detail"));
                        (*answer)(Error{detail.isString() && !detail.toString().trimmed().isEmpty()
                                            ? detail.toString().trimmed()
                                            : result.errorMessage(),
                                        ErrorCode::Refused});
                        return;
                    }
                    (*answer)(std::move(result));
                });
    });
}

} // namespace lyss
