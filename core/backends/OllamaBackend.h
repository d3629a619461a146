// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/Backend.h"
#include "backends/LineSplitter.h"

#include <QJsonObject>
#include <QPointer>

namespace lyss {

// Progress of `ollama pull`, as the server streams it.
class PullOperation : public QObject {
    Q_OBJECT

public:
    PullOperation(QNetworkReply* reply, HttpClient client, QString model, QObject* parent);
    void cancel();
    bool succeeded() const { return m_done && m_error.isEmpty() && !m_cancelled; }
    QString errorText() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

Q_SIGNALS:
    // status: "pulling manifest", "pulling 6a0746a1ec1a", "verifying sha256 digest", ...
    // completed/total: bytes of the current layer, -1 when not known yet.
    void progress(const QString& status, qint64 completed, qint64 total);
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString& error);

    QPointer<QNetworkReply> m_reply;
    HttpClient m_client;
    QString m_model;
    LineSplitter m_lines;
    QByteArray m_errorBody;
    QString m_error;
    bool m_success = false;
    bool m_done = false;
    bool m_cancelled = false;
};

// Ollama's native API: /api/tags, /api/chat (NDJSON), /api/show, /api/ps, /api/pull,
// /api/delete, /api/version.
class OllamaBackend final : public Backend {
    Q_OBJECT

public:
    using Backend::Backend;

    void listModelsNow(Callback<QList<ModelInfo>> done) override;
    void probeNow(Callback<QString> done) override;
    ChatStream* chat(const ChatRequest& request) override;
    bool continuesReplies() const override { return true; }

    void show(const QString& model, Callback<QJsonObject> done);
    void loadedModels(Callback<QList<ModelInfo>> done);
    void deleteModel(const QString& model, Callback<bool> done);
    PullOperation* pull(const QString& model);

    static QJsonObject chatBody(const ChatRequest& request);
    static ModelInfo modelFromJson(const QJsonObject& o, const QString& backendName);
};

} // namespace lyss
