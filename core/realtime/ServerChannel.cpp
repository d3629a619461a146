// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerChannel.h"

#include "backends/OpenWebUiBackend.h"

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
    connect(&m_client, &SocketIoClient::stateChanged, this, &ServerChannel::stateChanged);
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
