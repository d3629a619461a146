// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown that would freeze the window for seconds (a line without end, deep nesting,
// huge tables, a long reply) is shown within bounds: nesting capped, long runs broken,
// huge tables as text, a long text in parts. Only the display changes: every character
// is still shown, and the Copy links still copy the right block.
#include "markdown/MarkdownBounds.h"
#include "markdown/MarkdownRenderer.h"

#include <QRegularExpression>
#include <QTest>

using lyss::MarkdownBounds;
using lyss::MarkdownRenderer;

namespace {

// The text an HTML fragment shows, without its tags, entities and the line breaks
// between elements.
QString shown(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    html.remove(QLatin1Char('\n'));
    html.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    html.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    html.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    html.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return html;
}

QString shownParts(const QList<MarkdownRenderer::Part>& parts)
{
    QString out;
    for (const auto& part : parts)
        out += shown(part.html);
    return out;
}

// The longest stretch of HTML text with no <br />, tag-free.
qsizetype longestRun(const QString& html)
{
    qsizetype longest = 0;
    for (const QString& piece : html.split(QStringLiteral("<br />")))
        longest = std::max(longest, shown(piece).toUtf8().size());
    return longest;
}

QString repeated(const QString& piece, int times)
{
    return piece.repeated(times);
}

} // namespace

