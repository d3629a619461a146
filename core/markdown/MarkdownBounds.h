// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

struct cmark_node;

namespace lyss {

// Keeps laying out any reply near-linear in its length. QTextDocument's HTML parser
// takes time quadratic in how deeply elements nest, its line breaking time quadratic in
// the length of a run of text with no line break, and its tables seconds for a
// hundred thousand rows. A parsed document is changed, for display only, so that none
// of the three can grow: containers nested deeper than kMaxDepth give up their frame
// (the text stays), a run longer than kMaxRunBytes is broken at a space (or, with none
// near, between two characters), and a table of more than kMaxTableCells is shown as
// its source text with a note. The stored text never changes.
class MarkdownBounds {
public:
    // Quotes, lists, emphasis, links and strikethrough inside each other. Chat text
    // rarely nests past 4; past 8, each level's indent leaves a column too narrow to read.
    static constexpr int kMaxDepth = 8;
    // A run this long is about 25 lines of a chat column: a forced break there is seldom
    // seen, and breaking each line costs at most this much.
    static constexpr int kMaxRunBytes = 2048;
    // About 40 ms to lay out on a desktop machine; larger tables read better as text.
    static constexpr int kMaxTableCells = 2500;

    // The nesting cap, first of all (before anything that replaces nodes: cmark checks
    // every ancestor on each replacement, which at depth 50,000 is quadratic).
    static void capDepth(cmark_node* document);
    // The other two, to `document` parsed from `source` (UTF-8), after capDepth() and
    // after raw HTML has become text.
    static void apply(cmark_node* document, const QByteArray& source);
    // The note shown above a table shown as text.
    static QString tableNote(int rows);
};

} // namespace lyss
