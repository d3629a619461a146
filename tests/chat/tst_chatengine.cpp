// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation engine end to end against the fake server and a real database:
// rows from the first moment, checkpoints at most once a second, every ending kept,
// the history sent, branches from regenerate, and recovery after a crash.
#include "EngineRig.h"

#include "store/ReplyRecovery.h"
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

    std::unique_ptr<test::EngineRig> m_rig;

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<test::EngineRig>();
        QVERIFY(m_rig->ready());
    }

    void cleanup() { m_rig.reset(); }

    void newChatStoresBothMessages()
    {
        ActiveReply* reply =
            m_rig->send(QStringLiteral("What is the capital of France?\nAnswer briefly."));
        // The reply is a row before the first token.
        QCOMPARE(m_rig->stored(reply->messageId()).status, MessageStatus::Streaming);
        QSqlQuery owner(m_rig->db->connection());
        QVERIFY(owner.exec(QStringLiteral("SELECT stream_owner FROM messages WHERE id = '%1'")
                               .arg(reply->messageId())));
        QVERIFY(owner.next());
        QCOMPARE(owner.value(0).toString(), currentProcessToken());
        owner.finish();
        QVERIFY(m_rig->waitFinished(reply));

        auto chat = m_rig->store->chats().chat(reply->chatId());
        QVERIFY(chat.ok() && chat->has_value());
        QCOMPARE((*chat)->title, QStringLiteral("What is the capital of France?"));
        QCOMPARE((*chat)->model, QStringLiteral("llama3.2:latest"));
        auto branch = m_rig->store->messages().currentBranch(reply->chatId());
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
        ActiveReply* first = m_rig->send(QStringLiteral("one"));
        QVERIFY(m_rig->waitFinished(first));
        ChatOptions options;
        options.systemPrompt = QStringLiteral("You are terse.");
        ActiveReply* second = m_rig->send(QStringLiteral("two"), QStringLiteral("llama3.2:latest"),
                                          first->chatId(), options);
        QVERIFY(m_rig->waitFinished(second));
        const QJsonArray sent = m_rig->lastChatMessagesSent();
        QStringList got;
        for (const QJsonValue& m : sent)
            got << m[QLatin1String("role")].toString() + QLatin1Char(':') +
                       m[QLatin1String("content")].toString();
        QCOMPARE(got, (QStringList{
                          QStringLiteral("system:You are terse."), QStringLiteral("user:one"),
                          QStringLiteral("assistant:Reply to: one"), QStringLiteral("user:two")}));
        QCOMPARE(m_rig->store->messages().currentBranch(first->chatId())->size(), 4);
    }

    void checkpointsWhileStreamingAndCancelKeepsText()
    {
        ActiveReply* reply = m_rig->send(QStringLiteral("go"), QStringLiteral("slow"));
        QElapsedTimer clock;
        clock.start();
        // Wait until a second of streaming has passed: a checkpoint must be stored.
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 1600 && reply->message().content.size() > 10,
                                 20000);
        const Message mid = m_rig->stored(reply->messageId());
        QCOMPARE(mid.status, MessageStatus::Streaming);
        QVERIFY2(!mid.content.isEmpty(), "no checkpoint after more than a second of streaming");
        QVERIFY(reply->message().content.startsWith(mid.content));
        const int writesSoFar = reply->databaseWrites();
        QVERIFY2(writesSoFar >= 1 && writesSoFar <= clock.elapsed() / 1000 + 1,
                 qPrintable(QString::number(writesSoFar)));

        reply->cancel();
        QVERIFY(m_rig->waitFinished(reply));
        const Message end = m_rig->stored(reply->messageId());
        QCOMPARE(end.status, MessageStatus::Cancelled);
        QCOMPARE(end.content, reply->message().content);
        QVERIFY(end.content.startsWith(QStringLiteral("w0 w1 ")));
        QVERIFY(end.error.isEmpty());
    }

    void errorsKeepThePartialReply()
    {
        ActiveReply* reply = m_rig->send(QStringLiteral("a b c d"), QStringLiteral("error-mid"));
        QVERIFY(m_rig->waitFinished(reply));
        const Message m = m_rig->stored(reply->messageId());
        QCOMPARE(m.status, MessageStatus::Error);
        QCOMPARE(m.content, QStringLiteral("Reply to: a "));
        QVERIFY(m.error.contains(QStringLiteral("CUDA out of memory")));
    }

    void failedEmptyReplyIsNotHistory()
    {
        ActiveReply* failed = m_rig->send(QStringLiteral("hello"), QStringLiteral("missing-model"));
        QVERIFY(m_rig->waitFinished(failed));
        QCOMPARE(m_rig->stored(failed->messageId()).status, MessageStatus::Error);
        ActiveReply* next = m_rig->send(QStringLiteral("again"), QStringLiteral("llama3.2:latest"),
                                        failed->chatId());
        QVERIFY(m_rig->waitFinished(next));
        const QJsonArray sent = m_rig->lastChatMessagesSent();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0][QLatin1String("content")].toString(), QStringLiteral("hello"));
        QCOMPARE(sent[1][QLatin1String("content")].toString(), QStringLiteral("again"));
    }

    void regenerateMakesASibling()
    {
        ActiveReply* first = m_rig->send(QStringLiteral("pick a number"));
        QVERIFY(m_rig->waitFinished(first));
        const Message answer = m_rig->stored(first->messageId());
        auto again = m_rig->engine->reply(first->chatId(), answer.parentId, m_rig->backend.get(),
                                          QStringLiteral("think"), {});
        QVERIFY(again.ok());
        QVERIFY(m_rig->waitFinished(*again));
        auto branch = m_rig->store->messages().currentBranch(first->chatId());
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(1).id, (*again)->messageId());
        QCOMPARE(branch->at(1).thinking, QStringLiteral("Let me think about it."));
        QVERIFY(branch->at(1).metrics.contains(QStringLiteral("thinking_ms"))); // "Thought for N s"
        QSqlQuery q(m_rig->db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE parent_id = '%1'")
                           .arg(answer.parentId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void recoveryLeavesLiveRepliesAlone()
    {
        auto chat = m_rig->store->chats().createChat({.title = QStringLiteral("crash")});
        Message dead;
        dead.chatId = chat->id;
        dead.role = Role::Assistant;
        dead.content = QStringLiteral("half a sent");
        dead.status = MessageStatus::Streaming;
        dead.streamOwner = QStringLiteral("%1:999999999:12345").arg(QSysInfo::machineHostName());
        const QString deadId = m_rig->store->messages().addMessage(dead)->id;
        Message live = dead;
        live.id.clear();
        live.streamOwner = currentProcessToken();
        const QString liveId = m_rig->store->messages().addMessage(live)->id;
        Message ownerless = dead;
        ownerless.id.clear();
        ownerless.streamOwner.clear();
        const QString ownerlessId = m_rig->store->messages().addMessage(ownerless)->id;

        // A reply another machine streams: alive while it writes, dead once it stopped.
        Message remote = dead;
        remote.id.clear();
        remote.streamOwner = QStringLiteral("other-host.example:4242:777");
        const QString remoteId = m_rig->store->messages().addMessage(remote)->id;
        Message remoteStale = remote;
        remoteStale.id.clear();
        const QString remoteStaleId = m_rig->store->messages().addMessage(remoteStale)->id;
        {
            QSqlQuery q(m_rig->db->connection());
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
        auto n = ReplyRecovery(*m_rig->db).recoverInterruptedReplies(alive);
        QVERIFY(n.ok());
        QCOMPARE(*n, 3);
        QCOMPARE(m_rig->stored(remoteId).status, MessageStatus::Streaming);
        QCOMPARE(m_rig->stored(remoteStaleId).status, MessageStatus::Interrupted);
        QCOMPARE(m_rig->stored(deadId).status, MessageStatus::Interrupted);
        QCOMPARE(m_rig->stored(deadId).content, QStringLiteral("half a sent"));
        QCOMPARE(m_rig->stored(ownerlessId).status, MessageStatus::Interrupted);
        QCOMPARE(m_rig->stored(liveId).status, MessageStatus::Streaming);
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
            !m_rig->engine->send({.prompt = QStringLiteral("   "), .backend = m_rig->backend.get()})
                 .ok());
    }
};

QTEST_GUILESS_MAIN(TestChatEngine)
#include "tst_chatengine.moc"
