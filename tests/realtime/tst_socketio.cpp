// SPDX-License-Identifier: GPL-3.0-or-later
// The Socket.IO client against python-socketio (the library Open WebUI's server runs), in
// tests/servers/fake_openwebui.py: packets, the backoff, connecting over a WebSocket and
// by polling only, events and acknowledgements both ways, a refused CONNECT (never
// retried), the server disconnecting once and twice, a server that stops answering
// (ping timeout), and a server killed: the specified attempts at the specified delays,
// then a wait that does not spin, and Retry once it is back.
#include "TestSupport.h"

#include "realtime/Backoff.h"
#include "realtime/SocketIoClient.h"
#include "realtime/SocketPacket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace lyss;

namespace {
const QString kApiKey = QStringLiteral("sk-0123456789abcdef0123456789abcdef");
using State = SocketIoClient::State;

QJsonArray socketsOn(const test::FakeServer& server)
{
    return QJsonDocument::fromJson(server.get(QStringLiteral("/_test/sockets"))).array();
}
} // namespace

class TestSocketIo : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;

    std::unique_ptr<SocketIoClient> client(const test::FakeServer& server,
                                           const QString& token = kApiKey)
    {
        auto c = std::make_unique<SocketIoClient>(&m_nam);
        c->setServer(server.url(), QStringLiteral("/ws/socket.io"));
        c->setAuth([token] { return QJsonObject{{QStringLiteral("token"), token}}; });
        return c;
    }

