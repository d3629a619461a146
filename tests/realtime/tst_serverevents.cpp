// SPDX-License-Identifier: GPL-3.0-or-later
// Open WebUI's events over its socket, against python-socketio in
// tests/servers/fake_openwebui.py: each event read from its envelope (both names), a reply
// the server runs itself (status lines, the whole text so far or OpenAI pieces, reasoning
// rewritten as it goes, a late event with less text, usage, an error half-way, Stop), a
// tool's confirmation answered from the person and refused when nobody is there, execute
// refused at once, notifications, and titles and tags of the chats imported from the
// server. A server that streams over HTTP all the same is read as a stream.
#include "OpenWebUiRig.h"
#include "StoreUnderTest.h"
#include "StreamHelpers.h"
#include "TestSupport.h"

#include "backends/OpenWebUiBackend.h"
#include "realtime/ServerChannel.h"
#include "realtime/ServerEvent.h"
#include "realtime/ServerEvents.h"
#include "realtime/ServerRunStream.h"
#include "realtime/ServerText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace lyss;

namespace {
const QString kApiKey = QStringLiteral("sk-0123456789abcdef0123456789abcdef");
using Kind = ServerEvent::Kind;

ServerEvent parse(const char* json, const QString& name = QStringLiteral("events"))
{
    const auto e =
        ServerEvent::from(name, QJsonArray{QJsonDocument::fromJson(QByteArray(json)).object()});
    return e ? *e : ServerEvent{Kind::Other, QStringLiteral("(none)")};
}

ChatRequest ask(const QString& model, const QString& text)
{
    ChatRequest r;
    r.model = model;
    r.messages = {{Role::User, text}};
    r.chatId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return r;
}

QJsonArray acksOn(const test::FakeServer& server)
{
    return QJsonDocument::fromJson(server.get(QStringLiteral("/_test/acks"))).array();
}
} // namespace

