// SPDX-License-Identifier: GPL-3.0-or-later
// Search as you type in the chat list over 100,000 messages, offscreen: the longest
// stretch the window's event loop is busy while a person types, and how long after the
// last key the results are on screen; against the old way measured in the same run (the
// message search run on the window's thread at every key).
//   bench_search_typing [--messages N] [--runs N] [--keep 1] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"
#include "Corpus.h"

#include "io/ChatImporter.h"
#include "markdown/MarkdownText.h"
#include "sidebar/ChatListModel.h"
#include "sidebar/ChatSidebar.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/BackgroundSearch.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/SqliteDialect.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lyss;

namespace {

constexpr int kKeyGapMs = 120; // a brisk typist: about eight keys a second

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Session {
    double longestStallMs = 0; // the event loop's longest busy stretch
    double resultsAfterMs = 0; // from the last key to the results painted
};

// Types `text` into the sidebar's search a key every kKeyGapMs and watches the event loop.
Session typeInto(ChatSidebar& sidebar, const QString& text)
{
    auto* box = sidebar.findChild<QLineEdit*>(QStringLiteral("chatSearch"));
    ChatListModel* model = sidebar.model();
    box->clear();
    QApplication::processEvents();

    Session session;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        session.longestStallMs = std::max(session.longestStallMs, double(now - lastTick) / 1e6);
        lastTick = now;
    });

    int typed = 0;
    QElapsedTimer sinceLastKey;
    bool done = false;
    QTimer keys;
    keys.setInterval(kKeyGapMs);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        box->insert(text.mid(typed, 1)); // as a key press does: textChanged
        if (++typed == text.size()) {
            keys.stop();
            sinceLastKey.start();
        }
    });
    // The results of the whole text are on screen: they are there and painted.
    auto connection = QObject::connect(model, &QAbstractItemModel::modelReset, [&] {
        if (typed < text.size() || done || model->rowCount() == 0)
            return;
        // The titles alone say the messages are still being searched (no title has these
        // words here).
        const auto kind =
            ChatListModel::Kind(model->index(0).data(ChatListModel::KindRole).toInt());
        if (kind == ChatListModel::Kind::Note &&
            model->index(0).data().toString().startsWith(QStringLiteral("Searching")))
            return;
        sidebar.list()->viewport()->repaint();
        session.resultsAfterMs = msSince(sinceLastKey);
        done = true;
    });
    heartbeat.start();
    keys.start();
    QElapsedTimer limit;
    limit.start();
    while (!done && limit.elapsed() < 20000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    // A little more watching: nothing late may stall the loop either.
    QElapsedTimer after;
    after.start();
    while (after.elapsed() < 300)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(connection);
    if (!done)
        qFatal("no results for \"%s\"", qPrintable(text));
    return session;
}

// The old way: at every key from the first, the old statement (every match ranked) on the
// window's thread. Its longest key.
double oldWayLongestKey(Database& db, const QString& text)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
        "SELECT m.chat_id, c.title, m.id, snippet(messages_fts, 0, '[', ']', '…', 12) "
        "FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid "
        "JOIN chats c ON c.id = m.chat_id "
        "WHERE messages_fts MATCH ? AND c.user_id = ? AND c.archived = 0 ORDER BY rank LIMIT ?"));
    double longest = 0;
    for (int n = 1; n <= text.size(); ++n) {
        QElapsedTimer t;
        t.start();
        q.addBindValue(SqliteDialect::instance().searchQuery(text.left(n)));
        q.addBindValue(localUserId());
        q.addBindValue(200);
        if (!q.exec())
            qFatal("%s", qPrintable(q.lastError().text()));
        QList<SearchHit> hits;
        while (q.next())
            hits.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         MarkdownText::flattened(q.value(3).toString())});
        q.finish();
        longest = std::max(longest, msSince(t));
    }
    return longest;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = bench::option(QStringLiteral("messages"), QStringLiteral("100000")).toInt();
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("5")).toInt();
    const QString output = bench::option(QStringLiteral("output"));

    QTemporaryDir dir;
    if (!bench::option(QStringLiteral("keep")).isEmpty()) {
        dir.setAutoRemove(false); // to look at the database afterwards
        std::fprintf(stderr, "database kept in %s\n", qPrintable(dir.path()));
    }
    const QString path = bench::freshDatabase(dir.path(), QStringLiteral("lyss.db"));
    auto db = Database::open(path);
    if (!db)
        qFatal("%s", qPrintable(db.errorMessage()));
    {
        const bench::Corpus corpus(n);
        auto file =
            ChatImporter::parse(bench::openWebUiExport(corpus, 100), QStringLiteral("bench.json"));
        if (!file)
            qFatal("%s", qPrintable(file.errorMessage()));
        if (auto written = ChatImporter(**db, localUserId()).write(*file); !written)
            qFatal("%s", qPrintable(written.errorMessage()));
    }
    ChatStore store(**db, localUserId());
    BackgroundSearch search(path, localUserId());
    ChatSidebar sidebar(store, search);
    sidebar.resize(300, 800);
    sidebar.show();
    sidebar.reload();
    QApplication::processEvents();

    // "th": the most common word's first letters, the longest ranking there is; then a
    // whole phrase of a common and a rare word.
    const QString common = QStringLiteral("th");
    const QString phrase = QStringLiteral("the xylophone");
    (void)typeInto(sidebar, common); // warm the caches
    std::vector<double> stallCommon, stallPhrase, resultsCommon, resultsPhrase, oldCommon,
        oldPhrase;
    for (int r = 0; r < runs; ++r) {
        const Session a = typeInto(sidebar, common);
        const Session b = typeInto(sidebar, phrase);
        stallCommon.push_back(a.longestStallMs);
        resultsCommon.push_back(a.resultsAfterMs);
        stallPhrase.push_back(b.longestStallMs);
        resultsPhrase.push_back(b.resultsAfterMs);
        oldCommon.push_back(oldWayLongestKey(**db, common));
        oldPhrase.push_back(oldWayLongestKey(**db, phrase));
    }

    const QString section =
        QStringLiteral(
            "### Searching chats as you type, %1 messages\n\n"
            "Measured by `bench/search_typing_bench.cpp` (`scripts/bench`) on %2, Release "
            "build, offscreen, median of %3 runs. The chat list's search box gets a key every "
            "%4 ms; a 1 ms timer watches the window's event loop from the first key until "
            "300 ms after the results are painted. The old way is what the list did before, "
            "timed in the same run: from the first key, the search statement of before "
            "(every match ranked) on the window's thread at every key (without rebuilding "
            "the list, which it also did).\n\n"
            "| typed | longest stall of the window | results on screen after the last key | "
            "old way: longest key | target |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| `%5` (the most common prefix) | %6 ms | %7 ms | %8 ms | stall under 16 ms, "
            "results within 150 ms |\n"
            "| `%9` | %10 ms | %11 ms | %12 ms | |\n")
            .arg(n)
            .arg(bench::machineDescription())
            .arg(runs)
            .arg(kKeyGapMs)
            .arg(common)
            .arg(median(stallCommon), 0, 'f', 1)
            .arg(median(resultsCommon), 0, 'f', 0)
            .arg(median(oldCommon), 0, 'f', 1)
            .arg(phrase)
            .arg(median(stallPhrase), 0, 'f', 1)
            .arg(median(resultsPhrase), 0, 'f', 0)
            .arg(median(oldPhrase), 0, 'f', 1);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() &&
        !bench::writeSection(output, QStringLiteral("search-typing"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
