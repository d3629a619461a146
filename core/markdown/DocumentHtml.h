// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// cmark's HTML as QTextDocument shows it: task list check boxes as characters, tables with
// borders, links it may not open without a target, quotes as QuoteHtml makes them, and
// code blocks with a line of their own (language, Copy) and highlighted. The rewrites scan
// the HTML by hand, not with regular expressions: they run on every rendering (at every
// frame of a streaming reply), and PCRE2 would be paged in at every start for them.
class DocumentHtml {
public:
    // How code is highlighted in a rendering: all of it, all but the last block (a
    // streaming text), or none (a block too long, in parts).
    enum class Highlight { All, AllButLast, None };

    // `html` from cmark, its code blocks numbered for their Copy links from
    // `firstCodeBlock`; with `continuesCode`, the first goes on from a block begun in the
    // part before.
    static QString adapt(QString html, int firstCodeBlock, bool continuesCode = false,
                         Highlight highlight = Highlight::All);
    // White space as \\s is in a regular expression (ASCII's).
    static bool isSpace(QChar c);
};

} // namespace lyss
