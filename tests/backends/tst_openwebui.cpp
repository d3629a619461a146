// SPDX-License-Identifier: GPL-3.0-or-later
// An Open WebUI server as a backend, against tests/servers/fake_openwebui.py (aiohttp, as
// Open WebUI's own server): signing in right, wrong and pending; the sign-in kept in the
// real keyring and the store, the password nowhere; models with the server's presets;
// chat exact under hostile framing, without the ids that would make it a background
// task; a sign-in that ended; an API key; the person's chats as an export.
#include "StreamHelpers.h"
#include "TestSupport.h"

#include "app/AppContext.h"
#include "app/ServerSignIn.h"
#include "backends/BackendSet.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiSignIn.h"
#include "io/ChatImporter.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "store/sqlite/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

namespace {
const QString kApiKey = QStringLiteral("sk-0123456789abcdef0123456789abcdef");
const QString kHostile =
    QStringLiteral("Grüße, 世界! Emoji 🙂 and\n\nnew lines — all of it exact.");
} // namespace

using test::request;

class TestOpenWebUi : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<test::FakeServer> m_server;

    Result<OpenWebUiSession> signIn(const QString& email, const QString& password)
    {
        return test::wait<OpenWebUiSession>([&](auto done) {
            OpenWebUiSignIn::signIn(&m_nam, m_server->url(), email, password, this, done);
        });
    }

    std::unique_ptr<AppContext> openApp(const QString& dir)
    {
        AppContext::Options o;
        o.dataDir = dir;
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"),
                     QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
        return std::move(AppContext::open(o)).value();
    }

    std::unique_ptr<BackendSet> backendsOf(AppContext& app)
    {
        return std::make_unique<BackendSet>(*app.effectiveBackends(), &app.secrets(), 30000);
    }

    // A backend kept signed in to the fake server as Ann.
    BackendRecord keepSignedIn(AppContext& app, const QString& name)
    {
        auto session = signIn(QStringLiteral("ann@example.org"), QStringLiteral("correct horse"));
        if (!session)
            qFatal("%s", qPrintable(session.errorMessage()));
        BackendRecord record;
        record.name = name;
        record.kind = BackendKind::OpenWebUi;
        record.url = m_server->url();
        auto kept = ServerSignIn::keep(app.backends(), app.secrets(), record, *session);
        if (!kept)
            qFatal("%s", qPrintable(kept.errorMessage()));
        return *kept;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        QVERIFY2(m_server->isRunning(), "fake_openwebui.py did not start (python3-aiohttp?)");
    }

    void signingInRightWrongAndPending()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto ok = signIn(QStringLiteral("ann@example.org"), QStringLiteral("correct horse"));
        QVERIFY2(ok.ok(), qPrintable(ok.errorMessage()));
        QVERIFY(ok->token.startsWith(QLatin1String("eyJ")));
        QCOMPARE(ok->email, QStringLiteral("ann@example.org"));
        QCOMPARE(ok->role, QStringLiteral("user"));
        // Four weeks, as the server said (in seconds; kept in ms).
        QVERIFY(qAbs(ok->expiresAtMs - (before + 28LL * 24 * 3600 * 1000)) < 5000);
        QVERIFY(!OpenWebUiSignIn::endsSoon(ok->expiresAtMs, before));
        QVERIFY(
            OpenWebUiSignIn::endsSoon(ok->expiresAtMs, ok->expiresAtMs - 2LL * 24 * 3600 * 1000));
        // With its start known: the same for a long sign-in; a day-long one is asked about
        // in its last quarter, not from the start.
        QVERIFY(OpenWebUiSignIn::endsSoon(ok->expiresAtMs, ok->expiresAtMs - 2LL * 24 * 3600 * 1000,
                                          before));
        constexpr qint64 hour = 3600LL * 1000;
        QVERIFY(!OpenWebUiSignIn::endsSoon(before + 24 * hour, before + hour, before));
        QVERIFY(!OpenWebUiSignIn::endsSoon(before + 24 * hour, before + 17 * hour, before));
        QVERIFY(OpenWebUiSignIn::endsSoon(before + 24 * hour, before + 19 * hour, before));
        QVERIFY(!OpenWebUiSignIn::endsSoon(0, before, before)); // never ends

        auto wrong = signIn(QStringLiteral("ann@example.org"), QStringLiteral("wrong horse"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::Unauthorised);
        QVERIFY2(wrong.errorMessage().contains(QLatin1String("did not take that email and "
                                                             "password")) &&
                     wrong.errorMessage().contains(QLatin1String("provided is incorrect")),
                 qPrintable(wrong.errorMessage()));

        auto pending = signIn(QStringLiteral("pat@example.org"), QStringLiteral("patience"));
        QVERIFY(!pending.ok());
        QCOMPARE(pending.error().code, ErrorCode::Refused);
        QVERIFY2(pending.errorMessage().contains(QLatin1String("waiting for an admin")),
                 qPrintable(pending.errorMessage()));

        // The password went to the server, in the body of the sign-in, and nowhere else.
        const QJsonArray sent = m_server->requests();
        QVERIFY(!sent.isEmpty());
        for (const QJsonValue& r : sent) {
            const QString path = r[QLatin1String("path")].toString();
            const QByteArray all = QJsonDocument(r.toObject()).toJson();
            if (path != QLatin1String("/api/v1/auths/signin"))
                QVERIFY(!all.contains("correct horse"));
        }

        // Not a server at all.
        auto nobody = test::wait<OpenWebUiSession>([&](auto done) {
            OpenWebUiSignIn::signIn(
                &m_nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort())),
                QStringLiteral("ann@example.org"), QStringLiteral("correct horse"), this, done);
        });
        QVERIFY(!nobody.ok());
        QVERIFY2(nobody.errorMessage().contains(QLatin1String("Cannot reach")),
                 qPrintable(nobody.errorMessage()));
    }

    // The token in the keyring under the backend's name, the account and its end in the
    // store; the password in neither.
    // A password about to travel readable is said so: over plain http to another computer.
    void aPasswordOverPlainHttpIsWarnedOf()
    {
        for (const char* safe : {"https://chat.example.org", "http://127.0.0.1:8080",
                                 "http://localhost:3000", "http://[::1]:8080"})
            QCOMPARE(OpenWebUiSignIn::passwordExposure(QUrl(QString::fromLatin1(safe))), QString());
        for (const char* exposed : {"http://chat.example.org", "http://192.168.1.20:3000"}) {
            const QString said =
                OpenWebUiSignIn::passwordExposure(QUrl(QString::fromLatin1(exposed)));
            QVERIFY2(said.contains(QLatin1String("over plain http")) &&
                         said.contains(QUrl(QString::fromLatin1(exposed)).host()),
                     qPrintable(said));
        }
    }

    void theSignInIsKept()
    {
        QTemporaryDir dir;
        auto app = openApp(dir.path());
        const BackendRecord kept = keepSignedIn(*app, QStringLiteral("team"));
        auto stored = app->backends().find(QStringLiteral("team"));
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->kind, BackendKind::OpenWebUi);
        QCOMPARE((*stored)->account, QStringLiteral("ann@example.org"));
        QVERIFY((*stored)->hasKey);
        QCOMPARE((*stored)->signedInUntil, kept.signedInUntil);
        QVERIFY((*stored)->signedInUntil > QDateTime::currentMSecsSinceEpoch());
        auto token = app->secrets().read(backendSecretKey(QStringLiteral("team")));
        QVERIFY2(token.ok(), qPrintable(token.errorMessage()));
        QVERIFY(token->has_value() && (*token)->startsWith(QLatin1String("eyJ")));
        app.reset();
        QVERIFY(!test::readFile(dir.filePath(QStringLiteral("lyss.db"))).contains("correct horse"));
        QVERIFY(!test::readFile(dir.filePath(QStringLiteral("lyss.db")))
                     .contains(token->value().toUtf8()));
        auto again = openApp(dir.path());
        QVERIFY(again->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // The server's models, its presets by their names; a Pipelines filter is not one.
    void modelsWithTheServersPresets()
    {
        QTemporaryDir dir;
        auto app = openApp(dir.path());
        keepSignedIn(*app, QStringLiteral("team"));
        auto backends = backendsOf(*app);
        Backend* team = backends->find(QStringLiteral("team"));
        QVERIFY(qobject_cast<OpenWebUiBackend*>(team));
        auto models =
            test::wait<QList<ModelInfo>>([&](auto done) { team->listModels(std::move(done)); });
        QVERIFY2(models.ok(), qPrintable(models.errorMessage()));
        QStringList names;
        for (const ModelInfo& m : *models)
            names << m.name;
        QCOMPARE(names,
                 QStringList({QStringLiteral("llama3.2:latest"), QStringLiteral("code-helper"),
                              QStringLiteral("hostile"), QStringLiteral("error-mid")}));
        QCOMPARE(models->at(1).title, QStringLiteral("Code helper"));
        QVERIFY(models->at(0).title.isEmpty());
        QCOMPARE(models->at(0).sizeBytes, 2019393189);
        QCOMPARE(models->at(0).quantization, QStringLiteral("Q4_K_M"));
        QCOMPARE(models->at(0).backendKind, BackendKind::OpenWebUi);
        // What the server's web page turns on for the preset: the attached tool this person
        // may use (not the admins' one), and its default filter that is still one of its
        // switchable filters.
        QCOMPARE(models->at(1).toolIds, QStringList{QStringLiteral("web_search")});
        QCOMPARE(models->at(1).filterIds, QStringList{QStringLiteral("citations")});
        QVERIFY(models->at(0).toolIds.isEmpty() && models->at(0).filterIds.isEmpty());
        // Asked with the token from the keyring: the models, then the tools this person
        // may use (a model has tools attached).
        QStringList paths;
        for (const QJsonValue& r : m_server->requests()) {
            const QString path = r[QLatin1String("path")].toString();
            if (path == QLatin1String("/api/models") || path == QLatin1String("/api/v1/tools/")) {
                paths << path;
                QVERIFY(r[QLatin1String("headers")][QLatin1String("Authorization")]
                            .toString()
                            .startsWith(QLatin1String("Bearer eyJ")));
            }
        }
        QCOMPARE(paths.mid(paths.size() - 2),
                 QStringList({QStringLiteral("/api/models"), QStringLiteral("/api/v1/tools/")}));

        // Two listings at once, the first answered last: the second one's tools are kept
        // (the person may no longer use web search), not the first one's.
        auto* owui = qobject_cast<OpenWebUiBackend*>(team);
        m_server->get(QStringLiteral("/_test/tools?delay=1"));
        int answered = 0;
        QList<ModelInfo> first;
        team->listModels([&](Result<QList<ModelInfo>> r) {
            first = r ? *r : QList<ModelInfo>{};
            ++answered;
        });
        QTest::qWait(300); // the first one waits for its tools
        m_server->get(QStringLiteral("/_test/tools?none=1"));
        team->listModels([&](Result<QList<ModelInfo>>) { ++answered; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, 10000);
        m_server->get(QStringLiteral("/_test/tools"));
        QCOMPARE(first.at(1).toolIds, QStringList{QStringLiteral("web_search")}); // answered last
        QVERIFY(owui->listed(QStringLiteral("code-helper")).toolIds.isEmpty());
        QVERIFY(app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // Streaming exact when the server splits its bytes anywhere (inside a character too),
    // ends lines three ways and sends comments; the request carries no chat or message
    // id (which would make the server answer over its socket, not this stream).
    void chatExactUnderHostileFraming()
    {
        m_server->get(QStringLiteral("/_test/reset"));
        OpenWebUiBackend team(
            {QStringLiteral("team"), BackendKind::OpenWebUi, m_server->url(), kApiKey, 30000},
            &m_nam);
        const auto hostile =
            test::runStream(team.chat(request(QStringLiteral("hostile"), QStringLiteral("hi"))));
        QVERIFY2(hostile.error.isEmpty(), qPrintable(hostile.error));
        QCOMPARE(hostile.content, kHostile);
        QCOMPARE(hostile.outcome, ChatStream::Outcome::Complete);

        const auto plain = test::runStream(
            team.chat(request(QStringLiteral("code-helper"), QStringLiteral("what is up"))));
        QCOMPARE(plain.content, QStringLiteral("Reply to: what is up"));
        QCOMPARE(plain.metrics.completionTokens, 5);
        const QJsonObject body = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        QCOMPARE(body[QLatin1String("model")].toString(), QStringLiteral("code-helper"));
        QVERIFY(body[QLatin1String("stream")].toBool());
        for (const char* id : {"chat_id", "id", "session_id", "message_id"})
            QVERIFY2(!body.contains(QLatin1String(id)), id);
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/api/chat/completions"));
        // The models not listed yet, the preset's tools are not known: none are named.
        QVERIFY(!body.contains(QLatin1String("tool_ids")));

        // Listed, a chat with the preset names its tools and default filters, as the
        // server's web page does; a chat with a plain model names none.
        QVERIFY(test::wait<QList<ModelInfo>>([&](auto done) {
                    team.listModels(std::move(done));
                }).ok());
        (void)test::runStream(
            team.chat(request(QStringLiteral("code-helper"), QStringLiteral("search it"))));
        const QJsonObject withTools = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        QCOMPARE(withTools[QLatin1String("tool_ids")].toArray(),
                 QJsonArray({QStringLiteral("web_search")}));
        QCOMPARE(withTools[QLatin1String("filter_ids")].toArray(),
                 QJsonArray({QStringLiteral("citations")}));
        // A chat that switched the tool off asks without it (its filters stay); one that
        // switched off a tool the model does not have asks with the model's.
        ChatRequest without = request(QStringLiteral("code-helper"), QStringLiteral("no search"));
        without.options.serverToolsOff = {QStringLiteral("web_search")};
        (void)test::runStream(team.chat(without));
        const QJsonObject noTools = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        QVERIFY(!noTools.contains(QLatin1String("tool_ids")));
        QCOMPARE(noTools[QLatin1String("filter_ids")].toArray(),
                 QJsonArray({QStringLiteral("citations")}));
        without.options.serverToolsOff = {QStringLiteral("calculator")};
        (void)test::runStream(team.chat(without));
        QCOMPARE(m_server->lastChatRequest()[QLatin1String("body")]
                     .toObject()[QLatin1String("tool_ids")]
                     .toArray(),
                 QJsonArray({QStringLiteral("web_search")}));
        // The tool by the server's name for it, and the switch kept with a chat's options.
        QCOMPARE(team.listed(QStringLiteral("code-helper"))
                     .toolNames.value(QStringLiteral("web_search")),
                 QStringLiteral("Web search"));
        ChatOptions kept;
        kept.serverToolsOff = {QStringLiteral("web_search")};
        QCOMPARE(ChatOptions::fromJson(kept.toJson()).serverToolsOff, kept.serverToolsOff);
        QVERIFY(!ChatOptions().toJson().contains(QLatin1String("server_tools_off")));
        (void)test::runStream(
            team.chat(request(QStringLiteral("llama3.2:latest"), QStringLiteral("hi"))));
        const QJsonObject plainBody = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        QVERIFY(!plainBody.contains(QLatin1String("tool_ids")));
        QVERIFY(!plainBody.contains(QLatin1String("filter_ids")));

        // The tools list refused (an API key the server limits, a moment's failure): the
        // models are listed all the same, and the tools said before stay.
        m_server->get(QStringLiteral("/_test/tools?fail=1"));
        auto again =
            test::wait<QList<ModelInfo>>([&](auto done) { team.listModels(std::move(done)); });
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(again->size(), 4);
        QCOMPARE(again->at(1).toolIds, QStringList{QStringLiteral("web_search")});
        QCOMPARE(again->at(1).toolNames.value(QStringLiteral("web_search")),
                 QStringLiteral("Web search"));
        // Never said (a backend of its own, listing first now): no tool is named.
        OpenWebUiBackend fresh(
            {QStringLiteral("team"), BackendKind::OpenWebUi, m_server->url(), kApiKey, 30000},
            &m_nam);
        auto first =
            test::wait<QList<ModelInfo>>([&](auto done) { fresh.listModels(std::move(done)); });
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        QCOMPARE(first->size(), 4);
        QVERIFY(first->at(1).toolIds.isEmpty());
        QCOMPARE(first->at(1).filterIds, QStringList{QStringLiteral("citations")});
        (void)test::runStream(
            fresh.chat(request(QStringLiteral("code-helper"), QStringLiteral("search it"))));
        QVERIFY(!m_server->lastChatRequest()[QLatin1String("body")].toObject().contains(
            QLatin1String("tool_ids")));
        m_server->get(QStringLiteral("/_test/tools?fail=0"));

        // An error inside the stream, in the server's words; an unknown model, as it says.
        const auto broken = test::runStream(
            team.chat(request(QStringLiteral("error-mid"), QStringLiteral("a b c d e"))));
        QVERIFY2(broken.error.contains(QLatin1String("ran out of memory")),
                 qPrintable(broken.error));
        const auto missing =
            test::runStream(team.chat(request(QStringLiteral("nope"), QStringLiteral("hi"))));
        QVERIFY2(missing.error.contains(QLatin1String("Model not found")),
                 qPrintable(missing.error));
    }

    // A sign-in the server no longer takes says so, and how to sign in again.
    void anEndedSignInSaysHowToSignInAgain()
    {
        QTemporaryDir dir;
        auto app = openApp(dir.path());
        keepSignedIn(*app, QStringLiteral("team"));
        auto backends = backendsOf(*app);
        Backend* team = backends->find(QStringLiteral("team"));
        auto before = test::wait<QString>([&](auto done) { team->probe(std::move(done)); });
        QVERIFY2(before.ok(), qPrintable(before.errorMessage()));
        QCOMPARE(*before, QStringLiteral("ann@example.org"));

        m_server->get(QStringLiteral("/_test/expire"));
        auto models =
            test::wait<QList<ModelInfo>>([&](auto done) { team->listModels(std::move(done)); });
        QVERIFY(!models.ok());
        QCOMPARE(models.error().code, ErrorCode::Unauthorised);
        QVERIFY2(models.errorMessage().contains(QLatin1String("no longer takes your sign-in")) &&
                     models.errorMessage().contains(QLatin1String("lyss-cli backends login team")),
                 qPrintable(models.errorMessage()));
        const auto chat = test::runStream(
            team->chat(request(QStringLiteral("llama3.2:latest"), QStringLiteral("hi"))));
        QVERIFY2(chat.error.contains(QLatin1String("no longer takes your sign-in")),
                 qPrintable(chat.error));

        // Signed in again elsewhere (lyss-cli backends login, another window): the running
        // backend takes the new sign-in from the keyring at its next request.
        auto session = signIn(QStringLiteral("ann@example.org"), QStringLiteral("correct horse"));
        QVERIFY(session);
        auto record = app->backends().find(QStringLiteral("team"));
        QVERIFY(record && record->has_value());
        QVERIFY(ServerSignIn::keep(app->backends(), app->secrets(), **record, *session));
        auto again =
            test::wait<QList<ModelInfo>>([&](auto done) { team->listModels(std::move(done)); });
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // An API key is taken as it is; a wrong one says to check the key.
    void anApiKey()
    {
        OpenWebUiBackend right(
            {QStringLiteral("keyed"), BackendKind::OpenWebUi, m_server->url(), kApiKey, 30000},
            &m_nam);
        auto who = test::wait<QString>([&](auto done) { right.probe(std::move(done)); });
        QVERIFY2(who.ok(), qPrintable(who.errorMessage()));
        OpenWebUiBackend wrong({QStringLiteral("keyed"), BackendKind::OpenWebUi, m_server->url(),
                                QStringLiteral("sk-wrong"), 30000},
                               &m_nam);
        auto refused =
            test::wait<QList<ModelInfo>>([&](auto done) { wrong.listModels(std::move(done)); });
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QLatin1String("Check the API key")),
                 qPrintable(refused.errorMessage()));
        // The server set its token as a cookie at each sign-in on this same network
        // access: none was ever sent back (it would go to every port of the host).
        for (const QJsonValue& r : m_server->requests())
            QVERIFY2(!r[QLatin1String("headers")].toObject().contains(QLatin1String("Cookie")),
                     qPrintable(r[QLatin1String("path")].toString()));
    }

    // The person's chats, as a JSON list or a chat a line, read as an export: branches
    // and titles come across, and twice is once.
    void chatsComeAcrossOnce_data()
    {
        QTest::addColumn<bool>("ndjson");
        QTest::newRow("one list") << false;
        QTest::newRow("a chat a line") << true;
    }
    void chatsComeAcrossOnce()
    {
        QFETCH(bool, ndjson);
        test::FakeServer server(ndjson ? QStringList{QStringLiteral("--ndjson")} : QStringList{},
                                QStringLiteral("fake_openwebui.py"));
        QVERIFY(server.isRunning());
        OpenWebUiBackend team(
            {QStringLiteral("team"), BackendKind::OpenWebUi, server.url(), kApiKey, 30000}, &m_nam);
        auto bytes = test::wait<QByteArray>([&](auto done) { team.fetchChats(std::move(done)); });
        QVERIFY2(bytes.ok(), qPrintable(bytes.errorMessage()));
        auto file = ChatImporter::parse(*bytes, server.url().toString());
        QVERIFY2(file.ok(), qPrintable(file.errorMessage()));
        QCOMPARE(file->chats.size(), 2);

        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        ChatImporter importer(**db, QStringLiteral("local"));
        auto first = importer.write(*file);
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        QCOMPARE(first->chats, 2);
        QCOMPARE(first->messages, 7); // 2 + 2 and a second answer, 2
        auto second = importer.write(*file);
        QVERIFY(second.ok());
        QCOMPARE(second->chats, 0);
        QCOMPARE(second->duplicates, 2);
    }
};

QTEST_GUILESS_MAIN(TestOpenWebUi)
#include "tst_openwebui.moc"
