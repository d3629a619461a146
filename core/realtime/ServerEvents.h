// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realtime/ServerEvent.h"

#include <QCoreApplication>
#include <QObject>

namespace lyss {

class ChatRepository;
class SocketIoClient;

// A question an Open WebUI server asks over its socket (a tool's confirmation or input),
// waiting for ServerEvents::answer().
struct ServerQuestion {
    ServerEvent event;
    qint64 ackId = 0;
    int connection = 0; // SocketIoClient::connection() it was asked on
};

// What an Open WebUI server's events mean for Lyss, for the window and lyss-cli alike:
// - a reply's events (status, chat:completion, chat:message:*, chat:tasks:cancel) go to
//   messageEvent() for the reply the server runs (ServerRunStream);
// - chat:title and chat:tags rename and tag the chat imported from that server, if this
//   person has it;
// - notification goes to notified();
// - confirmation and input go to asked(), and nobody listening is a "no";
// - execute (JavaScript for a browser) is always refused, at once, so the server's tool
//   does not wait for its time-out.
class ServerEvents : public QObject {
    Q_OBJECT

public:
    ServerEvents(SocketIoClient& client, QObject* parent = nullptr);

    // The person's chats, for titles and tags; null: they are not applied.
    void setChats(ChatRepository* chats) { m_chats = chats; }
    // The server's (backend's) name: only the chats brought over from it follow its events.
    void setServerName(const QString& name) { m_serverName = name; }
    static constexpr int kMostTitleChars = 200;
    // Answers a question once: confirmation with true or false, input with the text or
    // false. A question asked on an earlier connection is not answered (its server-side
    // call is gone, and its id may be another's now).
    void answer(const ServerQuestion& question, const QJsonValue& answer);
    // What Lyss answers to `execute`.
    static QJsonObject refusal();

Q_SIGNALS:
    void messageEvent(const lyss::ServerEvent& event);
    void notified(const QString& level, const QString& text);
    void asked(const lyss::ServerQuestion& question);
    // A question about that reply is out (to the person): its wait is not idleness.
    void questionFor(const QString& chatId, const QString& messageId);
    void chatChanged(const QString& chatId);
    // Something happened that a log or `backends status --watch` may say, in words.
    void said(const QString& line);

private:
    void onEvent(const QString& name, const QJsonArray& args, std::optional<qint64> ackId);
    void applyToChat(const ServerEvent& event);

    SocketIoClient& m_client;
    ChatRepository* m_chats = nullptr;
    QString m_serverName;
};

} // namespace lyss
