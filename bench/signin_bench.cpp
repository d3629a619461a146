// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in, over a real database: how long a sign-in takes (Argon2id, libsodium's
// interactive limits), and whether a name that does not exist costs the same as a wrong
// password for one that does (it must: the time would tell which names exist). The
// attempts alternate between the two, so both meet the same state of the machine.
//   bench_signin [--runs N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"

#include "accounts/Accounts.h"
#include "config/Settings.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/UserRepository.h"
#include "store/sqlite/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lyss;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("21")).toInt();
    const QString output = bench::option(QStringLiteral("output"));
    QTemporaryDir dir;
    auto db = Database::open(bench::freshDatabase(dir.path(), QStringLiteral("lyss.db")));
    if (!db)
        qFatal("%s", qPrintable(db.errorMessage()));
    UserRepository users(**db);
    SignInFailureRepository failures(**db);
    ConfigRepository installation(**db);
    ConfigRepository person(**db, localUserId());
    Settings settings(installation, person, QProcessEnvironment());
    // A clock that moves on a day an attempt: the wait after failures never starts, so
    // every attempt does the full work.
    qint64 now = 1'800'000'000'000;
    Accounts accounts(users, failures, settings, dir.path(), [&now] { return now += 86'400'000; });
    if (!accounts.enable(localUserId(), QStringLiteral("alice"), "the right password"))
        qFatal("cannot turn accounts on");
    std::vector<double> unknown, wrong, right;
    const auto time = [](auto&& attempt) {
        QElapsedTimer t;
        t.start();
        attempt();
        return double(t.nsecsElapsed()) / 1e6;
    };
    (void)accounts.signIn(QStringLiteral("alice"), "warm up the allocator");
    for (int i = 0; i < runs; ++i) {
        unknown.push_back(
            time([&] { (void)accounts.signIn(QStringLiteral("nobody"), "a guess"); }));
        wrong.push_back(time([&] { (void)accounts.signIn(QStringLiteral("alice"), "a guess"); }));
        right.push_back(
            time([&] { (void)accounts.signIn(QStringLiteral("alice"), "the right password"); }));
    }
    const double u = median(unknown), w = median(wrong), r = median(right);
    const QString section =
        QStringLiteral(
            "### Signing in\n\n"
            "Measured by `bench/signin_bench.cpp` (`scripts/bench`) on %1. Medians of %2 "
            "attempts each, alternating, over a real database: Argon2id with libsodium's "
            "interactive limits (64 MiB, 2 passes).\n\n"
            "| attempt | time |\n| --- | --- |\n"
            "| the right password (and a session made) | %3 ms |\n"
            "| a wrong password | %4 ms |\n"
            "| a name that does not exist (checked against a dummy hash) | %5 ms |\n\n"
            "An unknown name costs %6× a wrong password (the goal is 0.8–1.25×: the time must not "
            "tell which names exist).\n")
            .arg(bench::machineDescription())
            .arg(runs)
            .arg(r, 0, 'f', 1)
            .arg(w, 0, 'f', 1)
            .arg(u, 0, 'f', 1)
            .arg(u / w, 0, 'f', 2);
    std::printf("%s", qPrintable(section));
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("signin"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
