// SPDX-License-Identifier: GPL-3.0-or-later
// The chat window streaming a 20,000-token reply from the test server at full speed,
// offscreen: the longest time the GUI event loop was busy, repaints of the
// conversation per second, refreshes against tokens, and peak memory.
//   bench_gui_stream [--tokens N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

using namespace lyss;

namespace {
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// CPU time this thread has used, in nanoseconds.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double peakRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}
} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int tokens = bench::option(QStringLiteral("tokens"), QStringLiteral("20000")).toInt();
    const QString output = bench::option(QStringLiteral("output"));
    const QString model = QStringLiteral("long-%1").arg(tokens);

    QProcess server;
    const QString serverUrl = bench::startTestServer(server, QStringLiteral(LYSS_SOURCE_DIR));

    QTemporaryDir dir;
    AppContext::Options o;
    o.dataDir = dir.path();
    o.indexInBackground = true; // as the app does
    o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), serverUrl);
    auto context = AppContext::open(o);
    if (!context)
        qFatal("%s", qPrintable(context.errorMessage()));
    BackendSet backends(*(*context)->effectiveBackends(), nullptr, 60000);
    Conversations conversations((*context)->store(), (*context)->settings(), backends);
    MainWindow window(**context, backends, conversations);
    window.resize(1280, 800);
    window.show();

    auto* picker = window.findChild<QComboBox*>(QStringLiteral("modelPicker"));
    QElapsedTimer wait;
    wait.start();
    while (picker->findData(QStringLiteral("llama3.2:latest")) < 0 && wait.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    const int at = picker->findData(model); // the test server lists long-5000 and long-20000
    if (at < 0)
        qFatal("the test server does not offer %s", qPrintable(model));
    picker->setCurrentIndex(at);
    PaintCounter paints;
    window.messageView()->viewport()->installEventFilter(&paints);

    // The event loop's longest busy stretch: gaps between the ticks of a 0 ms timer.
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 longest = 0;
    // The same stretches counted in the GUI thread's CPU time: what the window itself did,
    // without the time it waited for a core (the test server and the network thread
    // share this machine's cores with it).
    qint64 lastCpu = 0;
    qint64 longestCpu = 0;
    QTimer tick;
    tick.setInterval(0);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (lastTick > 0) {
            longest = std::max(longest, now - lastTick);
            longestCpu = std::max(longestCpu, cpu - lastCpu);
        }
        lastTick = now;
        lastCpu = cpu;
    });

    // The same reply several times, each in a new chat: the median and the worst run.
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("5")).toInt();
    std::vector<double> stalls;
    std::vector<double> cpuStalls;
    std::vector<double> times;   // to the end of the reply
    std::vector<double> windows; // and the 300 ms after it
    int paintsTotal = 0;
    int refreshesTotal = 0;
    MessageModel* messages = window.messageModel();
    for (int run = 0; run < runs; ++run) {
        window.newChat();
        paints.paints = 0;
        const int refreshesBefore = window.streamRefreshes();
        window.findChild<QPlainTextEdit*>(QStringLiteral("composer"))
            ->setPlainText(QStringLiteral("go"));
        longest = 0;
        lastTick = 0;
        longestCpu = 0;
        clock.start();
        tick.start();
        window.send();
        QElapsedTimer total;
        total.start();
        while (total.elapsed() < 120000) {
            QApplication::processEvents(QEventLoop::AllEvents, 5);
            if (messages->rowCount() == 2 && messages->at(1).status != MessageStatus::Streaming)
                break;
        }
        times.push_back(double(total.elapsed()) / 1000.0);
        // The view may still be catching up with the text, and the end is painted last:
        // that counts too.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        tick.stop();
        const bool complete =
            messages->rowCount() == 2 && messages->at(1).status == MessageStatus::Complete;
        if (!complete)
            qFatal("the reply did not complete (picker could not resolve %s?)", qPrintable(model));
        stalls.push_back(double(longest) / 1e6);
        cpuStalls.push_back(double(longestCpu) / 1e6);
        windows.push_back(double(total.elapsed()) / 1000.0);
        paintsTotal += paints.paints;
        refreshesTotal += window.streamRefreshes() - refreshesBefore;
    }
    server.kill();
    server.waitForFinished();

    // Switching theme with the long reply on screen: new palette, colours, the visible
    // messages laid out again and the window painted. Median of 9 switches.
    std::vector<double> switches;
    const QStringList cycle{QStringLiteral("dark"), QStringLiteral("oled-dark"),
                            QStringLiteral("light")};
    for (int i = 0; i < 9; ++i) {
        QElapsedTimer t;
        t.start();
        window.setTheme(cycle.at(i % cycle.size()));
        QApplication::processEvents(); // the palette reaches the widgets
        window.repaint();
        switches.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(switches.begin(), switches.end());

    const double seconds = std::accumulate(times.begin(), times.end(), 0.0) / runs;
    const double watched = std::accumulate(windows.begin(), windows.end(), 0.0) / runs;
    std::sort(stalls.begin(), stalls.end());
    std::sort(cpuStalls.begin(), cpuStalls.end());

    const QString section =
        QStringLiteral(
            "### The chat window streaming %1 tokens\n\n"
            "Measured by `bench/gui_stream_bench.cpp` (`scripts/bench`) on %2, Release build, "
            "offscreen, the reply written by the test server as fast as it can; the event loop is "
            "watched from sending until 300 ms after the reply ended (the view catching up and "
            "the last paint count too).\n\n"
            "| what | figure | target |\n"
            "| --- | --- | --- |\n"
            "| time to stream the whole reply | %3 s | |\n"
            "| longest stretch the GUI event loop was busy, median of %9 runs | %4 ms | under "
            "16 ms |\n"
            "| the same, worst run | %10 ms | |\n"
            "| the same in the GUI thread's CPU time (without waiting for a core), median / "
            "worst | %11 ms / %12 ms | |\n"
            "| repaints of the conversation | %5 a reply (%6 per second) | at most ~60 per "
            "second |\n"
            "| model refreshes for %1 tokens (coalesced) | %7 a reply | |\n"
            "| peak memory of the process | %8 MiB | |\n"
            "| switching theme, repaint included, median of 9 | %13 ms | instant |\n")
            .arg(tokens)
            .arg(bench::machineDescription())
            .arg(seconds, 0, 'f', 2)
            .arg(stalls[stalls.size() / 2], 0, 'f', 1)
            .arg(paintsTotal / runs)
            .arg(double(paintsTotal) / runs / watched, 0, 'f', 0)
            .arg(refreshesTotal / runs)
            .arg(peakRssMiB(), 0, 'f', 1)
            .arg(runs)
            .arg(stalls.back(), 0, 'f', 1)
            .arg(cpuStalls[cpuStalls.size() / 2], 0, 'f', 1)
            .arg(cpuStalls.back(), 0, 'f', 1)
            .arg(switches[switches.size() / 2], 0, 'f', 1);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("gui-stream"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
