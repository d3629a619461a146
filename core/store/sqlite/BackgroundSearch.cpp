// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/BackgroundSearch.h"

#include "store/ChatRepository.h"
#include "store/ConnectionSource.h"
#include "store/MessageSearch.h"
#include "store/Sql.h"
#include "store/sqlite/SqliteDialect.h"
#include "store/sqlite/WriteAccess.h"
#include "util/Log.h"
#include "util/WorkerThread.h"

#include <QMutex>
#include <QSqlQuery>

#include <sqlite3.h>

namespace lyss {

// The worker's one connection, lent to MessageSearch on the worker's thread.
class BackgroundSearch::Worker : public QObject, public ConnectionSource {
public:
    Worker(QString path, QString userId, bool readOnly, BackgroundSearch* owner)
        : m_path(std::move(path))
        , m_readOnly(readOnly)
        , m_user(std::move(userId))
        , m_owner(owner)
        , m_name(QStringLiteral("lyss-search-%1").arg(reinterpret_cast<quintptr>(this)))
    {
    }

    const SqlDialect& dialect() const override { return SqliteDialect::instance(); }
    Result<ConnectionLease> lease() override
    {
        if (!ensureOpen())
            return Error{m_openError};
        return ConnectionLease(QSqlDatabase::database(m_name, false), dialect());
    }

    // On the worker's thread.
    void run(quint64 ticket, const QString& text, int limit)
    {
        if (m_closing || ticket != m_owner->m_latest.load())
            return; // a newer question came meanwhile
        if (!m_search)
            m_search = std::make_unique<MessageSearch>(*this, m_user);
        auto hits = searchInterruptibly(text, limit);
        if (ticket != m_owner->m_latest.load())
            return; // interrupted, or answered too late to matter
        // Delivered on the owner's thread, and only if still the newest there.
        QMetaObject::invokeMethod(
            m_owner,
            [owner = m_owner, ticket, text, found = hits ? *hits : QList<SearchHit>{},
             error = hits ? QString() : hits.errorMessage()] {
                if (ticket == owner->m_latest.load())
                    Q_EMIT owner->found(ticket, text, found, error);
            },
            Qt::QueuedConnection);
    }

    // On the worker's thread: the search, open to interrupt() while it runs.
    Result<QList<SearchHit>> searchInterruptibly(const QString& text, int limit)
    {
        {
            QMutexLocker lock(&m_handleLock);
            m_searching = true;
        }
        auto hits = m_search->search(text, limit);
        QMutexLocker lock(&m_handleLock);
        m_searching = false;
        return hits;
    }

    // On the worker's thread.
    void listChats(quint64 ticket)
    {
        if (m_closing)
            return;
        if (!m_chats)
            m_chats = std::make_unique<ChatRepository>(*this, m_user);
        auto chats = m_chats->listedChats();
        if (m_closing)
            return; // stopped: nobody waits for it
        Q_EMIT m_owner->chatsListed(ticket, chats ? *chats : QList<ListedChat>{},
                                    chats ? QString() : chats.errorMessage());
    }

    // Any thread: stops the search running on the connection, if one runs (never the
    // chat list's read).
    void interrupt()
    {
        QMutexLocker lock(&m_handleLock);
        if (m_handle && (m_searching || m_closing))
            sqlite3_interrupt(m_handle); // closing: whatever runs, the list's read too
    }

    // On the worker's thread, last.
    void close()
    {
        m_search.reset();
        m_chats.reset();
        {
            QMutexLocker lock(&m_handleLock);
            m_handle = nullptr;
        }
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

private:
    bool ensureOpen()
    {
        if (m_open)
            return true;
        QSqlDatabase db = QSqlDatabase::contains(m_name)
                              ? QSqlDatabase::database(m_name, false)
                              : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        if (m_readOnly) {
            // As the main connection opened it: a WAL file in a place that cannot be
            // written is read as immutable, with no -shm to create.
            db.setDatabaseName(QString::fromUtf8(WriteAccess::readOnlyUri(m_path)));
            db.setConnectOptions(
                QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!db.open()) {
            m_openError =
                sql::errorFrom(db, BackgroundSearch::tr("Opening the database for search")).message;
            qCWarning(lcStore) << m_openError;
            return false;
        }
        // It reads only, whatever a bug might ask of it.
        QSqlQuery q(db);
        (void)q.exec(QStringLiteral("PRAGMA query_only = 1"));
        QMutexLocker lock(&m_handleLock);
        m_handle = sql::handleOf(db);
        m_open = true;
        return true;
    }

    QString m_path;
    bool m_readOnly;
    QString m_user;
    BackgroundSearch* m_owner;
    QString m_name;
    bool m_open = false;
    QString m_openError;
    std::unique_ptr<MessageSearch> m_search;
    std::unique_ptr<ChatRepository> m_chats;
    QMutex m_handleLock;
    sqlite3* m_handle = nullptr;
    bool m_searching = false; // under m_handleLock

public:
    std::atomic<bool> m_closing = false; // what runs is stopped, and nothing asked again
};

BackgroundSearch::BackgroundSearch(QString databasePath, QString userId, bool readOnly,
                                   QObject* parent)
    : QObject(parent)
    , m_worker(new Worker(std::move(databasePath), std::move(userId), readOnly, this))
{
    qRegisterMetaType<QList<SearchHit>>();
    qRegisterMetaType<QList<ListedChat>>();
    m_thread.setObjectName(QStringLiteral("lyss search"));
    m_worker->moveToThread(&m_thread); // started by the first question
}

BackgroundSearch::~BackgroundSearch()
{
    m_latest = ~quint64(0); // nothing asked so far is answered
    m_worker->m_closing = true;
    interrupt();
    closeWorker(m_thread, m_worker);
}

void BackgroundSearch::ask(std::function<void()> work)
{
    if (!m_thread.isRunning())
        m_thread.start();
    QMetaObject::invokeMethod(m_worker, std::move(work), Qt::QueuedConnection);
}

quint64 BackgroundSearch::search(const QString& text, int limit)
{
    const quint64 ticket = ++m_latest;
    interrupt(); // what runs now answers a question nobody waits for
    ask([w = m_worker, ticket, text, limit] { w->run(ticket, text, limit); });
    return ticket;
}

quint64 BackgroundSearch::listChats()
{
    const quint64 ticket = ++m_lists;
    ask([w = m_worker, ticket] { w->listChats(ticket); });
    return ticket;
}

void BackgroundSearch::cancel()
{
    ++m_latest;
    interrupt();
}

void BackgroundSearch::interrupt()
{
    m_worker->interrupt();
}

} // namespace lyss
