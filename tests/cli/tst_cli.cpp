// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli as a user runs it: the real binary, its output, its messages and exit codes.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "store/ChatStore.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/Migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;
using test::runCli;
using test::words;

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        auto r = runCli({}, words({"version"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("lyss 0.1.0\n"));
        QCOMPARE(runCli({}, words({"--version"})).out, QStringLiteral("lyss 0.1.0\n"));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList() << "Usage: lyss-cli";
        QTest::newRow("unknown command")
            << words({"frobnicate"}) << "unknown command \"frobnicate\"";
        QTest::newRow("config without sub") << words({"config"}) << "config needs a subcommand";
        QTest::newRow("config get, no key")
            << words({"config", "get"}) << "config get takes one KEY";
        QTest::newRow("unknown option")
            << words({"config", "list", "--yaml"}) << "unknown option --yaml";
        QTest::newRow("add without url")
            << words({"backends", "add", "--kind", "ollama", "--name", "x"}) << "--url is required";
        QTest::newRow("add bad kind")
            << words({"backends", "add", "--kind", "gemini", "--name", "x", "--url", "http://h"})
            << "--kind must be ollama, openai or openwebui";
        QTest::newRow("add bad url") << words({"backends", "add", "--kind", "ollama", "--name", "x",
                                               "--url", "localhost:11434"})
                                     << "is not a server address";
        QTest::newRow("add bad name") << words({"backends", "add", "--kind", "ollama", "--name",
                                                "my server", "--url", "http://h"})
                                      << "not a usable name";
        QTest::newRow("data-dir without value")
            << words({"--data-dir"}) << "--data-dir needs a directory";
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QProcess p;
        p.setProcessEnvironment(test::cleanEnvironment());
        p.start(QStringLiteral(LYSS_CLI_PATH),
                args.isEmpty() || args.first() == QLatin1String("--data-dir")
                    ? args
                    : QStringList{QStringLiteral("--data-dir"), dir.path()} + args);
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    void helpForEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("global") << words({"--help"}) << "config list";
        QTest::newRow("config") << words({"config", "--help"}) << "config set KEY VALUE";
        QTest::newRow("config set") << words({"config", "set", "--help"}) << "ui.theme dark";
        QTest::newRow("backends add") << words({"backends", "add", "--help"}) << "--key-stdin";
        QTest::newRow("chats show") << words({"chats", "show", "--help"}) << "root first";
    }

    void helpForEveryCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        auto r = runCli({}, args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    }

    void configGetSetUnsetList()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(), words({"config", "get", "ui.theme"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("\"system\"\n"));

        r = runCli(dir.path(), words({"config", "set", "ui.theme", "dark"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(runCli(dir.path(), words({"config", "get", "ui.theme"})).out,
                 QStringLiteral("\"dark\"\n"));

        r = runCli(dir.path(), words({"config", "set", "net.idle_timeout_seconds", "45"}));
        QCOMPARE(r.exitCode, 0);

        r = runCli(dir.path(), words({"config", "list"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("KEY")));
        QVERIFY(QRegularExpression(QStringLiteral("ui\\.theme\\s+\"dark\"\\s+database"))
                    .match(r.out)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("ui\\.language\\s+\"\"\\s+default"))
                    .match(r.out)
                    .hasMatch());

        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("DEFAULT_LOCALE"), QStringLiteral("zh-CN"));
        r = runCli(dir.path(), words({"config", "list", "--json"}), env);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QMap<QString, QJsonObject> byKey;
        for (const QJsonValue& v : arr)
            byKey.insert(v[QLatin1String("key")].toString(), v.toObject());
        QCOMPARE(byKey[QStringLiteral("ui.theme")][QLatin1String("source")].toString(),
                 QStringLiteral("database"));
        QCOMPARE(byKey[QStringLiteral("ui.language")][QLatin1String("source")].toString(),
                 QStringLiteral("environment"));
        QCOMPARE(byKey[QStringLiteral("ui.language")][QLatin1String("value")].toString(),
                 QStringLiteral("zh-CN"));
        QCOMPARE(
            byKey[QStringLiteral("net.idle_timeout_seconds")][QLatin1String("value")].toDouble(),
            45.0);
        QCOMPARE(byKey[QStringLiteral("chat.default_model")][QLatin1String("source")].toString(),
                 QStringLiteral("default"));

        // Setting what the environment overrides says so.
        r = runCli(dir.path(), words({"config", "set", "ui.language", "fr"}), env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("DEFAULT_LOCALE")));

        r = runCli(dir.path(), words({"config", "unset", "ui.theme"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(runCli(dir.path(), words({"config", "get", "ui.theme"})).out,
                 QStringLiteral("\"system\"\n"));
    }

    void configErrorsExitWithOne()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(), words({"config", "get", "ui.colour"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("Unknown setting \"ui.colour\"")),
                 qPrintable(r.err));

        r = runCli(dir.path(), words({"config", "set", "ui.theme", "purple"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("must be one of: light, dark, oled-dark, system")));

        r = runCli(dir.path(), words({"config", "set", "net.idle_timeout_seconds", "{"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not valid JSON")));
    }

    void backendsAddListRemove()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(), words({"backends", "list"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            QRegularExpression(
                QStringLiteral("ollama\\s+ollama\\s+http://localhost:11434\\s+yes\\s+-\\s+default"))
                .match(r.out)
                .hasMatch());

        r = runCli(dir.path(), words({"backends", "add", "--kind", "openai", "--name", "llamacpp",
                                      "--url", "http://127.0.0.1:8080/v1/"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out,
                 QStringLiteral("Added backend llamacpp (openai, http://127.0.0.1:8080/v1).\n"));
        r = runCli(dir.path(), words({"backends", "add", "--kind", "ollama", "--name", "gpu",
                                      "--url", "http://gpu:11434", "--disabled"}));
        QCOMPARE(r.exitCode, 0);

        r = runCli(dir.path(), words({"backends", "list", "--json"}));
        const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2); // gpu is an Ollama backend, so the default steps aside
        QCOMPARE(arr[0][QLatin1String("name")].toString(), QStringLiteral("llamacpp"));
        QCOMPARE(arr[0][QLatin1String("url")].toString(),
                 QStringLiteral("http://127.0.0.1:8080/v1"));
        QCOMPARE(arr[1][QLatin1String("enabled")].toBool(), false);

        r = runCli(dir.path(), words({"backends", "add", "--kind", "ollama", "--name", "GPU",
                                      "--url", "http://other:11434"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));

        r = runCli(dir.path(), words({"backends", "remove", "gpu"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Removed backend gpu.\n"));
        r = runCli(dir.path(), words({"backends", "remove", "gpu"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("no backend named \"gpu\"")));
        r = runCli(dir.path(), words({"backends", "remove", "ollama"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("built-in Ollama backend")));

        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("OLLAMA_HOST"), QStringLiteral("0.0.0.0:9999"));
        r = runCli(dir.path(), words({"backends", "list"}), env);
        QVERIFY(r.out.contains(QStringLiteral("http://127.0.0.1:9999")));
        QVERIFY(r.out.contains(QStringLiteral("environment (OLLAMA_HOST)")));
        r = runCli(dir.path(), words({"backends", "remove", "ollama"}), env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("unset it")));
    }

    void chatsListAndShow()
    {
        QTemporaryDir dir;
        QString firstId;
        QString secondId;
        {
            AppContext::Options o;
            o.dataDir = dir.path();
            o.env = test::cleanEnvironment();
            auto app = AppContext::open(o);
            QVERIFY2(app.ok(), qPrintable(app.errorMessage()));
            ChatStore& chats = (*app)->store();
            auto first = chats.chats().createChat(
                {.title = QStringLiteral("Rust lifetimes"), .createdAt = 1'700'000'000'000});
            auto second = chats.chats().createChat(
                {.title = QStringLiteral("Dinner ideas"), .createdAt = 1'700'000'100'000});
            QVERIFY(first.ok() && second.ok());
            firstId = first->id;
            secondId = second->id;
            Message q;
            q.chatId = firstId;
            q.content = QStringLiteral("Explain 'a");
            q.createdAt = 1'700'000'200'000;
            const Message qm = *chats.messages().addMessage(q);
            Message a;
            a.chatId = firstId;
            a.parentId = qm.id;
            a.role = Role::Assistant;
            a.model = QStringLiteral("llama3.2");
            a.content = QStringLiteral("First try");
            a.createdAt = 1'700'000'201'000;
            QVERIFY(chats.messages().addMessage(a).ok());
            a.content = QStringLiteral("A lifetime names a region of code.");
            a.status = MessageStatus::Cancelled;
            a.createdAt = 1'700'000'202'000;
            QVERIFY(chats.messages().addMessage(a).ok()); // regenerated: the current branch
        }

        auto r = runCli(dir.path(), words({"chats", "list"}));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("ID")));
        QVERIFY(lines[1].startsWith(firstId)); // most recently active first
        QVERIFY(QRegularExpression(QStringLiteral("\\s3\\s+Rust lifetimes$"))
                    .match(lines[1])
                    .hasMatch());
        QVERIFY(lines[2].startsWith(secondId));

        r = runCli(dir.path(), words({"chats", "list", "--json"}));
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0][QLatin1String("id")].toString(), firstId);
        QCOMPARE(list[0][QLatin1String("message_count")].toInt(), 3);
        QCOMPARE(list[0][QLatin1String("updated_at")].toString(),
                 QStringLiteral("2023-11-14T22:16:42.000Z"));
        QCOMPARE(list[1][QLatin1String("message_count")].toInt(), 0);

        r = runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), firstId.left(8),
                                QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject chat = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(chat[QLatin1String("title")].toString(), QStringLiteral("Rust lifetimes"));
        const QJsonArray messages = chat[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0][QLatin1String("role")].toString(), QStringLiteral("user"));
        QVERIFY(messages[0][QLatin1String("parent_id")].isNull());
        QCOMPARE(messages[1][QLatin1String("parent_id")].toString(),
                 messages[0][QLatin1String("id")].toString());
        QCOMPARE(messages[1][QLatin1String("content")].toString(),
                 QStringLiteral("A lifetime names a region of code."));
        QCOMPARE(messages[1][QLatin1String("status")].toString(), QStringLiteral("cancelled"));
        QCOMPARE(messages[1][QLatin1String("model")].toString(), QStringLiteral("llama3.2"));

        r = runCli(dir.path(), {QStringLiteral("chats"), QStringLiteral("show"), firstId});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("# Rust lifetimes\n")));
        QVERIFY(r.out.contains(QStringLiteral("## assistant · llama3.2 · cancelled")));
        QVERIFY(!r.out.contains(QStringLiteral("First try")));

        r = runCli(dir.path(), words({"chats", "show", "no-such-chat"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("There is no chat with the id no-such-chat")));
    }

    void emptyChatList()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(), words({"chats", "list"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("No chats yet")));
        QCOMPARE(runCli(dir.path(), words({"chats", "list", "--json"})).out.trimmed(),
                 QStringLiteral("[\n]"));
    }

    void refusesDatabaseFromNewerLyss()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lyss.db"));
        QVERIFY(runCli(dir.path(), words({"config", "set", "ui.theme", "dark"})).exitCode == 0);
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        const QByteArray before = test::fileSha256(path);
        auto r = runCli(dir.path(), words({"chats", "list"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("newer version of Lyss")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--data-dir")));
        QCOMPARE(test::fileSha256(path), before);
        // --help and version still work: they need no database.
        QCOMPARE(runCli(dir.path(), words({"version"})).exitCode, 0);
    }

    void dataDirFromEnvironmentAndEqualsForm()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        QProcessEnvironment env = test::cleanEnvironment();
        env.insert(QStringLiteral("LYSS_DATA_DIR"), a.path());
        QCOMPARE(runCli({}, words({"config", "set", "ui.theme", "light"}), env).exitCode, 0);
        QVERIFY(QFileInfo::exists(a.filePath(QStringLiteral("lyss.db"))));
        // --data-dir wins over the environment.
        QCOMPARE(runCli({},
                        {QStringLiteral("--data-dir=") + b.path(), QStringLiteral("config"),
                         QStringLiteral("get"), QStringLiteral("ui.theme")},
                        env)
                     .out,
                 QStringLiteral("\"system\"\n"));
        QVERIFY(QFileInfo::exists(b.filePath(QStringLiteral("lyss.db"))));
    }

    void configJsonIsMovedAtStart()
    {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("config.json")),
                        "{\"ui\": {\"theme\": \"oled-dark\"}}");
        auto r = runCli(dir.path(), words({"config", "get", "ui.theme"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("\"oled-dark\"\n"));
        QVERIFY2(r.err.contains(QStringLiteral("Moved the settings from config.json")),
                 qPrintable(r.err));

        QTemporaryDir broken;
        test::writeFile(broken.filePath(QStringLiteral("config.json")), "{\"ui.theme\": dark}");
        r = runCli(broken.path(), words({"config", "get", "ui.theme"}));
        QCOMPARE(r.exitCode, 0); // the program still works
        QCOMPARE(r.out, QStringLiteral("\"system\"\n"));
        QVERIFY2(r.err.contains(QStringLiteral("line 1, column 14")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
