// SPDX-License-Identifier: GPL-3.0-or-later
// Heavy markdown in the chat window, offscreen: for a chat whose reply is 1 MB on one
// line, deeply nested quotes, a 100,000-row table or 40 KB of stars, the time from opening
// it to the first paint of the conversation, to every part laid out, and the longest the
// event loop was busy meanwhile; each against a 10-message chat measured in the same run.
// Then Esc while a line without end streams: how long until the reply stops.
//   bench_render [--runs N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "shell/MainWindow.h"
#include "store/ChatStore.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lyss;

namespace {

struct Shape {
    QString name;
    QString reply;
    QString chatId;
    std::vector<double> firstPaint, content, settled, stall;
};

QString repeated(const QString& piece, int bytes)
{
    QString s;
    s.reserve(bytes + piece.size());
    while (s.size() < bytes)
        s += piece;
    return s;
}

QString table(int rows)
{
    QString s = QStringLiteral("| n | name | value |\n| --- | --- | --- |\n");
    for (int i = 0; i < rows; ++i)
        s += QStringLiteral("| %1 | row %1 | ok |\n").arg(i);
    return s;
}

QString normalReply(int i)
{
    return QStringLiteral("## Part %1\n\nHere is **part %1** of the answer, with `code` and a "
                          "[link](https://example.org):\n\n- one\n- two\n\n```python\ndef f():\n"
                          "    return %1\n```\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n")
        .arg(i);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Runs the event loop until `done` or `timeoutMs`; the longest stretch it was busy.
template <typename Done>
double runUntil(Done done, int timeoutMs, QElapsedTimer* clock = nullptr)
{
    QElapsedTimer total;
    total.start();
    qint64 longest = 0;
    while (!done() && total.elapsed() < timeoutMs) {
        QElapsedTimer t;
        t.start();
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        longest = std::max(longest, t.nsecsElapsed());
    }
    if (clock)
        *clock = total;
    return double(longest) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("5")).toInt();
    const QString output = bench::option(QStringLiteral("output"));

    QProcess server;
    const QString serverUrl = bench::startTestServer(server, QStringLiteral(LYSS_SOURCE_DIR));

    QTemporaryDir dir;
    AppContext::Options o;
    o.dataDir = dir.path();
    o.indexInBackground = true;
    o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), serverUrl);
    auto context = AppContext::open(o);
    if (!context)
        qFatal("%s", qPrintable(context.errorMessage()));

    std::vector<Shape> shapes;
    shapes.push_back({QStringLiteral("10 messages (the baseline)"), {}, {}, {}, {}, {}});
    shapes.push_back({QStringLiteral("1 MB on one line, no space"),
                      repeated(QStringLiteral("abcdefghij"), 1 << 20),
                      {},
                      {},
                      {},
                      {}});
    shapes.push_back({QStringLiteral("1 MB on one line, words"),
                      repeated(QStringLiteral("lorem ipsum dolor sit amet "), 1 << 20),
                      {},
                      {},
                      {},
                      {}});
    shapes.push_back(
        {QStringLiteral("8 KB of `>`"), QString(8 * 1024, QLatin1Char('>')), {}, {}, {}, {}});
    shapes.push_back(
        {QStringLiteral("100 KB of `>`"), QString(100 * 1024, QLatin1Char('>')), {}, {}, {}, {}});
    shapes.push_back({QStringLiteral("a 100,000-row table"), table(100000), {}, {}, {}, {}});
    shapes.push_back({QStringLiteral("40 KB of `*` around a word"),
                      QString(20 * 1024, QLatin1Char('*')) + QStringLiteral("word") +
                          QString(20 * 1024, QLatin1Char('*')),
                      {},
                      {},
                      {},
                      {}});
    shapes.push_back({QStringLiteral("80 KB of `*a`"),
                      repeated(QStringLiteral("*a"), 80 * 1024),
                      {},
                      {},
                      {},
                      {}});
    ChatStore& chats = (*context)->store();
    for (Shape& shape : shapes) {
        auto chat = chats.chats().createChat({.title = shape.name});
        QString parent;
        const int messages = shape.reply.isEmpty() ? 10 : 2;
        for (int i = 0; i < messages; ++i) {
            Message m;
            m.chatId = chat->id;
            m.parentId = parent;
            m.role = i % 2 ? Role::Assistant : Role::User;
            m.content = i % 2 ? (shape.reply.isEmpty() ? normalReply(i) : shape.reply)
                              : QStringLiteral("Question %1?").arg(i);
            parent = chats.messages().addMessage(m)->id;
        }
        shape.chatId = chat->id;
    }

    BackendSet backends(*(*context)->effectiveBackends(), nullptr, 60000);
    Conversations conversations((*context)->store(), (*context)->settings(), backends);
    MainWindow window(**context, backends, conversations);
    window.resize(1280, 800);
    window.show();
    MessageView* view = window.messageView();
    MessageDelegate* delegate = view->messageDelegate();
    runUntil([] { return false; }, 300); // the window settles, models are listed

    // Each shape in turn, `runs` times: opened from the empty new-chat page. `--only N`
    // opens only the baseline and shape N (for a profiler).
    const int only = bench::option(QStringLiteral("only"), QStringLiteral("-1")).toInt();
    for (int run = 0; run < runs; ++run) {
        for (size_t i = 0; i < shapes.size(); ++i) {
            Shape& shape = shapes[i];
            if (only >= 0 && i != 0 && int(i) != only)
                continue;
            window.newChat();
            runUntil([] { return false; }, 30);
            QElapsedTimer t;
            t.start();
            window.openChat(shape.chatId);
            view->viewport()->repaint();
            shape.firstPaint.push_back(double(t.nsecsElapsed()) / 1e6);
            // The reply's own text on screen: once its parts are there (a long one is
            // rendered aside first, with a line saying so), the next paint shows them.
            MessageModel* rows = window.messageModel();
            const QString reply = rows->at(rows->rowCount() - 1).id;
            double stall = runUntil([&] { return delegate->partsShown(reply) > 0; }, 60000);
            view->viewport()->repaint();
            shape.content.push_back(double(t.nsecsElapsed()) / 1e6);
            stall = std::max(stall, runUntil([&] { return !delegate->layingOut(); }, 60000));
            shape.stall.push_back(stall);
            shape.settled.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }

    // Esc while a line of 8 MB streams at full speed, once 1 MB of it has arrived.
    auto* picker = window.findChild<QComboBox*>(QStringLiteral("modelPicker"));
    runUntil([&] { return picker->findData(QStringLiteral("line-8192")) >= 0; }, 10000);
    const int at = picker->findData(QStringLiteral("line-8192"));
    if (at < 0)
        qFatal("the test server does not offer line-8192");
    std::vector<double> escMs, streamStall;
    MessageModel* messages = window.messageModel();
    for (int run = 0; run < runs; ++run) {
        window.newChat();
        picker->setCurrentIndex(at);
        window.findChild<QPlainTextEdit*>(QStringLiteral("composer"))
            ->setPlainText(QStringLiteral("go"));
        window.send();
        auto streaming = [&] {
            return messages->rowCount() == 2 && messages->at(1).status == MessageStatus::Streaming;
        };
        const double stall = runUntil(
            [&] { return streaming() && messages->at(1).content.size() >= 1024 * 1024; }, 60000);
        if (!streaming())
            qFatal("the 1 MB line did not stream");
        QElapsedTimer t;
        t.start();
        QApplication::postEvent(window.focusWidget() ? window.focusWidget() : &window,
                                new QKeyEvent(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier));
        QApplication::postEvent(window.focusWidget() ? window.focusWidget() : &window,
                                new QKeyEvent(QEvent::KeyRelease, Qt::Key_Escape, Qt::NoModifier));
        runUntil([&] { return !streaming(); }, 60000);
        escMs.push_back(double(t.nsecsElapsed()) / 1e6);
        streamStall.push_back(stall);
        runUntil([] { return false; }, 200);
    }
    server.kill();
    server.waitForFinished();

    const Shape& base = shapes.front();
    QString rows;
    for (const Shape& s : shapes) {
        if (s.firstPaint.empty())
            continue;
        rows += QStringLiteral("| %1 | %2 ms (%3×) | %4 ms (%5×) | %6 ms | %7 ms |\n")
                    .arg(s.name)
                    .arg(median(s.firstPaint), 0, 'f', 1)
                    .arg(median(s.firstPaint) / median(base.firstPaint), 0, 'f', 2)
                    .arg(median(s.content), 0, 'f', 1)
                    .arg(median(s.content) / median(base.content), 0, 'f', 1)
                    .arg(median(s.settled), 0, 'f', 0)
                    .arg(median(s.stall), 0, 'f', 1);
    }
    const QString section =
        QStringLiteral(
            "### Heavy markdown in the window\n\n"
            "Measured by `bench/render_bench.cpp` (`scripts/bench`) on %1, Release build, "
            "offscreen, 1280×800. Each chat is a question and a reply of the shape named, "
            "opened from the new-chat page; medians of %2 runs, and in brackets against the "
            "10-message chat. *First paint*: opening the chat and painting the conversation "
            "(a reply over 64 KB shows a line saying it is being laid out: it is parsed on "
            "another thread). *Text on screen*: until the reply's own text is painted where "
            "the view shows it. *Laid out*: until every part a row can show is laid out (the "
            "parts off screen a few a frame). *Longest busy*: the longest stretch the event loop "
            "did not answer from the first paint on. Goal: first paint within 2× the "
            "10-message chat, and no stretch longer than a frame or two.\n\n"
            "| chat | first paint | text on screen | laid out | longest busy |\n"
            "| --- | --- | --- | --- | --- |\n"
            "%3\n"
            "Esc while a line without a space streams at full speed (pressed once 1 MB has "
            "arrived): the reply stops %4 ms after the key (median; worst %5 ms); the event "
            "loop's longest busy stretch while the line streamed was %6 ms (median).\n")
            .arg(bench::machineDescription())
            .arg(runs)
            .arg(rows)
            .arg(median(escMs), 0, 'f', 1)
            .arg(*std::max_element(escMs.begin(), escMs.end()), 0, 'f', 1)
            .arg(median(streamStall), 0, 'f', 1);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("render"), section)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(output));
        return 1;
    }
    return 0;
}
