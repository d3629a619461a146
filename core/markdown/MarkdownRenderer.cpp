// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/MarkdownRenderer.h"

#include "markdown/CodeHighlighter.h"
#include "markdown/DocumentHtml.h"

#include "markdown/MarkdownBounds.h"
#include "markdown/MarkdownSplit.h"
#include "markdown/QuoteHtml.h"

#include <QStringList>
#include <QUrl>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace lyss {

namespace {

void registerExtensions()
{
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The fence a line opens or closes (up to three spaces, then three or more ` or ~), or an
// empty view.
QStringView fenceOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == QLatin1Char(' '))
        ++i;
    if (i == line.size() || (line[i] != QLatin1Char('`') && line[i] != QLatin1Char('~')))
        return {};
    qsizetype end = i;
    while (end < line.size() && line[end] == line[i])
        ++end;
    return end - i >= 3 ? line.mid(i, end - i) : QStringView();
}

using Parser = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using Node = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

constexpr int kOptions =
    CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

// A parser with GitHub's extensions, fed `utf8` and finished.
std::pair<Parser, Node> parse(const QByteArray& utf8)
{
    registerExtensions();
    Parser parser(cmark_parser_new(kOptions), cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), utf8.constData(), static_cast<size_t>(utf8.size()));
    // cmark-gfm keeps the extensions' special characters in one global table, set at the
    // start and cleared at the end of every inline parse (github/cmark-gfm PR #176): two
    // threads must not parse inlines at once, or one loses strikethrough and autolinks.
    // The block parse above is free of it; the inline parse of 1.4 MB of table is 60 ms.
    static std::mutex inlines;
    const std::lock_guard lock(inlines);
    Node doc(cmark_parser_finish(parser.get()), cmark_node_free);
    return {std::move(parser), std::move(doc)};
}

// Turns raw HTML into text and images into links, in place.
void defuse(cmark_node* root)
{
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 cmark_iter_free);
    QList<cmark_node*> html;
    QList<cmark_node*> images;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node* n = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
            html << n;
        else if (type == CMARK_NODE_IMAGE)
            images << n;
    }
    for (cmark_node* n : html) {
        const char* literal = cmark_node_get_literal(n);
        if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
            // A block of HTML becomes a paragraph that shows it.
            cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            QByteArray trimmed = QByteArray(literal ? literal : "").trimmed();
            cmark_node_set_literal(text, trimmed.constData());
            cmark_node_append_child(para, text);
            cmark_node_replace(n, para);
        } else {
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(text, literal ? literal : "");
            cmark_node_replace(n, text);
        }
        cmark_node_free(n);
    }
    for (cmark_node* n : images) {
        cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
        cmark_node_set_url(link, cmark_node_get_url(n));
        while (cmark_node* child = cmark_node_first_child(n))
            cmark_node_append_child(link, child);
        if (!cmark_node_first_child(link)) {
            cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(text, cmark_node_get_url(n));
            cmark_node_append_child(link, text);
        }
        cmark_node_replace(n, link);
        cmark_node_free(n);
    }
}

// The HTML cmark makes of `root`, without a line break after the last block (QTextDocument
// would show it as a space).
QString render(cmark_node* root, cmark_parser* parser)
{
    char* html = cmark_render_html(root, kOptions, cmark_parser_get_syntax_extensions(parser));
    const QString out = QString::fromUtf8(html).trimmed();
    std::free(html);
    return out;
}

} // namespace

QStringList MarkdownRenderer::codeBlocks(QStringView markdown)
{
    // The blocks as shown: a table too large to lay out is shown, and copied, as a block.
    const QByteArray utf8 = markdown.toUtf8();
    const auto [parser, doc] = parse(utf8);
    MarkdownBounds::capDepth(doc.get());
    defuse(doc.get());
    QuoteHtml::checkQuotedTasks(doc.get(), utf8);
    MarkdownBounds::apply(doc.get(), utf8);
    QStringList out;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(doc.get()),
                                                                 cmark_iter_free);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter.get());
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
            out << QString::fromUtf8(cmark_node_get_literal(n));
    }
    return out;
}

