// SPDX-License-Identifier: GPL-3.0-or-later
// An Open WebUI server's outlet filters (tests/servers/fake_openwebui.py: code-helper's
// "Secret guard" masks the word "secret") have the last word on a reply, as in the
// server's web page: a server of 0.9 or later runs them itself and says what they made of
// the reply (chat:outlet), an older one is asked (/api/chat/completed), and a reply
// streamed over HTTP is shown to them once whole. Their text passes Lyss's own stages and
// is what is kept; a failure, or Stop while they work, keeps the reply as it streamed,
// with a note.
#include "OpenWebUiRig.h"
#include "StoreUnderTest.h"
#include "StreamHelpers.h"
#include "TestStages.h"
#include "TestSupport.h"

#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiOutlet.h"
#include "chat/ChatEngine.h"
#include "realtime/ServerChannel.h"
#include "realtime/ServerRunStream.h"
#include "store/ChatStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace lyss;

namespace {
const QString kApiKey = QStringLiteral("sk-0123456789abcdef0123456789abcdef");

// A stage that drops the streamed piece holding "[redacted]" (as a filter that fails on a
// piece drops it), and passes the rest.
class DropsRedacted : public ReplyStage {
public:
    QString name() const override { return QStringLiteral("dropper"); }
    void stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done) override
    {
        StreamEvents kept;
        for (const StreamEvent& e : events) {
            if (!e.text.contains(QLatin1String("[redacted]")))
                kept << e;
        }
        done(std::move(kept));
    }
};

ChatRequest ask(const QString& text)
{
    ChatRequest r;
    r.model = QStringLiteral("code-helper");
    r.messages = {{Role::User, text}};
    r.chatId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return r;
}
} // namespace

