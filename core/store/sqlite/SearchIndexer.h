// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace lyss {

// Indexes finished messages for search on a thread of its own, over its own connection to
// the database: tokenizing a 20,000-word reply takes about 8 ms, a frame and a half the
// window's thread does not have. Messages wait with `indexed = 0` (MessageTree's
// deferred indexing); whatever is still waiting when Lyss stops is indexed at the next
// start (AppContext). Its connection also runs the window's WAL checkpoints
// (Database::handOffCheckpoints), which sync the file.
class SearchIndexer : public QObject {
    Q_OBJECT

public:
    explicit SearchIndexer(QString databasePath, QObject* parent = nullptr);
    // Indexes what is waiting, then stops the thread.
    ~SearchIndexer() override;

    // Asks for the waiting messages to be indexed; calls close together are done once.
    // Safe to call from any thread.
    void indexSoon();
    // Asks for a passive checkpoint of the write-ahead log: the pages other connections
    // committed are copied into the database file. Safe to call from any thread.
    void checkpointSoon();

Q_SIGNALS:
    // The waiting messages were indexed (or it failed, said in the log).
    void indexed();

private:
    // Hands `work` to the worker's thread, starting it the first time; nothing once the
    // indexer is being destroyed. Any thread.
    void post(std::function<void()> work);

    class Worker;
    QMutex m_startLock; // over starting the thread and posting to it, from any thread
    bool m_closed = false;
    QThread m_thread;
    Worker* m_worker;
};

} // namespace lyss
