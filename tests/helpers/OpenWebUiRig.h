// SPDX-License-Identifier: GPL-3.0-or-later
// tests/servers/fake_openwebui.py with Ann signed in: the backend "team" on her sign-in's
// token, and its live channel, connected (a sign-in's token puts the socket in its
// person's room, where a task's events go; an API key would hear nothing).
#pragma once

#include "TestSupport.h"

#include "backends/OpenWebUiBackend.h"
#include "realtime/ServerChannel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace lyss::test {

struct OpenWebUiRig {
    std::unique_ptr<FakeServer> server;
    std::unique_ptr<OpenWebUiBackend> team;
    std::unique_ptr<ServerChannel> channel;

    // What went wrong, or "" once the channel is connected.
    QString start(QNetworkAccessManager* nam)
    {
        server = std::make_unique<FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        if (!server->isRunning())
            return QStringLiteral("fake_openwebui.py did not start (python3-aiohttp?)");
        const QJsonObject signedIn =
            QJsonDocument::fromJson(
                server->post(QStringLiteral("/api/v1/auths/signin"),
                             R"({"email":"ann@example.org","password":"correct horse"})"))
                .object();
        Backend::Config config{QStringLiteral("team"), BackendKind::OpenWebUi, server->url(),
                               signedIn[QLatin1String("token")].toString(), 30000};
        if (config.apiKey.isEmpty())
            return QStringLiteral("Ann could not sign in");
        config.account = QStringLiteral("ann@example.org");
        team = std::make_unique<OpenWebUiBackend>(config, nam);
        channel = std::make_unique<ServerChannel>(*team, nam);
        team->setChannel(channel.get());
        channel->start();
        if (!QTest::qWaitFor(
                [this] {
                    return channel->client().state() == SocketIoClient::State::Connected &&
                           !channel->client().sid().isEmpty();
                },
                15000))
            return QStringLiteral("the channel did not connect: ") + channel->client().detail();
        return {};
    }

    // The channel first, then its backend, then the server.
    void stop()
    {
        channel.reset();
        team.reset();
        server.reset();
    }
    ~OpenWebUiRig() { stop(); }
};

} // namespace lyss::test