class TestServerEvents : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;
    test::OpenWebUiRig m_rig;
    test::FakeServer* m_server = nullptr;
    OpenWebUiBackend* m_team = nullptr;
    ServerChannel* m_channel = nullptr;

    // Runs a reply with the lines the server said under it.
    test::StreamResult
    run(const ChatRequest& r, QStringList* progress = nullptr,
        const std::function<void(ChatStream*, const test::StreamResult&)>& mid = {})
    {
        ChatStream* stream = m_team->chat(r);
        if (progress)
            connect(stream, &ChatStream::progressed, this,
                    [progress](const QString& t) { progress->append(t); });
        return test::runStream(stream, mid, 30000);
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

    // With an API key the server runs nothing over the socket: the reply streams over HTTP.
    void anApiKeyStreamsOverHttp()
    {
        OpenWebUiBackend keyed(
            {QStringLiteral("keyed"), BackendKind::OpenWebUi, m_server->url(), kApiKey, 30000},
            &m_nam);
        keyed.setChannel(m_channel);
        ChatStream* stream = keyed.chat(ask(QStringLiteral("code-helper"), QStringLiteral("hi")));
        QVERIFY(!qobject_cast<ServerRunStream*>(stream));
        const auto reply = test::runStream(stream);
        QCOMPARE(reply.content, QStringLiteral("Reply to: hi"));
        QVERIFY(!m_server->lastChatRequest()[QLatin1String("body")].toObject().contains(
            QLatin1String("session_id")));
    }

    // Each type from its envelope, under either name, in the shapes servers send.
    void eventsAreRead()
    {
        auto e = parse(R"({"chat_id":"c","message_id":"m","data":{"type":"status",
                        "data":{"description":"Searching","done":false}}})");
        QCOMPARE(e.kind, Kind::StatusLine);
        QCOMPARE(e.chatId, QStringLiteral("c"));
        QCOMPARE(e.messageId, QStringLiteral("m"));
        QCOMPARE(e.text, QStringLiteral("Searching"));
        // Open WebUI's web search counts its sites in the line.
        QCOMPARE(parse(R"({"data":{"type":"status","data":{"action":"web_search",
                        "description":"Searched {{count}} sites","urls":["a","b"],"done":true}}})")
                     .text,
                 QStringLiteral("Searched 2 sites"));
        QCOMPARE(parse(R"({"data":{"type":"status","data":{"description":"Searched {{count}} sites",
                        "items":[{"url":"a"}]}}})")
                     .text,
                 QStringLiteral("Searched 1 sites"));
        e = parse(R"({"chat_id":"c","data":{"type":"chat:title","data":"Trip"}})",
                  QStringLiteral("chat-events"));
        QCOMPARE(e.kind, Kind::Title);
        QCOMPARE(e.text, QStringLiteral("Trip"));
        QCOMPARE(parse(R"({"data":{"type":"chat:title","data":{"title":" Trip "}}})").text,
                 QStringLiteral("Trip"));
        QCOMPARE(parse(R"({"data":{"type":"chat:tags","data":["a",{"name":"b"},"a"," "]}})").tags,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        e = parse(R"({"data":{"type":"chat:completion","data":{"content":"Hi","done":true,
                   "usage":{"completion_tokens":3}}}})");
        QCOMPARE(*e.content, QStringLiteral("Hi"));
        QVERIFY(e.done);
        QCOMPARE(e.usage.value(QLatin1String("completion_tokens")).toInt(), 3);
        e = parse(R"({"data":{"type":"chat:completion","data":{"choices":[{"delta":
                   {"content":"pi","reasoning_content":"hm"}}]}}})");
        QVERIFY(!e.content);
        QCOMPARE(e.delta, QStringLiteral("pi"));
        QCOMPARE(e.reasoningDelta, QStringLiteral("hm"));
        QCOMPARE(
            parse(R"({"data":{"type":"chat:completion","data":{"error":{"message":"No"}}}})").text,
            QStringLiteral("No"));
        QCOMPARE(
            parse(R"({"data":{"type":"chat:message:error","data":{"error":{"content":"Bad"}}}})")
                .text,
            QStringLiteral("Bad"));
        e = parse(R"({"data":{"type":"notification","data":{"content":"Saved"}}})");
        QCOMPARE(e.kind, Kind::Notification);
        QCOMPARE(e.level, QStringLiteral("info"));
        QCOMPARE(parse(R"({"data":{"type":"chat:message:delta","data":{"content":"x"}}})").kind,
                 Kind::Append);
        QCOMPARE(parse(R"({"data":{"type":"replace","data":{"content":"x"}}})").kind,
                 Kind::Replace);
        QCOMPARE(parse(R"({"data":{"type":"task-cancelled"}})").kind, Kind::Cancelled);
        e = parse(R"({"data":{"type":"input","data":{"title":"Name","message":"Yours?",
                   "placeholder":"Ann","value":"A"}}})");
        QVERIFY(e.asks());
        QCOMPARE(e.placeholder, QStringLiteral("Ann"));
        QCOMPARE(e.value, QStringLiteral("A"));
        QVERIFY(parse(R"({"data":{"type":"execute","data":{"code":"alert 1"}}})").asks());
        QCOMPARE(parse(R"({"data":{"type":"source","data":{}}})").kind, Kind::Other);
        QVERIFY(!ServerEvent::from(QStringLiteral("user-list"), {}));
        QVERIFY(!ServerEvent::from(QStringLiteral("events"), {QJsonObject{}}));
    }

    // Open WebUI's serialised text: the answer without its blocks, the reasoning as text.
    void serialisedTextIsSplit()
    {
        // (And the task's id in the answer, in the older shape and the newer.)
        QCOMPARE(ServerRunStream::taskIdOf(
                     QJsonObject{{QStringLiteral("task_id"), QStringLiteral("t1")}}),
                 QStringLiteral("t1"));
        QCOMPARE(ServerRunStream::taskIdOf(
                     QJsonObject{{QStringLiteral("task_ids"), QJsonArray{QStringLiteral("t2")}}}),
                 QStringLiteral("t2"));
        QVERIFY(ServerRunStream::taskIdOf(QJsonObject{{QStringLiteral("status"), true}}).isEmpty());
        auto s = ServerText::split(QStringLiteral(
            "<details type=\"reasoning\" done=\"true\" duration=\"2\">\n<summary>Thought for 2 "
            "seconds</summary>\n> First line\n>\n> second\n</details>\nThe answer\n"
            "<details type=\"tool_calls\" done=\"true\">\n<summary>Tool</summary>\n</details>\n"
            "goes on."));
        QCOMPARE(s.thinking, QStringLiteral("First line\n\nsecond"));
        QCOMPARE(s.answer, QStringLiteral("The answer\n\ngoes on."));
        s = ServerText::split(QStringLiteral(
            "<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n> Still"));
        QCOMPARE(s.thinking, QStringLiteral("Still"));
        QCOMPARE(s.answer, QString());
        QCOMPARE(ServerText::split(QStringLiteral("a <b>c</b>")).answer,
                 QStringLiteral("a <b>c</b>"));
    }

    // The server runs the reply: the request names the chat (not stored there), the reply
    // and this socket; the text, the status lines and the usage come as events.
    void theServerRunsTheReply()
    {
        m_server->get(QStringLiteral("/_test/reset"));
        const ChatRequest r = ask(QStringLiteral("code-helper"), QStringLiteral("what is up"));
        QStringList progress;
        const auto reply = run(r, &progress);
        QVERIFY2(reply.error.isEmpty(), qPrintable(reply.error));
        QCOMPARE(reply.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(reply.content, QStringLiteral("Reply to: what is up"));
        QCOMPARE(reply.metrics.completionTokens, 5);
        // Then the server's filters have their say (tst_serveroutlet), and the line goes.
        QCOMPARE(progress,
                 (QStringList{
                     QStringLiteral("Searching the web"), QStringLiteral("Searched 3 sites"),
                     QStringLiteral("The server's filters are checking the reply…"), QString()}));
        const QJsonObject body = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        // The browser's temporary chat: "local:" and the socket's id, which the server reads
        // to let its owner stop the reply.
        QCOMPARE(body[QLatin1String("chat_id")].toString(),
                 QStringLiteral("local:") + m_channel->client().sid());
        const QString id = body[QLatin1String("id")].toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        // Each request its own id: a task stopped a moment ago cannot reach the next one.
        run(r);
        QVERIFY(
            m_server->lastChatRequest()[QLatin1String("body")][QLatin1String("id")].toString() !=
            id);
        QCOMPARE(body[QLatin1String("session_id")].toString(), m_channel->client().sid());

        // Once the models are listed, the preset's tools and default filters go with the
        // request the server runs, as from its web page: its tools then run there.
        QVERIFY(test::wait<QList<ModelInfo>>([&](auto done) {
                    m_team->listModels(std::move(done));
                }).ok());
        run(r);
        const QJsonObject withTools = m_server->lastChatRequest()[QLatin1String("body")].toObject();
        QCOMPARE(withTools[QLatin1String("tool_ids")].toArray(),
                 QJsonArray({QStringLiteral("web_search")}));
        QCOMPARE(withTools[QLatin1String("filter_ids")].toArray(),
                 QJsonArray({QStringLiteral("citations")}));
        QCOMPARE(withTools[QLatin1String("chat_id")].toString(),
                 QStringLiteral("local:") + m_channel->client().sid());
    }

    // Reasoning rewritten as it streams, OpenAI pieces, and an error half-way.
    void theServerRunsTheReplyInEveryShape()
    {
        const auto thought =
            run(ask(QStringLiteral("llama3.2:latest"), QStringLiteral("think: lists")));
        QCOMPARE(thought.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(thought.thinking, QStringLiteral("Let me think about sorting lists."));
        QCOMPARE(thought.content, QStringLiteral("Reply to: think: lists"));

        const auto rewritten =
            run(ask(QStringLiteral("llama3.2:latest"), QStringLiteral("rewrite: it")));
        QCOMPARE(rewritten.thinking, QStringLiteral("pondering"));
        QCOMPARE(rewritten.content,
                 QStringLiteral("Answer: <details><summary>More</summary>hidden</details> end"));

        const auto pieces =
            run(ask(QStringLiteral("llama3.2:latest"), QStringLiteral("chunks: a b c")));
        QCOMPARE(pieces.content, QStringLiteral("Reply to: chunks: a b c"));

        const auto broken = run(ask(QStringLiteral("error-mid"), QStringLiteral("a b c d e")));
        QCOMPARE(broken.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(broken.error.contains(QLatin1String("ran out of memory")),
                 qPrintable(broken.error));
        QCOMPARE(broken.content, QStringLiteral("Reply to: a")); // kept as far as it came

        // A server that streams over HTTP all the same is read as a stream.
        const auto streamed = run(ask(QStringLiteral("hostile"), QStringLiteral("hi")));
        QCOMPARE(streamed.outcome, ChatStream::Outcome::Complete);
        QVERIFY2(streamed.content.startsWith(QStringLiteral("Grüße, 世界!")),
                 qPrintable(streamed.content + QLatin1Char('|') + streamed.error));
    }

    // Stop stops the server's task too, also when it comes before the server said which.
    // By the task's id where the server lets anyone (before Open WebUI 0.9), else by the
    // chat: the socket's temporary one, which its owner may stop.
    void stopStopsTheServersTask_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<bool>("oldServer");
        for (bool old : {false, true}) {
            const char* server = old ? "0.6" : "0.9";
            QTest::addRow("after the answer, %s", server)
                << QStringLiteral("slow: one two three four five") << old;
            QTest::addRow("before the answer, %s", server)
                << QStringLiteral("late: one two three four five") << old;
        }
    }

    void stopStopsTheServersTask()
    {
        QFETCH(QString, question);
        QFETCH(bool, oldServer);
        m_server->get(QStringLiteral("/_test/reset"));
        m_server->get(QStringLiteral("/_test/old?on=") + (oldServer ? u'1' : u'0'));
        const qsizetype before =
            QJsonDocument::fromJson(m_server->get(QStringLiteral("/_test/tasks")))
                .object()[QLatin1String("stopped")]
                .toArray()
                .size();
        ChatStream* stream = m_team->chat(ask(QStringLiteral("llama3.2:latest"), question));
        QVERIFY(qobject_cast<ServerRunStream*>(stream));
        QString taskId;
        const auto stopped = test::runStream(
            stream,
            [&taskId](ChatStream* s, const test::StreamResult&) {
                taskId = qobject_cast<ServerRunStream*>(s)->taskId();
                s->cancel();
            },
            30000);
        QCOMPARE(stopped.outcome, ChatStream::Outcome::Cancelled);
        QCOMPARE(taskId.isEmpty(), question.startsWith(QLatin1String("late:")));
        QCOMPARE(stopped.content, QStringLiteral("Reply"));
        // Stopped there while it ran (by its id, once the server said it).
        const auto stoppedTasks = [this] {
            return QJsonDocument::fromJson(m_server->get(QStringLiteral("/_test/tasks")))
                .object()[QLatin1String("stopped")]
                .toArray();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stoppedTasks().size(), before + 1, 5000);
        if (!taskId.isEmpty())
            QCOMPARE(stoppedTasks().last().toString(), taskId);
        QStringList stops;
        for (const QJsonValue& r : m_server->requests()) {
            const QString path = r[QLatin1String("path")].toString();
            if (path.startsWith(QLatin1String("/api/tasks/")))
                stops << path.section(QLatin1Char('/'), 0, 3);
        }
        // A newer server refuses the task's id to anyone but an admin: the socket's chat.
        QCOMPARE(stops, oldServer ? QStringList{QStringLiteral("/api/tasks/stop")}
                                  : QStringList({QStringLiteral("/api/tasks/stop"),
                                                 QStringLiteral("/api/tasks/chat")}));
        m_server->get(QStringLiteral("/_test/old?on=0"));
    }

    // The channel going (its window closed, another person signed in) ends the reply with
    // what arrived, and stops the server's work on it.
    void theChannelGoingEndsTheReply()
    {
        const qsizetype before =
            QJsonDocument::fromJson(m_server->get(QStringLiteral("/_test/tasks")))
                .object()[QLatin1String("stopped")]
                .toArray()
                .size();
        // By the task's id: a newer server lets its owner stop a temporary chat's tasks only
        // while the socket it names is there, and this one is gone (as when a browser tab
        // closes, the task then runs on to its end).
        m_server->get(QStringLiteral("/_test/old?on=1"));
        auto channel = std::make_unique<ServerChannel>(*m_team, &m_nam);
        channel->start();
        QTRY_COMPARE_WITH_TIMEOUT(channel->client().state(), SocketIoClient::State::Connected,
                                  10000);
        m_team->setChannel(channel.get());
        const auto ended = test::runStream(
            m_team->chat(ask(QStringLiteral("llama3.2:latest"),
                             QStringLiteral("slow: one two three four five"))),
            [&channel](ChatStream*, const test::StreamResult&) {
                // As a person's action does it: from the event loop, not from inside the
                // socket's own signal.
                QTimer::singleShot(0, [&channel] { channel.reset(); });
            },
            30000);
        m_team->setChannel(m_channel);
        QCOMPARE(ended.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(ended.error.contains(QLatin1String("was closed")), qPrintable(ended.error));
        QCOMPARE(ended.content, QStringLiteral("Reply"));
        QTRY_COMPARE_WITH_TIMEOUT(
            QJsonDocument::fromJson(m_server->get(QStringLiteral("/_test/tasks")))
                .object()[QLatin1String("stopped")]
                .toArray()
                .size(),
            before + 1, 5000);
        m_server->get(QStringLiteral("/_test/old?on=0"));
    }

    // A tool's confirmation during a reply: asked of the person; nobody there is a no.
    void questionsAreAskedAndAnswered()
    {
        m_server->get(QStringLiteral("/_test/reset"));
        QList<ServerQuestion> questions;
        auto c =
            connect(&m_channel->events(), &ServerEvents::asked, this, [&](const ServerQuestion& q) {
                questions << q;
                m_channel->events().answer(q, true);
            });
        const auto yes = run(ask(QStringLiteral("llama3.2:latest"), QStringLiteral("ask: go")));
        QCOMPARE(yes.content, QStringLiteral("You said yes. Reply to: ask: go"));
        QCOMPARE(questions.size(), 1);
        QCOMPARE(questions[0].event.title, QStringLiteral("Run the tool?"));
        QCOMPARE(questions[0].event.text, QStringLiteral("It reads <b>your</b> files."));
        disconnect(c);

        QSignalSpy said(&m_channel->events(), &ServerEvents::said);
        const auto no = run(ask(QStringLiteral("llama3.2:latest"), QStringLiteral("ask: go")));
        QCOMPARE(no.content, QStringLiteral("You said no. Reply to: ask: go"));
        QVERIFY(!said.isEmpty());
    }

    // A tool's input: the person's line goes back as the acknowledgement.
    void anInputIsAnswered()
    {
        const qsizetype before = acksOn(*m_server).size();
        auto c = connect(&m_channel->events(), &ServerEvents::asked, this,
                         [this](const ServerQuestion& q) {
                             QCOMPARE(q.event.kind, ServerEvent::Kind::Input);
                             m_channel->events().answer(q, QStringLiteral("Ann Example"));
                         });
        m_server->post(QStringLiteral("/_test/call"),
                       R"({"chat_id":"c","message_id":"m","data":{"type":"input",
                           "data":{"title":"Your name?","placeholder":"Ann"}}})");
        QTRY_COMPARE(acksOn(*m_server).size(), before + 1);
        QCOMPARE(acksOn(*m_server).last().toString(), QStringLiteral("Ann Example"));
        disconnect(c);
    }

    // Code for a browser to run is refused at once, with words.
    void executeIsRefused()
    {
        const qsizetype before = acksOn(*m_server).size();
        m_server->post(QStringLiteral("/_test/call"),
                       R"({"chat_id":"c","message_id":"m","data":{"type":"execute",
                           "data":{"code":"fetch of steal"}}})");
        QTRY_COMPARE(acksOn(*m_server).size(), before + 1);
        const QJsonValue answer = acksOn(*m_server).last();
        QVERIFY2(
            answer[QLatin1String("error")].toString().contains(QLatin1String("does not run code")),
            QJsonDocument(QJsonArray{answer}).toJson().constData());
    }

    // A notification; titles and tags of the chats imported from the server, and only those.
    void notificationsTitlesAndTags()
    {
        QSignalSpy notified(&m_channel->events(), &ServerEvents::notified);
        m_server->post(QStringLiteral("/_test/emit"),
                       R"({"data":{"type":"notification","data":{"type":"warning",
                           "content":"Disk almost full"}}})");
        QTRY_COMPARE(notified.count(), 1);
        QCOMPARE(notified[0][0].toString(), QStringLiteral("warning"));
        QCOMPARE(notified[0][1].toString(), QStringLiteral("Disk almost full"));

        QTemporaryDir dir;
        auto store = StoreUnderTest::open(dir.path());
        QVERIFY2(store, qPrintable(store.errorMessage()));
        ChatRepository& chats = (*store)->store().chats();
        Chat imported;
        imported.title = QStringLiteral("Sorting in Python");
        imported.source = QStringLiteral("open-webui");
        imported.sourceId = QStringLiteral("c-two");
        imported.backend = QStringLiteral("team"); // brought over from this server
        auto made = chats.createChat(imported);
        QVERIFY(made);
        // The same id from a file, and from another server: not this server's to change.
        Chat fromFile = imported;
        fromFile.sourceId = QStringLiteral("c-file");
        fromFile.backend.clear();
        Chat fromElsewhere = imported;
        fromElsewhere.sourceId = QStringLiteral("c-other");
        fromElsewhere.backend = QStringLiteral("elsewhere");
        QVERIFY(chats.createChat(fromFile));
        QVERIFY(chats.createChat(fromElsewhere));
        Chat own;
        own.title = QStringLiteral("Mine");
        auto mine = chats.createChat(own);
        QVERIFY(mine);
        m_channel->events().setChats(&chats);
        QSignalSpy changed(&m_channel->events(), &ServerEvents::chatChanged);
        m_server->post(
            QStringLiteral("/_test/emit"),
            R"({"chat_id":"c-two","data":{"type":"chat:title","data":"Sorting, again"}})");
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].toString(), made->id);
        QCOMPARE((*chats.chat(made->id))->title, QStringLiteral("Sorting, again"));
        m_server->post(
            QStringLiteral("/_test/emit"),
            R"({"chat_id":"c-two","data":{"type":"chat:tags","data":["python","none","howto"]}})");
        QTRY_COMPARE(changed.count(), 2);
        QCOMPARE((*chats.chat(made->id))->tags,
                 (QStringList{QStringLiteral("python"), QStringLiteral("howto")}));
        // Another chat's id, Lyss's own chat's id, a temporary chat: nothing changes.
        for (const QString& id : {QStringLiteral("c-nine"), mine->id, QStringLiteral("local:x"),
                                  QStringLiteral("c-file"), QStringLiteral("c-other")})
            m_server->post(
                QStringLiteral("/_test/emit"),
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("chat_id"), id},
                        {QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("chat:title")},
                                     {QStringLiteral("data"), QStringLiteral("Hijacked")}}}})
                    .toJson());
        QTest::qWait(300);
        QCOMPARE(changed.count(), 2);
        QCOMPARE((*chats.chat(mine->id))->title, QStringLiteral("Mine"));
        for (const ChatSummary& c : *chats.listChats())
            QVERIFY2(c.chat.title != QLatin1String("Hijacked"), qPrintable(c.chat.sourceId));
        m_channel->events().setChats(nullptr);
    }

    // The network back (as the system says): a channel that gave up tries again at once;
    // one the server refused waits for a new sign-in.
    void theNetworkComingBack()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        const int port = server->port();
        OpenWebUiBackend team(
            {QStringLiteral("team"), BackendKind::OpenWebUi, server->url(), kApiKey, 30000},
            &m_nam);
        ServerChannel channel(team, &m_nam);
        channel.client().setTiming({50, 100, 0.5, 2000, 2, 60000});
        channel.start();
        QTRY_COMPARE_WITH_TIMEOUT(channel.client().state(), SocketIoClient::State::Connected,
                                  10000);
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(channel.client().state(), SocketIoClient::State::Failed, 10000);
        server = std::make_unique<test::FakeServer>(
            QStringList{QStringLiteral("--port"), QString::number(port)},
            QStringLiteral("fake_openwebui.py"));
        QTest::qWait(300);
        QCOMPARE(channel.client().state(), SocketIoClient::State::Failed);
        channel.networkCameBack();
        QTRY_COMPARE_WITH_TIMEOUT(channel.client().state(), SocketIoClient::State::Connected,
                                  10000);

        OpenWebUiBackend stranger({QStringLiteral("stranger"), BackendKind::OpenWebUi,
                                   server->url(), QStringLiteral("sk-wrong"), 30000},
                                  &m_nam);
        ServerChannel refused(stranger, &m_nam);
        refused.start();
        QTRY_VERIFY_WITH_TIMEOUT(refused.client().refused(), 10000);
        QSignalSpy changes(&refused, &ServerChannel::stateChanged);
        refused.networkCameBack();
        QTest::qWait(300);
        QCOMPARE(changes.count(), 0);
        QCOMPARE(refused.client().state(), SocketIoClient::State::Failed);
    }

    void cleanupTestCase()
    {
        m_channel = nullptr;
        m_team = nullptr;
        m_server = nullptr;
        m_rig.stop();
    }
};

QTEST_GUILESS_MAIN(TestServerEvents)
#include "tst_serverevents.moc"
