// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli filters with the example filters (Python, Perl, an Open WebUI file) in a real
// data folder, a real model server and a real keyring: listed, off until turned on, tried
// by their author, their valves checked against the schema, a chat passing through one,
// and everything but listing refused to a person who is not an admin.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestCliFilters : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<test::FakeServer> m_pipelines; // a Pipelines server, while set

    test::CliResult cli(const QStringList& args, const QByteArray& input = {})
    {
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("OLLAMA_BASE_URL"), m_server->url().toString());
        if (m_pipelines) {
            env.insert(QStringLiteral("OPENAI_API_BASE_URL"), m_pipelines->url().toString());
            env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("pk"));
        }
        return test::runCli(m_dir.path(), args, env, input);
    }

    QString file(const QString& name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return path;
    }

    // The reply to `prompt` as it was saved (after the filters' outlets).
    QString lastReplyAfterAsking(const QString& prompt)
    {
        const auto r = cli({QStringLiteral("chat"), QStringLiteral("--model"),
                            QStringLiteral("llama3.2:latest"), prompt});
        if (r.exitCode != 0)
            return QStringLiteral("chat failed: ") + r.err;
        const auto list =
            cli({QStringLiteral("chats"), QStringLiteral("list"), QStringLiteral("--json")});
        const QString id = QJsonDocument::fromJson(list.out.toUtf8())
                               .array()
                               .at(0)[QStringLiteral("id")]
                               .toString();
        return cli({QStringLiteral("chats"), QStringLiteral("show"), id}).out;
    }

    QJsonObject listed(const QString& id)
    {
        const auto r =
            cli({QStringLiteral("filters"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (v[QStringLiteral("id")].toString() == id)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
        const QString folder = m_dir.filePath(QStringLiteral("filters"));
        QDir().mkpath(folder);
        for (const QString& name : {QStringLiteral("shout.py"), QStringLiteral("redact.pl"),
                                    QStringLiteral("word_count.py")}) {
            const QString to = QDir(folder).filePath(name);
            QVERIFY(QFile::copy(QStringLiteral(LYSS_SOURCE_DIR "/examples/filters/") + name, to));
            if (!name.startsWith(QLatin1String("word_count"))) // Open WebUI's needs no x bit
                QVERIFY(QFile(to).setPermissions(QFile(to).permissions() | QFileDevice::ExeOwner));
        }
    }

    void theExamplesAreListedOff()
    {
        for (const QString& id :
             {QStringLiteral("content"), QStringLiteral("rate-limit"), QStringLiteral("shout.py"),
              QStringLiteral("redact.pl"), QStringLiteral("word_count.py")}) {
            const QJsonObject f = listed(id);
            QVERIFY2(!f.isEmpty(), qPrintable(id));
            QCOMPARE(f[QStringLiteral("enabled")].toBool(), false);
            QCOMPARE(f[QStringLiteral("problem")].toString(), QString());
        }
    }

    void theirAuthorsTryThem()
    {
        const QString inlet =
            file(QStringLiteral("inlet.json"),
                 R"({"messages":[{"role":"user","content":"mail ana@example.org"}]})");
        auto r = cli({QStringLiteral("filters"), QStringLiteral("test"),
                      QStringLiteral("redact.pl"), QStringLiteral("--inlet"), inlet});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("mail [e-mail]")), qPrintable(r.out));
        r = cli({QStringLiteral("filters"), QStringLiteral("test"), QStringLiteral("shout.py"),
                 QStringLiteral("--inlet"), inlet});
        QVERIFY2(r.out.contains(QStringLiteral("Answer in one short paragraph")),
                 qPrintable(r.out));
        const QString outlet = file(
            QStringLiteral("outlet.json"),
            R"({"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"one two three"}]})");
        r = cli({QStringLiteral("filters"), QStringLiteral("test"), QStringLiteral("word_count.py"),
                 QStringLiteral("--outlet"), outlet});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("(3 words)")), qPrintable(r.out));
        // Trying one does not turn it on.
        QCOMPARE(listed(QStringLiteral("redact.pl"))[QStringLiteral("enabled")].toBool(), false);
    }

    void turnedOnItRunsOnEveryChat()
    {
        auto r =
            cli({QStringLiteral("filters"), QStringLiteral("enable"), QStringLiteral("redact.pl")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject f = listed(QStringLiteral("redact.pl"));
        QCOMPARE(f[QStringLiteral("name")].toString(), QStringLiteral("Redact e-mail"));
        QCOMPARE(f[QStringLiteral("hooks")].toArray().size(), 2);
        // Valves: checked against the schema, the field named.
        QCOMPARE(cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("redact.pl"),
                      QStringLiteral("mark"), QStringLiteral("\"<hidden>\"")})
                     .exitCode,
                 0);
        r = cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("redact.pl"),
                 QStringLiteral("mark"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("mark of redact.pl takes a string")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("redact.pl"),
                 QStringLiteral("colour"), QStringLiteral("\"red\"")});
        QVERIFY2(r.err.contains(QStringLiteral("has no valve colour")), qPrintable(r.err));
        r = cli({QStringLiteral("chat"), QStringLiteral("--model"),
                 QStringLiteral("llama3.2:latest"), QStringLiteral("write to bob@example.com")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Reply to: write to <hidden>")), qPrintable(r.out));
        QVERIFY(!QJsonDocument(m_server->lastChatRequest()).toJson().contains("bob@example.com"));
        r = cli(
            {QStringLiteral("filters"), QStringLiteral("disable"), QStringLiteral("redact.pl")});
        QCOMPARE(r.exitCode, 0);
    }

    void eachPersonSetsTheirOwnValves()
    {
        // The Open WebUI example's UserValves: show_count, on by default.
        QCOMPARE(cli({QStringLiteral("filters"), QStringLiteral("enable"),
                      QStringLiteral("word_count.py")})
                     .exitCode,
                 0);
        QVERIFY(lastReplyAfterAsking(QStringLiteral("count these"))
                    .contains(QStringLiteral("(4 words)")));
        auto r =
            cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("word_count.py"),
                 QStringLiteral("show_count"), QStringLiteral("false"), QStringLiteral("--user")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("filters"), QStringLiteral("valves"),
                 QStringLiteral("word_count.py"), QStringLiteral("--user"),
                 QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("show_count")),
            QJsonValue(false));
        QVERIFY(!lastReplyAfterAsking(QStringLiteral("count again"))
                     .contains(QStringLiteral("words)")));
        r = cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("word_count.py"),
                 QStringLiteral("show_count"), QStringLiteral("\"no\""), QStringLiteral("--user")});
        QVERIFY2(r.err.contains(QStringLiteral("takes a boolean")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("filters"), QStringLiteral("disable"),
                      QStringLiteral("word_count.py")})
                     .exitCode,
                 0);
    }

    void aToggleIsSwitchedOnPerChat()
    {
        // Shout is a toggle: on, it still runs only where a chat switches it on.
        QCOMPARE(
            cli({QStringLiteral("filters"), QStringLiteral("enable"), QStringLiteral("shout.py")})
                .exitCode,
            0);
        QCOMPARE(listed(QStringLiteral("shout.py"))[QStringLiteral("toggle")].toBool(), true);
        const QStringList chat{QStringLiteral("chat"), QStringLiteral("--model"),
                               QStringLiteral("llama3.2:latest")};
        auto r = cli(chat + QStringList{QStringLiteral("quiet please")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Reply to: quiet please")), qPrintable(r.out));

        r = cli(chat + QStringList{QStringLiteral("--filter"), QStringLiteral("shout.py"),
                                   QStringLiteral("loud please")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("REPLY TO: LOUD PLEASE")), qPrintable(r.out));
        // The chat keeps it switched on.
        const auto list =
            cli({QStringLiteral("chats"), QStringLiteral("list"), QStringLiteral("--json")});
        const QString chatId = QJsonDocument::fromJson(list.out.toUtf8())
                                   .array()
                                   .at(0)[QStringLiteral("id")]
                                   .toString();
        r = cli(chat + QStringList{QStringLiteral("--chat"), chatId, QStringLiteral("more")});
        QVERIFY2(r.out.contains(QStringLiteral("REPLY TO: MORE")), qPrintable(r.out));
        // What was saved is what its outlet made.
        QVERIFY(cli({QStringLiteral("chats"), QStringLiteral("show"), chatId})
                    .out.contains(QStringLiteral("-- shouted")));

        r = cli(chat + QStringList{QStringLiteral("--filter"), QStringLiteral("redact.pl"),
                                   QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("redact.pl is not a toggle filter that is on")),
                 qPrintable(r.err));

        // A model preselects it: its new chats start with it on.
        r = cli({QStringLiteral("filters"), QStringLiteral("preselect"), QStringLiteral("shout.py"),
                 QStringLiteral("llama3.2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(chat + QStringList{QStringLiteral("fresh")});
        QVERIFY2(r.out.contains(QStringLiteral("REPLY TO: FRESH")), qPrintable(r.out));
        // Attached to another model, it is neither offered nor run here.
        r = cli({QStringLiteral("filters"), QStringLiteral("models"), QStringLiteral("shout.py"),
                 QStringLiteral("drip-3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(listed(QStringLiteral("shout.py"))[QStringLiteral("models")].toArray(),
                 QJsonArray{QStringLiteral("drip-3")});
        r = cli(chat + QStringList{QStringLiteral("elsewhere")});
        QVERIFY2(r.out.contains(QStringLiteral("Reply to: elsewhere")), qPrintable(r.out));
        r = cli(chat + QStringList{QStringLiteral("--filter"), QStringLiteral("shout.py"),
                                   QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        for (const QStringList& args :
             {QStringList{QStringLiteral("filters"), QStringLiteral("models"),
                          QStringLiteral("shout.py"), QStringLiteral("--all")},
              QStringList{QStringLiteral("filters"), QStringLiteral("preselect"),
                          QStringLiteral("shout.py"), QStringLiteral("--none")},
              QStringList{QStringLiteral("filters"), QStringLiteral("reload")},
              QStringList{QStringLiteral("filters"), QStringLiteral("disable"),
                          QStringLiteral("shout.py")}}) {
            r = cli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
        }
        QVERIFY(listed(QStringLiteral("shout.py"))[QStringLiteral("models")].toArray().isEmpty());
    }

    void aPipelinesServersFiltersAreListedSetAndRun()
    {
        m_pipelines = std::make_unique<test::FakeServer>(
            QStringList{QStringLiteral("--api-key"), QStringLiteral("pk")},
            QStringLiteral("fake_pipelines.py"));
        QVERIFY(m_pipelines->isRunning());
        const QJsonObject tagger = listed(QStringLiteral("openai/tagger"));
        QCOMPARE(tagger[QStringLiteral("name")].toString(), QStringLiteral("Tagger"));
        QCOMPARE(tagger[QStringLiteral("enabled")].toBool(), false); // until an admin says
        QCOMPARE(tagger[QStringLiteral("pipelines")].toBool(), true);
        for (const QString& id :
             {QStringLiteral("openai/tagger"), QStringLiteral("openai/llama-only"),
              QStringLiteral("openai/blocker")}) {
            const auto on = cli({QStringLiteral("filters"), QStringLiteral("enable"), id});
            QVERIFY2(on.exitCode == 0, qPrintable(on.err));
        }
        auto r =
            cli({QStringLiteral("filters"), QStringLiteral("set"), QStringLiteral("openai/tagger"),
                 QStringLiteral("tag"), QStringLiteral("\"from-cli\"")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("filters"), QStringLiteral("valves"),
                 QStringLiteral("openai/tagger"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("tag")),
                 QJsonValue(QStringLiteral("from-cli")));
        // For people: one valve a line.
        r = cli(
            {QStringLiteral("filters"), QStringLiteral("valves"), QStringLiteral("openai/tagger")});
        QVERIFY2(r.out.contains(QStringLiteral("tag = \"from-cli\"")), qPrintable(r.out));
        r = cli({QStringLiteral("chat"), QStringLiteral("--model"),
                 QStringLiteral("llama3.2:latest"), QStringLiteral("hello")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Reply to: hello [from-cli] [llama-only]")),
                 qPrintable(r.out));
        r = cli({QStringLiteral("chat"), QStringLiteral("--model"),
                 QStringLiteral("llama3.2:latest"), QStringLiteral("a forbidden word")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Blocked by policy: no forbidden words")),
                 qPrintable(r.err));
    }

    void cleanup() { m_pipelines.reset(); }

    void onlyAnAdminChangesThem()
    {
        QCOMPARE(
            cli({QStringLiteral("accounts"), QStringLiteral("enable"), QStringLiteral("--name"),
                 QStringLiteral("alice"), QStringLiteral("--password-stdin")},
                "alice-password\n")
                .exitCode,
            0);
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob"),
                      QStringLiteral("--password-stdin")},
                     "bob-password\n")
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("login"), QStringLiteral("bob"),
                      QStringLiteral("--password-stdin")},
                     "bob-password\n")
                     .exitCode,
                 0);
        const QString inlet = m_dir.filePath(QStringLiteral("inlet.json"));
        for (const QStringList& args :
             {QStringList{QStringLiteral("filters"), QStringLiteral("enable"),
                          QStringLiteral("shout.py")},
              QStringList{QStringLiteral("filters"), QStringLiteral("set"),
                          QStringLiteral("content"), QStringLiteral("words"),
                          QStringLiteral("[\"x\"]")},
              QStringList{QStringLiteral("filters"), QStringLiteral("models"),
                          QStringLiteral("shout.py"), QStringLiteral("--all")},
              QStringList{QStringLiteral("filters"), QStringLiteral("test"),
                          QStringLiteral("shout.py"), QStringLiteral("--inlet"), inlet}}) {
            const auto r = cli(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("Only an admin may")), qPrintable(r.err));
        }
        QCOMPARE(listed(QStringLiteral("shout.py"))[QStringLiteral("enabled")].toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestCliFilters)
#include "tst_clifilters.moc"
