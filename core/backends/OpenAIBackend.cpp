// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenAIBackend.h"

#include "backends/HttpChatStream.h"
#include "backends/OpenAIStreamDecoder.h"

#include <QJsonArray>

namespace lyss {

void OpenAIBackend::listModelsNow(Callback<QList<ModelInfo>> done)
{
    getJson(QStringLiteral("/models"), [this, done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        QList<ModelInfo> out;
        const QJsonArray data = r->object().value(QLatin1String("data")).toArray();
        for (const QJsonValue& v : data) {
            // A Pipelines server lists its filters among its models: they are no chat model.
            if (v.toObject()
                    .value(QLatin1String("pipeline"))
                    .toObject()
                    .value(QLatin1String("type"))
                    .toString() == QLatin1String("filter"))
                continue;
            ModelInfo m;
            m.name = v.toObject().value(QLatin1String("id")).toString();
            m.displayName = m.name;
            m.backendName = name();
            m.backendKind = BackendKind::OpenAI;
            const qint64 created = v.toObject().value(QLatin1String("created")).toInteger(0);
            if (created > 0)
                m.modifiedAt = QDateTime::fromSecsSinceEpoch(created, Qt::UTC);
            if (!m.name.isEmpty())
                out.append(m);
        }
        done(out);
    });
}

void OpenAIBackend::probeNow(Callback<QString> done)
{
    getJson(QStringLiteral("/models"), [done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        done(QStringLiteral("ok"));
    });
}

QJsonObject OpenAIBackend::chatBody(const ChatRequest& request)
{
    const QJsonArray messages = request.messagesJson();
    QJsonObject body{
        {QStringLiteral("model"), request.model},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
    if (request.options.temperature)
        body.insert(QStringLiteral("temperature"), *request.options.temperature);
    if (request.options.seed)
        body.insert(QStringLiteral("seed"), *request.options.seed);
    return body;
}

ChatStream* OpenAIBackend::chat(const ChatRequest& request)
{
    QNetworkReply* reply = m_http.post(QStringLiteral("/chat/completions"), chatBody(request));
    return new HttpChatStream(reply, std::make_unique<OpenAIStreamDecoder>(m_config.maxLineBytes),
                              m_http, request.model, m_config.idleTimeoutMs, this);
}

} // namespace lyss
