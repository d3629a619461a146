// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/MarkdownBounds.h"

#include <QCoreApplication>

#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace lyss {

namespace {

constexpr int kElementBytes = 16;

bool hasType(cmark_node* node, const char* name)
{
    return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

// Containers that only frame their content: without the frame, the content still shows.
bool isFrame(cmark_node* node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
        return true;
    default:
        return hasType(node, "strikethrough");
    }
}

template <typename Fn>
void forEachNode(cmark_node* root, Fn fn)
{
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 cmark_iter_free);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE)
        fn(cmark_iter_get_node(iter.get()), ev);
}

// Each line of `source`, as cmark counts them (LF, CR LF or a lone CR end one), from 1.
std::vector<int> lineStarts(const QByteArray& source)
{
    std::vector<int> starts{0, 0}; // line 0 does not exist
    for (int i = 0; i < source.size(); ++i) {
        if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n')
            continue;
        if (source[i] == '\n' || source[i] == '\r')
            starts.push_back(i + 1);
    }
    starts.push_back(int(source.size()));
    return starts;
}

void showLargeTablesAsText(cmark_node* document, const QByteArray& source)
{
    std::vector<std::pair<cmark_node*, int>> large; // a table and its rows
    forEachNode(document, [&](cmark_node* n, cmark_event_type ev) {
        if (ev != CMARK_EVENT_ENTER || !hasType(n, "table"))
            return;
        int rows = 0;
        int cells = 0;
        qsizetype longestCell = 0;
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            ++rows;
            for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
                ++cells;
                qsizetype bytes = 0;
                forEachNode(c, [&bytes](cmark_node* inCell, cmark_event_type e) {
                    if (e == CMARK_EVENT_ENTER)
                        if (const char* l = cmark_node_get_literal(inCell))
                            bytes += qsizetype(std::strlen(l));
                });
                longestCell = std::max(longestCell, bytes);
            }
        }
        // A cell cannot hold a line break: one longer than a run is shown as text too.
        if (cells > MarkdownBounds::kMaxTableCells || longestCell > MarkdownBounds::kMaxRunBytes)
            large.emplace_back(n, rows);
    });
    if (large.empty())
        return;
    const std::vector<int> starts = lineStarts(source);
    const int lines = int(starts.size()) - 2;
    for (const auto& [table, rows] : large) {
        // Its own lines: a header row, the delimiter row and a line a row. (A table right
        // under a paragraph keeps the paragraph's start line in cmark-gfm.)
        const int last = cmark_node_get_end_line(table);
        const int first = last - rows;
        if (first < 1 || last < first || last > lines)
            continue;
        QByteArray text = source.mid(starts[first], starts[last + 1] - starts[first]);
        text.replace('\0', "\xEF\xBF\xBD"); // as cmark reads a NUL
        cmark_node* note = cmark_node_new(CMARK_NODE_PARAGRAPH);
        cmark_node* emph = cmark_node_new(CMARK_NODE_EMPH);
        cmark_node* words = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(words, MarkdownBounds::tableNote(rows - 1).toUtf8().constData());
        cmark_node_append_child(emph, words);
        cmark_node_append_child(note, emph);
        cmark_node* code = cmark_node_new(CMARK_NODE_CODE_BLOCK);
        cmark_node_set_literal(code, text.constData());
        cmark_node_insert_before(table, note);
        cmark_node_replace(table, code);
        cmark_node_free(table);
    }
}

// Moves `frame`'s content into its place and removes it (`removed`); a list gives up its
// items too. Returns the first node moved, or what followed the frame.
cmark_node* unwrap(cmark_node* frame, bool& removed)
{
    removed = false;
    cmark_node* const after = cmark_node_next(frame);
    cmark_node* first = nullptr;
    const bool list = cmark_node_get_type(frame) == CMARK_NODE_LIST;
    for (cmark_node* holder = list ? cmark_node_first_child(frame) : frame; holder;
         holder = list ? cmark_node_next(holder) : nullptr) {
        while (cmark_node* child = cmark_node_first_child(holder)) {
            if (!cmark_node_insert_before(frame, child))
                return after; // cannot go there: the frame stays as it is
            if (!first)
                first = child;
        }
    }
    cmark_node_unlink(frame);
    cmark_node_free(frame);
    removed = true;
    return first ? first : after;
}

