// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/DocumentHtml.h"

#include "markdown/CodeHighlighter.h"
#include "markdown/MarkdownRenderer.h"
#include "markdown/QuoteHtml.h"

#include <QCoreApplication>

#include <utility>

namespace lyss {

namespace {

// `html` with each run `replacement` finds replaced: for each place `open` occurs,
// `replacement(html, at)` returns the end of what it replaces and the text to put there
// (an end of -1 leaves the place as it is).
template <typename Fn>
QString rewriteEach(const QString& html, QLatin1String open, Fn replacement)
{
    QString out;
    qsizetype last = 0;
    for (qsizetype at = html.indexOf(open); at >= 0; at = html.indexOf(open, at)) {
        const auto [end, text] = replacement(QStringView(html), at);
        if (end < 0) {
            at += open.size();
            continue;
        }
        out += QStringView(html).mid(last, at - last);
        out += text;
        last = at = end;
    }
    if (last == 0)
        return html;
    out += QStringView(html).mid(last);
    return out;
}

// Where `what` ends if it is at `at` in `text`, else -1.
qsizetype endIfAt(QStringView text, qsizetype at, QLatin1String what)
{
    return text.mid(at).startsWith(what) ? at + what.size() : -1;
}

// `<pre lang="LANG"><code>` or `<pre><code>` at `at`: where it ends, and LANG.
std::pair<qsizetype, QStringView> codeBlockAt(QStringView html, qsizetype at)
{
    qsizetype p = at + 4; // after "<pre"
    QStringView lang;
    if (const qsizetype attr = endIfAt(html, p, QLatin1String(" lang=\"")); attr >= 0) {
        const qsizetype quote = html.indexOf(QLatin1Char('"'), attr);
        if (quote < 0)
            return {-1, {}};
        lang = html.mid(attr, quote - attr);
        p = quote + 1;
    }
    return {endIfAt(html, p, QLatin1String("><code>")), lang};
}

// What cmark's HTML escaping made of a code block's text, undone.
QString unescaped(QStringView html)
{
    QString out = html.toString();
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    out.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    out.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&")); // last: "&amp;lt;" is "&lt;"
    return out;
}

// Each code block gets a line above it: its language and a Copy link. With
// `firstContinues`, the first one goes on from a block begun in the part before: no line,
// no Copy link (and no number) of its own, no gap above.
QString labelCodeBlocks(const QString& html, int n, bool firstContinues)
{
    bool first = true;
    return rewriteEach(
        html, QLatin1String("<pre"),
        [&n, &first, firstContinues](QStringView text,
                                     qsizetype at) -> std::pair<qsizetype, QString> {
            const auto [end, language] = codeBlockAt(text, at);
            if (end < 0)
                return {-1, {}};
            if (std::exchange(first, false) && firstContinues)
                return {end, QStringLiteral("<pre style=\"margin-top: 0;\"><code>")};
            // The language as cmark wrote it is escaped already: undone, then escaped once.
            const QString lang = language.isEmpty()
                                     ? QCoreApplication::translate("lyss::MarkdownRenderer", "code")
                                     : unescaped(language);
            // The line sits in the block's frame: the style sheet gives it the code's
            // background and a muted colour (class codehead).
            return {end, QStringLiteral(
                             "<p class=\"codehead\" style=\"margin-bottom: 0;\"><span>%1</span> "
                             "&nbsp; <a href=\"%2\">%3</a></p><pre style=\"margin-top: 0;\"><code>")
                             .arg(lang.toHtmlEscaped(), MarkdownRenderer::copyLink(n++),
                                  QCoreApplication::translate("lyss::MarkdownRenderer", "Copy"))};
        });
}

// Each code block in a language source-highlight knows, with its tokens marked. In a
// streaming text the last one stays plain (it may still be open, in a list or a quote
// too): it is rendered again as the text grows, and highlighted once something follows
// it or the reply ends.
QString highlightCodeBlocks(const QString& html, bool streaming)
{
    // Rendered again at every frame while a reply streams: no pass at all without code.
    const qsizetype last = html.lastIndexOf(QStringLiteral("<pre lang=\""));
    if (last < 0 || (streaming && html.indexOf(QStringLiteral("<pre lang=\"")) == last))
        return html;
    return rewriteEach(
        html, QLatin1String("<pre lang=\""),
        [last, streaming](QStringView text, qsizetype at) -> std::pair<qsizetype, QString> {
            // <pre lang="LANG"><code>CODE</code></pre>, CODE without tags (as cmark
            // escapes it)
            const auto [open, lang] = codeBlockAt(text, at);
            if (open < 0)
                return {-1, {}};
            const qsizetype close = text.indexOf(QLatin1Char('<'), open);
            const qsizetype end =
                close < 0 ? -1 : endIfAt(text, close, QLatin1String("</code></pre>"));
            if (end < 0 || (streaming && at == last))
                return {-1, {}};
            const QString marked =
                CodeHighlighter::toHtml(unescaped(text.mid(open, close - open)), unescaped(lang));
            if (marked.isNull())
                return {-1, {}};
            return {end, QStringLiteral("<pre lang=\"%1\"><code>").arg(lang) + marked +
                             QStringLiteral("</code></pre>")};
        });
}

// Whether a task item's mark follows `at`: \\s*<li>(?:\\s*<p>)?[☑☐] as cmark writes it.
bool opensTaskItem(QStringView html, qsizetype at)
{
    auto skipSpace = [&html](qsizetype i) {
        while (i < html.size() && DocumentHtml::isSpace(html[i]))
            ++i;
        return i;
    };
    qsizetype i = endIfAt(html, skipSpace(at), QLatin1String("<li>"));
    if (i < 0)
        return false;
    if (const qsizetype p = endIfAt(html, skipSpace(i), QLatin1String("<p>")); p >= 0)
        i = p;
    return i + 1 < html.size() && (html[i] == QChar(0x2611) || html[i] == QChar(0x2610)) &&
           html[i + 1] == QLatin1Char(' ');
}

} // namespace

bool DocumentHtml::isSpace(QChar c)
{
    return c == QLatin1Char(' ') || (c >= QLatin1Char('\t') && c <= QLatin1Char('\r'));
}

QString DocumentHtml::adapt(QString html, int firstCodeBlock, bool continuesCode,
                            Highlight highlight)
{
    html.replace(QStringLiteral("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "),
                 QStringLiteral("☑ "));
    html.replace(QStringLiteral("<input type=\"checkbox\" disabled=\"\" /> "),
                 QStringLiteral("☐ "));
    html = QuoteHtml::rewrite(std::move(html));
    // A list of tasks shows its check boxes, not bullets before them as well.
    if (html.contains(QChar(0x2611)) || html.contains(QChar(0x2610))) // ☑ ☐
        html = rewriteEach(
            html, QLatin1String("<ul>"),
            [](QStringView text, qsizetype at) -> std::pair<qsizetype, QString> {
                if (!opensTaskItem(text, at + 4))
                    return {-1, {}};
                return {at + 4, QStringLiteral("<ul style=\"list-style-type: none;\">")};
            });
    // A code block's last line break would show as an empty last line.
    html.replace(QStringLiteral("\n</code></pre>"), QStringLiteral("</code></pre>"));
    if (highlight != Highlight::None)
        html = highlightCodeBlocks(html, highlight == Highlight::AllButLast);
    html.replace(QStringLiteral("<del>"), QStringLiteral("<s>"));
    html.replace(QStringLiteral("</del>"), QStringLiteral("</s>"));
    html.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"));
    const QString out =
        rewriteEach(html, QLatin1String("<a href=\""),
                    [](QStringView text, qsizetype at) -> std::pair<qsizetype, QString> {
                        const qsizetype url = at + 9;
                        const qsizetype quote = text.indexOf(QLatin1Char('"'), url);
                        if (quote < 0 ||
                            MarkdownRenderer::isOpenableLink(text.mid(url, quote - url).toString()))
                            return {-1, {}};
                        return {quote, QStringLiteral("<a href=\"")}; // the link emptied
                    });
    return labelCodeBlocks(out, firstCodeBlock, continuesCode);
}

} // namespace lyss