class TestServerOutlet : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;
    test::OpenWebUiRig m_rig;
    test::FakeServer* m_server = nullptr;
    OpenWebUiBackend* m_team = nullptr;
    ServerChannel* m_channel = nullptr;

    // The requests to /api/chat/completed since the last reset, their bodies.
    QList<QJsonObject> outletCalls() const
    {
        QList<QJsonObject> calls;
        for (const QJsonValue& r : m_server->requests()) {
            if (r[QLatin1String("path")].toString() == QLatin1String("/api/chat/completed"))
                calls << r[QLatin1String("body")].toObject();
        }
        return calls;
    }

    // A reply to `prompt` from code-helper through `stages`, begun.
    ActiveReply* start(ChatStore& store, const QString& prompt, const ReplyStages& stages)
    {
        auto* engine = new ChatEngine(store, this);
        ChatEngine::Send send;
        send.prompt = prompt;
        send.backend = m_team;
        send.model = QStringLiteral("code-helper");
        auto reply = engine->create(send);
        if (!reply)
            return nullptr;
        (*reply)->begin(stages);
        return *reply;
    }

    // The server as an older (0.6) or a newer (0.9) one, its version listed again.
    void serverIs(bool old)
    {
        m_server->get(QStringLiteral("/_test/old?on=") + (old ? u'1' : u'0'));
        QVERIFY(test::wait<QList<ModelInfo>>([&](auto done) {
                    m_team->listModels(std::move(done));
                }).ok());
        QTRY_COMPARE(m_team->serverVersion(),
                     old ? QStringLiteral("0.6.41") : QStringLiteral("0.9.2"));
        m_server->get(QStringLiteral("/_test/reset"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_rig.start(&m_nam);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_server = m_rig.server.get();
        m_team = m_rig.team.get();
        m_channel = m_rig.channel.get();
    }

    void versions()
    {
        QVERIFY(OpenWebUiOutlet::runsOutletItself(QStringLiteral("0.9.0")));
        QVERIFY(OpenWebUiOutlet::runsOutletItself(QStringLiteral("v0.10.2")));
        QVERIFY(OpenWebUiOutlet::runsOutletItself(QStringLiteral("0.9.1-dev")));
        QVERIFY(!OpenWebUiOutlet::runsOutletItself(QStringLiteral("0.8.12")));
        QVERIFY(!OpenWebUiOutlet::runsOutletItself(QStringLiteral("0.6.41")));
        QVERIFY(!OpenWebUiOutlet::runsOutletItself(QString()));
        QVERIFY(!OpenWebUiOutlet::runsOutletItself(QStringLiteral("nightly")));
        // Newer servers keep replies as output items.
        QCOMPARE(OpenWebUiOutlet::messageText(QJsonDocument::fromJson(R"({"output": [
            {"type": "reasoning", "content": [{"type": "output_text", "text": "no"}]},
            {"type": "message", "content": [{"type": "output_text", "text": "Hello "},
                                            {"type": "refusal", "text": "no"},
                                            {"type": "output_text", "text": "there"}]}]})")
                                                  .object()),
                 QStringLiteral("Hello there"));
    }

    void theServersFiltersHaveTheLastWord_data()
    {
        QTest::addColumn<bool>("oldServer");
        QTest::addRow("0.9: run by the server itself") << false;
        QTest::addRow("0.6: asked after the reply") << true;
    }

    void theServersFiltersHaveTheLastWord()
    {
        QFETCH(bool, oldServer);
        serverIs(oldServer);
        ChatStream* stream = m_team->chat(ask(QStringLiteral("keep the secret plan")));
        QVERIFY(qobject_cast<ServerRunStream*>(stream));
        QPointer<ChatStream> guard(stream);
        std::optional<QString> revised;
        connect(stream, &ChatStream::finished, this, [&] { revised = guard->revisedContent(); });
        const auto reply = test::runStream(stream, {}, 30000);
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(reply.content, QStringLiteral("Reply to: keep the secret plan"));
        QCOMPARE(revised, QStringLiteral("Reply to: keep the [redacted] plan"));
        const QJsonObject chat = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        const QList<QJsonObject> calls = outletCalls();
        if (!oldServer) {
            QVERIFY(calls.isEmpty()); // it ran them by itself: asking would run them twice
        } else {
            // As the server's web page asked: the chat's messages and the reply, by its id.
            QCOMPARE(calls.size(), 1);
            QCOMPARE(calls[0][QLatin1String("id")], chat[QLatin1String("id")]);
            QCOMPARE(calls[0][QLatin1String("chat_id")], chat[QLatin1String("chat_id")]);
            QCOMPARE(calls[0][QLatin1String("session_id")].toString(), m_channel->client().sid());
            QCOMPARE(calls[0][QLatin1String("model")].toString(), QStringLiteral("code-helper"));
            QCOMPARE(calls[0][QLatin1String("filter_ids")], chat[QLatin1String("filter_ids")]);
            const QJsonArray messages = calls[0][QLatin1String("messages")].toArray();
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages[0][QLatin1String("content")].toString(),
                     QStringLiteral("keep the secret plan"));
            QCOMPARE(messages[1][QLatin1String("role")].toString(), QStringLiteral("assistant"));
            QCOMPARE(messages[1][QLatin1String("content")].toString(),
                     QStringLiteral("Reply to: keep the secret plan"));
        }

        // A reply they leave as it is: nothing to replace.
        stream = m_team->chat(ask(QStringLiteral("keep the plan")));
        guard = stream;
        revised = QStringLiteral("(not read)");
        connect(stream, &ChatStream::finished, this, [&] { revised = guard->revisedContent(); });
        QCOMPARE(test::runStream(stream, {}, 30000).outcome, ChatStream::Outcome::Complete);
        QCOMPARE(revised, std::nullopt);
        m_server->get(QStringLiteral("/_test/old?on=0"));
    }

    // An outlet event without the reply's text (a tool updating its sources), mid-reply or
    // at its end, changes nothing of the text.
    void anOutletWithoutTextChangesNothing()
    {
        serverIs(false);
        ChatStream* stream = m_team->chat(ask(QStringLiteral("sources: one two three")));
        QPointer<ChatStream> guard(stream);
        std::optional<QString> revised = QStringLiteral("(not read)");
        connect(stream, &ChatStream::finished, this, [&] { revised = guard->revisedContent(); });
        const auto reply = test::runStream(stream, {}, 30000);
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(reply.content, QStringLiteral("Reply to: sources: one two three"));
        QCOMPARE(revised, std::nullopt);

        // One that leaves nothing of a reply: kept as it came, and said.
        stream = m_team->chat(ask(QStringLiteral("blank: one two")));
        guard = stream;
        QString problem;
        connect(stream, &ChatStream::finished, this, [&] {
            revised = guard->revisedContent();
            problem = guard->revisionProblem();
        });
        QCOMPARE(test::runStream(stream, {}, 30000).content,
                 QStringLiteral("Reply to: blank: one two"));
        QCOMPARE(revised, std::nullopt);
        QVERIFY2(problem.contains(QLatin1String("left nothing of this reply")),
                 qPrintable(problem));
    }

    // A reply streamed over HTTP (an API key, lyss-cli) is shown to an older server's
    // filters once whole; a newer server runs them itself where it does (asking would
    // run them twice).
    void overHttpAnOlderServerIsAsked_data()
    {
        QTest::addColumn<bool>("oldServer");
        QTest::addRow("0.9: not asked") << false;
        QTest::addRow("0.6: asked") << true;
    }

    void overHttpAnOlderServerIsAsked()
    {
        QFETCH(bool, oldServer);
        serverIs(oldServer);
        OpenWebUiBackend keyed(
            {QStringLiteral("keyed"), BackendKind::OpenWebUi, m_server->url(), kApiKey, 30000},
            &m_nam);
        std::optional<QString> revised;
        QString problem;
        const auto chat = [&] {
            ChatStream* stream = keyed.chat(ask(QStringLiteral("the secret plan")));
            QPointer<ChatStream> guard(stream);
            connect(stream, &ChatStream::finished, this, [&, guard] {
                revised = guard->revisedContent();
                problem = guard->revisionProblem();
            });
            return test::runStream(stream, {}, 30000);
        };
        auto reply = chat();
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(reply.content, QStringLiteral("Reply to: the secret plan"));
        QVERIFY(problem.isEmpty());
        if (!oldServer) {
            QCOMPARE(revised, std::nullopt);
            QVERIFY(outletCalls().isEmpty());
            return;
        }
        QCOMPARE(revised, QStringLiteral("Reply to: the [redacted] plan"));
        QCOMPARE(outletCalls().size(), 1);
        QCOMPARE(outletCalls()[0][QLatin1String("chat_id")].toString(), QString());
        QVERIFY(outletCalls()[0][QLatin1String("session_id")].isNull());

        // They fail: the reply is kept as it streamed, and why is said.
        m_server->get(QStringLiteral("/_test/outlet?fail=1"));
        reply = chat();
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(revised, std::nullopt);
        QVERIFY2(problem.contains(QLatin1String("could not run its filters")) &&
                     problem.contains(QLatin1String("the word list is unreadable")),
                 qPrintable(problem));
        // A key not allowed the route: nothing to say, no note on every reply.
        m_server->get(QStringLiteral("/_test/outlet?fail=403"));
        reply = chat();
        m_server->get(QStringLiteral("/_test/outlet?fail=0"));
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(revised, std::nullopt);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_server->get(QStringLiteral("/_test/old?on=0"));
    }

    // Stop while they work: the reply is whole and kept as it streamed, with a note; the
    // server's task is not stopped (there is nothing left of it to stop).
    void stopWhileTheyWork()
    {
        serverIs(false);
        ChatStream* stream = m_team->chat(ask(QStringLiteral("guard-slow: a secret")));
        QPointer<ChatStream> guard(stream);
        QString problem;
        std::optional<QString> revised;
        connect(stream, &ChatStream::progressed, this, [&](const QString& line) {
            if (line.contains(QLatin1String("filters")) && guard)
                guard->cancel();
        });
        connect(stream, &ChatStream::finished, this, [&] {
            problem = guard->revisionProblem();
            revised = guard->revisedContent();
        });
        const auto reply = test::runStream(stream, {}, 30000);
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(reply.content, QStringLiteral("Reply to: guard-slow: a secret"));
        QCOMPARE(revised, std::nullopt);
        QVERIFY2(problem.startsWith(QLatin1String("Stopped before")), qPrintable(problem));
        for (const QJsonValue& r : m_server->requests())
            QVERIFY(!r[QLatin1String("path")].toString().startsWith(QLatin1String("/api/tasks/")));
    }

    // Through a whole reply: their text passes Lyss's own stages (streamed text upper-cased,
    // a closing line on the finished reply) and is what is stored. A stage that drops it
    // keeps the reply as it streamed, with why.
    void theirTextPassesLyssStagesAndIsKept_data()
    {
        QTest::addColumn<QString>("stages");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("note");
        QTest::addRow("with stages")
            << QStringLiteral("rewriter")
            << QStringLiteral("REPLY TO: KEEP THE [REDACTED] PLAN (REWRITTEN)\n-- checked")
            << QString();
        QTest::addRow("without") << QString()
                                 << QStringLiteral("Reply to: keep the [redacted] plan")
                                 << QString();
        QTest::addRow("dropped by a stage")
            << QStringLiteral("dropper") << QStringLiteral("Reply to: keep the secret plan")
            << QStringLiteral("did not pass the server's final text");
    }

    void theirTextPassesLyssStagesAndIsKept()
    {
        QFETCH(QString, stages);
        QFETCH(QString, expected);
        QFETCH(QString, note);
        serverIs(false);
        QTemporaryDir dir;
        auto store = StoreUnderTest::open(dir.path());
        QVERIFY2(store, qPrintable(store.errorMessage()));
        ReplyStages chosen;
        if (stages == QLatin1String("rewriter"))
            chosen << std::make_shared<test::Rewriter>();
        else if (stages == QLatin1String("dropper"))
            chosen << std::make_shared<DropsRedacted>();
        ActiveReply* reply =
            start((*store)->store(), QStringLiteral("keep the secret plan"), chosen);
        QVERIFY(reply);
        QSignalSpy finished(reply, &ActiveReply::finished);
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QCOMPARE(reply->message().status, MessageStatus::Complete);
        QCOMPARE(reply->message().content, expected);
        QVERIFY2(note.isEmpty() ? reply->message().error.isEmpty()
                                : reply->message().error.contains(note),
                 qPrintable(reply->message().error));
        auto stored = (*store)->store().messages().message(reply->messageId());
        QVERIFY(stored && stored->has_value());
        QCOMPARE((**stored).content, expected);
    }

    // Stop while they work, on a whole reply: saved before Stop returns, complete, as it
    // streamed (and as the stages passed it), with a note.
    void stoppingAWholeReplySavesItAtOnce_data()
    {
        QTest::addColumn<bool>("withStages");
        QTest::addRow("with stages") << true;
        QTest::addRow("without") << false;
    }

    void stoppingAWholeReplySavesItAtOnce()
    {
        QFETCH(bool, withStages);
        serverIs(false);
        QTemporaryDir dir;
        auto store = StoreUnderTest::open(dir.path());
        QVERIFY2(store, qPrintable(store.errorMessage()));
        ActiveReply* reply =
            start((*store)->store(), QStringLiteral("guard-slow: a secret"),
                  withStages ? ReplyStages{std::make_shared<test::Rewriter>()} : ReplyStages{});
        QVERIFY(reply);
        QVERIFY(QTest::qWaitFor(
            [&] { return reply->message().progress.contains(QLatin1String("filters")); }, 30000));
        reply->cancel();
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->message().status, MessageStatus::Complete);
        QCOMPARE(reply->message().content,
                 withStages ? QStringLiteral("REPLY TO: GUARD-SLOW: A SECRET (REWRITTEN)")
                            : QStringLiteral("Reply to: guard-slow: a secret"));
        QVERIFY2(reply->message().error.startsWith(QLatin1String("Stopped before")),
                 qPrintable(reply->message().error));
        auto stored = (*store)->store().messages().message(reply->messageId());
        QVERIFY(stored && stored->has_value());
        QCOMPARE((**stored).status, MessageStatus::Complete);
        QCOMPARE((**stored).content, reply->message().content);
    }

    void cleanupTestCase()
    {
        m_channel = nullptr;
        m_team = nullptr;
        m_server = nullptr;
        m_rig.stop();
    }
};

QTEST_GUILESS_MAIN(TestServerOutlet)
#include "tst_serveroutlet.moc"