qsizetype MarkdownRenderer::finishedLength(QStringView markdown)
{
    // Only whole lines count: a line still being written may read as the start of a new
    // block (a lone "|" under a table) and would cut the block above it short.
    const qsizetype lastBreak =
        std::max(markdown.lastIndexOf(QLatin1Char('\n')), markdown.lastIndexOf(QLatin1Char('\r')));
    if (lastBreak < 0)
        return 0;
    markdown = markdown.left(lastBreak + 1);
    const auto [parser, doc] = parse(markdown.toUtf8());
    // The split falls before a paragraph, heading or code block (which our HTML opens with
    // a paragraph): text appended after a finished part then starts with a plain block,
    // never inside a list or a table.
    int line = 0;
    cmark_node* first = cmark_node_first_child(doc.get());
    for (cmark_node* n = cmark_node_last_child(doc.get()); n && n != first;
         n = cmark_node_previous(n)) {
        const cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
            type == CMARK_NODE_CODE_BLOCK) {
            line = cmark_node_get_start_line(n);
            break;
        }
    }
    if (line <= 1)
        return 0;
    // cmark counts lines ending in LF, CR LF or a lone CR, from 1.
    int at = 1;
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        const QChar c = markdown[i];
        if (c == QLatin1Char('\r') && i + 1 < markdown.size() &&
            markdown[i + 1] == QLatin1Char('\n'))
            continue; // counted at the LF
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (++at == line)
                return i + 1;
        }
    }
    return 0;
}

// By hand, not by a regular expression: it runs at every frame of a reply.
QString MarkdownRenderer::withOpenFenceClosed(QStringView markdown)
{
    QString open;
    for (qsizetype start = 0; start <= markdown.size();) {
        qsizetype end = markdown.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = markdown.size();
        const QStringView marker = fenceOf(markdown.mid(start, end - start));
        if (!marker.isEmpty()) {
            if (open.isEmpty())
                open = marker.toString();
            else if (marker.at(0) == open.at(0) && marker.size() >= open.size())
                open.clear();
        }
        start = end + 1;
    }
    return open.isEmpty() ? markdown.toString() : markdown.toString() + QLatin1Char('\n') + open;
}

bool MarkdownRenderer::hasLinkReferenceDefinition(QStringView markdown)
{
    // A line of up to three spaces, "[", a label (line breaks too), "]:". The first "]"
    // after a "[" is kept for the lines before it: the scan stays linear.
    qsizetype close = -1;
    for (qsizetype start = 0; start < markdown.size();) {
        qsizetype i = start;
        while (i < markdown.size() && i - start < 3 && markdown[i] == QLatin1Char(' '))
            ++i;
        if (i + 1 < markdown.size() && markdown[i] == QLatin1Char('[') &&
            markdown[i + 1] != QLatin1Char(']')) {
            if (close <= i)
                close = markdown.indexOf(QLatin1Char(']'), i + 1);
            if (close < 0)
                return false; // no "]" after here: no line below can have one either
            if (close + 1 < markdown.size() && markdown[close + 1] == QLatin1Char(':'))
                return true;
        }
        const qsizetype end = markdown.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            break;
        start = end + 1;
    }
    return false;
}

bool MarkdownRenderer::isOpenableLink(const QString& url)
{
    const QString scheme = QUrl(url.trimmed()).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
           scheme == QLatin1String("mailto");
}

namespace {
// The first word of `text`, as split at white space.
QString firstWord(const QString& text)
{
    qsizetype start = 0;
    while (start < text.size() && DocumentHtml::isSpace(text[start]))
        ++start;
    qsizetype end = start;
    while (end < text.size() && !DocumentHtml::isSpace(text[end]))
        ++end;
    return text.mid(start, end - start);
}

QString renderWhole(QStringView markdown, bool streaming, int firstCodeBlock, bool continuesCode)
{
    const QByteArray utf8 =
        streaming ? MarkdownRenderer::withOpenFenceClosed(markdown).toUtf8() : markdown.toUtf8();
    const auto [parser, doc] = parse(utf8);
    MarkdownBounds::capDepth(doc.get());
    defuse(doc.get());
    QuoteHtml::checkQuotedTasks(doc.get(), utf8);
    MarkdownBounds::apply(doc.get(), utf8);
    return QuoteHtml::markBlocks(DocumentHtml::adapt(
        render(doc.get(), parser.get()), firstCodeBlock, continuesCode,
        streaming ? DocumentHtml::Highlight::AllButLast : DocumentHtml::Highlight::All));
}
} // namespace

