// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lyss {

// Chat markdown (CommonMark with GitHub's tables, strikethrough, autolinks and task
// lists, via cmark-gfm) to the HTML subset QTextDocument shows. Model output is not
// trusted: raw HTML in it becomes visible text, images become plain links (nothing is
// ever fetched), and links other than http, https and mailto lose their target.
class MarkdownRenderer {
public:
    // `streaming`: the text is still arriving, so an unclosed code fence is shown as
    // code rather than as the start of one.
    static QString toHtml(const QString& markdown, bool streaming = false);
    // Whether a link may be opened on click.
    static bool isOpenableLink(const QString& url);
    // The text of each code block, in order (what a block's Copy link copies).
    static QStringList codeBlocks(const QString& markdown);
    // The Copy link of code block `n` points here.
    static QString copyLink(int n) { return QStringLiteral("lyss-copy:%1").arg(n); }
};

} // namespace lyss
