// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OllamaBackend.h"

#include "backends/HttpChatStream.h"
#include "backends/OllamaStreamDecoder.h"

#include <QJsonArray>

namespace lyss {

ModelInfo OllamaBackend::modelFromJson(const QJsonObject& o, const QString& backendName)
{
    ModelInfo m;
    m.name = o.value(QLatin1String("name")).toString();
    if (m.name.isEmpty())
        m.name = o.value(QLatin1String("model")).toString();
    m.backendName = backendName;
    m.backendKind = BackendKind::Ollama;
    m.displayName = m.name;
    m.sizeBytes = o.value(QLatin1String("size")).toInteger(-1);
    const QJsonObject d = o.value(QLatin1String("details")).toObject();
    m.family = d.value(QLatin1String("family")).toString();
    m.parameterSize = d.value(QLatin1String("parameter_size")).toString();
    m.quantization = d.value(QLatin1String("quantization_level")).toString();
    m.modifiedAt =
        QDateTime::fromString(o.value(QLatin1String("modified_at")).toString(), Qt::ISODateWithMs);
    m.sizeVram = o.value(QLatin1String("size_vram")).toInteger(-1);
    m.expiresAt =
        QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs);
    return m;
}

namespace {
QList<ModelInfo> modelsFrom(const QJsonDocument& doc, const QString& backendName)
{
    QList<ModelInfo> out;
    const QJsonArray models = doc.object().value(QLatin1String("models")).toArray();
    for (const QJsonValue& v : models)
        out.append(OllamaBackend::modelFromJson(v.toObject(), backendName));
    return out;
}
} // namespace

void OllamaBackend::listModelsNow(Callback<QList<ModelInfo>> done)
{
    getJson(QStringLiteral("/api/tags"), [this, done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        done(modelsFrom(*r, name()));
    });
}

void OllamaBackend::loadedModels(Callback<QList<ModelInfo>> done)
{
    getJson(QStringLiteral("/api/ps"), [this, done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        done(modelsFrom(*r, name()));
    });
}

void OllamaBackend::probeNow(Callback<QString> done)
{
    getJson(QStringLiteral("/api/version"), [done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        done(r->object().value(QLatin1String("version")).toString());
    });
}

void OllamaBackend::show(const QString& model, Callback<QJsonObject> done)
{
    QNetworkReply* reply =
        m_http.postJson(QStringLiteral("/api/show"), QJsonObject{{QStringLiteral("model"), model}});
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, model, done] {
        reply->deleteLater();
        if (HttpClient::httpStatus(reply) == 404)
            return done(Error{m_http.describeFailure(reply, HttpClient::bodyOf(reply), model)});
        auto r = m_http.jsonResult(reply);
        if (!r)
            return done(r.error());
        done(r->object());
    });
}

void OllamaBackend::deleteModel(const QString& model, Callback<bool> done)
{
    QNetworkReply* reply = m_http.deleteJson(QStringLiteral("/api/delete"),
                                             QJsonObject{{QStringLiteral("model"), model}});
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, model, done] {
        reply->deleteLater();
        const int status = HttpClient::httpStatus(reply);
        const QByteArray body = HttpClient::bodyOf(reply);
        if (status == 404)
            return done(
                Error{tr("There is no model \"%1\" on %2.").arg(model, m_http.serverLabel())});
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300)
            return done(Error{m_http.describeFailure(reply, body, model)});
        done(true);
    });
}

QJsonObject OllamaBackend::chatBody(const ChatRequest& request)
{
    const QJsonArray messages = request.messagesJson();
    QJsonObject options;
    if (request.options.temperature)
        options.insert(QStringLiteral("temperature"), *request.options.temperature);
    if (request.options.contextLength)
        options.insert(QStringLiteral("num_ctx"), *request.options.contextLength);
    if (request.options.seed)
        options.insert(QStringLiteral("seed"), *request.options.seed);
    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), true}};
    if (!options.isEmpty())
        body.insert(QStringLiteral("options"), options);
    if (!request.options.keepAlive.isEmpty())
        body.insert(QStringLiteral("keep_alive"), request.options.keepAlive);
    if (request.options.think)
        body.insert(QStringLiteral("think"), *request.options.think);
    return body;
}

ChatStream* OllamaBackend::chat(const ChatRequest& request)
{
    QNetworkReply* reply = m_http.post(QStringLiteral("/api/chat"), chatBody(request));
    return new HttpChatStream(reply, std::make_unique<OllamaStreamDecoder>(m_config.maxLineBytes),
                              m_http, request.model, m_config.idleTimeoutMs, this);
}

PullOperation* OllamaBackend::pull(const QString& model)
{
    QNetworkReply* reply =
        m_http.post(QStringLiteral("/api/pull"), QJsonObject{{QStringLiteral("model"), model},
                                                             {QStringLiteral("stream"), true}});
    return new PullOperation(reply, m_http, model, this);
}

PullOperation::PullOperation(QNetworkReply* reply, HttpClient client, QString model,
                             QObject* parent)
    : QObject(parent)
    , m_reply(reply)
    , m_client(std::move(client))
    , m_model(std::move(model))
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &PullOperation::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &PullOperation::onFinished);
}

void PullOperation::onReadyRead()
{
    if (m_done || !m_reply)
        return;
    const QByteArray data = m_reply->readAll();
    const int status = HttpClient::httpStatus(m_reply);
    if (status >= 300) {
        m_errorBody += data.left(64 * 1024 - m_errorBody.size());
        return;
    }
    QList<QByteArray> lines;
    m_lines.feed(data, lines);
    if (m_lines.overflowed()) {
        fail(tr("Pulling %1 failed: %2").arg(m_model, lineTooLongMessage(m_lines.maxLineBytes())));
        return;
    }
    for (const QByteArray& line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (const QString error = errorMessageFromJson(o); !error.isEmpty()) {
            fail(tr("Pulling %1 failed: %2").arg(m_model, error));
            return;
        }
        const QString s = o.value(QLatin1String("status")).toString();
        if (s == QLatin1String("success"))
            m_success = true;
        Q_EMIT progress(s, o.value(QLatin1String("completed")).toInteger(-1),
                        o.value(QLatin1String("total")).toInteger(-1));
    }
}

void PullOperation::onFinished()
{
    if (m_done || !m_reply)
        return;
    onReadyRead();
    if (m_done)
        return;
    const int status = HttpClient::httpStatus(m_reply);
    if (status >= 300 || (status == 0 && m_reply->error() != QNetworkReply::NoError)) {
        fail(m_client.describeFailure(m_reply, m_errorBody));
        return;
    }
    if (!m_success) {
        fail(tr("The connection closed before pulling %1 finished. Run the pull again: Ollama "
                "continues where it stopped.")
                 .arg(m_model));
        return;
    }
    m_done = true;
    Q_EMIT finished();
}

void PullOperation::fail(const QString& error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    if (m_reply && m_reply->isRunning()) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    Q_EMIT finished();
}

void PullOperation::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    fail(tr("Pulling %1 was cancelled.").arg(m_model));
}

} // namespace lyss