QString MarkdownRenderer::toHtml(QStringView markdown, bool streaming, int firstCodeBlock)
{
    return renderWhole(markdown, streaming, firstCodeBlock, false);
}

QList<MarkdownRenderer::Part> MarkdownRenderer::toParts(QStringView markdown, int firstCodeBlock)
{
    const QByteArray utf8 = markdown.toUtf8();
    const auto [parser, doc] = parse(utf8);
    MarkdownBounds::capDepth(doc.get());
    defuse(doc.get());
    QuoteHtml::checkQuotedTasks(doc.get(), utf8);
    MarkdownBounds::apply(doc.get(), utf8);
    QList<Part> out;
    if (const MarkdownSplit::Measure m = MarkdownSplit::measure(doc.get());
        m.weight() <= kPartBytes) {
        Part part{QuoteHtml::markBlocks(
                      DocumentHtml::adapt(render(doc.get(), parser.get()), firstCodeBlock)),
                  0, m.chars, m.lines};
        part.codeBlocks = int(part.html.count(QStringLiteral("href=\"lyss-copy:")));
        out << part;
        return out;
    }
    int codeBlock = firstCodeBlock;
    for (const MarkdownSplit::Group& group : MarkdownSplit::groups(doc.get())) {
        Part part;
        for (cmark_node* n : group.nodes) {
            const MarkdownSplit::Measure m = MarkdownSplit::measure(n);
            part.textChars += m.chars;
            part.lines += m.lines;
        }
        if (group.continuedCode) {
            cmark_node* block = group.nodes.front();
            const QString code = QString::fromUtf8(cmark_node_get_literal(block));
            // The language as cmark takes it for the first part: up to any white space.
            const QString info = firstWord(QString::fromUtf8(cmark_node_get_fence_info(block)));
            const QString marked =
                group.plainCode ? QString() : CodeHighlighter::toHtml(code, info);
            part.html =
                QStringLiteral("<pre style=\"margin-top: 0;%1\"><code>%2</code></pre>")
                    .arg(group.codeContinues ? QStringLiteral(" margin-bottom: 0;") : QString(),
                         marked.isNull() ? code.toHtmlEscaped() : marked);
            for (cmark_node* n : group.nodes)
                cmark_node_free(n);
        } else {
            Node partDoc(cmark_node_new(CMARK_NODE_DOCUMENT), cmark_node_free);
            for (cmark_node* n : group.nodes)
                cmark_node_append_child(partDoc.get(), n);
            part.html = DocumentHtml::adapt(render(partDoc.get(), parser.get()), codeBlock, false,
                                            group.plainCode ? DocumentHtml::Highlight::None
                                                            : DocumentHtml::Highlight::All);
            if (group.codeContinues) { // no gap before the rest of its code block
                const qsizetype at = part.html.lastIndexOf(QStringLiteral("<pre>"));
                if (at >= 0)
                    part.html.insert(at + 4, QStringLiteral(" style=\"margin-bottom: 0;\""));
            }
            joinParagraphs(part.html, group.continuedText, group.textContinues);
            // Last: the fix-ups above look for the tags as cmark wrote them.
            part.html = QuoteHtml::markBlocks(part.html);
        }
        part.codeBlocks = int(part.html.count(QStringLiteral("href=\"lyss-copy:")));
        codeBlock += part.codeBlocks;
        out << part;
    }
    return out;
}

