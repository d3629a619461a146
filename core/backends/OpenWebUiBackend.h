// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/Backend.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace lyss {

// An Open WebUI server: its models (the server's own presets among them, with their
// names) from /api/models, chat through /api/chat/completions as an OpenAI-style stream,
// or, with the live channel connected, run by the server and read from its events
// (ServerRunStream).
// The URL is the server's address (its root, not /api). The key is a sign-in's token
// (OpenWebUiSignIn) or a person's API key (sk-...), both sent as a Bearer token; a
// sign-in that the server no longer takes says how to sign in again.
class ServerChannel;

class OpenWebUiBackend final : public Backend {
    Q_OBJECT

public:
    OpenWebUiBackend(Config config, QNetworkAccessManager* nam, QObject* parent = nullptr);

    void listModelsNow(Callback<QList<ModelInfo>> done) override;
    void probeNow(Callback<QString> done) override;
    ChatStream* chat(const ChatRequest& request) override;
    // The sign-in's token or the API key (read by whenKeyRead() first), for the socket.
    QString token() const;

    // Every chat of the person the key is of, as the server exports them (what
    // ChatImporter::parse reads): /api/v1/chats/all, which answers one JSON list (older
    // servers) or a chat a line (NDJSON, newer ones). `done` gets one JSON list.
    void fetchChats(Callback<QByteArray> done);
    // A person's chats may be large: at most this much is read.
    static constexpr qint64 kMaxChatsBytes = 1024LL * 1024 * 1024;

    // The models in an /api/models answer: chat models only (a Pipelines filter is not
    // one), each with the server's name for it, and the tools (info.meta.toolIds) and the
    // filters on by default (info.meta.defaultFilterIds, of the model's switchable ones)
    // its web page turns on. Only the tools in `usableTools` (id → the server's name for
    // it) are kept, as on that page: a tool this person may not use is not theirs to ask
    // for.
    static QList<ModelInfo> modelsFrom(const QJsonObject& answer, const QString& backendName,
                                       const QHash<QString, QString>& usableTools = {});
    // The chat request: the OpenAI body with the model's tools and filters (`model`, when
    // known), without the chat and message ids that would make the server run the reply
    // as a background task (answered over its socket).
    static QJsonObject chatBody(const ChatRequest& request, const ModelInfo& model = {});
    // The same with the ids that make the server run the reply and report it over the
    // socket whose session is `sessionId` (ServerRunStream).
    static QJsonObject serverRunBody(const ChatRequest& request, const QString& sessionId,
                                     const ModelInfo& model = {});

    // Signed in with an email and password (the key is a sign-in's token). Only then is
    // there a live channel: Open WebUI puts a socket in its person's room, where their
    // events go, for a sign-in's token only; with an API key it would hear nothing.
    bool signedIn() const { return !m_config.account.isEmpty(); }
    // The server's live channel, once there is one: replies are then run by the server.
    void setChannel(ServerChannel* channel);

    // The tools and filters a request names for `model`, as the last listing asked said.
    ModelInfo listed(const QString& model) const { return m_listed.value(model); }

    // The server's version (/api/version, asked with each listing of the models), or ""
    // while unknown.
    QString serverVersion() const { return m_version; }
    // `then` gets the version, asked now if unknown ("" if the server does not say),
    // unless `context` is gone first.
    void whenVersionKnown(QObject* context, std::function<void(const QString&)> then);

private:
    void fetchVersion(std::function<void()> then);

    QPointer<ServerChannel> m_channel;
    // The models as last listed, by id: their tools and filters for each request.
    QHash<QString, ModelInfo> m_listed;
    quint64 m_listings = 0; // listings asked: only the last one's models are kept
    QString m_version;
};

} // namespace lyss
