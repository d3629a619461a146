// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up benchmark, offscreen: `lyss --exit-after-first-paint` on a 1,000-message
// chat against a bare QApplication showing one QListView (bench_bare_listview), run
// alternately in the same run, timed from the spawn to the first paint each reports; and peak
// memory with a 10,000-message chat against an empty data directory.
//   bench_startup LYSS BARE BARE_LINKED [--runs N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"

#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

extern char** environ;

using namespace lyss;

namespace {

struct Run {
    double paintMs = 0; // from the start to the first paint
    double wallMs = 0;  // from the start to the exit (the program quits after that paint)
    double maxRssMiB = 0;
    int status = -1;
};

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Starts `argv`, which prints "first paint at N ns" (N on the steady clock, the same
// CLOCK_MONOTONIC in every process) at its first paint and then quits.
Run spawnAndWait(const QStringList& argv)
{
    std::vector<QByteArray> bytes;
    for (const QString& a : argv)
        bytes.push_back(a.toLocal8Bit());
    std::vector<char*> args;
    for (QByteArray& b : bytes)
        args.push_back(b.data());
    args.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0)
        qFatal("cannot make a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    Run run;
    const qint64 started = steadyNs();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0)
        qFatal("cannot start %s", args[0]);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    QByteArray printed;
    char buffer[4096];
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
        printed.append(buffer, n);
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.wallMs = double(steadyNs() - started) / 1e6;
    run.maxRssMiB = double(usage.ru_maxrss) / 1024.0;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const QByteArray mark("first paint at ");
    const qsizetype at = printed.indexOf(mark);
    if (at < 0)
        qFatal("%s did not say when it first painted", args[0]);
    const qint64 painted = printed.mid(at + mark.size()).split(' ').value(0).toLongLong();
    run.paintMs = double(painted - started) / 1e6;
    return run;
}

void fillChat(const QString& dir, int messages)
{
    auto db = Database::open(QDir(dir).filePath(QStringLiteral("lyss.db")));
    if (!db)
        qFatal("%s", qPrintable(db.errorMessage()));
    if (messages == 0)
        return;
    ChatStore chats(**db, localUserId());
    auto chat = chats.chats().createChat({.title = QStringLiteral("Benchmark chat")});
    QSqlDatabase conn = (*db)->connection();
    conn.transaction();
    QString parent;
    for (int i = 0; i < messages; ++i) {
        Message m;
        m.chatId = chat->id;
        m.parentId = parent;
        m.role = i % 2 ? Role::Assistant : Role::User;
        m.content =
            i % 2
                ? QStringLiteral(
                      "Here is **part %1** of the answer, with `code`, a list:\n\n- one\n- two\n\n"
                      "and a [link](https://example.org).")
                      .arg(i)
                : QStringLiteral("Question %1: how does this work?").arg(i);
        parent = chats.messages().addMessage(m)->id;
    }
    conn.commit();
}

// `count` chats of a question and an answer each, a minute apart.
void fillChats(const QString& dir, int count)
{
    auto db = Database::open(QDir(dir).filePath(QStringLiteral("lyss.db")));
    if (!db)
        qFatal("%s", qPrintable(db.errorMessage()));
    ChatStore chats(**db, localUserId());
    QSqlDatabase conn = (*db)->connection();
    conn.transaction();
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(count) * 60000;
    for (int c = 0; c < count; ++c) {
        const qint64 at = start + qint64(c) * 60000;
        auto chat = chats.chats().createChat(
            {.title = QStringLiteral("Chat number %1 about something").arg(c),
             .createdAt = at,
             .updatedAt = at});
        Message q;
        q.chatId = chat->id;
        q.role = Role::User;
        q.content = QStringLiteral("Question %1: how does this work?").arg(c);
        Message a;
        a.chatId = chat->id;
        a.parentId = chats.messages().addMessage(q)->id;
        a.role = Role::Assistant;
        a.content = QStringLiteral("Here is the answer to question %1.").arg(c);
        (void)chats.messages().addMessage(a);
    }
    conn.commit();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        qFatal("usage: bench_startup LYSS BARE BARE_LINKED [--runs N] [--output FILE]");
    const QString lyssBin = args[1];
    const QString bareBin = args[2];
    const QString linkedBin = args[3]; // the bare program loading lyss's libraries
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("15")).toInt();
    const QString output = bench::option(QStringLiteral("output"));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("OLLAMA_BASE_URL", "http://127.0.0.1:9"); // no server: start-up must not wait for one

    QTemporaryDir d1k;
    QTemporaryDir d10k;
    QTemporaryDir d10;
    QTemporaryDir empty;
    QTemporaryDir chats10k;
    fillChats(chats10k.path(), 10000);
    fillChat(d1k.path(), 1000);
    fillChat(d10k.path(), 10000);
    fillChat(d10.path(), 10);
    fillChat(empty.path(), 0);

