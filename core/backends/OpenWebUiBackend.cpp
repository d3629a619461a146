// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenWebUiBackend.h"

#include "backends/ApiKey.h"
#include "backends/HttpChatStream.h"
#include "backends/OpenAIBackend.h"
#include "backends/OpenAIStreamDecoder.h"
#include "backends/OpenWebUiHttpStream.h"
#include "realtime/ServerChannel.h"
#include "realtime/ServerRunStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QUuid>

#include <algorithm>

namespace lyss {

OpenWebUiBackend::OpenWebUiBackend(Config config, QNetworkAccessManager* nam, QObject* parent)
    : Backend(std::move(config), nam, parent)
{
    if (!m_config.account.isEmpty())
        m_http.setSignIn(m_config.name);
}

namespace {

QJsonObject metaOf(const QJsonObject& model)
{
    return model.value(QLatin1String("info")).toObject().value(QLatin1String("meta")).toObject();
}

bool anyToolAttached(const QJsonObject& answer)
{
    const QJsonArray models = answer.value(QLatin1String("data")).toArray();
    return std::any_of(models.begin(), models.end(), [](const QJsonValue& m) {
        return !metaOf(m.toObject()).value(QLatin1String("toolIds")).toArray().isEmpty();
    });
}

} // namespace

QList<ModelInfo> OpenWebUiBackend::modelsFrom(const QJsonObject& answer, const QString& backendName,
                                              const QHash<QString, QString>& usableTools)
{
    QList<ModelInfo> out;
    for (const QJsonValue& v : answer.value(QLatin1String("data")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("pipeline")).toObject().value(QLatin1String("type")).toString() ==
            QLatin1String("filter"))
            continue; // a Pipelines filter, listed among the models
        ModelInfo m;
        m.name = o.value(QLatin1String("id")).toString();
        if (m.name.isEmpty())
            continue;
        m.displayName = m.name;
        m.title = o.value(QLatin1String("name")).toString().trimmed();
        if (m.title == m.name)
            m.title.clear();
        m.backendName = backendName;
        m.backendKind = BackendKind::OpenWebUi;
        const QJsonObject ollama = o.value(QLatin1String("ollama")).toObject();
        if (!ollama.isEmpty()) {
            // A model of an Ollama server behind it: what Ollama says of it.
            m.sizeBytes = ollama.value(QLatin1String("size")).toInteger(-1);
            const QJsonObject details = ollama.value(QLatin1String("details")).toObject();
            m.family = details.value(QLatin1String("family")).toString();
            m.parameterSize = details.value(QLatin1String("parameter_size")).toString();
            m.quantization = details.value(QLatin1String("quantization_level")).toString();
        }
        const qint64 created = o.value(QLatin1String("created")).toInteger(0);
        if (created > 0)
            m.modifiedAt = QDateTime::fromSecsSinceEpoch(created, Qt::UTC);
        // As its web page starts a chat with the model: the attached tools this person may
        // use, and the default filters among the model's switchable ones (`filters`).
        const QJsonObject meta = metaOf(o);
        for (const QJsonValue& id : meta.value(QLatin1String("toolIds")).toArray()) {
            const QString tool = id.toString();
            if (usableTools.contains(tool) && !m.toolIds.contains(tool)) {
                m.toolIds << tool;
                if (const QString named = usableTools.value(tool); !named.isEmpty())
                    m.toolNames.insert(tool, named);
            }
        }
        QSet<QString> switchable;
        for (const QJsonValue& f : o.value(QLatin1String("filters")).toArray())
            switchable.insert(f.toObject().value(QLatin1String("id")).toString());
        for (const QJsonValue& id : meta.value(QLatin1String("defaultFilterIds")).toArray()) {
            const QString filter = id.toString();
            if (switchable.contains(filter) && !m.filterIds.contains(filter))
                m.filterIds << filter;
        }
        out.append(m);
    }
    return out;
}

QString OpenWebUiBackend::token() const
{
    return m_http.apiKey()->value();
}

