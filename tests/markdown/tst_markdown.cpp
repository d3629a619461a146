// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown as the chat view shows it: GitHub's extensions render, and model output
// can neither inject HTML, fetch an image nor plant a dangerous link.
#include "markdown/MarkdownRenderer.h"
#include "markdown/QuoteHtml.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using lyss::MarkdownRenderer;

class TestMarkdown : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gfmExtensions_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("heading") << "# Title"
                                 << "<h1>Title</h1>";
        QTest::newRow("emphasis") << "*a* **b**"
                                  << "<em>a</em> <strong>b</strong>";
        QTest::newRow("strikethrough") << "~~gone~~"
                                       << "<s>gone</s>";
        QTest::newRow("table") << "| a | b |\n|---|---|\n| 1 | 2 |"
                               << "<td>1</td>";
        QTest::newRow("table border") << "| a |\n|---|\n| 1 |"
                                      << "<table border=\"1\"";
        QTest::newRow("autolink") << "see https://example.org now"
                                  << "<a href=\"https://example.org\">https://example.org</a>";
        QTest::newRow("task list without bullets")
            << "- [x] done\n- [ ] todo"
            << "<ul style=\"list-style-type: none;\">\n<li>☑ done";
        QTest::newRow("a list of things keeps its bullets") << "- one\n- two"
                                                            << "<ul>\n<li>one";
        QTest::newRow("task list") << "- [x] done\n- [ ] todo"
                                   << "☑ done";
        QTest::newRow("open task") << "- [ ] todo"
                                   << "☐ todo";
        QTest::newRow("code with language")
            << "```python\nprint(1)\n```"
            << "<pre style=\"margin-top: 0;\"><code><span class=\"keyword\">print</span>(<span "
               "class=\"number\">1</span>)</code></pre>";
        QTest::newRow("code in a language not known")
            << "```klingon\nprint(1)\n```"
            << "<pre style=\"margin-top: 0;\"><code>print(1)</code></pre>";
        QTest::newRow("quote") << "> said"
                               << "<blockquote>";
        QTest::newRow("list") << "1. one\n2. two"
                              << "<ol>";
        // cmark-gfm 0.29 sees no task list in a quote; GitHub shows its check boxes.
        QTest::newRow("task list in a quote")
            << "> - [ ] a task\n> - [X] done"
            << "<ul style=\"list-style-type: none;\">\n<li style=\"-qt-user-state:1\">☐ a "
               "task</li>\n<li style=\"-qt-user-state:1\">☑ done";
        QTest::newRow("task in a loose list in a quote")
            << "> - [x] done\n>\n> - [ ] not yet"
            << "\">\n<p style=\"-qt-user-state:1\">☑ done";
        QTest::newRow("rule in a quote") << "> a\n>\n> ---\n>\n> b"
                                         << "<div style=\"-qt-user-state:1\"><hr /></div>";
        QTest::newRow("right-to-left quote") << "> مرحبا"
                                             << "<blockquote class=\"rtl\">";
        QTest::newRow("right-to-left after digits and an entity") << "> 42 &amp; שלום"
                                                                  << "<blockquote class=\"rtl\">";
        QTest::newRow("right-to-left in a nested quote")
            << "> > مرحبا"
            << "<blockquote class=\"rtl\">\n<blockquote class=\"rtl\">";
    }

    // What is not a quote's task or right-to-left stays as it was.
    void quotesRewrittenOnlyWhereTheyAre()
    {
        const QString escaped = MarkdownRenderer::toHtml(QStringLiteral("- \\[ ] not a task"));
        QVERIFY2(escaped.contains(QStringLiteral("[ ] not a task")), qPrintable(escaped));
        // Escaped in a quote too, while a task beside it is one.
        const QString quotedEscape = MarkdownRenderer::toHtml(
            QStringLiteral("> - \\[ ] not a task\n> - [x] a task\n>\n> 1. [ ] numbered\n"));
        QVERIFY2(quotedEscape.contains(QStringLiteral("[ ] not a task")), qPrintable(quotedEscape));
        QVERIFY(quotedEscape.contains(QStringLiteral("☑ a task")));
        QVERIFY(quotedEscape.contains(QStringLiteral("☐ numbered")));
        const QString mixed =
            MarkdownRenderer::toHtml(QStringLiteral("> hello مرحبا\n\n> > x\n> > y [ ] z"));
        QVERIFY2(!mixed.contains(QStringLiteral("rtl")), qPrintable(mixed));
        QVERIFY(mixed.contains(QStringLiteral("[ ] z")));
        QVERIFY(!MarkdownRenderer::toHtml(QStringLiteral("a\n\n---\n"))
                     .contains(QStringLiteral("<div>")));
        // A rule out of the quote stays as it is, the one in it in a block of its own.
        const QString rules = MarkdownRenderer::toHtml(QStringLiteral("> a\n>\n> ***\n\n---\n"));
        QCOMPARE(rules.count(QStringLiteral("<hr /></div>")), 1);
        QVERIFY2(rules.contains(QStringLiteral("</blockquote>\n<hr />")), qPrintable(rules));
        // Each block in a quote is marked with the quotes it is in: two quotes one after the
        // other differently, a quote in a quote with both, code's own style kept.
        const QString marked = MarkdownRenderer::toHtml(
            QStringLiteral("> a\n\n> b\n>\n> > c\n>\n> ```\n> code\n> ```\n\nout"));
        const int first = lyss::QuoteHtml::packQuotes({1}),
                  second = lyss::QuoteHtml::packQuotes({2});
        QVERIFY2(marked.contains(QStringLiteral("<p style=\"-qt-user-state:%1\">a</p>").arg(first)),
                 qPrintable(marked));
        QVERIFY(
            marked.contains(QStringLiteral("<p style=\"-qt-user-state:%1\">b</p>").arg(second)));
        QVERIFY(marked.contains(QStringLiteral("<p style=\"-qt-user-state:%1\">c</p>")
                                    .arg(lyss::QuoteHtml::packQuotes({2, 3}))));
        QVERIFY(marked.contains(QStringLiteral("<pre style=\"-qt-user-state:%1; ").arg(second)));
        QVERIFY(marked.contains(QStringLiteral("<p>out</p>")));
        // A long quote rendered in parts: each part's blocks are marked, and the parts of
        // its code join without a gap (the fix-ups find the tags as cmark wrote them).
        QString longQuote = QStringLiteral("> ```\n");
        for (int i = 0; i < 800; ++i)
            longQuote += QStringLiteral("> line %1 of the code in a quote\n").arg(i);
        longQuote += QStringLiteral("> ```\n");
        const auto parts = MarkdownRenderer::toParts(longQuote);
        QVERIFY(parts.size() > 1);
        for (const auto& part : parts)
            QVERIFY2(part.html.contains(QLatin1String("-qt-user-state:")),
                     qPrintable(part.html.left(300)));
        QVERIFY2(parts[0].html.contains(QLatin1String("margin-bottom: 0;")),
                 qPrintable(parts[0].html.right(300)));
        // Each quote by its own text: a Hebrew quote after an English one.
        const QString two = MarkdownRenderer::toHtml(QStringLiteral("> hello\n\nand\n\n> שלום"));
        QCOMPARE(two.count(QStringLiteral("<blockquote class=\"rtl\">")), 1);
        QVERIFY2(two.indexOf(QStringLiteral("<blockquote>")) <
                     two.indexOf(QStringLiteral("<blockquote class=\"rtl\">")),
                 qPrintable(two));
    }

    void gfmExtensions()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        const QString html = MarkdownRenderer::toHtml(markdown);
        QVERIFY2(html.contains(expected), qPrintable(html));
    }

    void rawHtmlIsShownAsText()
    {
        const QString html = MarkdownRenderer::toHtml(QStringLiteral(
            "Hi <b>bold</b> <script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>"));
        QVERIFY2(html.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
        QVERIFY(html.contains(QStringLiteral("&lt;div onclick=")));
        QVERIFY(!html.contains(QStringLiteral("<b>")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<div")));
    }

    void imagesBecomeLinks()
    {
        const QString html =
            MarkdownRenderer::toHtml(QStringLiteral("![a cat](https://evil.example/pixel.png)"));
        QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
        QVERIFY(
            html.contains(QStringLiteral("<a href=\"https://evil.example/pixel.png\">a cat</a>")));
    }

    void onlySafeLinksKeepTheirTarget()
    {
        QVERIFY(MarkdownRenderer::isOpenableLink(QStringLiteral("https://qt.io")));
        QVERIFY(MarkdownRenderer::isOpenableLink(QStringLiteral("mailto:a@b.c")));
        QVERIFY(!MarkdownRenderer::isOpenableLink(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!MarkdownRenderer::isOpenableLink(QStringLiteral("javascript:alert(1)")));
        const QString html = MarkdownRenderer::toHtml(
            QStringLiteral("[x](file:///etc/passwd) [y](ftp://h/f) [z](http://ok.example)"));
        QVERIFY2(!html.contains(QStringLiteral("file:")), qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("ftp:")));
        QVERIFY(html.contains(QStringLiteral("<a href=\"http://ok.example\">z</a>")));
    }

    void unclosedFenceWhileStreaming()
    {
        const QString partial = QStringLiteral("Here:\n\n```cpp\nint main() {\n  return 0;");
        const QString streaming = MarkdownRenderer::toHtml(partial, true);
        QVERIFY2(streaming.contains(QStringLiteral("<span>cpp</span>")) &&
                     streaming.contains(QStringLiteral("<code>int main() {")),
                 qPrintable(streaming));
        QVERIFY(!streaming.contains(QStringLiteral("```")));
        // A closed fence is left alone.
        const QString closed =
            MarkdownRenderer::toHtml(QStringLiteral("```\na\n```\n\nafter"), true);
        QVERIFY(closed.contains(QStringLiteral("<p>after</p>")));
    }

    void codeBlocksCanBeCopied()
    {
        const QString md =
            QStringLiteral("Two blocks:\n\n```python\nprint(1)\n```\n\ntext\n\n    indented\n");
        QCOMPARE(MarkdownRenderer::codeBlocks(md),
                 (QStringList{QStringLiteral("print(1)\n"), QStringLiteral("indented\n")}));
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY2(html.contains(QStringLiteral("<span>python</span>")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<a href=\"lyss-copy:0\">Copy</a>")));
        QVERIFY(html.contains(QStringLiteral("<a href=\"lyss-copy:1\">Copy</a>")));
        QVERIFY(!MarkdownRenderer::isOpenableLink(MarkdownRenderer::copyLink(0)));
        // A link of that scheme written by the model is defused like any other.
        QVERIFY(!MarkdownRenderer::toHtml(QStringLiteral("[x](lyss-copy:0)"))
                     .contains(QStringLiteral("lyss-copy")));
    }

    void finishedLength_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("finished");
        QTest::newRow("one block") << "One paragraph\nstill going" << 0;
        QTest::newRow("two paragraphs") << "One.\n\nTwo.\n" << 6;
        QTest::newRow("next line unfinished") << "One.\n\nTwo." << 0;
        QTest::newRow("line still arriving") << "One.\n\nTw" << 0;
        QTest::newRow("CR LF") << "One.\r\n\r\nTwo.\r\n" << 8;
        QTest::newRow("lone CR") << "One.\r\rTwo.\r" << 6;
        QTest::newRow("not before a list") << "One.\n\n- a\n- b\n" << 0;
        QTest::newRow("list in the open part") << "One.\n\nTwo.\n\n- a\n" << 6;
        QTest::newRow("before a code block") << "Text\n\n```\ncode\n```\n" << 6;
        QTest::newRow("before a heading") << "Text\n\n# Head\n" << 6;
        // A lone "|" under a table must not read as a paragraph that ends the table.
        QTest::newRow("table row arriving") << "Intro\n\n| a |\n|---|\n|" << 0;
        QTest::newRow("setext heading stays open") << "One.\n\nTwo\n---\n" << 6;
    }

    void finishedLength()
    {
        QFETCH(QString, markdown);
        QFETCH(int, finished);
        QCOMPARE(MarkdownRenderer::finishedLength(markdown), finished);
    }

    void renderingInPartsNumbersCodeBlocksOn()
    {
        const QString html = MarkdownRenderer::toHtml(QStringLiteral("```\nx\n```"), false, 3);
        QVERIFY2(html.contains(QStringLiteral("lyss-copy:3")), qPrintable(html));
    }

    void linkReferenceDefinitions()
    {
        QVERIFY(MarkdownRenderer::hasLinkReferenceDefinition(
            QStringLiteral("See [the docs].\n\n[the docs]: https://example.org")));
        QVERIFY(!MarkdownRenderer::hasLinkReferenceDefinition(
            QStringLiteral("A [link](https://example.org) and [brackets]: not one")));
    }

    // The scans below were regular expressions once (PCRE2 at every start): every string
    // of up to six of the characters that matter is judged as the expression judged it.
    void linkReferenceDefinitionsAsTheExpressionFoundThem()
    {
        const QRegularExpression definition(QStringLiteral("^ {0,3}\\[[^\\]]+\\]:"),
                                            QRegularExpression::MultilineOption);
        const QString alphabet = QStringLiteral(" []:a\n");
        int found = 0;
        int strings = 0;
        for (int length = 0; length <= 6; ++length) {
            int count = 1;
            for (int i = 0; i < length; ++i)
                count *= int(alphabet.size());
            for (int n = 0; n < count; ++n, ++strings) {
                QString text;
                for (int i = 0, rest = n; i < length; ++i, rest /= int(alphabet.size()))
                    text += alphabet.at(rest % alphabet.size());
                const bool expected = definition.match(text).hasMatch();
                found += expected;
                if (MarkdownRenderer::hasLinkReferenceDefinition(text) != expected)
                    QFAIL(qPrintable(QStringLiteral("%1 for \"%2\"")
                                         .arg(expected ? QStringLiteral("missed")
                                                       : QStringLiteral("wrongly found"),
                                              text)));
            }
        }
        QVERIFY(found > 100 && found < strings / 2);
    }

    // A streaming text with a fence left open is closed as the expression found the open
    // fence, over random texts of fences, spaces and lines.
    void openFencesAsTheExpressionFoundThem()
    {
        const QRegularExpression fence(QStringLiteral("^ {0,3}(`{3,}|~{3,})"),
                                       QRegularExpression::MultilineOption);
        auto closed = [&fence](const QString& text) {
            QString open;
            for (auto it = fence.globalMatch(text); it.hasNext();) {
                const QString marker = it.next().captured(1);
                if (open.isEmpty())
                    open = marker;
                else if (marker.at(0) == open.at(0) && marker.size() >= open.size())
                    open.clear();
            }
            return open.isEmpty() ? text : text + QLatin1Char('\n') + open;
        };
        const QString alphabet = QStringLiteral("``~~ \n\na");
        QRandomGenerator random(7);
        int opened = 0;
        for (int n = 0; n < 1500; ++n) {
            QString text;
            const int length = int(random.bounded(24));
            for (int i = 0; i < length; ++i)
                text += alphabet.at(int(random.bounded(alphabet.size())));
            const QString whole = closed(text);
            opened += whole != text;
            QCOMPARE(MarkdownRenderer::withOpenFenceClosed(text), whole);
        }
        QVERIFY(opened > 150);
    }

    // Links, code blocks and task lists rewritten in cmark's HTML by hand: where the
    // expressions matched, and nowhere else.
    void htmlRewrittenWhereTheExpressionsMatched()
    {
        const QString links = MarkdownRenderer::toHtml(
            QStringLiteral("[a](https://x.org) [b](javascript:alert(1)) [c](mailto:me@x.org) "
                           "[d](file:///etc/passwd)"));
        QCOMPARE(links.count(QStringLiteral("<a href=\"\"")), 2);
        QVERIFY(links.contains(QStringLiteral("<a href=\"https://x.org\"")));
        QVERIFY(links.contains(QStringLiteral("<a href=\"mailto:me@x.org\"")));
        QVERIFY(!links.contains(QStringLiteral("passwd")));
        const QString code = MarkdownRenderer::toHtml(
            QStringLiteral("```\nplain\n```\n\n```a\"b\nq\n```\n\n    indented\n"));
        QCOMPARE(code.count(QStringLiteral("class=\"codehead\"")), 3);
        QCOMPARE(code.count(QStringLiteral("lyss-copy:")), 3);
        QVERIFY(code.contains(QStringLiteral("<span>a&quot;b</span>"))); // escaped once
        const QString tasks = MarkdownRenderer::toHtml(
            QStringLiteral("- [ ] open\n- [x] done\n\n* plain\n\n1. [ ] numbered\n\n"
                           "- loose\n\n  - [ ] inner\n"));
        QCOMPARE(tasks.count(QStringLiteral("<ul style=\"list-style-type: none;\">")), 2);
        QCOMPARE(tasks.count(QStringLiteral("<ul>")), 2); // "plain", and "loose" above the inner
    }

    void invalidUtf8IsSafe()
    {
        QVERIFY(!MarkdownRenderer::toHtml(QString::fromUtf8("caf\xc3")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMarkdown)
#include "tst_markdown.moc"
