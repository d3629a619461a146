// SPDX-License-Identifier: GPL-3.0-or-later
// The request pipeline with test stages (one that rewrites, one that refuses, one that is
// slow, one that fails), a real database and the fake server: nothing is stored or sent
// before the stages have prepared the request; a refusal stores the person's message with
// the refusal as the reply's error and sends nothing; a turn is stored whole or not at
// all; streamed text and the finished reply pass through the same stages.
#include "TestStages.h"
#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "backends/ChatStream.h"
#include "chat/Conversations.h"
#include "chat/ReplyStage.h"
#include "store/ChatStore.h"
#include "store/sqlite/Database.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lyss;
using namespace lyss::test;

namespace {

// A stream that is not HTTP: the words of `text`, one every 5 ms, from the event loop.
class ScriptedStream : public ChatStream {
public:
    ScriptedStream(const QString& text, QObject* parent)
        : ChatStream(parent)
        , m_words(text.split(QLatin1Char(' ')))
    {
        m_clock.start();
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_next == m_words.size()) {
                end(Outcome::Complete);
                return;
            }
            const QString word = (m_next ? QStringLiteral(" ") : QString()) + m_words[m_next];
            ++m_next;
            if (m_first < 0)
                m_first = m_clock.elapsed();
            Q_EMIT eventsReady({StreamEvent{StreamEvent::Kind::Content, word}});
        });
        m_timer.start();
    }
    void cancel() override { end(Outcome::Cancelled); }
    Outcome outcome() const override { return m_outcome; }
    QString errorText() const override { return {}; }
    ChatMetrics metrics() const override { return {}; }
    QString model() const override { return QStringLiteral("script"); }
    qint64 firstTokenMs() const override { return m_first; }
    qint64 elapsedMs() const override { return m_clock.elapsed(); }

private:
    void end(Outcome outcome)
    {
        if (m_outcome != Outcome::Running)
            return;
        m_timer.stop();
        m_outcome = outcome;
        Q_EMIT finished();
    }
    QStringList m_words;
    qsizetype m_next = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_first = -1;
    Outcome m_outcome = Outcome::Running;
};

