// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/QuoteHtml.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

namespace lyss {

namespace {

constexpr QStringView kOpen = u"<blockquote>";
constexpr QStringView kClose = u"</blockquote>";

// Inside quotes: each rule in a block of its own.
QString insideQuotes(const QString& html)
{
    QString out;
    qsizetype from = 0;
    int depth = 0;
    for (qsizetype i = html.indexOf(u'<'); i >= 0; i = html.indexOf(u'<', i + 1)) {
        const QStringView at = QStringView(html).mid(i);
        if (at.startsWith(u"<blockquote")) {
            ++depth;
        } else if (at.startsWith(kClose)) {
            depth = std::max(0, depth - 1);
        } else if (depth > 0 && at.startsWith(u"<hr />")) {
            out += QStringView(html).mid(from, i - from);
            out += QStringLiteral("<div><hr /></div>");
            from = i + 6;
        }
    }
    if (from == 0)
        return html;
    out += QStringView(html).mid(from);
    return out;
}

} // namespace

void QuoteHtml::checkQuotedTasks(cmark_node* root, const QByteArray& source)
{
    // Where each line starts, for the source of a paragraph's first character: worked out
    // at the first task item in a quote (a text is rendered again at every streamed frame).
    QList<qsizetype> lines;
    auto lineStarts = [&] {
        lines << 0;
        for (qsizetype i = 0; i < source.size(); ++i) {
            if (source[i] == '\n' ||
                (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n')))
                lines << i + 1;
        }
    };
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 cmark_iter_free);
    int quotes = 0;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_BLOCK_QUOTE)
            quotes += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (ev != CMARK_EVENT_ENTER || type != CMARK_NODE_ITEM || quotes == 0)
            continue;
        cmark_node* paragraph = cmark_node_first_child(node);
        cmark_node* text = paragraph ? cmark_node_first_child(paragraph) : nullptr;
        if (!text || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH ||
            cmark_node_get_type(text) != CMARK_NODE_TEXT)
            continue;
        const QByteArray literal(cmark_node_get_literal(text));
        if (!literal.startsWith("[ ] ") && !literal.startsWith("[x] ") &&
            !literal.startsWith("[X] "))
            continue;
        if (lines.isEmpty())
            lineStarts();
        const int line = cmark_node_get_start_line(paragraph) - 1;
        const int column = cmark_node_get_start_column(paragraph) - 1;
        if (line < 0 || line >= lines.size() || column < 0 ||
            lines[line] + column >= source.size() || source[lines[line] + column] != '[')
            continue; // escaped, or not where the source says
        // U+2610 or U+2611, in UTF-8, as cmark's text is.
        const QByteArray box =
            literal[1] == ' ' ? QByteArray("\xe2\x98\x90 ") : QByteArray("\xe2\x98\x91 ");
        cmark_node_set_literal(text, (box + literal.mid(4)).constData());
    }
}

bool QuoteHtml::startsRightToLeft(QStringView html)
{
    int depth = 0; // of the quotes inside it
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html[i];
        if (c == u'<' || c == u'&') { // a tag, or an entity (&amp; is no word)
            const QStringView at = html.mid(i);
            if (at.startsWith(u"<blockquote"))
                ++depth;
            else if (at.startsWith(kClose) && --depth < 0)
                return false; // its end
            const qsizetype end = html.indexOf(c == u'<' ? u'>' : u';', i);
            if (end < 0)
                return false;
            i = end;
            continue;
        }
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < html.size() && html[i + 1].isLowSurrogate())
            code = QChar::surrogateToUcs4(c, html[++i]);
        switch (QChar::direction(code)) {
        case QChar::DirL:
            return false;
        case QChar::DirR:
        case QChar::DirAL:
            return true;
        default:
            break;
        }
    }
    return false;
}

QString QuoteHtml::rewrite(QString html)
{
    if (!html.contains(kOpen))
        return html;
    html = insideQuotes(html);
    // Each quote's direction from its text, nested quotes' included, as dir="auto" has it.
    QString out;
    qsizetype from = 0;
    for (qsizetype at = html.indexOf(kOpen); at >= 0; at = html.indexOf(kOpen, at + 1)) {
        const qsizetype text = at + kOpen.size();
        if (!startsRightToLeft(QStringView(html).mid(text)))
            continue;
        out += QStringView(html).mid(from, at - from);
        out += QStringLiteral("<blockquote class=\"rtl\">");
        from = text;
    }
    if (from == 0)
        return html;
    out += QStringView(html).mid(from);
    return out;
}

int QuoteHtml::packQuotes(const QList<int>& ids)
{
    int state = 0;
    for (qsizetype k = 0; k < std::min<qsizetype>(ids.size(), kMarkedLevels); ++k)
        state |= (ids[k] & 0x7f) << (7 * k);
    return state;
}

QString QuoteHtml::markBlocks(const QString& html)
{
    if (!html.contains(u"<blockquote"))
        return html;
    QString out;
    out.reserve(html.size() + html.size() / 8);
    QList<int> open; // the quotes around, outermost first
    int next = 0;
    qsizetype from = 0;
    for (qsizetype i = html.indexOf(u'<'); i >= 0; i = html.indexOf(u'<', i + 1)) {
        const QStringView at = QStringView(html).mid(i);
        if (at.startsWith(u"<blockquote")) {
            next = next % 127 + 1; // 1 to 127: a level's seven bits, never 0
            open.append(next);
            continue;
        }
        if (at.startsWith(kClose)) {
            if (!open.isEmpty())
                open.removeLast();
            continue;
        }
        if (open.isEmpty())
            continue;
        // The blocks QTextDocument makes of an element: paragraphs, items, code, headings,
        // cells, and the block a rule is wrapped in.
        qsizetype name = 1;
        while (i + name < html.size() && html[i + name].isLetterOrNumber())
            ++name;
        const QStringView tag = at.mid(1, name - 1);
        static const QStringList blocks{
            QStringLiteral("p"),  QStringLiteral("li"), QStringLiteral("pre"),
            QStringLiteral("td"), QStringLiteral("th"), QStringLiteral("div"),
            QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
            QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6")};
        if (!blocks.contains(tag) || i + name >= html.size() ||
            (html[i + name] != u'>' && html[i + name] != u' '))
            continue;
        const qsizetype end = html.indexOf(u'>', i);
        if (end < 0)
            break;
        const QString state = QStringLiteral("-qt-user-state:%1").arg(packQuotes(open));
        const qsizetype style = QStringView(html).mid(i, end - i).indexOf(u" style=\"");
        out += QStringView(html).mid(from, (style >= 0 ? i + style + 8 : end) - from);
        out += style >= 0 ? state + QStringLiteral("; ")
                          : QStringLiteral(" style=\"") + state + QLatin1Char('"');
        from = style >= 0 ? i + style + 8 : end;
    }
    out += QStringView(html).mid(from);
    return out;
}

} // namespace lyss
