// SPDX-License-Identifier: GPL-3.0-or-later
// What the chat engine tests share: the fake model server as an Ollama backend, a real
// database in a temporary folder, the engine over it, and a reply sent and waited for.
// Each test makes its own, so nothing one leaves behind (rows, a request log, a
// half-read stream) can make another pass or fail.
#pragma once

#include "TestSupport.h"

#include "backends/OllamaBackend.h"
#include "chat/ChatEngine.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace lyss::test {

struct EngineRig {
    QTemporaryDir dir;
    std::unique_ptr<FakeServer> server = std::make_unique<FakeServer>();
    QNetworkAccessManager nam;
    std::unique_ptr<OllamaBackend> backend;
    std::unique_ptr<Database> db;
    std::unique_ptr<ChatStore> store;
    std::unique_ptr<ChatEngine> engine;

    EngineRig()
    {
        backend = std::make_unique<OllamaBackend>(
            Backend::Config{
                QStringLiteral("ollama"), BackendKind::Ollama, server->url(), {}, 30000},
            &nam);
        auto opened = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        if (!opened.ok())
            qFatal("no database: %s", qPrintable(opened.errorMessage()));
        db = std::move(opened).value();
        store = std::make_unique<ChatStore>(*db, localUserId());
        engine = std::make_unique<ChatEngine>(*store);
    }

    ~EngineRig()
    {
        engine.reset();
        store.reset();
        db.reset();
        backend.reset();
        server.reset();
    }

    bool ready() const { return dir.isValid() && server->isRunning(); }

    ActiveReply* send(const QString& prompt,
                      const QString& model = QStringLiteral("llama3.2:latest"),
                      const QString& chatId = {}, ChatOptions options = {})
    {
        ChatEngine::Send s;
        s.chatId = chatId;
        s.prompt = prompt;
        s.backend = backend.get();
        s.model = model;
        s.options = options;
        auto r = engine->send(s);
        if (!r.ok())
            qFatal("send failed: %s", qPrintable(r.errorMessage()));
        return *r;
    }

    static bool waitFinished(ActiveReply* reply)
    {
        if (reply->isFinished())
            return true;
        QSignalSpy spy(reply, &ActiveReply::finished);
        return spy.wait(30000);
    }

    // The message as the database has it now.
    Message stored(const QString& id)
    {
        auto m = store->messages().message(id);
        return m.ok() && m->has_value() ? **m : Message{};
    }

    // The messages of the last chat request the server was sent.
    QJsonArray lastChatMessagesSent() const
    {
        const QJsonArray all = server->requests();
        for (qsizetype i = all.size() - 1; i >= 0; --i) {
            if (all[i][QLatin1String("path")].toString() == QLatin1String("/api/chat"))
                return all[i][QLatin1String("body")][QLatin1String("messages")].toArray();
        }
        return {};
    }
};

} // namespace lyss::test
