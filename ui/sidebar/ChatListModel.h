// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QSet>

#include <optional>

namespace lyss {

// The chat list's rows: every chat under its group's heading (Pinned, Today, Yesterday,
// Previous 7 days, Older), or a search's results. A change to one chat moves, changes,
// adds or removes its row alone (and a heading when it starts or ends a group), so a
// list of 10,000 chats is not rebuilt after every message.
class ChatListModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        MessageIdRole, // the message a search found, or none
        TitleRole,
        SnippetRole, // the words found under a search, marked as SearchHit marks them
        UpdatedRole, // ms since the epoch
        KindRole,    // Kind
    };
    enum class Kind { Heading, Chat, Note };
    enum class Group { Pinned, Today, Yesterday, Week, Older };

    // What the list keeps of a chat.
    using Entry = ListedChat;
    static Entry entryOf(const Chat& chat);
    // A search's result: a chat, with the message that matched (none for its title).
    struct Found {
        Entry chat;
        QString messageId;
        QString snippet;
    };

    explicit ChatListModel(QObject* parent = nullptr);

    static Group groupOf(bool pinned, qint64 updatedAt, const QDateTime& now);
    static QString groupTitle(Group group);

    // Every chat (the store's order, or any); shown grouped unless a search is shown.
    void setChats(QList<Entry> chats);
    const QList<Entry>& chats() const { return m_all; }
    // Every chat, when the list holds the newest of them: what is new is added at the end
    // as one insertion (the whole list again if the first ones changed meanwhile).
    void addRest(QList<Entry> chats);
    // One chat changed, came or went (nullopt): only its rows change. Under a search the
    // list of every chat is kept up to date and the results are left as they are.
    void updateChat(const QString& chatId, const std::optional<Entry>& chat);
    // A search's results in this order; `none` is said when there are none.
    void showResults(const QList<Found>& found, const QString& none);
    // Back to every chat.
    void showAll();
    bool showsResults() const { return m_results; }

    int rowOfChat(const QString& chatId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // The headings say their group in the language of the moment.
    void retranslate();

private:
    struct Row {
        Kind kind = Kind::Chat;
        Group group = Group::Older;
        Entry chat;
        QString messageId;
        QString snippet;
        QString note;
    };
    static bool before(const Entry& a, const Entry& b);
    static void sort(QList<Entry>& chats);
    QList<Row> grouped() const;
    Row chatRow(const Entry& e) const;
    void removeChatRow(int row);
    void insertChatRow(const Entry& e);

    QList<Entry> m_all; // sorted: pinned first, then the newest
    // Chats changed since every chat was last set: a list read before a change must not
    // bring their old state back.
    QSet<QString> m_changed;
    QList<Row> m_rows;
    bool m_results = false;
    // Where today, yesterday and the previous 7 days begin (ms since the epoch, local
    // midnights), worked out once: a time zone conversion for each of 10,000 chats is a
    // good part of a frame.
    struct Days {
        QDate today;
        qint64 todayStarts = 0;
        qint64 yesterdayStarts = 0;
        qint64 weekStarts = 0;
        static Days of(const QDateTime& now);
        Group groupOf(bool pinned, qint64 updatedAt) const;
    };
    Days m_days;
};

} // namespace lyss