void OpenWebUiBackend::whenVersionKnown(QObject* context, std::function<void(const QString&)> then)
{
    if (!m_version.isEmpty())
        return then(m_version);
    QPointer<QObject> guard(context);
    fetchVersion([this, guard, then] {
        if (guard)
            then(m_version);
    });
}

void OpenWebUiBackend::fetchVersion(std::function<void()> then)
{
    // Open WebUI answers anyone here; a server that does not is taken as unknown.
    getJson(QStringLiteral("/api/version"), [this, then](Result<QJsonDocument> r) {
        if (r)
            m_version = r->object().value(QLatin1String("version")).toString();
        if (then)
            then();
    });
}

void OpenWebUiBackend::listModelsNow(Callback<QList<ModelInfo>> done)
{
    // Known before a reply needs it (how the server's outlet filters are run), and asked
    // again with every listing: the server may have been upgraded.
    fetchVersion({});
    // Listings may overlap (a refresh while one waits for the tools): the models kept for
    // the requests are those of the last one asked, whichever answers last.
    const quint64 listing = ++m_listings;
    getJson(QStringLiteral("/api/models"), [this, done, listing](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        const QJsonObject answer = r->object();
        auto keep = [this, done, listing](const QList<ModelInfo>& models) {
            if (listing == m_listings) {
                m_listed.clear();
                for (const ModelInfo& m : models)
                    m_listed.insert(m.name, m);
            }
            done(models);
        };
        // A model with tools attached: /api/v1/tools/ says which of them this person may
        // use. If it does not answer this time, the tools it said before stay (none, if it
        // never did): a moment's failure does not take them away until the next listing.
        if (!anyToolAttached(answer))
            return keep(modelsFrom(answer, name()));
        getJson(QStringLiteral("/api/v1/tools/"), [this, answer, keep](Result<QJsonDocument> t) {
            QHash<QString, QString> usable;
            if (t) {
                for (const QJsonValue& tool : t->array()) {
                    const QJsonObject o = tool.toObject();
                    usable.insert(o.value(QLatin1String("id")).toString(),
                                  o.value(QLatin1String("name")).toString().trimmed());
                }
            } else {
                for (const ModelInfo& m : std::as_const(m_listed))
                    for (const QString& id : m.toolIds)
                        usable.insert(id, m.toolNames.value(id));
            }
            keep(modelsFrom(answer, name(), usable));
        });
    });
}

void OpenWebUiBackend::probeNow(Callback<QString> done)
{
    // Who the key belongs to: cheap, and it fails when a sign-in has ended.
    getJson(QStringLiteral("/api/v1/auths/"), [this, done](Result<QJsonDocument> r) {
        if (!r)
            return done(r.error());
        // This route answers a pending account too; every other one refuses it.
        if (r->object().value(QLatin1String("role")).toString() == QLatin1String("pending"))
            return done(Error{tr("Your account on %1 is waiting for an admin to approve it.")
                                  .arg(m_http.serverLabel()),
                              ErrorCode::Refused});
        done(r->object().value(QLatin1String("email")).toString());
    });
}

void OpenWebUiBackend::fetchChats(Callback<QByteArray> done)
{
    whenKeyRead(this, [this, done = std::move(done)] {
        HttpClient http = m_http;
        http.setJsonLimits(kMaxChatsBytes, 10 * 60 * 1000);
        QNetworkReply* reply = http.getJson(QStringLiteral("/api/v1/chats/all"));
        reply->setParent(this); // goes with the backend, quietly
        connect(reply, &QNetworkReply::finished, this, [reply, http, done] {
            reply->deleteLater();
            const QByteArray body = HttpClient::bodyOf(reply);
            const int status = HttpClient::httpStatus(reply);
            if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300)
                return done(Error{http.describeFailure(reply, body), status == 401 || status == 403
                                                                         ? ErrorCode::Unauthorised
                                                                         : ErrorCode::Unknown});
            QJsonParseError whole{};
            const QJsonDocument list = QJsonDocument::fromJson(body, &whole);
            if (whole.error == QJsonParseError::NoError && list.isArray())
                return done(body);
            // A chat a line.
            QJsonArray chats;
            int lineNo = 0;
            for (const QByteArray& line : body.split('\n')) {
                ++lineNo;
                if (line.trimmed().isEmpty())
                    continue;
                QJsonParseError error{};
                const QJsonDocument chat = QJsonDocument::fromJson(line, &error);
                if (error.error != QJsonParseError::NoError || !chat.isObject())
                    return done(Error{tr("%1 sent its chats, but line %2 is not a chat (%3). "
                                         "Nothing was imported.")
                                          .arg(http.serverLabel())
                                          .arg(lineNo)
                                          .arg(error.error != QJsonParseError::NoError
                                                   ? error.errorString()
                                                   : tr("not a JSON object"))});
                chats.append(chat.object());
            }
            done(QJsonDocument(chats).toJson(QJsonDocument::Compact));
        });
    });
}

