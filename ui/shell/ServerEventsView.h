// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace lyss {

class ChatRepository;
class DesktopNotifier;
class NoticeBar;
class ServerChannel;

// What an Open WebUI server's events show in the window: its notifications over the
// composer (and on the desktop when the window is not in front), its tools' questions in
// a ServerQuestionDialog (gone unanswered when their reply ends), and the titles and
// tags of the chats brought over from it, applied to the person's chats.
class ServerEventsView : public QObject {
    Q_OBJECT

public:
    ServerEventsView(QWidget* window, NoticeBar* notices, ChatRepository* chats);

    void watch(ServerChannel* channel);

Q_SIGNALS:
    // A chat brought over from a server was renamed or tagged by it.
    void chatChanged(const QString& chatId);

private:
    QWidget* m_window;
    NoticeBar* m_notices;
    ChatRepository* m_chats;
    DesktopNotifier* m_notifier = nullptr; // made at the first notification while elsewhere
};

} // namespace lyss
