// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerEvents.h"

#include "realtime/SocketIoClient.h"
#include "store/ChatRepository.h"

#include <QMetaMethod>

namespace lyss {

ServerEvents::ServerEvents(SocketIoClient& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    connect(&m_client, &SocketIoClient::eventReceived, this, &ServerEvents::onEvent);
}

QJsonObject ServerEvents::refusal()
{
    return {{QStringLiteral("error"),
             QStringLiteral("Lyss is a desktop client and does not run code sent by a server.")}};
}

void ServerEvents::answer(const ServerQuestion& question, const QJsonValue& answer)
{
    if (question.connection != m_client.connection())
        return;
    m_client.acknowledge(question.ackId, QJsonArray{answer});
}

void ServerEvents::onEvent(const QString& name, const QJsonArray& args, std::optional<qint64> ackId)
{
    const auto event = ServerEvent::from(name, args);
    if (!event) {
        if (ackId) // a call this client does not know: answered, so nothing waits on it
            m_client.acknowledge(*ackId, QJsonArray{false});
        return;
    }
    using Kind = ServerEvent::Kind;
    switch (event->kind) {
    case Kind::Execute:
        if (ackId)
            m_client.acknowledge(*ackId, QJsonArray{refusal()});
        Q_EMIT said(tr("code sent to run in a browser was refused"));
        return;
    case Kind::Confirmation:
    case Kind::Input: {
        if (!ackId)
            return; // nothing to answer
        const ServerQuestion q{*event, *ackId, m_client.connection()};
        if (!isSignalConnected(QMetaMethod::fromSignal(&ServerEvents::asked))) {
            answer(q, false); // nobody here to ask: no
            Q_EMIT said(tr("a question nobody was here to answer was declined: %1")
                            .arg(event->title.isEmpty() ? event->text : event->title));
            return;
        }
        Q_EMIT questionFor(event->chatId, event->messageId);
        Q_EMIT asked(q);
        return;
    }
    case Kind::Notification:
        if (!event->text.isEmpty()) {
            Q_EMIT notified(event->level, event->text);
            Q_EMIT said(tr("%1: %2").arg(event->level, event->text));
        }
        break;
    case Kind::Title:
    case Kind::Tags:
        applyToChat(*event);
        break;
    case Kind::StatusLine:
    case Kind::Completion:
    case Kind::Append:
    case Kind::Replace:
    case Kind::Error:
    case Kind::Cancelled:
    case Kind::Active:
    case Kind::Outlet:
        Q_EMIT messageEvent(*event);
        break;
    case Kind::Other:
        break;
    }
    if (ackId) // an answer nobody asked for costs nothing; a server waiting on one is freed
        m_client.acknowledge(*ackId, QJsonArray{false});
}

void ServerEvents::applyToChat(const ServerEvent& event)
{
    if (!m_chats || event.chatId.isEmpty() || event.chatId.startsWith(QLatin1String("local:")))
        return;
    auto id = m_chats->chatFromSource(QStringLiteral("open-webui"), event.chatId);
    if (!id || !*id)
        return; // not a chat of this person's from an Open WebUI server
    // Brought over from this very server: a chat from a file, or from another server, with
    // the same id is not this server's to rename.
    auto chat = m_chats->chat(**id);
    if (!chat || !*chat || (*chat)->backend != m_serverName)
        return;
    Status st;
    if (event.kind == ServerEvent::Kind::Title) {
        const QString title = event.text.left(kMostTitleChars);
        if (title.isEmpty() || title == (*chat)->title)
            return;
        st = m_chats->renameChat(**id, title);
    } else {
        QStringList tags = event.tags;
        tags.removeAll(QStringLiteral("none")); // Open WebUI's "no tag" (it skips it too)
        if (tags == (*chat)->tags)
            return;
        st = m_chats->setTags(**id, tags);
    }
    if (!st.ok()) {
        Q_EMIT said(st.errorMessage());
        return;
    }
    Q_EMIT chatChanged(**id);
}

} // namespace lyss
