// SPDX-License-Identifier: GPL-3.0-or-later
// Store benchmark: insert N messages through ChatStore (one transaction, WAL,
// FTS5 triggers, chat leaf updates) and compare, in the same run, with the plain
// SQLite C API inserting the same rows into the same schema. Then full-text queries.
//   bench_store [--messages N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"
#include "Corpus.h"

#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/Transaction.h"
#include "store/sqlite/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lyss;
using lyss::bench::Corpus;

namespace {

constexpr int kMessagesPerChat = 100;

double msSince(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// Lyss: the repository, as the app and an importer use it.
double insertWithLyss(Database& db, const Corpus& corpus)
{
    ChatStore chats(db, localUserId());
    QElapsedTimer t;
    t.start();
    Transaction tx(db);
    QString chatId;
    QString parent;
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
        if (i % kMessagesPerChat == 0) {
            chatId = chats.chats()
                         .createChat({.title = QStringLiteral("Chat %1").arg(i / kMessagesPerChat)})
                         ->id;
            parent.clear();
        }
        Message m;
        m.chatId = chatId;
        m.parentId = parent;
        m.role = i % 2 ? Role::Assistant : Role::User;
        m.content = corpus.texts[i];
        auto added = chats.messages().addMessage(m);
        if (!added)
            qFatal("%s", qPrintable(added.errorMessage()));
        parent = added->id;
    }
    if (!tx.commit().ok())
        qFatal("commit failed");
    return msSince(t);
}

// The floor: sqlite3 C API, prepared statements, the same rows in the same schema
// (with the same FTS triggers), UUIDs generated the same way.
double insertWithSqlite(const QString& path, const Corpus& corpus, bool dropFts)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        qFatal("open failed");
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
                 nullptr, nullptr, nullptr);
    if (dropFts)
        sqlite3_exec(db, "DROP TRIGGER messages_fts_insert", nullptr, nullptr, nullptr);
    sqlite3_stmt* chat = nullptr;
    sqlite3_stmt* msg = nullptr;
    sqlite3_stmt* leaf = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO chats (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                       -1, &chat, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO messages (id, chat_id, parent_id, role, content, status, "
                       "created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)",
                       -1, &msg, nullptr);
    sqlite3_prepare_v2(db, "UPDATE chats SET current_leaf_id = ?, updated_at = ? WHERE id = ?", -1,
                       &leaf, nullptr);

    QElapsedTimer t;
    t.start();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    QByteArray chatId;
    QByteArray parent;
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (i % kMessagesPerChat == 0) {
            chatId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            const QByteArray title = QStringLiteral("Chat %1").arg(i / kMessagesPerChat).toUtf8();
            sqlite3_bind_text(chat, 1, chatId.constData(), static_cast<int>(chatId.size()),
                              SQLITE_TRANSIENT);
            sqlite3_bind_text(chat, 2, title.constData(), static_cast<int>(title.size()),
                              SQLITE_TRANSIENT);
            sqlite3_bind_int64(chat, 3, now);
            sqlite3_bind_int64(chat, 4, now);
            sqlite3_step(chat);
            sqlite3_reset(chat);
            parent.clear();
        }
        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray content = corpus.texts[i].toUtf8();
        sqlite3_bind_text(msg, 1, id.constData(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(msg, 2, chatId.constData(), static_cast<int>(chatId.size()),
                          SQLITE_TRANSIENT);
        if (parent.isEmpty())
            sqlite3_bind_null(msg, 3);
        else
            sqlite3_bind_text(msg, 3, parent.constData(), static_cast<int>(parent.size()),
                              SQLITE_TRANSIENT);
        sqlite3_bind_text(msg, 4, i % 2 ? "assistant" : "user", -1, SQLITE_STATIC);
        sqlite3_bind_text(msg, 5, content.constData(), static_cast<int>(content.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(msg, 6, now);
        sqlite3_bind_int64(msg, 7, now);
        if (sqlite3_step(msg) != SQLITE_DONE)
            qFatal("insert failed: %s", sqlite3_errmsg(db));
        sqlite3_reset(msg);
        sqlite3_bind_text(leaf, 1, id.constData(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(leaf, 2, now);
        sqlite3_bind_text(leaf, 3, chatId.constData(), static_cast<int>(chatId.size()),
                          SQLITE_TRANSIENT);
        sqlite3_step(leaf);
        sqlite3_reset(leaf);
        parent = id;
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double ms = msSince(t);
    sqlite3_finalize(chat);
    sqlite3_finalize(msg);
    sqlite3_finalize(leaf);
    sqlite3_close(db);
    return ms;
}

template <typename F>
double medianMs(int runs, F&& f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(msSince(t));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int n = bench::option(QStringLiteral("messages"), QStringLiteral("100000")).toInt();
    const QString output = bench::option(QStringLiteral("output"));

    QTemporaryDir dir;
    const Corpus corpus(n);
    double bytes = 0;
    for (const QString& t : corpus.texts)
        bytes += static_cast<double>(t.toUtf8().size());

    // Same run, same machine: the floor first, then Lyss, then the floor again, and
    // the better of the two floor runs is the comparison (warm caches for both).
    const double floor1 = insertWithSqlite(
        bench::freshDatabase(dir.path(), QStringLiteral("floor1.db")), corpus, false);
    double lyssMs = 0;
    double rareMs = 0;
    double commonMs = 0;
    double rebuildMs = 0;
    {
        auto db = Database::open(dir.filePath(QStringLiteral("lyss.db")));
        lyssMs = insertWithLyss(**db, corpus);
        ChatStore chats(**db, localUserId());
        rareMs = medianMs(21, [&] {
            if (chats.search().search(QStringLiteral("xylophone"))->size() != 1)
                qFatal("rare word not found");
        });
        commonMs = medianMs(11, [&] {
            if (chats.search().search(QStringLiteral("the"), 50)->size() != 50)
                qFatal("common word: fewer than 50 hits");
        });
        QSqlQuery q((*db)->connection());
        QElapsedTimer t;
        t.start();
        q.exec(QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"));
        rebuildMs = msSince(t);
    }
    const double floor2 = insertWithSqlite(
        bench::freshDatabase(dir.path(), QStringLiteral("floor2.db")), corpus, false);
    const double noFts = insertWithSqlite(
        bench::freshDatabase(dir.path(), QStringLiteral("nofts.db")), corpus, true);
    const double floorMs = std::min(floor1, floor2);

    const QString section =
        QStringLiteral(
            "### Store: inserting and searching %1 messages\n\n"
            "Measured by `bench/store_bench.cpp` (`scripts/bench`) on %2, Release build.\n"
            "%1 messages (%3 MB of text) in %4 chats, one transaction, WAL, FTS5 kept in sync "
            "by triggers.\n\n"
            "| what | time | compared with |\n"
            "| --- | --- | --- |\n"
            "| Lyss `MessageTree::addMessage` × %1 | %5 ms | **%6×** the floor |\n"
            "| floor: sqlite3 C API, same schema, rows and triggers | %7 ms | 1.00× |\n"
            "| the same without the FTS insert trigger (what search costs) | %8 ms | %9× |\n"
            "| FTS5 `rebuild` of the whole index | %10 ms | |\n"
            "| search, rare word (1 hit), median of 21 | %11 ms | |\n"
            "| search, most common word, top 50 by rank of the newest 2,000 matches, with snippet, "
            "median of 11 | %12 ms | |\n")
            .arg(n)
            .arg(bench::machineDescription())
            .arg(bytes / 1e6, 0, 'f', 1)
            .arg(n / kMessagesPerChat)
            .arg(lyssMs, 0, 'f', 0)
            .arg(lyssMs / floorMs, 0, 'f', 2)
            .arg(floorMs, 0, 'f', 0)
            .arg(noFts, 0, 'f', 0)
            .arg(noFts / floorMs, 0, 'f', 2)
            .arg(rebuildMs, 0, 'f', 0)
            .arg(rareMs, 0, 'f', 3)
            .arg(commonMs, 0, 'f', 1);

    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("store"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
