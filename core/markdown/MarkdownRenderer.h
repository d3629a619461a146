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
    // `firstCodeBlock`: the number of code blocks before this text in the message, so the
    // Copy links of a message rendered in parts count on from the earlier parts.
    static QString toHtml(QStringView markdown, bool streaming = false, int firstCodeBlock = 0);
    // How much of `markdown` is made of finished top-level blocks: everything before the
    // start of the last block, which more text may still change. A streaming reply keeps
    // the rendering of that part and renders only the rest again.
    static qsizetype finishedLength(QStringView markdown);
    // Whether the text defines a link reference (`[name]: url`), which changes how text
    // before it renders, so it cannot be rendered in parts.
    static bool hasLinkReferenceDefinition(QStringView markdown);
    // Whether a link may be opened on click.
    static bool isOpenableLink(const QString& url);
    // The text of each code block, in order (what a block's Copy link copies).
    static QStringList codeBlocks(QStringView markdown);
    // The Copy link of code block `n` points here.
    static QString copyLink(int n) { return QStringLiteral("lyss-copy:%1").arg(n); }
};

} // namespace lyss
