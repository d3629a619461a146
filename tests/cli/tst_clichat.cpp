// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli chat, models, pull, rm and ps against the fake server: the real binary,
// streamed output, exit codes, Ctrl-C, and a process killed mid-reply.
#include "TestSupport.h"

#include "store/ChatStore.h"
#include "store/sqlite/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace lyss;
using test::runCli;

class TestCliChat : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = test::cleanEnvironment();
        e.insert(QStringLiteral("OLLAMA_BASE_URL"), m_server->url().toString());
        return e;
    }

    static QString chatIdFrom(const QString& err)
    {
        const auto m = QRegularExpression(QStringLiteral("chat ([0-9a-f-]{36})")).match(err);
        return m.hasMatch() ? m.captured(1) : QString();
    }

    QJsonObject show(const QString& dir, const QString& id)
    {
        auto r = runCli(
            dir, {QStringLiteral("chats"), QStringLiteral("show"), id, QStringLiteral("--json")},
            env());
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // Starts `lyss-cli chat` in the background.
    std::unique_ptr<QProcess> startChat(const QString& dir, const QStringList& args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env());
        p->start(QStringLiteral(LYSS_CLI_PATH),
                 QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("chat")} + args);
        p->waitForStarted();
        return p;
    }

    // What the database holds for the newest streaming reply, read as another process would.
    static QString streamingContent(const QString& dir)
    {
        auto db = Database::open(QDir(dir).filePath(QStringLiteral("lyss.db")));
        if (!db.ok())
            return {};
        QSqlQuery q((*db)->connection());
        if (!q.exec(QStringLiteral("SELECT content FROM messages WHERE status = 'streaming'")) ||
            !q.next())
            return {};
        return q.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void backendSlashModelPicksTheServer()
    {
        // Two servers offer llama3.2:latest: the fake Ollama ("ollama", /api) and its
        // OpenAI side added as "second" (/v1). backend/model says which one.
        QTemporaryDir dir;
        auto r =
            runCli(dir.path(),
                   {QStringLiteral("backends"), QStringLiteral("add"), QStringLiteral("--kind"),
                    QStringLiteral("openai"), QStringLiteral("--name"), QStringLiteral("second"),
                    QStringLiteral("--url"), m_server->url(QStringLiteral("/v1")).toString()},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--model"), QStringLiteral("llama3.2"),
                    QStringLiteral("hi")},
                   env());
        QCOMPARE(r.exitCode, 1); // both offer it: say which
        QVERIFY2(r.err.contains(QStringLiteral("Several backends offer")), qPrintable(r.err));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--model"),
                    QStringLiteral("second/llama3.2"), QStringLiteral("hi")},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));
        const QString id = chatIdFrom(r.err);
        QCOMPARE(show(dir.path(), id)[QLatin1String("backend")].toString(),
                 QStringLiteral("second"));

        // Continued without --model: the server the chat remembers, not a guess by name.
        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), id, QStringLiteral("more")},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), id, QStringLiteral("--model"),
                    QStringLiteral("ollama/llama3.2:latest"), QStringLiteral("and you?")},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/api/chat"));
        QCOMPARE(show(dir.path(), id)[QLatin1String("backend")].toString(),
                 QStringLiteral("ollama"));
    }

    void chatStreamsAndSaves()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(),
                        {QStringLiteral("chat"), QStringLiteral("--model"),
                         QStringLiteral("llama3.2"), QStringLiteral("hello there")},
                        env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Reply to: hello there\n"));
        const QString id = chatIdFrom(r.err);
        QVERIFY2(!id.isEmpty(), qPrintable(r.err));

        // Continue it by a prefix of its id; the chat remembers its model.
        r = runCli(
            dir.path(),
            {QStringLiteral("chat"), QStringLiteral("--chat"), id.left(8), QStringLiteral("-")},
            env(), "and then?\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Reply to: and then?\n")); // the reply's own newline
        const QJsonObject chat = show(dir.path(), id);
        const QJsonArray messages = chat[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[3][QLatin1String("status")].toString(), QStringLiteral("complete"));
        QCOMPARE(messages[3][QLatin1String("model")].toString(), QStringLiteral("llama3.2:latest"));
        // The chat remembers the model by its name on the server it was found on.
        QCOMPARE(chat[QLatin1String("model")].toString(), QStringLiteral("llama3.2:latest"));
        QCOMPARE(chat[QLatin1String("backend")].toString(), QStringLiteral("ollama"));
        const QJsonArray sent =
            m_server->requests().last()[QLatin1String("body")][QLatin1String("messages")].toArray();
        QCOMPARE(sent.size(), 3);
    }

    void jsonEvents()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(),
                        {QStringLiteral("chat"), QStringLiteral("--json"),
                         QStringLiteral("--model"), QStringLiteral("think"), QStringLiteral("why")},
                        env());
        QCOMPARE(r.exitCode, 0);
        QString content;
        QString thinking;
        QStringList types;
        for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(!o.isEmpty(), qPrintable(line));
            const QString type = o[QLatin1String("type")].toString();
            if (types.isEmpty() || types.last() != type)
                types << type;
            if (type == QLatin1String("delta"))
                content += o[QLatin1String("text")].toString();
            if (type == QLatin1String("thinking"))
                thinking += o[QLatin1String("text")].toString();
            if (type == QLatin1String("done"))
                QVERIFY(o[QLatin1String("metrics")].toObject().contains(
                    QStringLiteral("tokens_per_second")));
        }
        QCOMPARE(types, (QStringList{QStringLiteral("start"), QStringLiteral("thinking"),
                                     QStringLiteral("delta"), QStringLiteral("done")}));
        QCOMPARE(content, QStringLiteral("Reply to: why"));
        QCOMPARE(thinking, QStringLiteral("Let me think about it."));
    }

    void defaultModelSetting()
    {
        QTemporaryDir dir;
        QCOMPARE(runCli(dir.path(),
                        {QStringLiteral("config"), QStringLiteral("set"),
                         QStringLiteral("chat.default_model"), QStringLiteral("think-inline")},
                        env())
                     .exitCode,
                 0);
        auto r = runCli(dir.path(), {QStringLiteral("chat"), QStringLiteral("hi")}, env());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Reply to: hi\n"));
        QVERIFY(r.err.contains(QStringLiteral("Pondering deeply.")));
    }

    void errorsExitNonZeroAndKeepThePartialReply()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(),
                        {QStringLiteral("chat"), QStringLiteral("--model"),
                         QStringLiteral("error-mid"), QStringLiteral("a b c d")},
                        env());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("Reply to: a \n"));
        QVERIFY2(r.err.contains(QStringLiteral("CUDA out of memory")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("The partial reply is saved")));
        const QJsonArray messages =
            show(dir.path(), chatIdFrom(r.err))[QLatin1String("messages")].toArray();
        QCOMPARE(messages[1][QLatin1String("status")].toString(), QStringLiteral("error"));
        QCOMPARE(messages[1][QLatin1String("content")].toString(), QStringLiteral("Reply to: a "));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--model"), QStringLiteral("phi4"),
                    QStringLiteral("x")},
                   env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No backend offers a model named \"phi4\"")),
                 qPrintable(r.err));
        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--backend"), QStringLiteral("ollama"),
                    QStringLiteral("--model"), QStringLiteral("phi4"), QStringLiteral("x")},
                   env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("lyss-cli pull phi4")), qPrintable(r.err));

        QProcessEnvironment down = test::cleanEnvironment();
        const int port = test::closedPort();
        down.insert(QStringLiteral("OLLAMA_HOST"), QStringLiteral("127.0.0.1:%1").arg(port));
        r = runCli(dir.path(), {QStringLiteral("chat"), QStringLiteral("hi")}, down);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.contains(
                QStringLiteral("Cannot reach the Ollama server at http://127.0.0.1:%1").arg(port)),
            qPrintable(r.err));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--temperature"), QStringLiteral("warm"),
                    QStringLiteral("hi")},
                   env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--temperature needs a number")));
    }

    void aPartialReplyIsContinued()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(),
                        {QStringLiteral("chat"), QStringLiteral("--model"),
                         QStringLiteral("error-mid"), QStringLiteral("tell me more please")},
                        env());
        QCOMPARE(r.exitCode, 1);
        const QString id = chatIdFrom(r.err);
        QVERIFY2(
            r.err.contains(
                QStringLiteral("Continue it with: lyss-cli chat --chat %1 --continue").arg(id)),
            qPrintable(r.err));

        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), id, QStringLiteral("--model"),
                    QStringLiteral("llama3.2"), QStringLiteral("--continue")},
                   env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("me more please\n")); // only what is new
        const QJsonArray messages = show(dir.path(), id)[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1][QLatin1String("status")].toString(), QStringLiteral("complete"));
        QCOMPARE(messages[1][QLatin1String("content")].toString(),
                 QStringLiteral("Reply to: tell me more please"));

        // A complete reply is not continued; --continue wants a chat and no prompt.
        r = runCli(
            dir.path(),
            {QStringLiteral("chat"), QStringLiteral("--chat"), id, QStringLiteral("--continue")},
            env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("stopped or failed")), qPrintable(r.err));
        r = runCli(dir.path(), {QStringLiteral("chat"), QStringLiteral("--continue")}, env());
        QCOMPARE(r.exitCode, 2);
        r = runCli(dir.path(),
                   {QStringLiteral("chat"), QStringLiteral("--chat"), id,
                    QStringLiteral("--continue"), QStringLiteral("more")},
                   env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--continue takes --chat ID and no PROMPT")));
    }

    void ctrlCSavesTheReplyAsCancelled()
    {
        QTemporaryDir dir;
        auto p = startChat(
            dir.path(), {QStringLiteral("--model"), QStringLiteral("slow"), QStringLiteral("go")});
        const bool streaming = QTest::qWaitFor(
            [&] { return p->bytesAvailable() > 0 || p->state() != QProcess::Running; }, 20000);
        QVERIFY2(streaming && p->state() == QProcess::Running,
                 p->readAllStandardError().constData());
        ::kill(static_cast<pid_t>(p->processId()), SIGINT);
        QVERIFY(p->waitForFinished(20000));
        QCOMPARE(p->exitCode(), 130);
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("Stopped; the partial reply is saved.")),
                 qPrintable(err));
        const QJsonArray messages =
            show(dir.path(), chatIdFrom(err))[QLatin1String("messages")].toArray();
        QCOMPARE(messages[1][QLatin1String("status")].toString(), QStringLiteral("cancelled"));
        QVERIFY(messages[1][QLatin1String("content")].toString().startsWith(QStringLiteral("w0 ")));
    }

    void killedMidReplyIsFoundInterrupted()
    {
        QTemporaryDir dir;
        // "stall" sends three words and then stays silent, so the reply is still live
        // however slowly this machine runs (a 6 s stream was once over before a loaded CI
        // machine saw its checkpoint).
        auto p = startChat(dir.path(), {QStringLiteral("--model"), QStringLiteral("stall"),
                                        QStringLiteral("go on")});
        // Wait for the three words to reach the database (a checkpoint a second).
        QTRY_VERIFY2_WITH_TIMEOUT(
            streamingContent(dir.path()) == QLatin1String("Reply to: go "),
            qPrintable(QStringLiteral("lyss-cli: %1, printed: %2")
                           .arg(p->state() == QProcess::Running ? QStringLiteral("running")
                                                                : QStringLiteral("finished"),
                                QString::fromUtf8(p->readAllStandardError()))),
            60000);
        // Another lyss-cli meanwhile must not touch the live reply.
        auto list = runCli(
            dir.path(), {QStringLiteral("chats"), QStringLiteral("list"), QStringLiteral("--json")},
            env());
        QCOMPARE(list.exitCode, 0);
        QVERIFY(!list.err.contains(QStringLiteral("cut off")));
        QVERIFY(!streamingContent(dir.path()).isEmpty());

        ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
        QVERIFY(p->waitForFinished(10000));

        auto r = runCli(dir.path(),
                        {QStringLiteral("chats"), QStringLiteral("list"), QStringLiteral("--json")},
                        env());
        QVERIFY2(r.err.contains(QStringLiteral("1 reply was cut off")), qPrintable(r.err));
        const QString id =
            QJsonDocument::fromJson(r.out.toUtf8()).array().first()[QLatin1String("id")].toString();
        const QJsonArray messages = show(dir.path(), id)[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1][QLatin1String("status")].toString(), QStringLiteral("interrupted"));
        QCOMPARE(messages[1][QLatin1String("content")].toString(), QStringLiteral("Reply to: go "));
    }

    void modelManagement()
    {
        QTemporaryDir dir;
        auto r = runCli(dir.path(), {QStringLiteral("models")}, env());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            QRegularExpression(
                QStringLiteral("llama3.2:latest\\s+ollama\\s+2.0 GB\\s+llama\\s+3.2B\\s+Q4_K_M"))
                .match(r.out)
                .hasMatch());
        r = runCli(dir.path(), {QStringLiteral("pull"), QStringLiteral("smollm")}, env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("pulling manifest")));
        QVERIFY(r.err.contains(QStringLiteral("success")));
        r = runCli(dir.path(), {QStringLiteral("models"), QStringLiteral("--json")}, env());
        QVERIFY(r.out.contains(QStringLiteral("\"smollm:latest\"")));
        QCOMPARE(
            runCli(dir.path(), {QStringLiteral("rm"), QStringLiteral("smollm")}, env()).exitCode,
            0);
        r = runCli(dir.path(), {QStringLiteral("rm"), QStringLiteral("smollm")}, env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("no model \"smollm\"")));
        r = runCli(dir.path(), {QStringLiteral("pull"), QStringLiteral("nonexistent-x")}, env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("file does not exist")));
        r = runCli(dir.path(), {QStringLiteral("ps")}, env());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("llama3.2:latest")));
    }

    void openAiBackendFromTheEnvironment()
    {
        test::FakeServer guarded({QStringLiteral("--api-key"), QStringLiteral("sk-env")});
        QTemporaryDir dir;
        QProcessEnvironment e = test::cleanEnvironment();
        e.insert(QStringLiteral("OLLAMA_BASE_URL"),
                 QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
        e.insert(QStringLiteral("OPENAI_API_BASE_URL"),
                 guarded.url(QStringLiteral("/v1")).toString());
        e.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env"));
        auto r = runCli(dir.path(),
                        {QStringLiteral("chat"), QStringLiteral("--backend"),
                         QStringLiteral("openai"), QStringLiteral("--model"),
                         QStringLiteral("mistral:latest"), QStringLiteral("hey")},
                        e);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Reply to: hey\n"));
        QCOMPARE(guarded.requests()
                     .last()[QLatin1String("headers")][QLatin1String("authorization")]
                     .toString(),
                 QStringLiteral("Bearer sk-env"));
        // The key came from the environment and was stored nowhere.
        for (const QString& f : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY(!test::readFile(QDir(dir.path()).filePath(f)).contains("sk-env"));
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_clichat.moc"