    auto lyss = [&](const QString& dir) {
        return spawnAndWait({lyssBin, QStringLiteral("--data-dir"), dir,
                             QStringLiteral("--exit-after-first-paint")});
    };
    spawnAndWait({bareBin}); // warm the caches for all three
    spawnAndWait({linkedBin});
    lyss(d1k.path());
    std::vector<double> bareMs, lyssMs, bareRss, lyssRss, rss10k, rssEmpty, ms10k, ms10, rss10,
        msChats, rssChats, linkedMs, linkedRss, bareExitMs, lyssExitMs, pairedRatios;
    for (int i = 0; i < runs; ++i) {
        const Run b = spawnAndWait({bareBin});
        const Run linked = spawnAndWait({linkedBin});
        if (linked.status != 0)
            qFatal("the bare program with lyss's libraries failed (%d)", linked.status);
        linkedMs.push_back(linked.paintMs);
        linkedRss.push_back(linked.maxRssMiB);
        const Run l = lyss(d1k.path());
        const Run big = lyss(d10k.path());
        const Run none = lyss(empty.path());
        const Run small = lyss(d10.path());
        const Run many = lyss(chats10k.path());
        if (b.status != 0 || l.status != 0 || big.status != 0 || none.status != 0 ||
            small.status != 0 || many.status != 0)
            qFatal("a run failed (bare %d, lyss %d, 10k %d, empty %d)", b.status, l.status,
                   big.status, none.status);
        bareMs.push_back(b.paintMs);
        bareExitMs.push_back(b.wallMs);
        lyssExitMs.push_back(l.wallMs);
        lyssMs.push_back(l.paintMs);
        // Each run's lyss against the bare program run just before it: this machine's
        // speed drifts by a third over a minute, which a ratio of two medians takes in.
        pairedRatios.push_back(l.paintMs / b.paintMs);
        bareRss.push_back(b.maxRssMiB);
        lyssRss.push_back(l.maxRssMiB);
        ms10k.push_back(big.paintMs);
        ms10.push_back(small.paintMs);
        rss10k.push_back(big.maxRssMiB);
        rssEmpty.push_back(none.maxRssMiB);
        rss10.push_back(small.maxRssMiB);
        msChats.push_back(many.paintMs);
        rssChats.push_back(many.maxRssMiB);
    }
    const QString section =
        QStringLiteral(
            "### Start-up and long chats\n\n"
            "Measured by `bench/startup_bench.cpp` (`scripts/bench`) on %1, Release build, "
            "offscreen, median of %2 alternating runs; from the moment the program is started "
            "to its first paint (it prints the time of that paint on the same monotonic "
            "clock), and peak resident memory. Lyss's ratio to the bare program is the median of "
            "each run's own (Lyss against the bare program started just before it); the other "
            "ratios are of medians.\n\n"
            "| program | start-up to first paint | peak memory |\n"
            "| --- | --- | --- |\n"
            "| bare QApplication with one QListView of 1,000 rows | %3 ms | %4 MiB |\n"
            "| the same, loading every library `lyss` loads (Qt Network, Sql, DBus, Svg and "
            "WebSockets, "
            "SQLite, QtKeychain, cmark-gfm, libsodium) | %20 ms (%21× the "
            "bare program) | %22 MiB |\n"
            "| `lyss`, most recent chat of 1,000 messages | %5 ms (**%6×** the bare program, "
            "**%23×** the bare program with lyss's libraries; target 1.3×) | %7 MiB (goal "
            "40 MiB) |\n"
            "| `lyss`, a chat of 10,000 messages | %8 ms (**%13×** a chat of 10) | %9 MiB |\n"
            "| `lyss`, a chat of 10 messages | %14 ms | %15 MiB |\n"
            "| `lyss`, 10,000 chats of 2 messages each | %16 ms (**%17×** one chat of 10; "
            "target 1.25×) | %18 MiB (**+%19 MiB** over one chat; target +8 MiB) |\n"
            "| `lyss`, no chats | | %10 MiB |\n\n"
            "A 10,000-message chat costs %11 MiB more than none at all (target: within 10 MiB). "
            "%12\n\n"
            "From start to exit (each program quits right after its first paint): the bare "
            "program %24 ms, `lyss` %25 ms. Lyss takes longer to close: it stops its "
            "threads, closes the database and the watch on the filters folder.\n")
            .arg(bench::machineDescription())
            .arg(runs)
            .arg(median(bareMs), 0, 'f', 0)
            .arg(median(bareRss), 0, 'f', 1)
            .arg(median(lyssMs), 0, 'f', 0)
            .arg(median(pairedRatios), 0, 'f', 2)
            .arg(median(lyssRss), 0, 'f', 1)
            .arg(median(ms10k), 0, 'f', 0)
            .arg(median(rss10k), 0, 'f', 1)
            .arg(median(rssEmpty), 0, 'f', 1)
            .arg(median(rss10k) - median(rssEmpty), 0, 'f', 1)
            .arg(median(rss10k) - median(rssEmpty) <= 10.0
                     ? QStringLiteral(
                           "A chat opens with its last 100 messages; older ones are read as "
                           "the view is scrolled near the top. Only the visible messages are "
                           "laid out; the others are estimates. "
                           "Each row holds its text and about 150 bytes besides (id, author, "
                           "time, status, measured height), read row by row from the store "
                           "without a sort. SQLite's page cache (2 MiB at most) is given back once "
                           "the window has read what it shows, before its first paint.")
                     : QStringLiteral("**Target missed.**"))
            .arg(median(ms10k) / median(ms10), 0, 'f', 2)
            .arg(median(ms10), 0, 'f', 0)
            .arg(median(rss10), 0, 'f', 1)
            .arg(median(msChats), 0, 'f', 0)
            .arg(median(msChats) / median(ms10), 0, 'f', 2)
            .arg(median(rssChats), 0, 'f', 1)
            .arg(median(rssChats) - median(rss10), 0, 'f', 1)
            .arg(median(linkedMs), 0, 'f', 0)
            .arg(median(linkedMs) / median(bareMs), 0, 'f', 2)
            .arg(median(linkedRss), 0, 'f', 1)
            .arg(median(lyssMs) / median(linkedMs), 0, 'f', 2)
            .arg(median(bareExitMs), 0, 'f', 0)
            .arg(median(lyssExitMs), 0, 'f', 0);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("startup"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