QJsonObject OpenWebUiBackend::chatBody(const ChatRequest& request, const ModelInfo& model)
{
    // Open WebUI passes what it does not read on to the model's server: include_usage
    // then brings the token counts.
    QJsonObject body = OpenAIBackend::chatBody(request);
    // The server runs a model's tools and switchable filters only when the request names
    // them, as its web page does for a chat with that model (less the tools the chat has
    // switched off).
    QStringList tools = model.toolIds;
    for (const QString& off : request.options.serverToolsOff)
        tools.removeAll(off);
    if (!tools.isEmpty())
        body.insert(QStringLiteral("tool_ids"), QJsonArray::fromStringList(tools));
    if (!model.filterIds.isEmpty())
        body.insert(QStringLiteral("filter_ids"), QJsonArray::fromStringList(model.filterIds));
    return body;
}

QJsonObject OpenWebUiBackend::serverRunBody(const ChatRequest& request, const QString& sessionId,
                                            const ModelInfo& model)
{
    QJsonObject body = chatBody(request, model);
    // "local:<socket session>": the browser's temporary chat, which the server keeps
    // nothing of (Lyss keeps it) and lets this socket's owner stop (since 0.9 it reads the
    // socket's id from it for that); its events still come. Replies of several chats at
    // once are told apart by their ids.
    body.insert(QStringLiteral("chat_id"), QStringLiteral("local:") + sessionId);
    // A new id for each request, even for the same reply (Continue): the events of a task
    // stopped a moment ago must not reach the one that goes on.
    body.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    body.insert(QStringLiteral("session_id"), sessionId);
    return body;
}

void OpenWebUiBackend::setChannel(ServerChannel* channel)
{
    m_channel = channel;
}

ChatStream* OpenWebUiBackend::chat(const ChatRequest& request)
{
    // With the live channel connected, the server runs the reply as for its own web page:
    // the model's tools, web search and filters, with their status lines and questions.
    // Without it (lyss-cli, a channel reconnecting, an API key), the reply is streamed over
    // HTTP. Either way the server's outlet filters have their say on the finished reply.
    if (m_channel && signedIn() &&
        m_channel->client().state() == SocketIoClient::State::Connected &&
        !m_channel->client().sid().isEmpty() && !request.chatId.isEmpty()) {
        return new ServerRunStream(
            m_http, *m_channel,
            serverRunBody(request, m_channel->client().sid(), m_listed.value(request.model)),
            request.model, m_config.idleTimeoutMs, this);
    }
    const QJsonObject body = chatBody(request, m_listed.value(request.model));
    QNetworkReply* reply = m_http.post(QStringLiteral("/api/chat/completions"), body);
    auto* stream =
        new HttpChatStream(reply, std::make_unique<OpenAIStreamDecoder>(m_config.maxLineBytes),
                           m_http, request.model, m_config.idleTimeoutMs, this);
    // Its outlet filters, on an older server, are asked once it is complete, as the
    // server's web page did.
    return new OpenWebUiHttpStream(stream, m_http, body, {}, {}, this, this);
}

} // namespace lyss
