// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation engine end to end against the fake server and a real database:
// rows from the first moment, checkpoints at most once a second, every ending kept,
// the history sent, branches from regenerate, and recovery after a crash.
#include "TestSupport.h"

#include "backends/OllamaBackend.h"
#include "chat/ChatEngine.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/ReplyRecovery.h"
#include "store/sqlite/Database.h"
#include "util/ProcessIdentity.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestChatEngine : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<OllamaBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ChatStore> m_store;
    std::unique_ptr<ChatEngine> m_engine;

    ActiveReply* send(const QString& prompt,
                      const QString& model = QStringLiteral("llama3.2:latest"),
                      const QString& chatId = {}, ChatOptions options = {})
    {
        ChatEngine::Send s;
        s.chatId = chatId;
        s.prompt = prompt;
        s.backend = m_backend.get();
        s.model = model;
        s.options = options;
        auto r = m_engine->send(s);
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

    Message stored(const QString& id)
    {
        auto m = m_store->messages().message(id);
        return m.ok() && m->has_value() ? **m : Message{};
    }

    QJsonArray lastChatMessagesSent()
    {
        const QJsonArray all = m_server->requests();
        for (qsizetype i = all.size() - 1; i >= 0; --i) {
            if (all[i][QLatin1String("path")].toString() == QLatin1String("/api/chat"))
                return all[i][QLatin1String("body")][QLatin1String("messages")].toArray();
        }
        return {};
    }

private Q_SLOTS:
    // Each test has its own server and database: nothing one leaves behind (rows, a
    // request log, a half-read stream) can make another pass or fail.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
        m_backend = std::make_unique<OllamaBackend>(
            Backend::Config{
                QStringLiteral("ollama"), BackendKind::Ollama, m_server->url(), {}, 30000},
            &m_nam);
        auto db = Database::open(m_dir->filePath(QStringLiteral("lyss.db")));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_store = std::make_unique<ChatStore>(*m_db, localUserId());
        m_engine = std::make_unique<ChatEngine>(*m_store);
    }

    void cleanup()
    {
        m_engine.reset();
        m_store.reset();
        m_db.reset();
        m_backend.reset();
        m_server.reset();
        m_dir.reset();
    }

    void newChatStoresBothMessages()
    {
        ActiveReply* reply =
            send(QStringLiteral("What is the capital of France?\nAnswer briefly."));
        // The reply is a row before the first token.
        QCOMPARE(stored(reply->messageId()).status, MessageStatus::Streaming);
        QSqlQuery owner(m_db->connection());
        QVERIFY(owner.exec(QStringLiteral("SELECT stream_owner FROM messages WHERE id = '%1'")
                               .arg(reply->messageId())));
        QVERIFY(owner.next());
        QCOMPARE(owner.value(0).toString(), currentProcessToken());
        owner.finish();
        QVERIFY(waitFinished(reply));

        auto chat = m_store->chats().chat(reply->chatId());
        QVERIFY(chat.ok() && chat->has_value());
        QCOMPARE((*chat)->title, QStringLiteral("What is the capital of France?"));
        QCOMPARE((*chat)->model, QStringLiteral("llama3.2:latest"));
        auto branch = m_store->messages().currentBranch(reply->chatId());
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(0).role, Role::User);
        const Message& a = branch->at(1);
        QCOMPARE(a.id, reply->messageId());
        QCOMPARE(a.status, MessageStatus::Complete);
        QCOMPARE(a.content,
                 QStringLiteral("Reply to: What is the capital of France?\nAnswer briefly."));
        QCOMPARE(a.model, QStringLiteral("llama3.2:latest"));
        QCOMPARE(a.metrics.value(QStringLiteral("eval_count")).toInt(), 9);
        QCOMPARE(a.metrics.value(QStringLiteral("tokens")).toInt(), 9);
        QVERIFY(a.metrics.contains(QStringLiteral("ttft_ms")));
        QVERIFY(a.metrics.contains(QStringLiteral("total_ms")));
        // From Ollama's own numbers: 9 tokens in 4.535599 s.
        QCOMPARE(a.metrics.value(QStringLiteral("tokens_per_second")).toDouble(), 1.98);
    }

    void continuationSendsTheBranch()
    {
        ActiveReply* first = send(QStringLiteral("one"));
        QVERIFY(waitFinished(first));
        ChatOptions options;
        options.systemPrompt = QStringLiteral("You are terse.");
        ActiveReply* second = send(QStringLiteral("two"), QStringLiteral("llama3.2:latest"),
                                   first->chatId(), options);
        QVERIFY(waitFinished(second));
        const QJsonArray sent = lastChatMessagesSent();
        QStringList got;
        for (const QJsonValue& m : sent)
            got << m[QLatin1String("role")].toString() + QLatin1Char(':') +
                       m[QLatin1String("content")].toString();
        QCOMPARE(got, (QStringList{
                          QStringLiteral("system:You are terse."), QStringLiteral("user:one"),
                          QStringLiteral("assistant:Reply to: one"), QStringLiteral("user:two")}));
        QCOMPARE(m_store->messages().currentBranch(first->chatId())->size(), 4);
    }

    void checkpointsWhileStreamingAndCancelKeepsText()
    {
        ActiveReply* reply = send(QStringLiteral("go"), QStringLiteral("slow"));
        QElapsedTimer clock;
        clock.start();
        // Wait until a second of streaming has passed: a checkpoint must be stored.
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 1600 && reply->message().content.size() > 10,
                                 20000);
        const Message mid = stored(reply->messageId());
        QCOMPARE(mid.status, MessageStatus::Streaming);
        QVERIFY2(!mid.content.isEmpty(), "no checkpoint after more than a second of streaming");
        QVERIFY(reply->message().content.startsWith(mid.content));
        const int writesSoFar = reply->databaseWrites();
        QVERIFY2(writesSoFar >= 1 && writesSoFar <= clock.elapsed() / 1000 + 1,
                 qPrintable(QString::number(writesSoFar)));

        reply->cancel();
        QVERIFY(waitFinished(reply));
        const Message end = stored(reply->messageId());
        QCOMPARE(end.status, MessageStatus::Cancelled);
        QCOMPARE(end.content, reply->message().content);
        QVERIFY(end.content.startsWith(QStringLiteral("w0 w1 ")));
        QVERIFY(end.error.isEmpty());
    }

    void errorsKeepThePartialReply()
    {
        ActiveReply* reply = send(QStringLiteral("a b c d"), QStringLiteral("error-mid"));
        QVERIFY(waitFinished(reply));
        const Message m = stored(reply->messageId());
        QCOMPARE(m.status, MessageStatus::Error);
        QCOMPARE(m.content, QStringLiteral("Reply to: a "));
        QVERIFY(m.error.contains(QStringLiteral("CUDA out of memory")));
    }

    void failedEmptyReplyIsNotHistory()
    {
        ActiveReply* failed = send(QStringLiteral("hello"), QStringLiteral("missing-model"));
        QVERIFY(waitFinished(failed));
        QCOMPARE(stored(failed->messageId()).status, MessageStatus::Error);
        ActiveReply* next =
            send(QStringLiteral("again"), QStringLiteral("llama3.2:latest"), failed->chatId());
        QVERIFY(waitFinished(next));
        const QJsonArray sent = lastChatMessagesSent();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0][QLatin1String("content")].toString(), QStringLiteral("hello"));
        QCOMPARE(sent[1][QLatin1String("content")].toString(), QStringLiteral("again"));
    }

    void regenerateMakesASibling()
    {
        ActiveReply* first = send(QStringLiteral("pick a number"));
        QVERIFY(waitFinished(first));
        const Message answer = stored(first->messageId());
        auto again = m_engine->reply(first->chatId(), answer.parentId, m_backend.get(),
                                     QStringLiteral("think"), {});
        QVERIFY(again.ok());
        QVERIFY(waitFinished(*again));
        auto branch = m_store->messages().currentBranch(first->chatId());
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(1).id, (*again)->messageId());
        QCOMPARE(branch->at(1).thinking, QStringLiteral("Let me think about it."));
        QVERIFY(branch->at(1).metrics.contains(QStringLiteral("thinking_ms"))); // "Thought for N s"
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE parent_id = '%1'")
                           .arg(answer.parentId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void recoveryLeavesLiveRepliesAlone()
    {
        auto chat = m_store->chats().createChat({.title = QStringLiteral("crash")});
        Message dead;
        dead.chatId = chat->id;
        dead.role = Role::Assistant;
        dead.content = QStringLiteral("half a sent");
        dead.status = MessageStatus::Streaming;
        dead.streamOwner = QStringLiteral("%1:999999999:12345").arg(QSysInfo::machineHostName());
        const QString deadId = m_store->messages().addMessage(dead)->id;
        Message live = dead;
        live.id.clear();
        live.streamOwner = currentProcessToken();
        const QString liveId = m_store->messages().addMessage(live)->id;
        Message ownerless = dead;
        ownerless.id.clear();
        ownerless.streamOwner.clear();
        const QString ownerlessId = m_store->messages().addMessage(ownerless)->id;

        // A reply another machine streams: alive while it writes, dead once it stopped.
        Message remote = dead;
        remote.id.clear();
        remote.streamOwner = QStringLiteral("other-host.example:4242:777");
        const QString remoteId = m_store->messages().addMessage(remote)->id;
        Message remoteStale = remote;
        remoteStale.id.clear();
        const QString remoteStaleId = m_store->messages().addMessage(remoteStale)->id;
        {
            QSqlQuery q(m_db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE messages SET updated_at = %1 WHERE id = '%2'")
                               .arg(QDateTime::currentMSecsSinceEpoch() - 3600 * 1000)
                               .arg(remoteStaleId)));
        }
        // A zombie (exited, not collected by its parent) will never write again: the shell
        // starts a short sleep in the background and becomes a long one, which never waits for
        // it (the short one ends after the exec, so no shell can collect it first).
        QProcess parent;
        parent.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"), QStringLiteral("sleep 0.3 & echo $!; exec sleep 5")});
        QVERIFY(parent.waitForReadyRead(5000));
        const qint64 pid = parent.readLine().trimmed().toLongLong();
        QVERIFY(pid > 0);
        QByteArray fields;
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
                fields = stat.open(QIODevice::ReadOnly) ? stat.readAll() : QByteArray();
                return fields.mid(fields.lastIndexOf(')') + 2).startsWith("Z");
            },
            5000));
        const QString start =
            QString::fromLatin1(fields.mid(fields.lastIndexOf(')') + 2).split(' ').value(19));
        QVERIFY(!isProcessTokenAlive(
            QStringLiteral("%1:%2:%3").arg(QSysInfo::machineHostName()).arg(pid).arg(start)));
        parent.kill();
        parent.waitForFinished();

        QVERIFY(isProcessTokenAlive(currentProcessToken()));
        QVERIFY(!isProcessTokenAlive(dead.streamOwner));
        const auto alive = [](const QString& owner, qint64 last) {
            return isProcessTokenAlive(owner, last, 180 * 1000);
        };
        auto n = ReplyRecovery(*m_db).recoverInterruptedReplies(alive);
        QVERIFY(n.ok());
        QCOMPARE(*n, 3);
        QCOMPARE(stored(remoteId).status, MessageStatus::Streaming);
        QCOMPARE(stored(remoteStaleId).status, MessageStatus::Interrupted);
        QCOMPARE(stored(deadId).status, MessageStatus::Interrupted);
        QCOMPARE(stored(deadId).content, QStringLiteral("half a sent"));
        QCOMPARE(stored(ownerlessId).status, MessageStatus::Interrupted);
        QCOMPARE(stored(liveId).status, MessageStatus::Streaming);
    }

    void titles()
    {
        QCOMPARE(ChatEngine::titleFromPrompt(QStringLiteral("  hello   world  \nmore")),
                 QStringLiteral("hello world"));
        const QString longPrompt = QStringLiteral("word ").repeated(30);
        const QString t = ChatEngine::titleFromPrompt(longPrompt);
        QVERIFY(t.size() <= 61);
        QVERIFY(t.endsWith(QChar(0x2026)));
        QVERIFY(
            !m_engine->send({.prompt = QStringLiteral("   "), .backend = m_backend.get()}).ok());
    }
};

QTEST_GUILESS_MAIN(TestChatEngine)
#include "tst_chatengine.moc"
