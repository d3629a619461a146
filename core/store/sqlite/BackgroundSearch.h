// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Chat.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace lyss {

// The window's reads that take longer than a frame, on a thread of their own over their
// own read-only connection to the database: message search for search-as-you-type
// (ranking the matches of a common prefix among 100,000 messages) and the whole chat list
// (10,000 chats are 20 ms of QtSql). Only the newest search counts: a search asked for
// while another runs interrupts it (sqlite3_interrupt), and an answer that is no longer
// the newest is never delivered. The thread begins with the first question, so a session
// that never searches nor lists every chat has none.
class BackgroundSearch : public QObject {
    Q_OBJECT

public:
    // `readOnly`: the file is opened as the main connection opened it when it could not be
    // written (Database::readOnlyReason), immutable and without a journal.
    BackgroundSearch(QString databasePath, QString userId, bool readOnly = false,
                     QObject* parent = nullptr);
    // Interrupts what runs and closes the connection on its thread.
    ~BackgroundSearch() override;

    // Asks for the best `limit` messages with `text` (MessageSearch's rules). Any earlier
    // question is dropped. The answer comes as found() with the ticket returned here.
    quint64 search(const QString& text, int limit);
    // Drops the question asked last: its answer will not come.
    void cancel();
    // The ticket of the question asked last (0 before the first).
    quint64 latest() const { return m_latest.load(); }
    // Reads every chat the window lists (ChatRepository::listedChats); the answer comes as
    // chatsListed() with the ticket returned here. A search never interrupts it.
    quint64 listChats();

Q_SIGNALS:
    // The answer to the newest question, on the thread that owns this object (checked
    // there: an answer overtaken by a newer question is never emitted). `error` says in
    // words why there are no hits when the search failed.
    void found(quint64 ticket, const QString& text, const QList<SearchHit>& hits,
               const QString& error);
    // Every chat listed (newest first), or why not.
    void chatsListed(quint64 ticket, const QList<ListedChat>& chats, const QString& error);

private:
    class Worker;
    // Stops the query the worker runs, if any (any thread).
    void interrupt();
    // Hands `work` to the worker's thread, starting it the first time (owner's thread).
    void ask(std::function<void()> work);

    QThread m_thread;
    Worker* m_worker;
    std::atomic<quint64> m_latest = 0;
    quint64 m_lists = 0;
};

} // namespace lyss
