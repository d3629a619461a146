// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include "store/Chat.h"

#include <QDateTime>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QIcon;
class QLineEdit;
class QLabel;
class QListView;
class QMenu;
class QModelIndex;
class QPushButton;

namespace lyss {

class BackgroundSearch;
class ChatListModel;
class ChatStore;

// The chat list: a new-chat button, a search box, and the chats grouped Pinned / Today /
// Yesterday / Previous 7 days / Older. A search shows the chats whose title has the words
// at once, then those whose messages have them (the full-text index, with the words
// found), asked of `search` on its own thread: typing never waits for the database.
class ChatSidebar : public QWidget {
    Q_OBJECT

public:
    ChatSidebar(ChatStore& chats, BackgroundSearch& search, QWidget* parent = nullptr);

    // Every chat read again.
    void reload();
    // One chat changed, came or went: its row alone changes.
    void refreshChat(const QString& chatId);
    void setCurrentChat(const QString& chatId);
    void focusSearch();
    // The search's clear button, in the theme's colour.
    void setClearIcon(const QIcon& icon);
    QListView* list() const { return m_list; }
    ChatListModel* model() const { return m_model; }
    // The chat at the top of the list, or none.
    QString firstChatId() const;
    // Whether the messages are searched for `text` (titles always are): from two
    // characters, or one of a script written without spaces (Chinese, Japanese).
    static bool searchesMessages(const QString& text);

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
    // After an edit of a chat: its row again, unless it failed for another reason.
    void changed(const QString& chatId, const Status& edit);
    void retranslate();
    void searchChanged();
    // The results again (the chats changed), with the words found so far.
    void refilter();
    // Asks the search thread for every chat, once the newest are listed.
    void askForTheRest();
    void startMidnightTimer();
    // The results: chats by title, then those `hits` found (answered: the message search
    // has answered, or was not asked).
    void showFound(const QList<SearchHit>& hits, bool answered, const QString& error = {});
    void showMenu(const QPoint& pos);
    void activate(const QModelIndex& index);

    ChatStore& m_store;
    BackgroundSearch& m_background;
    QLineEdit* m_search;
    QAction* m_clear = nullptr; // in the search, while it has text
    QPushButton* m_new;
    QListView* m_list;
    ChatListModel* m_model;
    // Over an empty list (no chats at all, no search): what will be here.
    QLabel* m_empty = nullptr;
    void showWhetherEmpty();
    QTimer m_searchDelay;
    QTimer m_midnight;
    bool m_restWanted = false;  // the newest chats are listed, the rest not asked for yet
    quint64 m_expectedList = 0; // the ticket of the list of every chat asked for, or 0
    // The message search's last answer, and the text it is for.
    QList<SearchHit> m_hits;
    QString m_hitsFor;
    QString m_query;
    QString m_current;
    QString m_hidden;
    QString m_readOnlyReason;
};

} // namespace lyss