qsizetype MarkdownRenderer::codeCut(QStringView markdown, qsizetype limit, QString* fence)
{
    {
        const auto [parser, doc] = parse(markdown.toUtf8());
        cmark_node* first = cmark_node_first_child(doc.get());
        int length = 0;
        int offset = 0;
        char marker = 0;
        if (!first || cmark_node_next(first) ||
            cmark_node_get_type(first) != CMARK_NODE_CODE_BLOCK ||
            !cmark_node_get_fenced(first, &length, &offset, &marker))
            return 0;
    }
    const qsizetype firstLine = markdown.indexOf(QLatin1Char('\n'));
    const qsizetype cut =
        markdown.left(std::max<qsizetype>(limit, 0)).lastIndexOf(QLatin1Char('\n'));
    if (firstLine < 0 || cut <= firstLine)
        return 0;
    *fence = markdown.left(firstLine).toString();
    if (fence->endsWith(QLatin1Char('\r')))
        fence->chop(1);
    return cut + 1;
}

qsizetype MarkdownRenderer::blockCut(QStringView markdown, qsizetype limit)
{
    const QByteArray utf8 = markdown.toUtf8();
    const auto [parser, doc] = parse(utf8);
    cmark_node* first = cmark_node_first_child(doc.get());
    if (!first || cmark_node_next(first))
        return 0;
    const cmark_node_type type = cmark_node_get_type(first);
    if (type != CMARK_NODE_LIST && type != CMARK_NODE_BLOCK_QUOTE)
        return 0;
    // Qt 6.4's QTextDocument ignores <ol start>: a numbered list's rest would count from 1
    // again, so it is left whole.
    if (type == CMARK_NODE_LIST && cmark_node_get_list_type(first) == CMARK_ORDERED_LIST)
        return 0;
    // Where each line starts, in the text (cmark counts lines from 1, ending in LF, CR LF
    // or CR).
    QList<qsizetype> lineStart{0};
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        const QChar c = markdown[i];
        if (c == QLatin1Char('\r') && i + 1 < markdown.size() &&
            markdown[i + 1] == QLatin1Char('\n'))
            continue;
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            lineStart << i + 1;
    }
    qsizetype cut = 0;
    for (cmark_node* child = cmark_node_next(cmark_node_first_child(first)); child;
         child = cmark_node_next(child)) {
        const int line = cmark_node_get_start_line(child);
        if (line < 1 || line > lineStart.size())
            break;
        const qsizetype at = lineStart[line - 1];
        if (at > limit)
            break;
        // A quote's block goes on as a quote only from a line that starts with '>'.
        if (type == CMARK_NODE_BLOCK_QUOTE &&
            !markdown.mid(at, 4).trimmed().startsWith(QLatin1Char('>')))
            continue;
        cut = at;
    }
    return cut;
}

QString MarkdownRenderer::toHtmlContinuingCode(QStringView markdown, bool streaming,
                                               int firstCodeBlock)
{
    return renderWhole(markdown, streaming, firstCodeBlock, true);
}

void MarkdownRenderer::joinParagraphs(QString& html, bool above, bool below)
{
    const QString p = QStringLiteral("<p>");
    const qsizetype first = above && html.startsWith(p) ? 0 : -1;
    const qsizetype last = below ? html.lastIndexOf(p) : -1;
    if (first == 0 && last == 0) {
        html.insert(2, QStringLiteral(" style=\"margin-top: 0; margin-bottom: 0;\""));
        return;
    }
    if (last >= 0) // the later one first: the earlier place stays where it is
        html.insert(last + 2, QStringLiteral(" style=\"margin-bottom: 0;\""));
    if (first == 0)
        html.insert(2, QStringLiteral(" style=\"margin-top: 0;\""));
}

qsizetype MarkdownRenderer::paragraphCut(QStringView markdown, qsizetype limit)
{
    limit = std::min(limit, markdown.size() - 1);
    if (limit < 2)
        return 0;
    {
        const auto [parser, doc] = parse(markdown.toUtf8());
        cmark_node* first = cmark_node_first_child(doc.get());
        if (!first || cmark_node_next(first) || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH)
            return 0;
    }
    // The rest starts with a letter, so it cannot read as the start of another block.
    for (qsizetype i = limit; i > limit / 2; --i) {
        if (markdown[i].isLetter() && markdown[i - 1].isSpace())
            return i;
    }
    for (qsizetype i = limit; i > limit / 2; --i) {
        if (markdown[i].isLetter() && markdown[i - 1].isLetter())
            return i;
    }
    return 0;
}

} // namespace lyss
