// SPDX-License-Identifier: GPL-3.0-or-later
// Continue against the fake Ollama and a real database: a stopped or failed reply goes on
// in the same message, the model sees its text last, what it cost adds up, and what
// cannot be continued is refused in words without touching the reply.
#include "EngineRig.h"

#include "TestStages.h"
#include "backends/OpenAIBackend.h"
#include "chat/ReplyMetrics.h"
#include "store/ReplyRecovery.h"
#include "util/ProcessIdentity.h"

#include <QSysInfo>

#include <QSqlQuery>
#include <QTest>

using namespace lyss;

class TestContinue : public QObject {
    Q_OBJECT

    std::unique_ptr<test::EngineRig> m_rig;
    std::unique_ptr<OpenAIBackend> m_openai;

    static const QString kLlama;

    Result<ActiveReply*> continueReply(ActiveReply* stopped, const QString& model = kLlama,
                                       Backend* backend = nullptr)
    {
        auto r =
            m_rig->engine->createContinuation(stopped->chatId(), stopped->messageId(),
                                              backend ? backend : m_rig->backend.get(), model, {});
        if (r)
            (*r)->begin();
        return r;
    }

    QString ownerOf(const QString& id)
    {
        QSqlQuery q(m_rig->db->connection());
        q.prepare(QStringLiteral("SELECT stream_owner FROM messages WHERE id = ?"));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("(none)");
    }