private Q_SLOTS:
    void packets()
    {
        SocketPacket event;
        event.data = QJsonArray{QStringLiteral("chat"), QJsonObject{{QStringLiteral("a"), 1}}};
        QCOMPARE(event.encode(), QStringLiteral("2[\"chat\",{\"a\":1}]"));
        event.ackId = 12;
        QCOMPARE(event.encode(), QStringLiteral("212[\"chat\",{\"a\":1}]"));
        auto decoded = SocketPacket::decode(QStringLiteral("212[\"chat\",{\"a\":1}]"));
        QVERIFY(decoded && decoded->type == SocketPacket::Type::Event);
        QCOMPARE(*decoded->ackId, 12);
        QCOMPARE(decoded->data.toArray()[0].toString(), QStringLiteral("chat"));
        auto admin = SocketPacket::decode(QStringLiteral("2/admin,[\"bar\"]"));
        QVERIFY(admin && admin->nsp == QLatin1String("/admin"));
        auto refused = SocketPacket::decode(QStringLiteral("4{\"message\":\"Not authorized\"}"));
        QVERIFY(refused && refused->type == SocketPacket::Type::ConnectError);
        QCOMPARE(refused->data.toObject()[QLatin1String("message")].toString(),
                 QStringLiteral("Not authorized"));
        QVERIFY(SocketPacket::decode(QStringLiteral("3")) == std::nullopt); // an ack needs []
        QVERIFY(SocketPacket::decode(QStringLiteral("51-[\"x\"]")) == std::nullopt);
        QVERIFY(SocketPacket::decode(QStringLiteral("2[1]")) == std::nullopt);
        QVERIFY(SocketPacket::decode(QStringLiteral("2[\"x\"")) == std::nullopt);
    }

    // socket.io-client's delays: 1 s doubling up to 5 s, moved by up to half either way.
    void backoff()
    {
        const Backoff low(1000, 5000, 0.5, [] { return 0.0; });
        QCOMPARE(low.delayMs(0), 1000);
        QCOMPARE(low.delayMs(1), 2000);
        QCOMPARE(low.delayMs(2), 4000);
        QCOMPARE(low.delayMs(3), 5000);
        QCOMPARE(low.delayMs(40), 5000);
        const Backoff none(1000, 5000, 0);
        QCOMPARE(none.delayMs(2), 4000);
        const Backoff any(1000, 5000, 0.5);
        for (int attempt = 0; attempt < 5; ++attempt) {
            const double ms = 1000.0 * (1 << attempt);
            for (int i = 0; i < 200; ++i) {
                const int d = any.delayMs(attempt);
                QVERIFY(d >= std::min(ms * 0.5, 5000.0) && d <= std::min(ms * 1.5, 5000.0));
            }
        }
    }

    void talksOverAWebSocket()
    {
        test::FakeServer server({}, QStringLiteral("fake_openwebui.py"));
        QVERIFY(server.isRunning());
        auto c = client(server);
        QSignalSpy events(c.get(), &SocketIoClient::eventReceived);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
        QCOMPARE(c->transportName(), QStringLiteral("websocket"));
        QTRY_COMPARE(socketsOn(server).size(), 1);
        QCOMPARE(socketsOn(server)[0][QLatin1String("transport")].toString(),
                 QStringLiteral("websocket"));

        // An event from the server, with Open WebUI's envelope.
        server.get(QStringLiteral("/_test/emit?event=events"));
        QTRY_COMPARE(events.count(), 1);
        QCOMPARE(events[0][0].toString(), QStringLiteral("events"));

        // An event that waits for our answer; and ours that waits for the server's.
        QJsonArray asked;
        std::optional<qint64> askedId;
        connect(c.get(), &SocketIoClient::eventReceived, this,
                [&](const QString&, const QJsonArray& args, std::optional<qint64> ackId) {
                    asked = args;
                    askedId = ackId;
                });
        test::FakeServer* s = &server;
        QNetworkAccessManager nam;
        QNetworkRequest call(s->url(QStringLiteral("/_test/call")));
        call.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* r = nam.post(
            call, QByteArray(R"({"data":{"type":"confirmation","data":{"title":"Sure?"}}})"));
        QTRY_VERIFY_WITH_TIMEOUT(askedId.has_value(), 10000);
        delete r;
        QCOMPARE(asked[0][QLatin1String("data")][QLatin1String("type")].toString(),
                 QStringLiteral("confirmation"));
        c->acknowledge(*askedId, {true});
        QTRY_COMPARE(QJsonDocument::fromJson(server.get(QStringLiteral("/_test/acks"))).array(),
                     QJsonArray{true});
        std::optional<QJsonArray> joined;
        c->emitEvent(QStringLiteral("user-join"),
                     {QJsonObject{{QStringLiteral("auth"),
                                   QJsonObject{{QStringLiteral("token"), kApiKey}}}}},
                     [&](QJsonArray a) { joined = a; });
        QTRY_VERIFY(joined.has_value());
        QCOMPARE((*joined)[0][QLatin1String("name")].toString(), QStringLiteral("Ann"));

        c->close();
        QCOMPARE(c->state(), State::Idle);
        QTRY_COMPARE(socketsOn(server).size(), 0);
    }

    // A server that takes only long-polling (Open WebUI without WebSocket support).
    void talksByPollingWhenThatIsAll()
    {
        test::FakeServer server({QStringLiteral("--polling-only")},
                                QStringLiteral("fake_openwebui.py"));
        QVERIFY(server.isRunning());
        auto c = client(server);
        QSignalSpy events(c.get(), &SocketIoClient::eventReceived);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
        QCOMPARE(c->transportName(), QStringLiteral("polling"));
        server.get(QStringLiteral("/_test/emit?event=chat-events"));
        QTRY_COMPARE(events.count(), 1);
        QCOMPARE(events[0][0].toString(), QStringLiteral("chat-events"));
        std::optional<QJsonArray> joined;
        c->emitEvent(QStringLiteral("user-join"), {QJsonObject{}},
                     [&](QJsonArray a) { joined = a; });
        QTRY_VERIFY(joined.has_value());
        c->close();
        QTRY_COMPARE(socketsOn(server).size(), 0);
    }

    // A refused CONNECT is the credentials: said, and never tried again.
    void aRefusedConnectIsNotRetried()
    {
        test::FakeServer server({}, QStringLiteral("fake_openwebui.py"));
        auto c = client(server, QStringLiteral("eyJnot-a-token"));
        c->setTiming({100, 200, 0.5, 2000, 5, 60000});
        QSignalSpy states(c.get(), &SocketIoClient::stateChanged);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Failed, 10000);
        QVERIFY(c->refused());
        QVERIFY2(c->detail().contains(QLatin1String("Not authorized")) &&
                     c->detail().contains(QLatin1String("sign in again")),
                 qPrintable(c->detail()));
        const int changes = states.count();
        QTest::qWait(800); // four delays' worth
        QCOMPARE(states.count(), changes);
        QCOMPARE(c->state(), State::Failed);
    }

    // "io server disconnect": once is reconnected to at once; twice within a minute stops.
    void theServerDisconnectsOnceThenTwice()
    {
        test::FakeServer server({}, QStringLiteral("fake_openwebui.py"));
        auto c = client(server);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
        QSignalSpy states(c.get(), &SocketIoClient::stateChanged);
        server.get(QStringLiteral("/_test/kick"));
        QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 5000);
        server.get(QStringLiteral("/_test/kick"));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Failed, 5000);
        QVERIFY2(c->detail().contains(QLatin1String("twice within a minute")),
                 qPrintable(c->detail()));
        c->retry();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 5000);
    }

    // A server that stops answering (no pings) is noticed after interval + timeout.
    void aSilentServerIsNoticed()
    {
        // Short timers, with room for a busy machine: silence is noticed after 1.5 s.
        test::FakeServer server({QStringLiteral("--ping-interval"), QStringLiteral("0.5"),
                                 QStringLiteral("--ping-timeout"), QStringLiteral("1")},
                                QStringLiteral("fake_openwebui.py"));
        auto c = client(server);
        c->setTiming({200, 400, 0.5, 1500, 50, 60000});
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
        QTest::qWait(2000); // pings answered: still connected
        QCOMPARE(c->state(), State::Connected);
        ::kill(pid_t(server.pid()), SIGSTOP);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Reconnecting, 6000);
        QVERIFY2(c->detail().contains(QLatin1String("ping timeout")), qPrintable(c->detail()));
        ::kill(pid_t(server.pid()), SIGCONT);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
    }

    // The server killed: the specified attempts at the specified delays (a shortened
    // clock), then Failed and quiet for good; Retry once it is back.
    void aServerGoneThenBack()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        const int port = server->port();
        auto c = client(*server);
        const SocketIoClient::Timing timing{100, 500, 0.5, 2000, 5, 60000};
        c->setTiming(timing);
        c->open();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
        QElapsedTimer clock;
        QList<QPair<qint64, QString>> seen; // (ms, state and detail)
        connect(c.get(), &SocketIoClient::stateChanged, this, [&](State s, const QString& detail) {
            seen.append(
                {clock.elapsed(), SocketIoClient::stateName(s) + QLatin1Char(' ') + detail});
        });
        clock.start();
        server.reset(); // killed
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Failed, 20000);
        // Each wait, from the loss (or a failed attempt) to the next attempt.
        QList<qint64> waits;
        qint64 lostAt = -1;
        for (const auto& [ms, what] : seen) {
            if (what.contains(QLatin1String("trying again")))
                lostAt = ms;
            else if (what.contains(QLatin1String("attempt ")) && lostAt >= 0) {
                waits << ms - lostAt;
                lostAt = -1;
            }
        }
        QCOMPARE(waits.size(), timing.attempts);
        for (int k = 0; k < waits.size(); ++k) {
            const double base = std::min(100.0 * (1 << k), 500.0);
            const double low = std::min(100.0 * (1 << k) * 0.5, 500.0);
            const double high = std::min(100.0 * (1 << k) * 1.5, 500.0);
            QVERIFY2(
                waits[k] >= low * 0.94 - 5 && waits[k] <= high + 400,
                qPrintable(
                    QStringLiteral("wait %1: %2 ms (about %3)").arg(k).arg(waits[k]).arg(base)));
        }
        // (No translator here: the source's "attempt(s)"; the CLI and the window say "attempts".)
        QVERIFY2(c->detail().contains(QLatin1String("gave up after 5 attempt")),
                 qPrintable(c->detail()));
        // Gone "for an hour": nothing more is tried.
        const int changes = seen.size();
        QTest::qWait(1500);
        QCOMPARE(seen.size(), changes);

        server = std::make_unique<test::FakeServer>(
            QStringList{QStringLiteral("--port"), QString::number(port)},
            QStringLiteral("fake_openwebui.py"));
        QVERIFY(server->isRunning());
        QTest::qWait(300);
        QCOMPARE(c->state(), State::Failed); // until Retry
        c->retry();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 10000);
    }
};

QTEST_GUILESS_MAIN(TestSocketIo)
#include "tst_socketio.moc"