void capNesting(cmark_node* document)
{
    // Depth first without recursion: 100,000 nested quotes are a valid document.
    std::vector<std::pair<cmark_node*, int>> stack{{document, 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        cmark_node* child = cmark_node_first_child(node);
        while (child) {
            const bool frame = isFrame(child);
            const int childDepth = depth + (frame ? 1 : 0);
            if (frame && childDepth > MarkdownBounds::kMaxDepth) {
                bool removed = false;
                cmark_node* const next = unwrap(child, removed);
                if (removed) {
                    child = next; // the moved content is looked at in its new place
                    continue;
                }
            }
            if (cmark_node_first_child(child))
                stack.emplace_back(child, childDepth);
            child = cmark_node_next(child);
        }
    }
}

cmark_node* addedBreak()
{
    return cmark_node_new(CMARK_NODE_LINEBREAK);
}

// Where to end a piece of `text` that starts at `from` and may reach `limit`: after the
// last space in its second half, or else at `limit`, moved back to a character's start.
int cutAt(const QByteArray& text, int from, int limit)
{
    for (int i = limit - 1; i > from + (limit - from) / 2; --i) {
        if (text[i] == ' ' || text[i] == '\t')
            return i + 1;
    }
    while (limit > from + 1 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80)
        --limit;
    return limit;
}

void breakLongRuns(cmark_node* document)
{
    struct Cut {
        cmark_node* node;
        bool before = false;      // a break before the node
        std::vector<int> offsets; // and breaks inside its text
    };
    std::vector<Cut> cuts;
    const int max = MarkdownBounds::kMaxRunBytes;
    int run = 0;
    forEachNode(document, [&](cmark_node* n, cmark_event_type ev) {
        if (ev != CMARK_EVENT_ENTER)
            return;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            run = 0;
            return;
        case CMARK_NODE_LINEBREAK:
            run = 0;
            return;
        case CMARK_NODE_SOFTBREAK:
            ++run;
            return;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            break;
        default:
            if (hasType(n, "table_cell"))
                run = 0;
            else if (isFrame(n))
                run += kElementBytes;
            return;
        }
        const char* literal = cmark_node_get_literal(n);
        const int length = literal ? int(std::strlen(literal)) : 0;
        // Each change of format costs the line breaking about as much as this much text.
        const int cost = length + kElementBytes;
        if (run + cost <= max) {
            run += cost;
            return;
        }
        Cut cut{n};
        if (cost <= max || max - run < max / 4) {
            cut.before = run > 0;
            run = 0;
        }
        if (cost > max - run) {
            const QByteArray text(literal, length);
            int from = 0;
            int limit = std::max(1, max - run - kElementBytes);
            while (length - from > limit) {
                const int at = cutAt(text, from, from + limit);
                cut.offsets.push_back(at);
                from = at;
                limit = max - kElementBytes;
            }
            run = length - from + kElementBytes;
        } else {
            run += cost;
        }
        cuts.push_back(std::move(cut));
    });
    for (const Cut& cut : cuts) {
        if (cut.before) {
            // Before the emphasis or link the text opens, if it opens one: a paragraph is
            // split into parts at breaks that are its own children. Never as the first
            // thing in a paragraph: that would be an empty line.
            cmark_node* at = cut.node;
            while (cmark_node_parent(at) && isFrame(cmark_node_parent(at)) &&
                   cmark_node_first_child(cmark_node_parent(at)) == at)
                at = cmark_node_parent(at);
            if (cmark_node_previous(at)) {
                cmark_node* br = addedBreak();
                if (!cmark_node_insert_before(at, br))
                    cmark_node_free(br);
            }
        }
        if (cut.offsets.empty())
            continue;
        // The pieces after the first go in first; the text is shortened only once all of
        // them are in place, so a refused insert loses nothing.
        const QByteArray text(cmark_node_get_literal(cut.node));
        cmark_node* previous = cut.node;
        size_t placed = 0;
        for (size_t i = 0; i < cut.offsets.size(); ++i, ++placed) {
            const int from = cut.offsets[i];
            const int to = i + 1 < cut.offsets.size() ? cut.offsets[i + 1] : int(text.size());
            cmark_node* br = addedBreak();
            cmark_node* piece = cmark_node_new(cmark_node_get_type(cut.node));
            cmark_node_set_literal(piece, text.mid(from, to - from).constData());
            if (!cmark_node_insert_after(previous, br)) {
                cmark_node_free(br);
                cmark_node_free(piece);
                break;
            }
            if (!cmark_node_insert_after(br, piece)) {
                cmark_node_unlink(br);
                cmark_node_free(br);
                cmark_node_free(piece);
                break;
            }
            previous = piece;
        }
        if (placed == cut.offsets.size()) {
            cmark_node_set_literal(cut.node, text.left(cut.offsets.front()).constData());
        } else { // take back what went in: the text stays whole in one piece
            for (cmark_node* n = cmark_node_next(cut.node); placed > 0; --placed) {
                cmark_node* piece = cmark_node_next(n);
                cmark_node_free(n);
                n = cmark_node_next(piece);
                cmark_node_free(piece);
            }
        }
    }
}

} // namespace

void MarkdownBounds::capDepth(cmark_node* document)
{
    capNesting(document);
}

void MarkdownBounds::apply(cmark_node* document, const QByteArray& source)
{
    showLargeTablesAsText(document, source);
    breakLongRuns(document);
}

QString MarkdownBounds::tableNote(int rows)
{
    return QCoreApplication::translate(
        "lyss::MarkdownRenderer",
        "A table of %n row(s), too large to lay out, shown as text:", nullptr, rows);
}

} // namespace lyss
