// SPDX-License-Identifier: GPL-3.0-or-later
// The Ollama and OpenAI clients against a real HTTP server on 127.0.0.1
// (tests/servers/fake_llm.py): what reaches the screen, what the server received, and
// the words a user reads for every failure.
#include "StreamHelpers.h"
#include "TestSupport.h"

#include "backends/OllamaBackend.h"
#include "backends/OpenAIBackend.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace lyss;
using test::runStream;
using test::wait;

using test::request;

class TestBackends : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<test::FakeServer> m_server;

    std::unique_ptr<OllamaBackend> ollama(int idleMs = 30000, QUrl url = {})
    {
        return std::make_unique<OllamaBackend>(
            Backend::Config{QStringLiteral("ollama"),
                            BackendKind::Ollama,
                            url.isEmpty() ? m_server->url() : url,
                            {},
                            idleMs},
            &m_nam);
    }

    std::unique_ptr<OpenAIBackend> openai(const QString& key, const test::FakeServer& server)
    {
        return std::make_unique<OpenAIBackend>(
            Backend::Config{QStringLiteral("local"), BackendKind::OpenAI,
                            server.url(QStringLiteral("/v1")), key, 30000},
            &m_nam);
    }

    QJsonObject lastBody(const QString& path)
    {
        const QJsonArray all = m_server->requests();
        for (qsizetype i = all.size() - 1; i >= 0; --i) {
            if (all[i][QLatin1String("path")].toString() == path)
                return all[i].toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY2(m_server->isRunning(), "the fake model server did not start");
    }

    void ollamaListsModels()
    {
        auto b = ollama();
        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY2(models.ok(), qPrintable(models.errorMessage()));
        auto it = std::find_if(models->begin(), models->end(), [](const ModelInfo& m) {
            return m.name == QLatin1String("llama3.2:latest");
        });
        QVERIFY(it != models->end());
        QCOMPARE(it->sizeBytes, 2019393189);
        QCOMPARE(it->family, QStringLiteral("llama"));
        QCOMPARE(it->parameterSize, QStringLiteral("3.2B"));
        QCOMPARE(it->quantization, QStringLiteral("Q4_K_M"));
        QCOMPARE(it->backendName, QStringLiteral("ollama"));
        QCOMPARE(formatBytes(it->sizeBytes), QStringLiteral("2.0 GB"));
        auto version = wait<QString>([&](auto done) { b->probe(done); });
        QCOMPARE(version.value(), QStringLiteral("0.9.0-fake"));
    }

    void ollamaChatSendsWhatTheUserSet()
    {
        auto b = ollama();
        ChatRequest r;
        r.model = QStringLiteral("llama3.2:latest");
        r.messages = {{Role::User, QStringLiteral("first question")},
                      {Role::Assistant, QStringLiteral("first answer")},
                      {Role::User, QStringLiteral("hello world")}};
        r.options.systemPrompt = QStringLiteral("Be brief.");
        r.options.temperature = 0.25;
        r.options.contextLength = 8192;
        r.options.seed = 42;
        r.options.keepAlive = QStringLiteral("10m");
        r.options.think = true;
        const auto result = runStream(b->chat(r));
        QCOMPARE(result.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(result.content, QStringLiteral("Reply to: hello world"));
        QCOMPARE(result.metrics.completionTokens, 4);
        QCOMPARE(result.metrics.doneReason, QStringLiteral("stop"));

        const QJsonObject sent = lastBody(QStringLiteral("/api/chat"));
        const QJsonObject body = sent[QLatin1String("body")].toObject();
        QCOMPARE(body[QLatin1String("model")].toString(), QStringLiteral("llama3.2:latest"));
        QCOMPARE(body[QLatin1String("stream")].toBool(), true);
        const QJsonArray messages = body[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("Be brief."));
        QCOMPARE(messages[2][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[3][QLatin1String("content")].toString(), QStringLiteral("hello world"));
        const QJsonObject options = body[QLatin1String("options")].toObject();
        QCOMPARE(options[QLatin1String("temperature")].toDouble(), 0.25);
        QCOMPARE(options[QLatin1String("num_ctx")].toInt(), 8192);
        QCOMPARE(options[QLatin1String("seed")].toInt(), 42);
        QCOMPARE(body[QLatin1String("keep_alive")].toString(), QStringLiteral("10m"));
        QCOMPARE(body[QLatin1String("think")].toBool(), true);
        QVERIFY(
            !sent[QLatin1String("headers")].toObject().contains(QStringLiteral("authorization")));
    }

    void ollamaStreams_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("thinking");
        QTest::newRow("native thinking") << "think"
                                         << "Reply to: a b"
                                         << "Let me think about it.";
        QTest::newRow("inline <think> split across lines") << "think-inline"
                                                           << "Reply to: a b"
                                                           << "Pondering deeply.";
        QTest::newRow("UTF-8 split byte by byte") << "unicode"
                                                  << "Grüße, 世界! 👋🏽 Ünïcödé ok."
                                                  << "";
    }

    void ollamaStreams()
    {
        QFETCH(QString, model);
        QFETCH(QString, content);
        QFETCH(QString, thinking);
        auto b = ollama();
        const auto r = runStream(b->chat(request(model, QStringLiteral("a b"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(r.content, content);
        QCOMPARE(r.thinking, thinking);
    }

    // A fast server leaves megabytes buffered at once; they are decoded a slice per turn
    // of the event loop, and the stream ends only after the last slice.
    void aLongBufferedReplyArrivesWhole()
    {
        auto b = ollama();
        ChatStream* stream = b->chat(request(QStringLiteral("long-20000"), QStringLiteral("x")));
        int deliveries = 0;
        connect(stream, &ChatStream::eventsReady, this, [&] { ++deliveries; });
        const auto r = runStream(stream);
        QCOMPARE(r.outcome, ChatStream::Outcome::Complete);
        QVERIFY(r.content.startsWith(QStringLiteral("\n\n## Part 1\n\ntok0 ")));
        QVERIFY2(r.content.endsWith(QStringLiteral("tok19999 ")), qPrintable(r.content.right(40)));
        QCOMPARE(r.content.count(QStringLiteral("tok")), 20000);
        QVERIFY2(deliveries > 10, qPrintable(QString::number(deliveries)));
    }

    void failuresInWords_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("partial");
        QTest::addColumn<QString>("error");
        QTest::newRow("error line in a 200 stream")
            << "error-mid"
            << "Reply to: a "
            << "an error was encountered while running the model: CUDA out of memory";
        QTest::newRow("connection cut without a final line")
            << "drop"
            << "Reply to: a "
            << "The connection closed before the reply was complete";
        QTest::newRow("HTTP 500 before streaming")
            << "http-500"
            << ""
            << "answered HTTP 500: llama runner process has terminated";
        QTest::newRow("model not pulled")
            << "nope"
            << ""
            << "The model \"nope\" is not on the Ollama server at http://127.0.0.1:";
    }

    void failuresInWords()
    {
        QFETCH(QString, model);
        QFETCH(QString, partial);
        QFETCH(QString, error);
        auto b = ollama();
        const auto r = runStream(b->chat(request(model, QStringLiteral("a b c d e"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QCOMPARE(r.content, partial);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        if (model == QLatin1String("nope"))
            QVERIFY(r.error.contains(QStringLiteral("lyss-cli pull nope")));
        QCOMPARE(b->stats().errors, 1);
    }

    void silentServerHitsTheIdleLimit()
    {
        auto b = ollama(700);
        const auto r =
            runStream(b->chat(request(QStringLiteral("stall"), QStringLiteral("a b c d"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QCOMPARE(r.content, QStringLiteral("Reply to: a "));
        QVERIFY2(r.error.contains(QStringLiteral("sent nothing usable for 1 seconds")),
                 qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("net.idle_timeout_seconds")));
    }

    void unreachableServerNamesTheUrl()
    {
        const int port = test::closedPort();
        auto b = ollama(30000, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto r =
            runStream(b->chat(request(QStringLiteral("llama3.2"), QStringLiteral("hi"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(
            r.error.contains(
                QStringLiteral("Cannot reach the Ollama server at http://127.0.0.1:%1").arg(port)),
            qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("ollama serve")));
        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY(!models.ok());
        QVERIFY(models.errorMessage().contains(QStringLiteral("Cannot reach")));
    }

    void cancelKeepsWhatArrived()
    {
        auto b = ollama();
        const auto r = runStream(b->chat(request(QStringLiteral("slow"), QStringLiteral("x"))),
                                 [](ChatStream* s, const test::StreamResult& so) {
                                     if (so.content.size() >= 12)
                                         s->cancel();
                                 });
        QCOMPARE(r.outcome, ChatStream::Outcome::Cancelled);
        QVERIFY(r.content.startsWith(QStringLiteral("w0 w1 w2")));
        QVERIFY(!r.content.contains(QStringLiteral("w199")));
        QVERIFY(r.error.isEmpty());
    }

    void ollamaModelManagement()
    {
        auto b = ollama();
        PullOperation* op = b->pull(QStringLiteral("tinyllama"));
        QList<qint64> completed;
        QStringList statuses;
        connect(op, &PullOperation::progress, this,
                [&](const QString& s, qint64 done, qint64 total) {
                    statuses << s;
                    if (total > 0 && done >= 0)
                        completed << done;
                });
        QSignalSpy finished(op, &PullOperation::finished);
        QVERIFY(finished.wait(20000));
        QVERIFY2(op->succeeded(), qPrintable(op->errorText()));
        QCOMPARE(statuses.first(), QStringLiteral("pulling manifest"));
        QCOMPARE(statuses.last(), QStringLiteral("success"));
        QVERIFY(std::is_sorted(completed.begin(), completed.end()));
        QCOMPARE(completed.last(), 2000000);

        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY(std::any_of(models->begin(), models->end(), [](const ModelInfo& m) {
            return m.name == QLatin1String("tinyllama:latest");
        }));
        auto shown =
            wait<QJsonObject>([&](auto done) { b->show(QStringLiteral("tinyllama"), done); });
        QVERIFY2(shown.ok(), qPrintable(shown.errorMessage()));
        QVERIFY(shown->contains(QStringLiteral("model_info")));
        QVERIFY(
            wait<bool>([&](auto done) { b->deleteModel(QStringLiteral("tinyllama"), done); }).ok());
        auto again =
            wait<bool>([&](auto done) { b->deleteModel(QStringLiteral("tinyllama"), done); });
        QVERIFY(!again.ok());
        QVERIFY(again.errorMessage().contains(QStringLiteral("no model \"tinyllama\"")));

        PullOperation* bad = b->pull(QStringLiteral("nonexistent-model"));
        QSignalSpy badDone(bad, &PullOperation::finished);
        QVERIFY(badDone.wait(20000));
        QVERIFY(!bad->succeeded());
        QVERIFY2(bad->errorText().contains(QStringLiteral("file does not exist")),
                 qPrintable(bad->errorText()));

        auto loaded = wait<QList<ModelInfo>>([&](auto done) { b->loadedModels(done); });
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), 1);
        QVERIFY(loaded->first().sizeVram > 0);
        QVERIFY(loaded->first().expiresAt.isValid());
    }

    void openAiStreamsWithKeyAndUsage()
    {
        test::FakeServer guarded({QStringLiteral("--api-key"), QStringLiteral("sk-good")});
        QVERIFY(guarded.isRunning());
        auto b = openai(QStringLiteral("sk-good"), guarded);
        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY2(models.ok(), qPrintable(models.errorMessage()));
        QVERIFY(!models->isEmpty());
        QCOMPARE(models->first().backendKind, BackendKind::OpenAI);

        ChatRequest r = request(QStringLiteral("think"), QStringLiteral("why"));
        r.options.temperature = 0.5;
        r.options.systemPrompt = QStringLiteral("sys");
        const auto result = runStream(b->chat(r));
        QCOMPARE(result.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(result.content, QStringLiteral("Reply to: why"));
        QCOMPARE(result.thinking, QStringLiteral("Let me think about it."));
        QCOMPARE(result.metrics.completionTokens, 3);
        QCOMPARE(result.metrics.promptTokens, 9);

        const QJsonArray all = guarded.requests();
        const QJsonObject sent = all.last().toObject();
        QCOMPARE(sent[QLatin1String("path")].toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(sent[QLatin1String("headers")][QLatin1String("authorization")].toString(),
                 QStringLiteral("Bearer sk-good"));
        const QJsonObject body = sent[QLatin1String("body")].toObject();
        QCOMPARE(body[QLatin1String("stream_options")][QLatin1String("include_usage")].toBool(),
                 true);
        QCOMPARE(body[QLatin1String("temperature")].toDouble(), 0.5);
        QCOMPARE(body[QLatin1String("messages")][0][QLatin1String("role")].toString(),
                 QStringLiteral("system"));
    }

    void openAiFailures()
    {
        test::FakeServer guarded({QStringLiteral("--api-key"), QStringLiteral("sk-good")});
        auto wrongKey = openai(QStringLiteral("sk-bad"), guarded);
        auto r = runStream(
            wrongKey->chat(request(QStringLiteral("llama3.2:latest"), QStringLiteral("hi"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.error.contains(
                     QStringLiteral("refused the request (HTTP 401: Incorrect API key provided.)")),
                 qPrintable(r.error));
        QVERIFY(r.error.contains(QStringLiteral("Check the API key")));

        auto b = openai({}, *m_server);
        r = runStream(b->chat(request(QStringLiteral("error-mid"), QStringLiteral("a b c d"))));
        QCOMPARE(r.content, QStringLiteral("Reply to: a "));
        QCOMPARE(r.error, QStringLiteral("CUDA out of memory"));
        r = runStream(b->chat(request(QStringLiteral("http-500"), QStringLiteral("a"))));
        QVERIFY2(r.error.contains(QStringLiteral("HTTP 500: engine crashed")),
                 qPrintable(r.error)); // flat vLLM shape
        r = runStream(b->chat(request(QStringLiteral("gpt-9"), QStringLiteral("a"))));
        QVERIFY2(r.error.contains(QStringLiteral("The model \"gpt-9\" is not available")),
                 qPrintable(r.error));
        r = runStream(b->chat(request(QStringLiteral("drop"), QStringLiteral("a b c d"))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QCOMPARE(r.content, QStringLiteral("Reply to: a "));
        r = runStream(b->chat(request(QStringLiteral("unicode"), QStringLiteral("a"))));
        QCOMPARE(r.content, QStringLiteral("Grüße, 世界! 👋🏽 Ünïcödé ok."));

        // A base URL without /v1 on a server that needs it.
        OpenAIBackend noV1(Backend::Config{QStringLiteral("x"),
                                           BackendKind::OpenAI,
                                           m_server->url(QStringLiteral("/nope")),
                                           {},
                                           30000},
                           &m_nam);
        auto models = wait<QList<ModelInfo>>([&](auto done) { noV1.listModels(done); });
        QVERIFY(!models.ok());
        QVERIFY2(models.errorMessage().contains(QStringLiteral("including /v1")),
                 qPrintable(models.errorMessage()));
    }

    void statsCountRequests()
    {
        auto b = ollama();
        runStream(b->chat(request(QStringLiteral("llama3.2"), QStringLiteral("x"))));
        runStream(b->chat(request(QStringLiteral("nope"), QStringLiteral("x"))));
        QCOMPARE(b->stats().requests, 2);
        QCOMPARE(b->stats().errors, 1);
        QCOMPARE(b->stats().errorRate(), 0.5);
        b->recordRequest(QStringLiteral("slow thing"), 2500, true);
        QCOMPARE(b->stats().slow.size(), 1);
        for (int i = 0; i < 150; ++i)
            b->recordRequest(QStringLiteral("slow %1").arg(i), 3000, true);
        QCOMPARE(b->stats().slow.size(), BackendStats::kSlowKept);
        QCOMPARE(b->stats().slow.last().what, QStringLiteral("slow 149"));
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