    // "Reply to: tell " and an error, as a model that ran out of memory leaves it.
    ActiveReply* failedReply()
    {
        ActiveReply* failed =
            m_rig->send(QStringLiteral("tell me more please"), QStringLiteral("error-mid"));
        if (!m_rig->waitFinished(failed))
            qFatal("the failing reply did not end");
        return failed;
    }

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<test::EngineRig>();
        QVERIFY(m_rig->ready());
        m_openai = std::make_unique<OpenAIBackend>(
            Backend::Config{QStringLiteral("local"),
                            BackendKind::OpenAI,
                            m_rig->server->url(QStringLiteral("/v1")),
                            {},
                            30000},
            &m_rig->nam);
    }

    void cleanup()
    {
        m_openai.reset();
        m_rig.reset();
    }

    void aFailedReplyGoesOnInTheSameMessage()
    {
        ActiveReply* failed = failedReply();
        const Message before = m_rig->stored(failed->messageId());
        QCOMPARE(before.status, MessageStatus::Error);
        QCOMPARE(before.content, QStringLiteral("Reply to: tell "));

        auto more = continueReply(failed);
        QVERIFY2(more.ok(), qPrintable(more.errorMessage()));
        QCOMPARE((*more)->messageId(), failed->messageId());
        QVERIFY(m_rig->waitFinished(*more));

        // The model was shown the branch with the reply's own text last.
        const QJsonArray sent = m_rig->lastChatMessagesSent();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[1][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(sent[1][QLatin1String("content")].toString(), QStringLiteral("Reply to: tell "));

        const Message after = m_rig->stored(failed->messageId());
        QCOMPARE(after.status, MessageStatus::Complete);
        QCOMPARE(after.content, QStringLiteral("Reply to: tell me more please"));
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        // One message, not a sibling: the branch is the question and this reply.
        QCOMPARE(m_rig->store->messages().currentBranch(failed->chatId())->size(), 2);
        QCOMPARE(m_rig->store->messages().currentBranch(failed->chatId())->last().id,
                 failed->messageId());
        // It is found by the words it ends with (the question has them too).
        auto hits = m_rig->store->search().search(QStringLiteral("please"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 2);
    }

    void whatItCostAddsUp()
    {
        ActiveReply* failed = failedReply();
        const QJsonObject first = m_rig->stored(failed->messageId()).metrics;
        QVERIFY(first.contains(QStringLiteral("total_ms")));
        auto more = continueReply(failed);
        QVERIFY(more.ok());
        QVERIFY(m_rig->waitFinished(*more));
        const QJsonObject m = m_rig->stored(failed->messageId()).metrics;
        QCOMPARE(m.value(QStringLiteral("continued")).toInt(), 1);
        // The fake server counts three pieces for "me more please"; the first stream had
        // three of its own (measured, as it sent no count).
        QCOMPARE(m.value(QStringLiteral("tokens")).toInteger(),
                 first.value(QStringLiteral("tokens")).toInteger() + 3);
        QCOMPARE(m.value(QStringLiteral("ttft_ms")), first.value(QStringLiteral("ttft_ms")));
        QCOMPARE(m.value(QStringLiteral("server")).toString(), QStringLiteral("ollama"));
    }

    // The figures of a reply made of several streams, case by case.
    void figuresOfSeveralStreams()
    {
        const QJsonObject first{{QStringLiteral("tokens"), 10},
                                {QStringLiteral("total_ms"), 1000},
                                {QStringLiteral("ttft_ms"), 200},
                                {QStringLiteral("tokens_per_second"), 12.5},
                                {QStringLiteral("server"), QStringLiteral("a")}};
        const QJsonObject second{{QStringLiteral("tokens"), 5},
                                 {QStringLiteral("total_ms"), 400},
                                 {QStringLiteral("ttft_ms"), 50},
                                 {QStringLiteral("tokens_per_second"), 20.0},
                                 {QStringLiteral("server"), QStringLiteral("b")}};
        const QJsonObject both = ReplyMetrics::continued(first, second);
        QCOMPARE(both.value(QStringLiteral("tokens")).toInteger(), 15);
        QCOMPARE(both.value(QStringLiteral("total_ms")).toInteger(), 1400);
        QCOMPARE(both.value(QStringLiteral("ttft_ms")).toInteger(), 200); // the first wait
        QCOMPARE(both.value(QStringLiteral("tokens_per_second")).toDouble(), 20.0); // the last
        QCOMPARE(both.value(QStringLiteral("server")).toString(), QStringLiteral("b"));
        QCOMPARE(both.value(QStringLiteral("continued")).toInt(), 1);
        QCOMPARE(ReplyMetrics::continued(both, second).value(QStringLiteral("continued")).toInt(),
                 2);
        // An attempt that brought nothing changes nothing.
        QCOMPARE(ReplyMetrics::continued(first, QJsonObject{{QStringLiteral("total_ms"), 30}}),
                 first);
        // An imported reply counts its server's tokens; one with no figures (interrupted
        // in an older Lyss) gets those of the stream that continued it.
        QCOMPARE(ReplyMetrics::continued(QJsonObject{{QStringLiteral("eval_count"), 7}}, second)
                     .value(QStringLiteral("tokens"))
                     .toInteger(),
                 12);
        QCOMPARE(ReplyMetrics::continued({}, second).value(QStringLiteral("tokens")).toInteger(),
                 5);
    }

    void aStoppedReplyGoesOnAndCanBeStoppedAgain()
    {
        ActiveReply* stalled =
            m_rig->send(QStringLiteral("tell me more please"), QStringLiteral("stall"));
        QTRY_COMPARE_WITH_TIMEOUT(stalled->message().content, QStringLiteral("Reply to: tell "),
                                  20000);
        stalled->cancel();
        QVERIFY(m_rig->waitFinished(stalled));
        QCOMPARE(m_rig->stored(stalled->messageId()).status, MessageStatus::Cancelled);

        // Continued by a slow model, and stopped in its turn: both texts are kept, in order.
        auto more = continueReply(stalled, QStringLiteral("slow"));
        QVERIFY2(more.ok(), qPrintable(more.errorMessage()));
        QTRY_VERIFY_WITH_TIMEOUT((*more)->message().content.contains(QStringLiteral("w3 ")), 20000);
        // While it streams, the row says so, owned by this process (a crash is found).
        const Message mid = m_rig->stored(stalled->messageId());
        QCOMPARE(mid.status, MessageStatus::Streaming);
        QCOMPARE(ownerOf(mid.id), currentProcessToken());
        (*more)->cancel();
        QVERIFY(m_rig->waitFinished(*more));
        const Message end = m_rig->stored(stalled->messageId());
        QCOMPARE(end.status, MessageStatus::Cancelled);
        QVERIFY2(end.content.startsWith(QStringLiteral("Reply to: tell w0 w1 w2 w3 ")),
                 qPrintable(end.content));
        QCOMPARE(end.content, (*more)->message().content);
        QVERIFY(ownerOf(end.id).isEmpty());

        // And once more, to the end.
        auto last = continueReply(stalled);
        QVERIFY(last.ok());
        QVERIFY(m_rig->waitFinished(*last));
        QCOMPARE(m_rig->stored(stalled->messageId()).status, MessageStatus::Complete);
        QCOMPARE(
            m_rig->stored(stalled->messageId()).metrics.value(QStringLiteral("continued")).toInt(),
            2);
    }

    void aContinuationThatFailsKeepsTheTextBefore()
    {
        ActiveReply* failed = failedReply();
        const Message before = m_rig->stored(failed->messageId());
        auto more = continueReply(failed, QStringLiteral("missing-model"));
        QVERIFY(more.ok());
        QVERIFY(m_rig->waitFinished(*more));
        const Message m = m_rig->stored(failed->messageId());
        QCOMPARE(m.status, MessageStatus::Error);
        QCOMPARE(m.content, QStringLiteral("Reply to: tell "));
        QVERIFY2(m.error.contains(QStringLiteral("missing-model")), qPrintable(m.error));
        // An attempt that brought nothing costs the reply nothing.
        QCOMPARE(m.metrics, before.metrics);
    }

    // Stopped while the filters still prepare it, refused by one, or changed by one: the
    // reply was never reopened, so nothing of it is written, and it is as it was.
    void aContinuationThatNeverWentWritesNothing()
    {
        ActiveReply* failed = failedReply();
        const Message before = m_rig->stored(failed->messageId());
        const auto tryWith = [&](std::shared_ptr<ReplyStage> stage, bool stop) {
            auto more = m_rig->engine->createContinuation(failed->chatId(), failed->messageId(),
                                                          m_rig->backend.get(), kLlama, {});
            if (!more)
                qFatal("%s", qPrintable(more.errorMessage()));
            (*more)->begin({stage});
            if (stop)
                (*more)->cancel();
            if (!m_rig->waitFinished(*more))
                qFatal("the continuation did not end");
            return *more;
        };
        ActiveReply* stopped = tryWith(std::make_shared<test::Slow>(5000), true);
        QCOMPARE(stopped->notContinuedReason(), QStringLiteral("Stopped before it was sent."));
        ActiveReply* refused = tryWith(std::make_shared<test::Refuser>(), false);
        QVERIFY2(refused->notContinuedReason().contains(QStringLiteral("Mondays")),
                 qPrintable(refused->notContinuedReason()));
        ActiveReply* changed = tryWith(std::make_shared<test::Rewriter>(), false);
        QVERIFY2(changed->notContinuedReason().contains(QStringLiteral("A filter changed")),
                 qPrintable(changed->notContinuedReason()));
        for (ActiveReply* r : {stopped, refused, changed}) {
            QVERIFY(!r->wasSent());
            QCOMPARE(r->message().status, MessageStatus::Error);
            QCOMPARE(r->message().error, before.error);
            QCOMPARE(r->databaseWrites(), 0);
        }
        const Message after = m_rig->stored(failed->messageId());
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.error, before.error);
        QCOMPARE(after.content, before.content);
        QCOMPARE(after.updatedAt, before.updatedAt);
        QCOMPARE(m_rig->server->requests().size(), 1);
    }

    // Lyss dies while a continuation streams: at the next start the reply is interrupted,
    // with the text of both streams so far and the reason it first stopped; and it can be
    // continued again.
    void aCrashWhileContinuingKeepsEverything()
    {
        ActiveReply* failed = failedReply();
        Message row = m_rig->stored(failed->messageId());
        row.streamOwner = QStringLiteral("%1:999999999:12345").arg(QSysInfo::machineHostName());
        QVERIFY(m_rig->store->messages().reopenMessage(row).ok());
        QVERIFY(m_rig->store->messages()
                    .checkpointMessage(row.id, row.content + QStringLiteral("me more"), {})
                    .ok());
        auto n = ReplyRecovery(*m_rig->db)
                     .recoverInterruptedReplies([](const QString& owner, qint64 last) {
                         return isProcessTokenAlive(owner, last, 0);
                     });
        QVERIFY(n.ok());
        QCOMPARE(*n, 1);
        const Message found = m_rig->stored(row.id);
        QCOMPARE(found.status, MessageStatus::Interrupted);
        QCOMPARE(found.content, QStringLiteral("Reply to: tell me more"));
        QVERIFY2(found.error.contains(QStringLiteral("CUDA out of memory")),
                 qPrintable(found.error));

        auto more = continueReply(failed);
        QVERIFY2(more.ok(), qPrintable(more.errorMessage()));
        QVERIFY(m_rig->waitFinished(*more));
        QCOMPARE(m_rig->stored(row.id).status, MessageStatus::Complete);
        QCOMPARE(m_rig->stored(row.id).content, QStringLiteral("Reply to: tell me more please"));
    }

    // Someone answered the reply (another Lyss sent a message under it) after it was read
    // for Continue: it is not reopened, since what follows was written without the rest.
    void aReplyAnsweredMeanwhileIsNotContinued()
    {
        ActiveReply* failed = failedReply();
        auto more = m_rig->engine->createContinuation(failed->chatId(), failed->messageId(),
                                                      m_rig->backend.get(), kLlama, {});
        QVERIFY(more.ok());
        Message answer;
        answer.chatId = failed->chatId();
        answer.parentId = failed->messageId();
        answer.role = Role::User;
        answer.content = QStringLiteral("never mind");
        QVERIFY(m_rig->store->messages().addMessage(answer).ok());
        (*more)->begin();
        QVERIFY(m_rig->waitFinished(*more));
        QVERIFY((*more)->notContinuedReason().contains(QStringLiteral("changed meanwhile")));
        QCOMPARE(m_rig->stored(failed->messageId()).status, MessageStatus::Error);
        QCOMPARE(m_rig->server->requests().size(), 1);
    }

    void whatCannotBeContinuedIsRefusedInWords()
    {
        // A complete reply.
        ActiveReply* done = m_rig->send(QStringLiteral("hi"), kLlama);
        QVERIFY(m_rig->waitFinished(done));
        auto complete = continueReply(done);
        QVERIFY(!complete.ok());
        QCOMPARE(complete.error().code, ErrorCode::Refused);
        QVERIFY(complete.errorMessage().contains(QStringLiteral("stopped or failed")));

        // A failed reply with no text: Retry is what it needs.
        ActiveReply* empty = m_rig->send(QStringLiteral("hi"), QStringLiteral("missing-model"));
        QVERIFY(m_rig->waitFinished(empty));
        auto nothing = continueReply(empty);
        QVERIFY(!nothing.ok());
        QVERIFY(nothing.errorMessage().contains(QStringLiteral("Retry")));

        // A server whose API makes no promise to continue.
        ActiveReply* failed = failedReply();
        auto openai = continueReply(failed, QStringLiteral("llama3.2"), m_openai.get());
        QVERIFY(!openai.ok());
        QVERIFY(openai.errorMessage().contains(QStringLiteral("local")));

        // A reply the conversation has gone on from.
        ActiveReply* next = m_rig->send(QStringLiteral("and then?"), kLlama, failed->chatId());
        QVERIFY(m_rig->waitFinished(next));
        auto followed = continueReply(failed);
        QVERIFY(!followed.ok());
        QVERIFY(followed.errorMessage().contains(QStringLiteral("last reply")));

        // Nothing of it was touched.
        const Message m = m_rig->stored(failed->messageId());
        QCOMPARE(m.status, MessageStatus::Error);
        QCOMPARE(m.content, QStringLiteral("Reply to: tell "));
        QVERIFY(!m.error.isEmpty());
    }

    void aReplyContinuedElsewhereIsLeftAlone()
    {
        ActiveReply* failed = failedReply();
        auto more = m_rig->engine->createContinuation(failed->chatId(), failed->messageId(),
                                                      m_rig->backend.get(), kLlama, {});
        QVERIFY(more.ok());
        // Another Lyss reopens it first.
        Message theirs = m_rig->stored(failed->messageId());
        theirs.streamOwner = QStringLiteral("other-process");
        QVERIFY(m_rig->store->messages().reopenMessage(theirs).ok());

        (*more)->begin();
        QVERIFY(m_rig->waitFinished(*more));
        QVERIFY(!(*more)->wasSent());
        QVERIFY2((*more)->notContinuedReason().contains(QStringLiteral("changed meanwhile")),
                 qPrintable((*more)->notContinuedReason()));
        const Message m = m_rig->stored(failed->messageId());
        QCOMPARE(m.status, MessageStatus::Streaming);
        QCOMPARE(ownerOf(m.id), QStringLiteral("other-process"));
        QCOMPARE(m.content, QStringLiteral("Reply to: tell "));
        // Only the failed reply's own request reached the server.
        QCOMPARE(m_rig->server->requests().size(), 1);
    }
};

const QString TestContinue::kLlama = QStringLiteral("llama3.2:latest");

QTEST_GUILESS_MAIN(TestContinue)
#include "tst_continue.moc"
