// SPDX-License-Identifier: GPL-3.0-or-later
// Code blocks highlighted by GNU source-highlight: tokens marked by kind, the text itself
// untouched and escaped, languages by the names fences give, state across lines, limits,
// threads, and in the rendered markdown only blocks that are finished.
#include "markdown/CodeHighlighter.h"
#include "markdown/HighlightModule.h"
#include "markdown/MarkdownRenderer.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace lyss;

namespace {
// The text a highlighted block shows: its tags gone, its entities read.
QString shownText(const QString& html)
{
    QString text = html;
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

// The words marked with `kind`.
QStringList marked(const QString& html, const QString& kind)
{
    QStringList out;
    const QRegularExpression span(QStringLiteral("<span class=\"%1\">([^<]*)</span>").arg(kind));
    auto it = span.globalMatch(html);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}
} // namespace

class TestCodeHighlight : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Without the highlighter's module (not installed, or not loadable), code is shown
    // plain and the reason is said once. Loaded once per process: asked of a child.
    void withoutTheModuleCodeIsPlain()
    {
        if (qEnvironmentVariableIsSet("LYSS_TEST_NO_MODULE")) {
            QTest::ignoreMessage(
                QtWarningMsg,
                QRegularExpression(QStringLiteral(
                    "^code is shown plain: the highlighter cannot be loaded: .*lyss_highlight")));
            QVERIFY(CodeHighlighter::toHtml(u"x = 1", u"python").isNull());
            QVERIFY(CodeHighlighter::definitionFor(u"python").isEmpty());
            QString why;
            QVERIFY(!HighlightModule::available(&why));
            QVERIFY2(why.contains(QLatin1String("lyss_highlight.so")), qPrintable(why));
            const QString rendered =
                MarkdownRenderer::toHtml(QStringLiteral("```python\ndef f(): pass\n```\n"));
            QVERIFY(rendered.contains(QLatin1String("def f(): pass")));
            return;
        }
        QTemporaryDir empty;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LYSS_TEST_NO_MODULE"), QStringLiteral("1"));
        env.insert(QStringLiteral("LYSS_MODULE_DIR"), empty.path());
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("withoutTheModuleCodeIsPlain")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 out.constData());
        QVERIFY2(out.contains("PASS   : TestCodeHighlight::withoutTheModuleCodeIsPlain"),
                 out.constData());
    }

    void tokensAreMarkedByKind()
    {
        const QString code = QStringLiteral("import os\n"
                                            "def area(r):  # a circle\n"
                                            "    return 3.14 * r * r, \"square units\"\n");
        const QString html = CodeHighlighter::toHtml(code, u"python");
        QVERIFY(!html.isNull());
        QCOMPARE(shownText(html), code);
        QVERIFY2(marked(html, QStringLiteral("keyword")).contains(QStringLiteral("def")),
                 qPrintable(html));
        QVERIFY(marked(html, QStringLiteral("keyword")).contains(QStringLiteral("return")));
        QCOMPARE(marked(html, QStringLiteral("comment")),
                 QStringList{QStringLiteral("# a circle")});
        QCOMPARE(marked(html, QStringLiteral("number")), QStringList{QStringLiteral("3.14")});
        QCOMPARE(marked(html, QStringLiteral("string")),
                 QStringList{QStringLiteral("&quot;square units&quot;")});
        QCOMPARE(marked(html, QStringLiteral("function")), QStringList{QStringLiteral("area")});
        // Only the kinds a style sheet knows.
        const QRegularExpression any(QStringLiteral("<span class=\"([^\"]*)\">"));
        auto it = any.globalMatch(html);
        while (it.hasNext())
            QVERIFY(CodeHighlighter::kinds().contains(it.next().captured(1)));
    }

    // Whatever the code holds is text: markup in it is escaped, never rendered.
    void codeIsEscaped()
    {
        const QString code = QStringLiteral("const s = \"<script>alert('x')</script>\" && a < b;\n"
                                            "// <b>not bold</b> & done");
        const QString html = CodeHighlighter::toHtml(code, u"js");
        QVERIFY(!html.isNull());
        QCOMPARE(shownText(html), code);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<b>")));
        const QString stripped =
            QString(html).remove(QRegularExpression(QStringLiteral("</?span[^>]*>")));
        QVERIFY2(!stripped.contains(QLatin1Char('<')), qPrintable(stripped));
    }

    void languagesByTheNamesFencesGive()
    {
        QCOMPARE(CodeHighlighter::definitionFor(u"python"), QStringLiteral("python.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"py"), QStringLiteral("python.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"Python"), QStringLiteral("python.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"c++"), QStringLiteral("cpp.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"rust"), QStringLiteral("rust.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"ts"), QStringLiteral("javascript.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"bash"), QStringLiteral("sh.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"json"), QStringLiteral("json.lang"));
        QCOMPARE(CodeHighlighter::definitionFor(u"sql"), QStringLiteral("sql.lang"));
        QVERIFY(CodeHighlighter::definitionFor(u"klingon").isEmpty());
        QVERIFY(CodeHighlighter::definitionFor(u"").isEmpty());
        QVERIFY(CodeHighlighter::toHtml(u"x = 1", u"klingon").isNull());
        QVERIFY(CodeHighlighter::toHtml(u"x = 1", u"").isNull());
        // A name that would be a path is no language.
        QVERIFY(CodeHighlighter::toHtml(u"x = 1", u"../../etc/passwd").isNull());
    }

    // A comment opened on one line goes on in the next ones.
    void stateCarriesAcrossLines()
    {
        const QString html =
            CodeHighlighter::toHtml(u"/* one\n   two */ int x = 0x1F;\nint y;", u"c");
        QVERIFY(!html.isNull());
        const QStringList comments = marked(html, QStringLiteral("comment"));
        QVERIFY2(comments.join(QLatin1Char('|')).contains(QStringLiteral("two */")),
                 qPrintable(html));
        QCOMPARE(marked(html, QStringLiteral("type")).count(QStringLiteral("int")), 2);
        QCOMPARE(marked(html, QStringLiteral("number")), QStringList{QStringLiteral("0x1F")});
    }

    void unicodeSurvives()
    {
        const QString code = QStringLiteral("print('héllo 世界 👋🏽')  # ünïcode\n");
        const QString html = CodeHighlighter::toHtml(code, u"python");
        QCOMPARE(shownText(html), code);
        QVERIFY(!html.contains(QChar::ReplacementCharacter));
    }

    // A line longer than kMaxLineBytes (minified code) costs the highlighter about its
    // length for each token: the block stays plain.
    void aLongLineStaysPlain()
    {
        const QString line =
            QStringLiteral("[") + QStringLiteral("1,").repeated(200) + QStringLiteral("1]");
        QVERIFY(line.size() > CodeHighlighter::kMaxLineBytes);
        QVERIFY(CodeHighlighter::toHtml(QStringLiteral("x = ") + line, u"python").isNull());
        QVERIFY(!CodeHighlighter::toHtml(QStringLiteral("x = [1, 2]"), u"python").isNull());

        // Lines just short enough, all of one-character tokens: a few are highlighted, but a
        // block of them costs too much (counted, so the same on every machine) and is plain.
        const QString dense =
            QStringLiteral("x = [") +
            QStringLiteral("1,").repeated(CodeHighlighter::kMaxLineBytes / 2 - 5) +
            QStringLiteral("1]\n");
        QVERIFY(dense.size() <= CodeHighlighter::kMaxLineBytes + 1);
        QVERIFY(!CodeHighlighter::toHtml(dense.repeated(4), u"python").isNull());
        QVERIFY(CodeHighlighter::toHtml(dense.repeated(40), u"python").isNull());
    }

    // A rule that takes one byte (a backslash and the character after it) does not split
    // a character in two.
    void noCharacterIsSplit()
    {
        const QString code = QStringLiteral("char* p = \"C:\\Übung\\é\\世界\";\n");
        const QString html = CodeHighlighter::toHtml(code, u"c");
        QVERIFY(!html.isNull());
        QVERIFY2(!html.contains(QChar::ReplacementCharacter), qPrintable(html));
        QCOMPARE(shownText(html), code);
    }

    // What a reply gives as a fence's language is looked up only when it can be one.
    void madeUpLanguagesAreNotLookedUp()
    {
        QVERIFY(CodeHighlighter::toHtml(u"x", u"\"><b>x").isNull());
        QVERIFY(CodeHighlighter::toHtml(u"x", QString(1000, QLatin1Char('a'))).isNull());
        const QString html = MarkdownRenderer::toHtml(
            QStringLiteral("```\"><b>bold</b>\nif (a < b && c > d) {}\n```\n\n"
                           "```c\nif (a < b && c > d) {}\n```"));
        QVERIFY2(!html.contains(QStringLiteral("<b>")), qPrintable(html));
        // The escaped code of the known one is read back whole.
        QVERIFY2(html.contains(QStringLiteral("&lt; b &amp;&amp;")) ||
                     html.contains(QStringLiteral("&lt;")),
                 qPrintable(html));
        QVERIFY(shownText(html).contains(QStringLiteral("if (a < b && c > d) {}")));
    }

    void aLongBlockStaysPlain()
    {
        QString code;
        while (code.toUtf8().size() <= CodeHighlighter::kMaxBlockBytes)
            code += QStringLiteral("x = compute(1, 2)  # again\n");
        QVERIFY(CodeHighlighter::toHtml(code, u"python").isNull());
        code.truncate(CodeHighlighter::kMaxBlockBytes / 2);
        QVERIFY(!CodeHighlighter::toHtml(code, u"python").isNull());
        QVERIFY(!CodeHighlighter::toHtml(u"", u"python").isNull()); // empty, but highlighted
    }

    // Long texts are rendered on other threads: they take turns, and get the same.
    void threadsHighlightAtOnce()
    {
        const QString code = QStringLiteral("fn main() { let x: u32 = 42; println!(\"{}\", x); }");
        const QString expected = CodeHighlighter::toHtml(code, u"rust");
        QVERIFY(!expected.isNull());
        std::vector<QString> got(4);
        std::vector<std::thread> threads;
        for (size_t t = 0; t < got.size(); ++t) {
            threads.emplace_back([&got, t, &code] {
                for (int i = 0; i < 20; ++i)
                    got[t] = CodeHighlighter::toHtml(code, i % 2 ? u"rust" : u"python");
                got[t] = CodeHighlighter::toHtml(code, u"rust");
            });
        }
        for (auto& t : threads)
            t.join();
        for (const QString& g : got)
            QCOMPARE(g, expected);
    }

    // In a rendered message: a finished block is highlighted; the block a streaming reply
    // is still writing is not (it is rendered again as it grows), nor its language's
    // label changed; Copy copies the code as written.
    void onlyFinishedBlocksInRenderedMarkdown()
    {
        const QString finished = QStringLiteral("```python\nreturn 1\n```\n");
        QVERIFY(MarkdownRenderer::toHtml(finished).contains(
            QStringLiteral("<span class=\"keyword\">return</span>")));
        // Streaming, its fence still open: at the top, in a list, in a quote, with tildes.
        for (const QString& open : {QStringLiteral("Here:\n\n```python\nreturn 1\n"),
                                    QStringLiteral("1. Install:\n   ```python\n   return 1\n"),
                                    QStringLiteral("> ```python\n> return 1\n"),
                                    QStringLiteral("~~~python\nreturn 1\n")}) {
            const QString openHtml = MarkdownRenderer::toHtml(open, true);
            QVERIFY2(openHtml.contains(QStringLiteral("return 1")) &&
                         !openHtml.contains(QStringLiteral("<span class=")),
                     qPrintable(openHtml));
            QVERIFY(openHtml.contains(QStringLiteral("<span>python</span>")));
        }
        // Streaming, and another block after it: the first is done, the last may not be.
        const QString closed =
            QStringLiteral("```python\nreturn 1\n```\n\nand then\n\n```python\nx = 2\n```\n");
        const QString closedHtml = MarkdownRenderer::toHtml(closed, true);
        QCOMPARE(closedHtml.count(QStringLiteral("<span class=\"keyword\">return</span>")), 1);
        QVERIFY2(closedHtml.contains(QStringLiteral("<code>x = 2</code>")), qPrintable(closedHtml));
        QCOMPARE(MarkdownRenderer::codeBlocks(finished), QStringList{QStringLiteral("return 1\n")});
    }

    // A block too long for one part is split: the parts after the first are highlighted
    // with the block's language too, while the whole is not too long to highlight.
    void aBlockSplitInPartsIsHighlightedInEach()
    {
        QString code;
        for (int i = 0; i < 400; ++i)
            code += QStringLiteral("total = total + %1  # step\n").arg(i);
        QVERIFY(code.size() > MarkdownRenderer::kPartBytes &&
                code.size() < CodeHighlighter::kMaxBlockBytes);
        const QString markdown = QStringLiteral("```python\n") + code + QStringLiteral("```\n");
        const QList<MarkdownRenderer::Part> parts = MarkdownRenderer::toParts(markdown);
        QVERIFY(parts.size() > 1);
        for (const MarkdownRenderer::Part& part : parts)
            QVERIFY2(part.html.contains(QStringLiteral("<span class=\"comment\"># step</span>")),
                     qPrintable(part.html.left(300)));
        // Twice as long: too long, and plain in every part.
        const QList<MarkdownRenderer::Part> longer = MarkdownRenderer::toParts(
            QStringLiteral("```python\n") + code + code + code + QStringLiteral("```\n"));
        QVERIFY(longer.size() > 2);
        for (const MarkdownRenderer::Part& part : longer)
            QVERIFY(!part.html.contains(QStringLiteral("<span class=")));
    }
};

QTEST_GUILESS_MAIN(TestCodeHighlight)
#include "tst_codehighlight.moc"
