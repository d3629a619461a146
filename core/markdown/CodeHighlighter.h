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
