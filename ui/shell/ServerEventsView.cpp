// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ServerEventsView.h"

#include "conversation/NoticeBar.h"
#include "realtime/ServerChannel.h"
#include "shell/DesktopNotifier.h"
#include "shell/ServerQuestionDialog.h"

#include <QApplication>
#include <QWidget>

namespace lyss {

ServerEventsView::ServerEventsView(QWidget* window, NoticeBar* notices, ChatRepository* chats)
    : QObject(window)
    , m_window(window)
    , m_notices(notices)
    , m_chats(chats)
{
}

void ServerEventsView::watch(ServerChannel* channel)
{
    ServerEvents& events = channel->events();
    const QString server = channel->backendName();
    events.setChats(m_chats);
    connect(&events, &ServerEvents::chatChanged, this, &ServerEventsView::chatChanged);
    connect(&events, &ServerEvents::notified, this,
            [this, server](const QString& level, const QString& text) {
                m_notices->notice(level, tr("%1: %2").arg(server, text));
                if (m_window->isActiveWindow())
                    return;
                // Elsewhere: the desktop's notification, and the task bar's attention.
                if (!m_notifier)
                    m_notifier = new DesktopNotifier(this);
                m_notifier->notify(server, text);
                QApplication::alert(m_window);
            });
    QPointer<ServerChannel> guarded(channel);
    connect(&events, &ServerEvents::asked, this, [this, server, guarded](const ServerQuestion& q) {
        auto* dialog = new ServerQuestionDialog(server, q.event, m_window);
        // Its reply ended meanwhile (done, failed, stopped): the question is gone too.
        connect(
            &guarded->events(), &ServerEvents::messageEvent, dialog,
            [dialog, chatId = q.event.chatId, messageId = q.event.messageId](const ServerEvent& e) {
                using Kind = ServerEvent::Kind;
                const bool ended = (e.kind == Kind::Completion && (e.done || !e.text.isEmpty())) ||
                                   e.kind == Kind::Error || e.kind == Kind::Cancelled;
                if (ended && e.chatId == chatId && e.messageId == messageId)
                    dialog->withdraw();
            });
        connect(dialog, &ServerQuestionDialog::answered, this, [guarded, q](const QJsonValue& a) {
            if (guarded)
                guarded->events().answer(q, a);
        });
        dialog->show(); // not modal: Stop, the composer and other chats stay at hand
        dialog->raise();
        dialog->activateWindow();
        QApplication::alert(m_window);
    });
}

} // namespace lyss
