// SPDX-License-Identifier: GPL-3.0-or-later
// Code highlighting, offscreen: what it adds to showing a reply with code. A reply with
// six code blocks (Python, C++, JavaScript, Rust, shell, JSON; 2 KB each) and one with a
// block of the longest size highlighted (16 KB), rendered from markdown and laid out as the
// conversation does; against the same replies with a language source-highlight does not
// know (shown plain), measured in the same run.
//   bench_highlight [--runs N] [--output docs/PERFORMANCE.md]
#include "BenchReport.h"

#include "conversation/MessageColors.h"
#include "markdown/CodeHighlighter.h"
#include "markdown/HighlightModule.h"
#include "markdown/MarkdownRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QPalette>
#include <QTextDocument>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace lyss;

namespace {

QString block(const QString& language, const QString& line, int bytes)
{
    QString code;
    for (int i = 0; code.size() < bytes; ++i)
        code += QString(line).replace(QStringLiteral("%N"), QString::number(i)) + QLatin1Char('\n');
    return QStringLiteral("```%1\n%2```\n\n").arg(language, code);
}

QString sixBlocks(bool known)
{
    const auto lang = [known](const char* l) {
        return known ? QString::fromLatin1(l) : QStringLiteral("plain-%1").arg(QLatin1String(l));
    };
    return QStringLiteral("Here is the change, in every language you use:\n\n") +
           block(lang("python"), QStringLiteral("    total += price(item_%N) * 2  # with tax"),
                 2048) +
           block(lang("cpp"),
                 QStringLiteral("    const int value%N = compute(\"name\", %N); // step"), 2048) +
           block(lang("js"), QStringLiteral("  const v%N = await fetch(`/api/${id}`, { n: %N });"),
                 2048) +
           block(lang("rust"), QStringLiteral("    let x%N: u32 = parse(\"%N\")?; // checked"),
                 2048) +
           block(lang("bash"), QStringLiteral("grep -r \"item %N\" ./src | wc -l  # count"), 2048) +
           block(lang("json"), QStringLiteral("  \"key%N\": [%N, true, null, \"text\"],"), 2048) +
           QStringLiteral("That is all.");
}

// The worst a block may be and still be highlighted: 16 KB of lines just under the length
// limit, each of one-character tokens.
QString denseBlock(bool known)
{
    const QString line =
        QStringLiteral("x = [") +
        QStringLiteral("1,").repeated(int(CodeHighlighter::kMaxLineBytes) / 2 - 5) +
        QStringLiteral("1]");
    return block(known ? QStringLiteral("python") : QStringLiteral("plain-python"), line,
                 int(CodeHighlighter::kMaxBlockBytes) - 600);
}

QString longBlock(bool known)
{
    return block(known ? QStringLiteral("python") : QStringLiteral("plain-python"),
                 QStringLiteral("    total += price(item_%N) * 2  # with tax"),
                 int(CodeHighlighter::kMaxBlockBytes) - 64);
}

// Rendered and laid out at a conversation's width, as a reply is when first shown.
double showMs(const QString& markdown, const QString& styleSheet)
{
    QElapsedTimer t;
    t.start();
    QTextDocument doc;
    doc.setDefaultStyleSheet(styleSheet);
    doc.setHtml(MarkdownRenderer::toHtml(markdown));
    doc.setTextWidth(720);
    (void)doc.documentLayout()->documentSize();
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = bench::option(QStringLiteral("runs"), QStringLiteral("15")).toInt();
    const QString output = bench::option(QStringLiteral("output"));
    const QString style = MessageColors::fromPalette(QPalette()).styleSheet();
    // The first block of a run opens the highlighter's module (HighlightModule), then
    // reads its language's definition: once per process, so one sample.
    QElapsedTimer first;
    first.start();
    (void)HighlightModule::available();
    const double loadMs = double(first.nsecsElapsed()) / 1e6;
    (void)CodeHighlighter::toHtml(u"x = 1", u"python");
    const double firstMs = double(first.nsecsElapsed()) / 1e6;

    struct Case {
        QString name;
        QString known, plain;
        std::vector<double> highlighted, baseline;
    };
    std::vector<Case> cases{
        {QStringLiteral("six blocks of 2 KB (Python, C++, JavaScript, Rust, shell, JSON)"),
         sixBlocks(true),
         sixBlocks(false),
         {},
         {}},
        {QStringLiteral("one block of 16 KB (Python), the longest highlighted"),
         longBlock(true),
         longBlock(false),
         {},
         {}},
        {QStringLiteral("16 KB of the longest lines, of one-character tokens (the worst "
                        "highlighted)"),
         denseBlock(true),
         denseBlock(false),
         {},
         {}}};
    for (Case& c : cases) { // warm: definitions read, fonts loaded
        showMs(c.known, style);
        showMs(c.plain, style);
    }
    for (int r = 0; r < runs; ++r) {
        for (Case& c : cases) {
            c.baseline.push_back(showMs(c.plain, style));
            c.highlighted.push_back(showMs(c.known, style));
        }
    }
    // The highlighter alone, per kilobyte.
    const QString code = longBlock(true).section(QLatin1Char('\n'), 1, -4);
    std::vector<double> alone;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        (void)CodeHighlighter::toHtml(code, u"python");
        alone.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double kb = double(code.toUtf8().size()) / 1024.0;

    QString rows;
    for (const Case& c : cases) {
        const double h = median(c.highlighted);
        const double b = median(c.baseline);
        rows += QStringLiteral("| %1 | %2 ms | %3 ms | +%4 ms (%5×) |\n")
                    .arg(c.name)
                    .arg(h, 0, 'f', 1)
                    .arg(b, 0, 'f', 1)
                    .arg(h - b, 0, 'f', 1)
                    .arg(b > 0 ? h / b : 0, 0, 'f', 2);
    }
    const QString section =
        QStringLiteral(
            "### Highlighting code blocks\n\n"
            "Measured by `bench/highlight_bench.cpp` (`scripts/bench`) on %1, Release build, "
            "offscreen, median of %2 runs. A reply is rendered from markdown and laid out at "
            "720 px, as the conversation does when it first shows it; the baseline is the same "
            "reply with a language GNU source-highlight does not know, shown plain, in the same "
            "run. A block is highlighted once, when it is finished (the block a reply is still "
            "writing stays plain until its fence closes), and never again for a repaint, a "
            "resize or a change of theme (the colours are changed in place).\n\n"
            "| reply | highlighted | plain | highlighting adds |\n"
            "| --- | --- | --- | --- |\n"
            "%3\n"
            "The highlighter alone: %4 KB of Python in %5 ms (%6 KB/ms). Blocks longer than "
            "%7 KB, with a line over %8 bytes, or whose work (tokens times line length) passes "
            "%9 are shown plain: that bounds the worst row above.\n\n"
            "The highlighter (GNU source-highlight with Boost.Regex) is a module of its own, "
            "opened at the first code block, so that a start-up without code does not load "
            "it: opening it took %10 ms, and the first block (its language's definition read) "
            "%11 ms in all (one sample: once per process).\n")
            .arg(bench::machineDescription())
            .arg(runs)
            .arg(rows)
            .arg(kb, 0, 'f', 1)
            .arg(median(alone), 0, 'f', 1)
            .arg(kb / std::max(0.001, median(alone)), 0, 'f', 2)
            .arg(CodeHighlighter::kMaxBlockBytes / 1024)
            .arg(CodeHighlighter::kMaxLineBytes)
            .arg(CodeHighlighter::kMaxWork)
            .arg(loadMs, 0, 'f', 1)
            .arg(firstMs, 0, 'f', 1);
    QTextStream(stdout) << section << Qt::endl;
    if (!output.isEmpty() && !bench::writeSection(output, QStringLiteral("highlight"), section))
        return 1;
    return 0;
}
