// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli with an Open WebUI server (tests/servers/fake_openwebui.py), as a person uses
// it: adding it signed in (a wrong password adds nothing), listing the sign-in, chatting
// with its preset, the sign-in ending and signing in again, bringing the chats over
// (twice is once), an API key instead, and removing it with its token.
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;
using test::runCli;
using test::words;

class TestCliOpenWebUi : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    // The tools the server was last asked to run for a reply (undefined: none named).
    QJsonValue toolsAsked() const
    {
        return m_server->lastChatRequest()[QLatin1String("body")].toObject().value(
            QLatin1String("tool_ids"));
    }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = test::cleanEnvironment();
        // No Ollama here: the built-in one would answer nothing.
        e.insert(QStringLiteral("OLLAMA_BASE_URL"),
                 QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
        return e;
    }

    QJsonObject listed(const QString& dir, const QString& name)
    {
        const auto r = runCli(dir, words({"backends", "list", "--json"}), env());
        for (const QJsonValue& b : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (b[QLatin1String("name")].toString() == name)
                return b.toObject();
        }
        return {};
    }

    test::CliResult add(const QString& dir, const QString& password)
    {
        return runCli(dir,
                      QStringList{QStringLiteral("backends"), QStringLiteral("add"),
                                  QStringLiteral("--kind"), QStringLiteral("openwebui"),
                                  QStringLiteral("--name"), QStringLiteral("team"),
                                  QStringLiteral("--url"), m_server->url().toString(),
                                  QStringLiteral("--email"), QStringLiteral("ann@example.org"),
                                  QStringLiteral("--password-stdin")},
                      env(), password.toUtf8() + "\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        QVERIFY2(m_server->isRunning(), "fake_openwebui.py did not start (python3-aiohttp?)");
    }

    void signedInFromAddToRemove()
    {
        QTemporaryDir dir;
        auto r = add(dir.path(), QStringLiteral("wrong horse"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("did not take that email and password")) &&
                     r.err.contains(QLatin1String("Nothing was added")),
                 qPrintable(r.err));
        QVERIFY(listed(dir.path(), QStringLiteral("team")).isEmpty());

        r = add(dir.path(), QStringLiteral("correct horse"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("Added backend team (openwebui, ")) &&
                     r.out.contains(QLatin1String("signed in as ann@example.org until")),
                 qPrintable(r.out));
        QJsonObject team = listed(dir.path(), QStringLiteral("team"));
        QCOMPARE(team[QLatin1String("kind")].toString(), QStringLiteral("openwebui"));
        QCOMPARE(team[QLatin1String("account")].toString(), QStringLiteral("ann@example.org"));
        QVERIFY(team[QLatin1String("signed_in_until")].toInteger() >
                QDateTime::currentMSecsSinceEpoch());
        // When it began: "sign in again soon" comes in proportion to how long it lasts.
        QVERIFY(qAbs(team[QLatin1String("signed_in_at")].toInteger() -
                     QDateTime::currentMSecsSinceEpoch()) < 60000);
        QCOMPARE(team[QLatin1String("key")].toString(), QStringLiteral("keyring"));
        r = runCli(dir.path(), words({"backends", "list"}), env());
        QVERIFY2(r.out.contains(QLatin1String("ann@example.org, signed in until")),
                 qPrintable(r.out));
        QVERIFY(!test::readFile(dir.filePath(QStringLiteral("lyss.db"))).contains("correct horse"));

        // Its preset answers, by the name the server gives it.
        r = runCli(dir.path(), words({"chat", "--model", "team/code-helper", "hello there"}),
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("Reply to: hello there"));
        QCOMPARE(toolsAsked(), QJsonArray({QStringLiteral("web_search")}));

        // Its tools, as models --json lists them, switched per chat with --tools and kept
        // with the chat.
        r = runCli(dir.path(), words({"models", "--json", "--backend", "team"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject preset;
        for (const QJsonValue& m : QJsonDocument::fromJson(r.out.toUtf8()).array())
            if (m[QLatin1String("model")].toString() == QLatin1String("code-helper"))
                preset = m.toObject();
        QCOMPARE(preset[QLatin1String("title")].toString(), QStringLiteral("Code helper"));
        QCOMPARE(preset[QLatin1String("tools")].toArray(),
                 QJsonArray({QJsonObject{{QStringLiteral("id"), QStringLiteral("web_search")},
                                         {QStringLiteral("name"), QStringLiteral("Web search")}}}));
        r = runCli(dir.path(),
                   words({"chat", "--model", "team/code-helper", "--tools", "none", "no web"}),
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(toolsAsked().isUndefined());
        const QRegularExpressionMatch id =
            QRegularExpression(QStringLiteral("chat ([0-9a-f-]{36})")).match(r.err);
        QVERIFY2(id.hasMatch(), qPrintable(r.err));
        const QString chat = id.captured(1);
        r = runCli(
            dir.path(),
            {QStringLiteral("chat"), QStringLiteral("--chat"), chat, QStringLiteral("as before")},
            env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(toolsAsked().isUndefined()); // the chat keeps its choice
        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), chat,
                    QStringLiteral("--tools"), QStringLiteral("web_search"),
                    QStringLiteral("with the web")},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(toolsAsked(), QJsonArray({QStringLiteral("web_search")}));
        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), chat,
                    QStringLiteral("--tools"), QStringLiteral("calculator"),
                    QStringLiteral("sums")},
                   env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("calculator is not one of this model's tools: "
                                              "web_search")),
                 qPrintable(r.err));
        r = runCli(dir.path(),
                   words({"chat", "--model", "team/llama3.2:latest", "--tools", "none", "hi"}),
                   env());
        QCOMPARE(r.exitCode, 1); // a model without tools has none to switch
        QVERIFY2(r.err.contains(QLatin1String("lists no tools for this model")), qPrintable(r.err));
        // An older server's outlet filter (asked after a reply streamed over HTTP; a newer
        // server runs it itself) masks a word once the reply is whole: what is kept is
        // theirs, printed again after a line that says so.
        m_server->get(QStringLiteral("/_test/old?on=1"));
        r = runCli(dir.path(), words({"chat", "--model", "team/code-helper", "my secret"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Reply to: my secret\nReply to: my [redacted]\n"));
        QVERIFY2(r.err.contains(QLatin1String("Filters changed the reply once it was whole")),
                 qPrintable(r.err));
        r = runCli(dir.path(),
                   words({"chat", "--json", "--model", "team/code-helper", "my secret"}), env());
        const QJsonObject done =
            QJsonDocument::fromJson(r.out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
                .object();
        QCOMPARE(done[QLatin1String("type")].toString(), QStringLiteral("done"));
        QCOMPARE(done[QLatin1String("content")].toString(),
                 QStringLiteral("Reply to: my [redacted]"));
        // A reply they leave alone is not given twice.
        r = runCli(dir.path(), words({"chat", "--json", "--model", "team/code-helper", "my plan"}),
                   env());
        const QJsonObject same =
            QJsonDocument::fromJson(r.out.trimmed().split(QLatin1Char('\n')).last().toUtf8())
                .object();
        QCOMPARE(same[QLatin1String("type")].toString(), QStringLiteral("done"));
        QVERIFY(!same.contains(QLatin1String("content")));
        m_server->get(QStringLiteral("/_test/old?on=0"));

        // The sign-in ends: the chat says so and how to sign in again; signing in mends it.
        m_server->get(QStringLiteral("/_test/expire"));
        r = runCli(dir.path(), words({"chat", "--model", "team/code-helper", "again"}), env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no longer takes your sign-in")) &&
                     r.err.contains(QLatin1String("lyss-cli backends login team")),
                 qPrintable(r.err));
        r = runCli(dir.path(), words({"backends", "login", "team", "--password-stdin"}), env(),
                   "wrong horse\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Nothing was changed")), qPrintable(r.err));
        r = runCli(dir.path(), words({"backends", "login", "team", "--password-stdin"}), env(),
                   "correct horse\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("Signed in to team")), qPrintable(r.out));
        // This computer's own server: no warning about plain http.
        QVERIFY2(!r.err.contains(QLatin1String("plain http")), qPrintable(r.err));
        r = runCli(dir.path(), words({"chat", "--model", "team/code-helper", "again"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The chats on the server come over once.
        r = runCli(dir.path(), words({"import", "--from-backend", "team"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Imported 2 chats with 7 messages")),
                 qPrintable(r.out));
        r = runCli(dir.path(), words({"import", "--from-backend", "team"}), env());
        QVERIFY2(r.out.contains(QLatin1String("Imported 0 chats")) &&
                     r.out.contains(QLatin1String("skipped 2 chats imported before")),
                 qPrintable(r.out));
        r = runCli(dir.path(), words({"chats", "list"}), env());
        QVERIFY2(r.out.contains(QLatin1String("Pinned: trip to Lisbon")) &&
                     r.out.contains(QLatin1String("Sorting in Python")),
                 qPrintable(r.out));

        // Removed, with its token, which the server is asked to end first.
        r = runCli(dir.path(), words({"backends", "remove", "team"}), env());
        QVERIFY2(r.exitCode == 0 && !r.err.contains(QLatin1String("Warning")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Signed out of ")), qPrintable(r.out));
        QVERIFY(listed(dir.path(), QStringLiteral("team")).isEmpty());
        QString endedWith;
        for (const QJsonValue& req : m_server->requests()) {
            if (req[QLatin1String("path")].toString() == QLatin1String("/api/v1/auths/signout"))
                endedWith =
                    req[QLatin1String("headers")][QLatin1String("Authorization")].toString();
        }
        QVERIFY2(endedWith.startsWith(QLatin1String("Bearer eyJ")), qPrintable(endedWith));
        // That token no longer works there.
        QNetworkAccessManager nam;
        QNetworkRequest ask(m_server->url().resolved(QUrl(QStringLiteral("/api/v1/auths/"))));
        ask.setRawHeader("Authorization", endedWith.toUtf8());
        QNetworkReply* answer = nam.get(ask);
        QTRY_VERIFY(answer->isFinished());
        QCOMPARE(answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        answer->deleteLater();
    }

    // backends status: the channel's state; with --watch, a line at each change.
    void theChannelsState()
    {
        QTemporaryDir dir;
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        test::FakeServer pollingOnly({QStringLiteral("--polling-only")},
                                     QStringLiteral("fake_openwebui.py"));
        for (const auto& [name, url] : {std::pair{QStringLiteral("team"), server->url()},
                                        std::pair{QStringLiteral("older"), pollingOnly.url()}}) {
            auto r =
                runCli(dir.path(),
                       {QStringLiteral("backends"), QStringLiteral("add"), QStringLiteral("--kind"),
                        QStringLiteral("openwebui"), QStringLiteral("--name"), name,
                        QStringLiteral("--url"), url.toString(), QStringLiteral("--email"),
                        QStringLiteral("ann@example.org"), QStringLiteral("--password-stdin")},
                       env(), "correct horse");
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // With an API key there is no live channel (the server would tell it nothing).
        auto keyed =
            runCli(dir.path(),
                   words({"backends", "add", "--kind", "openwebui", "--name", "keyed", "--url"}) +
                       QStringList{server->url().toString(), QStringLiteral("--key-stdin")},
                   env(), "sk-0123456789abcdef0123456789abcdef");
        QVERIFY2(keyed.exitCode == 0, qPrintable(keyed.err));
        auto r = runCli(dir.path(), words({"backends", "status"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("team: answers")) &&
                     r.out.contains(QLatin1String("team channel: connected (websocket)")) &&
                     r.out.contains(QLatin1String("older channel: connected (polling)")) &&
                     r.out.contains(QLatin1String("keyed channel: none (an API key")),
                 qPrintable(r.out));

        QProcess watch;
        QProcessEnvironment e = env();
        watch.setProcessEnvironment(e);
        watch.start(QStringLiteral(LYSS_CLI_PATH),
                    {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("backends"),
                     QStringLiteral("status"), QStringLiteral("--watch")});
        QVERIFY(watch.waitForStarted());
        QByteArray seen;
        auto until = [&](const char* what) {
            return QTest::qWaitFor(
                [&] {
                    seen += watch.readAllStandardOutput();
                    return seen.contains(what);
                },
                20000);
        };
        QVERIFY2(until("team channel: connected (websocket)"), seen.constData());
        // What the server says meanwhile; a tool's question nobody is here for is declined.
        server->post(QStringLiteral("/_test/emit"),
                     R"({"data":{"type":"notification","data":{"type":"warning",
                         "content":"Maintenance at noon"}}})");
        QVERIFY2(until("team: warning: Maintenance at noon"), seen.constData());
        server->post(QStringLiteral("/_test/call"),
                     R"({"data":{"type":"confirmation","data":{"title":"Delete it?"}}})");
        QVERIFY2(until("team: a question nobody was here to answer was declined: Delete it?"),
                 seen.constData());
        QTRY_VERIFY(QJsonDocument::fromJson(server->get(QStringLiteral("/_test/acks")))
                        .array()
                        .contains(false));
        server.reset(); // the server goes
        QVERIFY2(until("team channel: reconnecting"), seen.constData());
        watch.terminate(); // Ctrl+C's SIGTERM: a clean end
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
    }

    void anApiKeyOrNothing()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(),
                        QStringList{QStringLiteral("backends"), QStringLiteral("add"),
                                    QStringLiteral("--kind"), QStringLiteral("openwebui"),
                                    QStringLiteral("--name"), QStringLiteral("keyed"),
                                    QStringLiteral("--url"), m_server->url().toString()},
                        env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("either --email")), qPrintable(r.err));
        r = runCli(dir.path(),
                   QStringList{QStringLiteral("backends"), QStringLiteral("add"),
                               QStringLiteral("--kind"), QStringLiteral("openai"),
                               QStringLiteral("--name"), QStringLiteral("keyed"),
                               QStringLiteral("--url"), m_server->url().toString(),
                               QStringLiteral("--email"), QStringLiteral("ann@example.org")},
                   env());
        QCOMPARE(r.exitCode, 2);

        r = runCli(dir.path(),
                   QStringList{QStringLiteral("backends"), QStringLiteral("add"),
                               QStringLiteral("--kind"), QStringLiteral("openwebui"),
                               QStringLiteral("--name"), QStringLiteral("keyed"),
                               QStringLiteral("--url"), m_server->url().toString(),
                               QStringLiteral("--key-stdin")},
                   env(), "sk-0123456789abcdef0123456789abcdef");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Asked about first: whose key it is.
        QVERIFY2(r.out.contains(QLatin1String("ann@example.org's key in the keyring")),
                 qPrintable(r.out));
        r = runCli(dir.path(), words({"chat", "--model", "keyed/llama3.2:latest", "hi"}), env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("Reply to: hi"));
        // Signing in is for accounts; a key is changed with backends add.
        r = runCli(dir.path(), words({"backends", "login", "keyed", "--password-stdin"}), env(),
                   "x\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("give --email")), qPrintable(r.err));
        r = runCli(dir.path(), words({"backends", "remove", "keyed"}), env());
        QCOMPARE(r.exitCode, 0);

        // A key the server refuses is not kept; one that cannot be checked now is, with a
        // warning.
        const auto addKeyed = [&](const QString& url, const QByteArray& key) {
            return runCli(dir.path(),
                          QStringList{QStringLiteral("backends"), QStringLiteral("add"),
                                      QStringLiteral("--kind"), QStringLiteral("openwebui"),
                                      QStringLiteral("--name"), QStringLiteral("typo"),
                                      QStringLiteral("--url"), url, QStringLiteral("--key-stdin")},
                          env(), key);
        };
        r = addKeyed(m_server->url().toString(), "sk-0123456789abcdef0123456789abcdeX");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("refused this API key")) &&
                     r.err.contains(QLatin1String("Nothing was added.")),
                 qPrintable(r.err));
        r = runCli(dir.path(), words({"backends", "list"}), env());
        QVERIFY2(!r.out.contains(QLatin1String("typo")), qPrintable(r.out));
        r = addKeyed(QStringLiteral("http://127.0.0.1:9"), "sk-0123456789abcdef0123456789abcdef");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Warning: the key could not be checked")),
                 qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("key in the keyring")), qPrintable(r.out));
        r = runCli(dir.path(), words({"backends", "remove", "typo"}), env());
        QCOMPARE(r.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliOpenWebUi)
#include "tst_cliopenwebui.moc"
