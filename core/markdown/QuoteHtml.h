// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct cmark_node;

namespace lyss {

// What cmark's HTML of a quote needs before QTextDocument reads it, so that a quote looks
// as on GitHub whatever it holds.
class QuoteHtml {
public:
    // A rule in a quote inside it (QTextDocument puts a rule that follows a
    // paragraph at the page's edge); a quote whose text is right-to-left (Arabic, Hebrew)
    // marked class="rtl", which the style sheet steps in from the right, where its bar goes.
    static QString rewrite(QString html);
    // The task items in quotes, in cmark's tree parsed from `source`: their "[ ] " or
    // "[x] " made a check box (cmark-gfm 0.29 sees no task list in a quote), unless the
    // bracket was escaped ("\\[ ]", which cmark's text no longer shows).
    static void checkQuotedTasks(cmark_node* root, const QByteArray& source);

    // Each block inside a quote marked with the quotes it is in (QTextBlock::userState,
    // packQuotes), so that two quotes one after the other are told apart where their
    // margins are the same. Run last: it adds to the style of the tags it finds.
    static QString markBlocks(const QString& html);
    // The quotes a block is in, outermost first (each 1 to 127; the first kMarkedLevels
    // count), as one user state.
    static constexpr int kMarkedLevels = 4;
    static int packQuotes(const QList<int>& ids);

    // Whether the quote whose HTML `html` starts reads right to left: its first strong
    // character, up to its closing tag (tags and entities skipped, nested quotes read), as
    // a browser decides for dir="auto".
    static bool startsRightToLeft(QStringView html);
};

} // namespace lyss
