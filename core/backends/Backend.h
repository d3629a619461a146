// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatRequest.h"
#include "backends/HttpClient.h"
#include "backends/ModelInfo.h"
#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QUrl>

#include "backends/LineSplitter.h"

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace lyss {

class ChatStream;
class SecretStore;

// In-memory request statistics of one backend, for the performance view.
struct BackendStats {
    struct SlowRequest {
        QString what;
        qint64 latencyMs = 0;
        QDateTime when;
    };
    static constexpr qint64 kSlowMs = 2000;
    static constexpr int kSlowKept = 100;

    int requests = 0;
    int errors = 0;
    qint64 totalLatencyMs = 0;
    QList<SlowRequest> slow; // newest last, at most kSlowKept

    double averageLatencyMs() const { return requests ? double(totalLatencyMs) / requests : 0; }
    double errorRate() const { return requests ? double(errors) / requests : 0; }
};

// A model server Lyss can talk to. Calls are asynchronous: callbacks run later on the
// calling thread, never from inside the call.
class Backend : public QObject {
    Q_OBJECT

public:
    struct Config {
        QString name;
        BackendKind kind = BackendKind::Ollama;
        QUrl url;
        QString apiKey;
        int idleTimeoutMs = 120000;
        // Without `apiKey`: the keyring to read the key from (backendSecretKey(name)) when
        // the first request needs it.
        SecretStore* keyStore = nullptr;
        // The longest line (or SSE event) a stream may send; see LineSplitter.
        qsizetype maxLineBytes = LineSplitter::kMaxLineBytes;
        // A short JSON answer's limits; see HttpClient.
        qint64 maxJsonBytes = HttpClient::kMaxJsonBytes;
        int jsonDeadlineMs = HttpClient::kJsonDeadlineMs;
        // An Open WebUI server signed in to: the email and when the sign-in ends (see
        // BackendRecord).
        QString account;
        qint64 signedInUntil = 0;
        qint64 signedInAt = 0;
    };

    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    Backend(Config config, QNetworkAccessManager* nam, QObject* parent = nullptr);

    const Config& config() const { return m_config; }
    QString name() const { return m_config.name; }
    BackendKind kind() const { return m_config.kind; }

    // The models the server offers, asked once the key is read (without waiting).
    void listModels(Callback<QList<ModelInfo>> done);
    // A cheap request that tells whether the server answers (the connection monitor's).
    void probe(Callback<QString> done);
    // Starts streaming a reply. The stream is a child of this backend. In the window, call
    // it from whenKeyRead(), so that reading the key never waits for the keyring.
    virtual ChatStream* chat(const ChatRequest& request) = 0;
    // Whether a request whose last message is the assistant's own text makes the model go
    // on with that text (Continue) rather than answer anew. Ollama's chat templates leave
    // the last assistant turn open; the OpenAI API promises nothing of the kind.
    virtual bool continuesReplies() const { return false; }
    // Runs `then` once this backend's API key is read, without waiting for the keyring
    // (at once when there is none to read). Nothing runs if `receiver` is gone by then.
    void whenKeyRead(QObject* receiver, std::function<void()> then);

    // A JSON request of a caller's own (a Pipelines server's routes), once the key is read:
    // GET without `body`, else POST. Past `timeoutMs` it is given up (ErrorCode::TimedOut).
    // A refusal (any HTTP error status) is ErrorCode::Refused, in the server's own words when
    // it gave them ({"detail": "..."}: what a Pipelines filter says when it stops a
    // message); a server not reached, or removed before it answered, is not.
    void requestJson(const QString& path, const std::optional<QJsonObject>& body, int timeoutMs,
                     Callback<QJsonDocument> done);

    const BackendStats& stats() const { return m_stats; }
    void recordRequest(const QString& what, qint64 latencyMs, bool ok);
    // A reply that ended: its time to the first token (or to its end), and how it ended.
    void recordChat(const ChatStream& stream);

protected:
    // What listModels() and probe() do once the key is read.
    virtual void listModelsNow(Callback<QList<ModelInfo>> done) = 0;
    virtual void probeNow(Callback<QString> done) = 0;
    // GETs `path`, hands the JSON (or the error in words) to `done`.
    void getJson(const QString& path, Callback<QJsonDocument> done);
    void sendJson(QNetworkReply* reply, const QString& what, Callback<QJsonDocument> done);

    Config m_config;
    QNetworkAccessManager* m_nam;
    HttpClient m_http;
    BackendStats m_stats;
};

} // namespace lyss
