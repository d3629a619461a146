// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/SearchIndexer.h"

#include "store/MessageSearch.h"
#include "util/Log.h"
#include "util/WorkerThread.h"

#include "store/Sql.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace lyss {

class SearchIndexer::Worker : public QObject {
public:
    Worker(QString path, SearchIndexer* owner)
        : m_path(std::move(path))
        , m_owner(owner)
        , m_name(QStringLiteral("lyss-indexer-%1").arg(reinterpret_cast<quintptr>(this)))
    {
    }

    // On the indexer's thread.
    bool ensureOpen()
    {
        if (!m_open) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            m_open = db.open();
            if (!m_open)
                qCWarning(lcStore) << "the search indexer cannot open" << m_path;
        }
        return m_open;
    }

    // On the indexer's thread.
    void run()
    {
        m_pending = false; // what arrives from now on asks for another run
        if (stopped()) {
            Q_EMIT m_owner->indexed();
            return;
        }
        if (ensureOpen()) {
            if (Status st = MessageSearch::indexWaitingMessages(QSqlDatabase::database(m_name));
                !st.ok())
                qCWarning(lcStore) << st.errorMessage();
        }
        Q_EMIT m_owner->indexed();
    }

    // On the indexer's thread. PASSIVE: it copies what no reader still needs and never
    // waits for (or blocks) a writer; what it leaves is copied by the next one.
    void checkpoint()
    {
        m_checkpointPending = false;
        if (stopped() || !ensureOpen())
            return;
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcStore) << sql::errorFrom(q, QStringLiteral("checkpoint")).message;
    }

    // On the indexer's thread, last.
    void close()
    {
        if (m_pending)
            run();
        if (m_checkpointPending)
            checkpoint();
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

    // On the indexer's thread: whether a connection found the file damaged (this one's
    // own errors say so too), its connection made read only the first time.
    bool stopped()
    {
        if (!sql::foundDamaged(m_path))
            return false;
        if (!m_stopSaid) {
            m_stopSaid = true;
            qCWarning(lcStore) << "the database is damaged: the search indexer writes no more";
        }
        if (m_open && !m_madeReadOnly) {
            QSqlQuery q(QSqlDatabase::database(m_name));
            m_madeReadOnly = q.exec(QStringLiteral("PRAGMA query_only = 1"));
        }
        return true;
    }

    std::atomic<bool> m_pending = false;
    std::atomic<bool> m_checkpointPending = false;

private:
    QString m_path;
    SearchIndexer* m_owner;
    QString m_name;
    bool m_open = false;
    bool m_madeReadOnly = false;
    bool m_stopSaid = false;
};

SearchIndexer::SearchIndexer(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_worker(new Worker(std::move(databasePath), this))
{
    m_thread.setObjectName(QStringLiteral("lyss search indexer"));
    m_worker->moveToThread(&m_thread);
}

SearchIndexer::~SearchIndexer()
{
    {
        const QMutexLocker lock(&m_startLock);
        m_closed = true; // nothing starts the thread from here on
    }
    closeWorker(m_thread, m_worker);
}

void SearchIndexer::post(std::function<void()> work)
{
    // Under the lock: once the destructor has closed the indexer, nothing reaches the
    // worker it is about to delete.
    const QMutexLocker lock(&m_startLock);
    if (m_closed)
        return;
    if (!m_thread.isRunning())
        m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(m_worker, std::move(work), Qt::QueuedConnection);
}

void SearchIndexer::indexSoon()
{
    if (m_worker->m_pending.exchange(true))
        return; // a run is already on its way
    post([w = m_worker] { w->run(); });
}

void SearchIndexer::checkpointSoon()
{
    if (m_worker->m_checkpointPending.exchange(true))
        return;
    post([w = m_worker] { w->checkpoint(); });
}

} // namespace lyss
