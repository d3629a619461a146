// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// What cmark's HTML of a quote needs before QTextDocument reads it, so that a quote looks
// as on GitHub whatever it holds.
class QuoteHtml {
public:
    // A task list in a quote ("> - [ ] a task") with check boxes (cmark-gfm 0.29 sees
    // none there); a rule in a quote inside it (QTextDocument puts a rule that follows a
    // paragraph at the page's edge); a quote whose text is right-to-left (Arabic, Hebrew)
    // marked class="rtl", which the style sheet steps in from the right, where its bar goes.
    static QString rewrite(QString html);

    // Whether the quote whose HTML `html` starts reads right to left: its first strong
    // character, up to its closing tag (tags and entities skipped, nested quotes read), as
    // a browser decides for dir="auto".
    static bool startsRightToLeft(QStringView html);
};

} // namespace lyss