class ScriptedBackend : public Backend {
public:
    explicit ScriptedBackend(QNetworkAccessManager* nam)
        : Backend({.name = QStringLiteral("script")}, nam)
    {
    }
    void listModelsNow(Callback<QList<ModelInfo>> done) override { done(QList<ModelInfo>{}); }
    void probeNow(Callback<QString> done) override { done(QStringLiteral("script")); }
    ChatStream* chat(const ChatRequest& request) override
    {
        return new ScriptedStream(request.messages.last().content, this);
    }
};

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    std::unique_ptr<Conversations> m_conversations;
    const ModelChoice m_model{QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")};

    int chatRequests() const
    {
        int n = 0;
        for (const QJsonValue& r : m_server->requests())
            n += r[QLatin1String("path")].toString() == QLatin1String("/api/chat");
        return n;
    }
    int rows(const QString& table)
    {
        QSqlQuery q(m_app->database().connection());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    static bool finish(ActiveReply* reply)
    {
        if (reply->isFinished())
            return true;
        QSignalSpy spy(reply, &ActiveReply::finished);
        return spy.wait(30000);
    }
    Result<ActiveReply*> send(const QString& prompt, const QString& chatId = {},
                              const ModelChoice& model = {})
    {
        Conversations::Send s;
        s.chatId = chatId;
        s.prompt = prompt;
        s.model = model.isEmpty() ? m_model : model;
        return m_conversations->send(s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void init()
    {
        m_server->reset();
        m_dir = std::make_unique<QTemporaryDir>();
        AppContext::Options o;
        o.dataDir = m_dir->path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), m_server->url().toString());
        m_app = std::move(AppContext::open(o)).value();
        m_backends = std::make_unique<BackendSet>(*m_app->effectiveBackends(), nullptr, 30000);
        m_conversations =
            std::make_unique<Conversations>(m_app->store(), m_app->settings(), *m_backends);
    }

    void cleanup()
    {
        m_conversations.reset();
        m_backends.reset();
        m_app.reset();
        m_dir.reset();
    }

    void stagesRewriteTheRequestTheTextAndTheEnd()
    {
        m_conversations->setStages({std::make_shared<Rewriter>()});
        auto reply = send(QStringLiteral("hello"));
        QVERIFY2(reply.ok(), qPrintable(reply.errorMessage()));
        QVERIFY(finish(*reply));
        const QJsonArray sent =
            m_server->lastChatRequest()[QLatin1String("body")][QLatin1String("messages")].toArray();
        QCOMPARE(sent.last()[QLatin1String("content")].toString(),
                 QStringLiteral("hello (rewritten)"));
        // The person's message is stored as they wrote it; the model saw the rewrite.
        auto stored = m_app->store().messages().currentBranch((*reply)->chatId());
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).content, QStringLiteral("hello"));
        QCOMPARE(stored->at(1).content, QStringLiteral("REPLY TO: HELLO (REWRITTEN)\n-- checked"));
        QCOMPARE(stored->at(1).status, MessageStatus::Complete);
        QCOMPARE((*reply)->message().content, stored->at(1).content);
    }

    void aRefusalStoresTheMessageAndSendsNothing()
    {
        m_conversations->setStages({std::make_shared<Rewriter>(), std::make_shared<Refuser>()});
        auto reply = send(QStringLiteral("may I?"));
        QVERIFY(reply.ok());
        QVERIFY((*reply)->isFinished()); // refused at once
        QCOMPARE(chatRequests(), 0);
        auto stored = m_app->store().messages().currentBranch((*reply)->chatId());
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).content, QStringLiteral("may I?"));
        QCOMPARE(stored->at(1).status, MessageStatus::Error);
        QCOMPARE(stored->at(1).error,
                 QStringLiteral("The filter Guard refused: no questions on Mondays."));
        QVERIFY(stored->at(1).content.isEmpty());
        QCOMPARE(m_conversations->replyIn((*reply)->chatId()), nullptr);
    }

    void nothingIsStoredOrSentWhileTheStagesPrepare()
    {
        m_conversations->setStages({std::make_shared<Slow>(300)});
        auto reply = send(QStringLiteral("patience"));
        QVERIFY(reply.ok());
        ActiveReply* r = *reply;
        QVERIFY(r->isPreparing());
        QCOMPARE(m_conversations->replyIn(r->chatId()), r);
        QCOMPARE(rows(QStringLiteral("chats")), 0);
        QCOMPARE(rows(QStringLiteral("messages")), 0);
        QVERIFY(r->question().has_value()); // shown from memory meanwhile
        QSignalSpy started(r, &ActiveReply::started);
        QVERIFY(started.wait(5000));
        QCOMPARE(rows(QStringLiteral("chats")), 1);
        QCOMPARE(rows(QStringLiteral("messages")), 2);
        QVERIFY(finish(r));
        QCOMPARE(r->message().content, QStringLiteral("Reply to: patience"));
        QCOMPARE(r->message().status, MessageStatus::Complete);
    }

    void stoppingWhilePreparingKeepsTheMessage()
    {
        auto first = send(QStringLiteral("first"));
        QVERIFY(first.ok() && finish(*first));
        const QString chatId = (*first)->chatId();
        m_conversations->setStages({std::make_shared<Slow>(2000)});
        const int before = chatRequests();
        auto reply = send(QStringLiteral("second"), chatId);
        QVERIFY(reply.ok());
        QVERIFY((*reply)->isPreparing());
        m_conversations->stop(chatId);
        QVERIFY((*reply)->isFinished()); // at once, not when the stage answers
        QCOMPARE((*reply)->message().status, MessageStatus::Cancelled);
        QCOMPARE(m_conversations->replyIn(chatId), nullptr);
        auto branch = m_app->store().messages().currentBranch(chatId);
        QVERIFY(branch.ok());
        QCOMPARE(branch->size(), 4);
        QCOMPARE(branch->at(2).content, QStringLiteral("second"));
        QCOMPARE(branch->at(3).status, MessageStatus::Cancelled);
        QTest::qWait(2200); // the stage answers now: nothing more happens
        QCOMPARE(chatRequests(), before);
        QCOMPARE(*m_app->store().messages().messageCount(chatId), 4);
    }

    void failingStagesDropTextAndNoteTheEnd()
    {
        // "Reply to: one two" arrives word by word; the stage fails on "two".
        m_conversations->setStages({std::make_shared<Failing>(QStringLiteral("two"))});
        auto reply = send(QStringLiteral("one two"));
        QVERIFY(reply.ok() && finish(*reply));
        const Message& m = (*reply)->message();
        QCOMPARE(m.status, MessageStatus::Complete); // kept as it streamed
        QVERIFY2(!m.content.contains(QStringLiteral("two")), qPrintable(m.content));
        QVERIFY(m.content.contains(QStringLiteral("one")));
        QCOMPARE(m.error, QStringLiteral("The filter Failing could not check the reply."));
        auto stored = m_app->store().messages().message(m.id);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->content, m.content);
        QCOMPARE((*stored)->error, m.error);
    }

    void aStreamOfAnotherKindIsTakenAsIs()
    {
        // ChatStream is an interface: a reply from a stream that is not HTTP is prepared,
        // stored, passed through the stages and saved like any other.
        QNetworkAccessManager nam;
        ScriptedBackend backend(&nam);
        ChatEngine engine(m_app->store());
        ChatEngine::Send s;
        s.prompt = QStringLiteral("echo these four words");
        s.backend = &backend;
        s.model = QStringLiteral("script");
        auto reply = engine.create(s);
        QVERIFY(reply.ok());
        (*reply)->begin({std::make_shared<Rewriter>()});
        QVERIFY(finish(*reply));
        QCOMPARE((*reply)->message().status, MessageStatus::Complete);
        QCOMPARE((*reply)->message().content,
                 QStringLiteral("ECHO THESE FOUR WORDS (REWRITTEN)\n-- checked"));
        auto stored = m_app->store().messages().message((*reply)->messageId());
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->content, (*reply)->message().content);
        QCOMPARE((*m_app->store().chats().chat((*reply)->chatId()))->backend,
                 QStringLiteral("script"));
    }

    void stopEndsAReplyWhateverTheStagesHold()
    {
        // The finished reply is in a stage that never answers: Stop keeps it as it streamed.
        auto checking = std::make_shared<Stuck>(Stuck::In::Complete);
        m_conversations->setStages({checking});
        auto reply = send(QStringLiteral("hello"));
        QVERIFY(reply.ok());
        ActiveReply* r = *reply;
        QTRY_VERIFY_WITH_TIMEOUT(checking->asked, 10000);
        QVERIFY(!r->isFinished());
        QCOMPARE(m_conversations->replyIn(r->chatId()), r);
        m_conversations->stop(r->chatId());
        QVERIFY(r->isFinished());
        QCOMPARE(r->message().status, MessageStatus::Complete);
        QCOMPARE(r->message().content, QStringLiteral("Reply to: hello"));
        QVERIFY(r->message().error.startsWith(QStringLiteral("Stopped before the stages")));
        QCOMPARE(m_conversations->replyIn(r->chatId()), nullptr);
        auto stored = m_app->store().messages().message(r->messageId());
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->status, MessageStatus::Complete);
        QCOMPARE((*stored)->content, r->message().content);

        // The stream has ended, its text is held by a stage that never answers: Stop ends
        // it as stopped (that text is dropped, not shown unchecked).
        auto reading = std::make_shared<Stuck>(Stuck::In::Stream);
        m_conversations->setStages({reading});
        reply = send(QStringLiteral("again"), r->chatId());
        QVERIFY(reply.ok());
        r = *reply;
        QTRY_VERIFY_WITH_TIMEOUT(reading->asked, 10000);
        QTest::qWait(300); // the server has sent it all by now
        QVERIFY(!r->isFinished());
        m_conversations->stop(r->chatId());
        QVERIFY(r->isFinished());
        QCOMPARE(r->message().status, MessageStatus::Cancelled);
        QCOMPARE(m_conversations->replyIn(r->chatId()), nullptr);
        QCOMPARE((*m_app->store().messages().message(r->messageId()))->status,
                 MessageStatus::Cancelled);
    }

    void closingStopsAndStoresWhatIsBeingPrepared()
    {
        m_conversations->setStages({std::make_shared<Slow>(5000)});
        auto reply = send(QStringLiteral("before I go"));
        QVERIFY(reply.ok() && (*reply)->isPreparing());
        QCOMPARE(rows(QStringLiteral("messages")), 0);
        m_conversations->stopAll();
        QVERIFY((*reply)->isFinished());
        QCOMPARE(rows(QStringLiteral("messages")), 2);
        QCOMPARE((*m_app->store().messages().currentBranch((*reply)->chatId()))[0].content,
                 QStringLiteral("before I go"));
    }

    void aTurnIsStoredWholeOrNotAtAll()
    {
        // The database refuses the reply's row: the new chat and the message go with it.
        {
            QSqlQuery q(m_app->database().connection());
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TRIGGER no_replies BEFORE INSERT ON messages WHEN NEW.role = 'assistant' "
                "BEGIN SELECT RAISE(ABORT, 'no room for replies'); END")));
        }
        auto reply = send(QStringLiteral("kept in memory"));
        QVERIFY(reply.ok());
        ActiveReply* r = *reply;
        QVERIFY(r->isFinished());
        QCOMPARE(r->message().status, MessageStatus::Error);
        QVERIFY2(r->message().error.startsWith(QStringLiteral("Nothing was sent")),
                 qPrintable(r->message().error));
        QVERIFY(!r->isSaved());
        QVERIFY(r->saveProblem().contains(QStringLiteral("no room for replies")));
        QCOMPARE(rows(QStringLiteral("chats")), 0);
        QCOMPARE(rows(QStringLiteral("messages")), 0);
        QCOMPARE(chatRequests(), 0);

        // Once the database takes it, the whole turn is stored, as it ended.
        QVERIFY(QSqlQuery(m_app->database().connection())
                    .exec(QStringLiteral("DROP TRIGGER no_replies")));
        QVERIFY(r->retrySave().ok());
        QVERIFY(r->isSaved());
        auto branch = m_app->store().messages().currentBranch(r->chatId());
        QVERIFY(branch.ok());
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(0).content, QStringLiteral("kept in memory"));
        QCOMPARE(branch->at(1).status, MessageStatus::Error);
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
