// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lyss {

// A code block's text as HTML with its tokens marked by kind, by GNU source-highlight's
// language definitions (the 100 or so it ships: Python, C and C++, JavaScript, Rust, Go,
// shell, SQL, JSON, ...). The kinds are classes a style sheet colours (see kinds()):
// core knows no colours. Runs on any thread, one at a time.
class CodeHighlighter {
public:
    // Highlighting reads about a megabyte a second: a longer block stays plain, so that no
    // block costs more than about 16 ms to show.
    static constexpr qsizetype kMaxBlockBytes = 16 * 1024;
    // Each token of a line costs about the rest of the line: a block with a longer line
    // (minified code, a long literal) stays plain.
    static constexpr qsizetype kMaxLineBytes = 256;
    // The work a block may take, counted as each line's tokens times its length (what the
    // regular expressions cost): past it the block is shown plain. A block of ordinary
    // code of kMaxBlockBytes takes 200,000 to 300,000; one of the longest lines of
    // one-character tokens would take five times that. Counted, not timed: what is
    // highlighted must not depend on how busy the machine is.
    static constexpr qint64 kMaxWork = 400'000;

    // The classes tokens are marked with: keyword, type, string, comment, number,
    // preprocessor, function.
    static QStringList kinds();
    // `code` escaped for HTML, its tokens in <span class="KIND">; a null string when the
    // language is not known (or the block is longer than kMaxBlockBytes, or its definition
    // cannot be read): the caller shows it plain.
    static QString toHtml(QStringView code, QStringView language);
    // The definition file used for a fence's language ("py", "c++", "Rust"), empty when
    // none.
    static QString definitionFor(QStringView language);
};

} // namespace lyss
