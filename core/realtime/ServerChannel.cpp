// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerChannel.h"

#include "backends/OpenWebUiBackend.h"

#include <QNetworkInformation>

namespace lyss {

ServerChannel::ServerChannel(OpenWebUiBackend& backend, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_name(backend.name())
    , m_client(nam)
{
    m_client.setServer(backend.config().url, path());
    // Asked at every CONNECT: a sign-in renewed meanwhile is used at the next.
    m_client.setAuth([this] { return QJsonObject{{QStringLiteral("token"), m_backend.token()}}; });
    m_events.setServerName(m_name);
    connect(&m_client, &SocketIoClient::stateChanged, this, &ServerChannel::stateChanged);
    connect(&m_client, &SocketIoClient::stateChanged, this, [this](SocketIoClient::State state) {
        if (state == SocketIoClient::State::Reconnecting || state == SocketIoClient::State::Failed)
            watchTheNetwork();
    });
}

void ServerChannel::watchTheNetwork()
{
    if (m_watchingNetwork)
        return;
    m_watchingNetwork = true;
    // Only once the channel is lost: the system's network backend (NetworkManager over
    // D-Bus) costs nothing at start then. Where there is none, Retry is the way back.
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                if (r == QNetworkInformation::Reachability::Online ||
                    r == QNetworkInformation::Reachability::Site)
                    networkCameBack();
            });
}

void ServerChannel::networkCameBack()
{
    // A refusal waits for a new sign-in, not for the network.
    const auto state = m_client.state();
    if ((state == SocketIoClient::State::Failed && !m_client.refused()) ||
        state == SocketIoClient::State::Reconnecting)
        m_client.retry();
}

void ServerChannel::start()
{
    m_backend.whenKeyRead(this, [this] { m_client.open(); });
}

QString ServerChannel::stateText() const
{
    const QString state = SocketIoClient::stateName(m_client.state());
    if (m_client.state() == SocketIoClient::State::Connected)
        return tr("%1 (%2)").arg(state, m_client.transportName());
    if (m_client.detail().isEmpty())
        return state;
    return tr("%1: %2").arg(state, m_client.detail());
}

} // namespace lyss
