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
    // A long text is shown in parts of about this many bytes of text (less when it is
    // dense with markup), each laid out on its own and only when it comes into view: a
    // few milliseconds each.
    static constexpr qsizetype kPartBytes = 8 * 1024;
    struct Part {
        QString html;
        int codeBlocks = 0;      // the Copy links it holds
        qsizetype textChars = 0; // what it shows, and
        int lines = 0;           // its line and paragraph breaks: for an estimate of its height
    };

    // `streaming`: the text is still arriving, so an unclosed code fence is shown as
    // code rather than as the start of one.
    // `firstCodeBlock`: the number of code blocks before this text in the message, so the
    // Copy links of a message rendered in parts count on from the earlier parts.
    static QString toHtml(QStringView markdown, bool streaming = false, int firstCodeBlock = 0);
    // The HTML of a finished text, in parts that together show what toHtml() shows: top-level
    // blocks, and a paragraph, code block, quote or list larger than kPartBytes split in
    // several. A text of up to kPartBytes is one part.
    static QList<Part> toParts(QStringView markdown, int firstCodeBlock = 0);
    // How much of `markdown` is made of finished top-level blocks: everything before the
    // start of the last block, which more text may still change. A streaming reply keeps
    // the rendering of that part and renders only the rest again.
    static qsizetype finishedLength(QStringView markdown);
    // Where a streaming text that is one long open paragraph may be cut, at or before
    // `limit`, so that the part before is shown as finished: after a space before a letter,
    // or else between two letters; 0 when it is not one paragraph or has no such place.
    // (What is cut is only shown apart: emphasis across the cut shows its stars.)
    static qsizetype paragraphCut(QStringView markdown, qsizetype limit);
    // The same for a streaming text that is one long fenced code block: after the last
    // line that ends at or before `limit` (and after its first), with the fence line (the
    // block's first) in `*fence`; 0 when it is not such a block.
    static qsizetype codeCut(QStringView markdown, qsizetype limit, QString* fence);
    // The same for a streaming text that is one long bullet list or block quote: before the
    // last item (or, in a quote, the last block) that starts at or before `limit` and is
    // not its first, where the rest reads as the same list or quote going on; 0 when it is
    // not such a block (a numbered list is not cut: Qt would count its rest from 1).
    static qsizetype blockCut(QStringView markdown, qsizetype limit);
    // toHtml() for text that goes on with a code block begun in the part before it:
    // `markdown` starts with that block's fence line, and its first code block gets no
    // header, no Copy link of its own and no gap above.
    static QString toHtmlContinuingCode(QStringView markdown, bool streaming, int firstCodeBlock);
    // Takes the gap away above the first paragraph of `html` (`above`: it goes on from the
    // part before) and below its last (`below`: the next part goes on with it).
    static void joinParagraphs(QString& html, bool above, bool below);
    // A streaming text with the ``` or ~~~ fence it leaves open closed on a line of its own
    // (the text as it is when none is open).
    static QString withOpenFenceClosed(QStringView markdown);
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
