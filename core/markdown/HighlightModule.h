// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

namespace lyss {

// The code highlighter (GNU source-highlight, with Boost.Regex) lives in a module of its
// own, lyss_highlight.so, opened at the first code block rather than at every start: it
// costs about a megabyte resident and its relocations otherwise. Looked for in
// LYSS_MODULE_DIR when set, else in lib/lyss beside the program's directory (bin/../
// lib/lyss, installed or in the build tree). When it cannot be loaded, code is shown
// plain and the reason is logged once. Thread-safe.
class HighlightModule {
public:
    // Whether the module is loaded (loading it the first time); the reason when not.
    static bool available(QString* why = nullptr);
    // `code` highlighted as `language` into `html`; false when it cannot be (no module, no
    // definition, too costly).
    static bool highlight(const std::string& code, const std::string& language, std::string& html);
    // The definition file for `language`, empty when none (or no module).
    static std::string definitionFor(const std::string& language);
    // Where the module is looked for.
    static QString directory();
    static QString fileName();
};

} // namespace lyss
