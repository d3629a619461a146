// SPDX-License-Identifier: GPL-3.0-or-later
// Import benchmark: an Open WebUI export of N messages (1,000 chats) read and written
// by ChatImporter, compared in the same run with the plain SQLite floor: the sqlite3
// C API inserting the same chats and messages into the same schema in one transaction,
// the search index filled the fastest way (one pass at the end).
//   bench_import [--messages N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"
#include "Corpus.h"

#include "io/ChatImporter.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/Migrations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <sqlite3.h>

#include <cstdio>

using namespace lyss;

namespace {

constexpr int kPerChat = 100;

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The floor, with the same rows the importer writes (UUID ids, a chat row, messages
// with parent links, the leaf set once per chat, search index filled at the end).
double sqliteFloor(const QString& path, const bench::Corpus& corpus)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* chat = nullptr;
    sqlite3_stmt* msg = nullptr;
    sqlite3_stmt* leaf = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO chats (id, title, model, created_at, updated_at, source, "
                       "source_id) VALUES (?, ?, 'llama3.2', ?, ?, 'open-webui', ?)",
                       -1, &chat, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO messages (id, chat_id, parent_id, role, content, model, status, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, 'llama3.2', 'complete', ?, ?)",
        -1, &msg, nullptr);
    sqlite3_prepare_v2(db, "UPDATE chats SET current_leaf_id = ? WHERE id = ?", -1, &leaf, nullptr);
    QElapsedTimer t;
    t.start();
    sqlite3_exec(db, "BEGIN IMMEDIATE; DROP TRIGGER messages_fts_insert", nullptr, nullptr,
                 nullptr);
    const int n = static_cast<int>(corpus.texts.size());
    for (int c = 0; c * kPerChat < n; ++c) {
        const QByteArray chatId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray title = QStringLiteral("Chat %1").arg(c).toUtf8();
        const QByteArray source = QStringLiteral("chat-%1").arg(c).toUtf8();
        sqlite3_bind_text(chat, 1, chatId.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(chat, 2, title.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(chat, 3, 1700000000000LL + c);
        sqlite3_bind_int64(chat, 4, 1700000000000LL + c);
        sqlite3_bind_text(chat, 5, source.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_step(chat);
        sqlite3_reset(chat);
        QByteArray parent;
        for (int i = c * kPerChat; i < std::min(n, (c + 1) * kPerChat); ++i) {
            const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            const QByteArray content = corpus.texts[static_cast<size_t>(i)].toUtf8();
            sqlite3_bind_text(msg, 1, id.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(msg, 2, chatId.constData(), -1, SQLITE_TRANSIENT);
            if (parent.isEmpty())
                sqlite3_bind_null(msg, 3);
            else
                sqlite3_bind_text(msg, 3, parent.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(msg, 4, i % 2 ? "assistant" : "user", -1, SQLITE_STATIC);
            sqlite3_bind_text(msg, 5, content.constData(), static_cast<int>(content.size()),
                              SQLITE_TRANSIENT);
            sqlite3_bind_int64(msg, 6, (1700000000LL + i) * 1000);
            sqlite3_bind_int64(msg, 7, (1700000000LL + i) * 1000);
            if (sqlite3_step(msg) != SQLITE_DONE)
                qFatal("floor insert failed: %s", sqlite3_errmsg(db));
            sqlite3_reset(msg);
            parent = id;
        }
        sqlite3_bind_text(leaf, 1, parent.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(leaf, 2, chatId.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_step(leaf);
        sqlite3_reset(leaf);
    }
    sqlite3_exec(db, "INSERT INTO messages_fts (rowid, content) SELECT seq, content FROM messages",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, messagesFtsInsertTrigger().toUtf8().constData(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double ms = msSince(t);
    sqlite3_finalize(chat);
    sqlite3_finalize(msg);
    sqlite3_finalize(leaf);
    sqlite3_close(db);
    return ms;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int n = bench::option(QStringLiteral("messages"), QStringLiteral("100000")).toInt();
    const QString output = bench::option(QStringLiteral("output"));
    QTemporaryDir dir;
    const bench::Corpus corpus(n);
    const QByteArray json = bench::openWebUiExport(corpus, kPerChat);

    const double floor1 =
        sqliteFloor(bench::freshDatabase(dir.path(), QStringLiteral("floor1.db")), corpus);
    QElapsedTimer t;
    t.start();
    auto file = ChatImporter::parse(json, QStringLiteral("bench.json"));
    const double parseMs = msSince(t);
    if (!file)
        qFatal("%s", qPrintable(file.errorMessage()));
    double writeMs = 0;
    int imported = 0;
    {
        auto db = Database::open(bench::freshDatabase(dir.path(), QStringLiteral("lyss.db")));
        QElapsedTimer w;
        w.start();
        auto summary = ChatImporter(**db, localUserId()).write(*file);
        writeMs = msSince(w);
        if (!summary)
            qFatal("%s", qPrintable(summary.errorMessage()));
        imported = summary->messages;
    }
    const double floor2 =
        sqliteFloor(bench::freshDatabase(dir.path(), QStringLiteral("floor2.db")), corpus);
    const double floorMs = std::min(floor1, floor2);
    const double total = parseMs + writeMs;

    const QString section =
        QStringLiteral(
            "### Import: %1 messages from an Open WebUI export\n\n"
            "Measured by `bench/import_bench.cpp` (`scripts/bench`) on %2, Release build.\n"
            "A %3 MB export of %4 chats with %1 messages (%5 imported).\n\n"
            "| what | time | compared with |\n"
            "| --- | --- | --- |\n"
            "| Lyss import, total (read and check the file, then write) | %6 ms | **%7×** the "
            "floor (target: within 2×) |\n"
            "| … reading and checking the JSON | %8 ms | |\n"
            "| … writing: one transaction, search index filled at the end | %9 ms | %10× the floor "
            "|\n"
            "| floor: sqlite3 C API, same rows and schema, index filled at the end | %11 ms | "
            "1.00× |\n")
            .arg(n)
            .arg(bench::machineDescription())
            .arg(double(json.size()) / 1e6, 0, 'f', 1)
            .arg(n / kPerChat)
            .arg(imported)
            .arg(total, 0, 'f', 0)
            .arg(total / floorMs, 0, 'f', 2)
            .arg(parseMs, 0, 'f', 0)
            .arg(writeMs, 0, 'f', 0)
            .arg(writeMs / floorMs, 0, 'f', 2)
            .arg(floorMs, 0, 'f', 0);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("import"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
