// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include "store/Chat.h"

#include <QDateTime>
#include <QWidget>

#include <memory>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPushButton;

namespace lyss {

class ChatStore;

// The chat list: a new-chat button, a search box (titles, and message text through the
// full-text index with the matching snippet), and the chats grouped Pinned / Today /
// Yesterday / Previous 7 days / Older.
class ChatSidebar : public QWidget {
    Q_OBJECT

public:
    explicit ChatSidebar(ChatStore& chats, QWidget* parent = nullptr);

    void reload();
    void setCurrentChat(const QString& chatId);
    void focusSearch();
    QListWidget* list() const { return m_list; }

    static QString groupOf(const Chat& chat, const QDateTime& now);

    // Hidden from the list (a deletion waiting for its undo to expire), or none.
    void setHiddenChat(const QString& chatId);
    // Whether the store can be written: on a read-only database a chat's menu offers
    // nothing that changes it, and says why.
    void setReadOnlyReason(const QString& why) { m_readOnlyReason = why; }
    // The menu of a chat in the list (null for none), as a right click shows it.
    std::unique_ptr<QMenu> menuFor(const QString& chatId);

Q_SIGNALS:
    void chatActivated(const QString& chatId);
    // A search result found by a message's words: open the chat at it.
    void messageActivated(const QString& chatId, const QString& messageId);
    void newChatRequested();
    void deleteRequested(const QString& chatId);
    void chatsChanged();
    // Esc in an empty search: back to where one types.
    void searchDismissed();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // After an edit of a chat: the list again, unless it failed for another reason.
    void changed(const Status& edit);
    void retranslate();
    void rebuild();
    void showMenu(const QPoint& pos);
    void activate(QListWidgetItem* item);

    ChatStore& m_store;
    QLineEdit* m_search;
    QPushButton* m_new;
    QListWidget* m_list;
    QList<ChatSummary> m_all;
    QString m_current;
    QString m_hidden;
    QString m_readOnlyReason;
};

} // namespace lyss