class TestMarkdownBounds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deepQuotesAreCapped()
    {
        const QString html =
            MarkdownRenderer::toHtml(repeated(QStringLiteral("> "), 5000) + QStringLiteral("deep"));
        QVERIFY2(html.contains(QStringLiteral("deep")), qPrintable(html.left(300)));
        QCOMPARE(html.count(QStringLiteral("<blockquote>")), MarkdownBounds::kMaxDepth);
        // 100 KB of ">" on its own (a valid document 100,000 quotes deep) is fine too.
        QVERIFY(MarkdownRenderer::toHtml(QString(100 * 1024, QLatin1Char('>'))).size() < 2000);
    }

    void deepListsAreCapped()
    {
        QString md;
        for (int i = 0; i < 200; ++i)
            md += QString(i * 2, QLatin1Char(' ')) + QStringLiteral("- level %1\n").arg(i);
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(html.count(QStringLiteral("<ul>")) <= MarkdownBounds::kMaxDepth);
        // Every item's text is still there, in order.
        qsizetype at = 0;
        for (int i = 0; i < 200; ++i) {
            at = html.indexOf(QRegularExpression(QStringLiteral("level %1\\D").arg(i)), at);
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("level %1 is missing").arg(i)));
        }
    }

    void deepEmphasisIsCapped()
    {
        const QString md = QString(20 * 1024, QLatin1Char('*')) + QStringLiteral("word") +
                           QString(20 * 1024, QLatin1Char('*'));
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(html.contains(QStringLiteral("word")));
        QVERIFY2(html.count(QStringLiteral("<em>")) + html.count(QStringLiteral("<strong>")) <=
                     MarkdownBounds::kMaxDepth,
                 qPrintable(QString::number(html.count(QStringLiteral("<strong>")))));
    }

    void aLineWithoutEndIsBrokenAndKeepsEveryCharacter()
    {
        const QString md = repeated(QStringLiteral("abcdefghij"), 100 * 1024); // 1 MB
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(longestRun(html) <= MarkdownBounds::kMaxRunBytes);
        QCOMPARE(shown(html), md);
    }

    void wordsAreBrokenAtSpaces()
    {
        const QString md = repeated(QStringLiteral("lorem ipsum dolor "), 2000);
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(longestRun(html) <= MarkdownBounds::kMaxRunBytes);
        const QStringList pieces = html.split(QStringLiteral("<br />"));
        QVERIFY(pieces.size() > 10);
        for (qsizetype i = 0; i + 1 < pieces.size(); ++i)
            QVERIFY2(pieces[i].endsWith(QLatin1Char(' ')), qPrintable(pieces[i].right(20)));
        QCOMPARE(shown(html), md.trimmed());
    }

    void manyElementsCountAsText()
    {
        // Each emphasis is a change of format that costs the line breaking as much as text.
        const QString html = MarkdownRenderer::toHtml(repeated(QStringLiteral("*a*b"), 20000));
        const qsizetype breaks = html.count(QStringLiteral("<br />"));
        QVERIFY2(breaks > 20000 * 16 / MarkdownBounds::kMaxRunBytes,
                 qPrintable(QString::number(breaks)));
        QCOMPARE(html.count(QStringLiteral("<em>")), 20000);
    }

    void multiByteCharactersAreNeverSplit()
    {
        const QString md = repeated(QStringLiteral("日本語テキスト"), 3000);
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(html.count(QStringLiteral("<br />")) > 0);
        QCOMPARE(shown(html), md);
        QVERIFY(!html.contains(QChar::ReplacementCharacter));
    }

    void aHugeTableIsShownAsTextWithANote()
    {
        QString md = QStringLiteral("Before\n\n| n | v |\n| --- | --- |\n");
        for (int i = 0; i < 2000; ++i)
            md += QStringLiteral("| %1 | ok |\n").arg(i);
        md += QStringLiteral("\nAfter\n\n```\ncode\n```\n");
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY2(!html.contains(QStringLiteral("<table")), qPrintable(html.left(500)));
        QVERIFY(html.contains(MarkdownBounds::tableNote(2000).toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("| 1999 | ok |")));
        QVERIFY(html.contains(QStringLiteral("After")));
        // The table's text is a block with a Copy link, and the code block after it keeps
        // its own: the links copy what they are under.
        const QStringList blocks = MarkdownRenderer::codeBlocks(md);
        QCOMPARE(blocks.size(), 2);
        QVERIFY(blocks[0].startsWith(QStringLiteral("| n | v |\n| --- | --- |\n| 0 | ok |")));
        QCOMPARE(blocks[1], QStringLiteral("code\n"));
        QVERIFY(html.contains(QStringLiteral("lyss-copy:1")));
        // A table of ordinary size stays a table.
        QVERIFY(MarkdownRenderer::toHtml(QStringLiteral("| a |\n| - |\n| 1 |"))
                    .contains(QStringLiteral("<table")));
    }

    void aLongCellShowsItsTableAsText()
    {
        // A cell cannot hold a line break: its table is text, and every character shows.
        const QString cell = QString(3000, QLatin1Char('x'));
        const QString md = QStringLiteral("| h |\n|---|\n| ") + cell + QStringLiteral(" |\n");
        const QString html = MarkdownRenderer::toHtml(md);
        QVERIFY(!html.contains(QStringLiteral("<table")));
        QVERIFY(html.contains(cell));
    }

    void aTableRightUnderAParagraphIsShownOnce()
    {
        QString md = QStringLiteral("Results:\n| n | v |\n| --- | --- |\n");
        for (int i = 0; i < 2000; ++i)
            md += QStringLiteral("| %1 | ok |\n").arg(i);
        const QString html = MarkdownRenderer::toHtml(md);
        QCOMPARE(html.count(QStringLiteral("Results:")), 1);
        QVERIFY(MarkdownRenderer::codeBlocks(md).first().startsWith(
            QStringLiteral("| n | v |\n| --- | --- |\n| 0 | ok |")));
    }

    void heavyQuotesListsAndEmphasisAreSplitToo_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("text");
        const QString words = repeated(QStringLiteral("many words here "), 20000).trimmed();
        QTest::newRow("a quote") << QStringLiteral("> ") + words << words;
        QTest::newRow("a list item") << QStringLiteral("- ") + words << words;
        QTest::newRow("strong") << QStringLiteral("**") + words + QStringLiteral("**") << words;
        QTest::newRow("emphasis in a quote")
            << QStringLiteral("> *") + words + QStringLiteral("*") << words;
    }

    void heavyQuotesListsAndEmphasisAreSplitToo()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, text);
        const auto parts = MarkdownRenderer::toParts(markdown);
        QVERIFY2(parts.size() > 10, qPrintable(QString::number(parts.size())));
        for (const auto& part : parts)
            QVERIFY(part.html.size() < 6 * MarkdownRenderer::kPartBytes);
        // Every word shows, once, in order: against the text itself, not another rendering.
        QCOMPARE(shownParts(parts).simplified(), text);
    }

    void aShortTextIsOnePart()
    {
        const QString md = QStringLiteral("# Title\n\nSome **text**.\n\n```\nx\n```\n");
        const auto parts = MarkdownRenderer::toParts(md);
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts[0].html, MarkdownRenderer::toHtml(md));
        QCOMPARE(parts[0].codeBlocks, 1);
    }

    void aLongTextIsSplitAndShowsTheSame_data()
    {
        QTest::addColumn<QString>("markdown");
        QString paragraphs;
        for (int i = 0; i < 400; ++i)
            paragraphs += QStringLiteral("Paragraph %1 with *some* words in it.\n\n").arg(i);
        QTest::newRow("paragraphs") << paragraphs;
        QTest::newRow("one long paragraph") << repeated(QStringLiteral("many words here "), 5000);
        QTest::newRow("a line without end") << repeated(QStringLiteral("x"), 300 * 1024);
        QString quote;
        for (int i = 0; i < 2000; ++i)
            quote += QStringLiteral("> quoted line %1\n>\n").arg(i);
        QTest::newRow("a long quote") << quote;
    }

    void aLongTextIsSplitAndShowsTheSame()
    {
        QFETCH(QString, markdown);
        const auto parts = MarkdownRenderer::toParts(markdown);
        QVERIFY2(parts.size() > 3, qPrintable(QString::number(parts.size())));
        QString whole = shown(MarkdownRenderer::toHtml(markdown));
        QString inParts = shownParts(parts);
        whole.remove(QLatin1Char('\n'));
        inParts.remove(QLatin1Char('\n'));
        QCOMPARE(inParts, whole);
        // And against the text itself where it has no markup to take away.
        if (!markdown.contains(QLatin1Char('*')) && !markdown.contains(QLatin1Char('>')))
            QCOMPARE(inParts.simplified(),
                     QString(markdown).remove(QLatin1Char('\n')).simplified());
        for (const auto& part : parts) {
            QVERIFY(part.html.size() < 6 * MarkdownRenderer::kPartBytes);
            QVERIFY(part.textChars > 0);
        }
    }

    void thePiecesOfAParagraphJoinWithoutAGap()
    {
        const auto parts =
            MarkdownRenderer::toParts(repeated(QStringLiteral("many words here "), 5000));
        QVERIFY(parts.size() > 2);
        QVERIFY2(parts[0].html.startsWith(QStringLiteral("<p style=\"margin-bottom: 0;\">")),
                 qPrintable(parts[0].html.left(60)));
        QVERIFY2(parts[1].html.startsWith(
                     QStringLiteral("<p style=\"margin-top: 0; margin-bottom: 0;\">")),
                 qPrintable(parts[1].html.left(60)));
        QVERIFY(parts.last().html.startsWith(QStringLiteral("<p style=\"margin-top: 0;\">")));
        QVERIFY(!parts.last().html.contains(QStringLiteral("margin-bottom")));
    }

    void aLongOrderedListNumbersOn()
    {
        QString md;
        for (int i = 1; i <= 3000; ++i)
            md += QStringLiteral("%1. item number %1\n").arg(i);
        const auto parts = MarkdownRenderer::toParts(md);
        QVERIFY(parts.size() > 2);
        QVERIFY2(parts[1].html.startsWith(QStringLiteral("<ol start=\"")),
                 qPrintable(parts[1].html.left(80)));
        const int start = parts[1].html.mid(11).section(QLatin1Char('"'), 0, 0).toInt();
        QVERIFY(parts[1].html.contains(QStringLiteral("item number %1<").arg(start)));
        QVERIFY(parts[0].html.contains(QStringLiteral("item number %1<").arg(start - 1)));
    }

    void aLongCodeBlockKeepsOneHeaderAndItsNumber()
    {
        QString code;
        for (int i = 0; i < 5000; ++i)
            code += QStringLiteral("line %1 of the code\n").arg(i);
        const QString md = QStringLiteral("```python\n") + code +
                           QStringLiteral("```\n\nText\n\n```\nlast\n```\n");
        const auto parts = MarkdownRenderer::toParts(md);
        QVERIFY(parts.size() > 3);
        QString all;
        int links = 0;
        for (const auto& part : parts) {
            all += part.html;
            links += part.codeBlocks;
        }
        QCOMPARE(links, 2); // one for the long block, whatever its parts, one for the last
        QCOMPARE(all.count(QStringLiteral("<span>python</span>")), 1);
        QVERIFY(all.contains(QStringLiteral("lyss-copy:0")));
        QVERIFY(all.contains(QStringLiteral("lyss-copy:1")));
        QVERIFY(!all.contains(QStringLiteral("lyss-copy:2")));
        // The continued parts join the block without a gap, and every line is there (plain:
        // the block is too long to highlight, in every part).
        QVERIFY(parts[1].html.startsWith(QStringLiteral("<pre style=\"margin-top: 0;")));
        QVERIFY(!all.contains(QStringLiteral("<span class=")));
        for (int i = 0; i < 5000; i += 499)
            QVERIFY(all.contains(QStringLiteral("line %1 of the code").arg(i)));
        QCOMPARE(MarkdownRenderer::codeBlocks(md).first(), code);
    }

    void partsNumberCopyLinksOnFromTheFirst()
    {
        QString md;
        for (int i = 0; i < 300; ++i)
            md += QStringLiteral(
                      "Step %1 with some words to make it long enough.\n\n```\nx%1\n```\n\n")
                      .arg(i);
        const auto parts = MarkdownRenderer::toParts(md, 5);
        int n = 5;
        for (const auto& part : parts) {
            for (int k = 0; k < part.codeBlocks; ++k, ++n)
                QVERIFY(part.html.contains(QStringLiteral("lyss-copy:%1\"").arg(n)));
        }
        QCOMPARE(n, 305);
    }

    void codeCut()
    {
        QString fence;
        const QString open = QStringLiteral("```python\nline one\nline two\nline three");
        const qsizetype at = MarkdownRenderer::codeCut(open, 25, &fence);
        QCOMPARE(open.mid(at), QStringLiteral("line two\nline three"));
        QCOMPARE(fence, QStringLiteral("```python"));
        QCOMPARE(MarkdownRenderer::codeCut(QStringLiteral("```\nx\n```\n\nafter"), 8, &fence), 0);
        QCOMPARE(MarkdownRenderer::codeCut(QStringLiteral("    indented\n    more\n"), 14, &fence),
                 0);
        QCOMPARE(MarkdownRenderer::codeCut(QStringLiteral("```\nonly"), 6, &fence), 0);
    }

    void blockCut()
    {
        // A bullet list is cut before its last item that starts by the limit; the rest is
        // the same list going on (and a nested item stays with its parent).
        const QString list = QStringLiteral("- one\n- two\n  - two and a half\n- three\n- fo");
        qsizetype at = MarkdownRenderer::blockCut(list, 31);
        QCOMPARE(list.mid(at), QStringLiteral("- three\n- fo"));
        QCOMPARE(MarkdownRenderer::blockCut(list, 3), 0); // nothing before the first item
        // A quote is cut before a block of its own that starts with '>'.
        const QString quote = QStringLiteral("> first\n> goes on\n>\n> second\nlazy line\n>\n> th");
        at = MarkdownRenderer::blockCut(quote, quote.size());
        QCOMPARE(quote.mid(at), QStringLiteral("> th"));
        // Not cut: a numbered list (Qt 6.4 would count its rest from 1), several blocks,
        // other blocks.
        QCOMPARE(MarkdownRenderer::blockCut(QStringLiteral("1. a\n2. b\n3. c"), 12), 0);
        QCOMPARE(MarkdownRenderer::blockCut(QStringLiteral("para\n\n- a\n- b\n- c"), 14), 0);
        QCOMPARE(MarkdownRenderer::blockCut(QStringLiteral("just a paragraph\nof text"), 20), 0);
    }

    void aContinuedCodeBlockHasNoHeaderOfItsOwn()
    {
        const QString html = MarkdownRenderer::toHtmlContinuingCode(
            QStringLiteral("```python\nmore code\n```\n\nText\n\n```\nnext\n```\n"), false, 3);
        QVERIFY2(html.startsWith(QStringLiteral("<pre style=\"margin-top: 0;\"><code>more code")),
                 qPrintable(html.left(120)));
        QVERIFY(html.contains(QStringLiteral("lyss-copy:3\"")));
        QVERIFY(!html.contains(QStringLiteral("lyss-copy:2")));
        QCOMPARE(html.count(QStringLiteral("lyss-copy:")), 1);
    }

    void paragraphCut_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("rest");
        QTest::newRow("before a word") << "one two three four" << 12 << "three four";
        QTest::newRow("between letters") << "abcdefghijklmnop" << 10 << "klmnop";
        QTest::newRow("not before a list marker") << "aaaa - bbbb" << 8 << "bbbb";
        QTest::newRow("a code block") << "```\ncode code code\n" << 10 << "";
        QTest::newRow("two blocks") << "one\n\ntwo three four" << 12 << "";
        QTest::newRow("a list") << "- one two three four" << 12 << "";
        QTest::newRow("no letter") << "1234567890123456" << 10 << "";
    }

    void paragraphCut()
    {
        QFETCH(QString, markdown);
        QFETCH(int, limit);
        QFETCH(QString, rest);
        const qsizetype at = MarkdownRenderer::paragraphCut(markdown, limit);
        QCOMPARE(rest.isEmpty() ? QString() : markdown.mid(at), rest);
        if (rest.isEmpty())
            QCOMPARE(at, 0);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownBounds)
#include "tst_markdownbounds.moc"
