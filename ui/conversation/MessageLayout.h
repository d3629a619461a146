// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversation/DocumentTemplate.h"
#include "markdown/MarkdownRenderer.h"

#include <QFont>
#include <QList>
#include <QString>
#include <QTextDocument>

#include <algorithm>
#include <memory>
#include <vector>

namespace lyss {

// The laid-out body of one message: one document, or a stack of them. A reply that
// streamed keeps a document for each finished stretch of blocks, laid out once, and one
// for the open rest, the only part rendered again as text arrives. A long finished text
// is split in parts too, and a part is laid out only when it comes into view (or, a few
// at a time, after the parts on screen): until then it has an estimated height.
class MessageLayout {
public:
    // QListView keeps a row's height in 16 bits: a taller body is cut at this height, with
    // a note under it that offers the whole text.
    static constexpr int kMaxRowHeight = 32000;
    // A finished stretch of a streaming reply becomes a part of its own once it holds this
    // much text: fewer, larger parts, and the open part stays small.
    static constexpr qsizetype kMinFinishedPart = 1024;
    // At most this much new text is rendered in one paint: when a fast server has sent
    // more since the last one, the view catches up over the next paints instead of freezing.
    static constexpr qsizetype kMaxRenderStep = 8 * 1024;

    int revision = -1;
    int bodyWidth = 0;
    // The text is this much narrower than the body: your own messages sit in a bubble
    // with room on both sides, which a code block or a table does not cross.
    int inset = 0;
    static constexpr int kBubbleInset = 16;
    int textWidth() const { return std::max(20, bodyWidth - inset); }
    bool expanded = false;
    std::vector<std::unique_ptr<QTextDocument>> parts; // null: not laid out yet
    std::vector<int> partTop;                          // from the body's top
    std::vector<int> partStart; // first character position of each part in the whole body
    int bodyHeight = 0;         // as laid out (and estimated)
    int shownHeight = 0;        // what fits in a row, at most kMaxRowHeight in all
    bool cut = false;           // shownHeight < bodyHeight, or textCut: the note says so
    bool textCut = false;       // the text laid out is the start of a longer one
    int noteHeight = 0;         // the note's line
    QTextDocument thinking;
    int height = 0;
    int chrome = 0;    // the row's height without the body
    int minHeight = 0; // at least this high (the avatar)
    int bodyTop = 0;   // from the row's top
    // Rendered on another thread (a long text): a line says so until the parts arrive.
    bool rendering = false;
    // Rendered in parts: how much of the markdown the finished parts hold, a hash of it
    // (to notice a changed text), and how many code blocks they hold (Copy links count on).
    bool inParts = false;
    bool behind = false;        // shows less than the text: more is rendered on the next paint
    quint64 steppedInFrame = 0; // MessageDelegate::m_frame when it last took a step
    qsizetype finishedChars = 0;
    size_t finishedHash = 0;
    int finishedCodeBlocks = 0;
    bool continuesParagraph = false; // the open part goes on with the last finished one
    QString openFence; // the open part is inside this code block's fence (its first line)

    // Find in this chat: where the needle was found in the parts laid out (FoundText),
    // and for which needle and parts.
    mutable QString foundNeedle;
    mutable size_t foundKey = 0;
    mutable QList<int> foundAt;

    // The parts of a finished text, rendered once for every width.
    std::shared_ptr<const QList<MarkdownRenderer::Part>> rendered;
    // `text` with a line break in each line longer than MarkdownBounds::kMaxRunBytes (at
    // a space when there is one near), for plain text QTextDocument lays out in time
    // quadratic in the length of a line.
    static QString withShortLines(const QString& text);
    // What a document of this body is made from (MessageLayouts' current one).
    std::shared_ptr<const DocumentTemplate> style;
    std::unique_ptr<QTextDocument> makeDocument(const QString& html) const;

    // Renders what of a streaming (or just finished) text arrived since the last time:
    // finished blocks become parts that stay as they are, and only the open rest is
    // rendered again. `frame` is the paint's; returns how many characters were rendered.
    qint64 continueParts(const QString& fullMarkdown, bool streaming, quint64 frame);
    // Parts to lay out later; `lineSpacing` and `charWidth` estimate their heights.
    void setPending(const QList<MarkdownRenderer::Part>& pending, int lineSpacing, int charWidth);
    // One more, at the end, for a part below what a row can show (never laid out unless
    // all is: for a selection).
    void addPending(const QString& html, qsizetype chars, int lines, int lineSpacing,
                    int charWidth);
    // The last part, taken out (null when it was not laid out), and a part put at the end.
    std::unique_ptr<QTextDocument> takeLast();
    void appendPart(std::unique_ptr<QTextDocument> doc);
    // The room for the body in a row: parts below it are not shown.
    int room() const { return kMaxRowHeight - chrome - noteHeight; }
    bool hasPending() const;
    // About how much memory the layout holds: the characters of its documents laid out
    // (with their formats and lines, kBytesPerLaidOutChar each), the markdown rendered for
    // it and the parts waiting to be laid out. For the layout cache's budget.
    static constexpr qint64 kBytesPerLaidOutChar = 48;
    qint64 approximateBytes() const;
    // Lays out the pending parts that overlap [top, bottom) (body coordinates), and
    // those their new heights bring into it while `budgetMs` lasts. Whether any was.
    bool layOutVisible(int top, int bottom, qint64 budgetMs);
    // Lays out pending parts nearest to [top, bottom), below it first, until `budgetMs`
    // has passed. Whether any was.
    bool layOutMore(int top, int bottom, qint64 budgetMs);
    void layOutAll();
    // Lays out the pending parts in [from, to).
    void layOutRange(size_t from, size_t to);
    // The part at `y` (body coordinates), or the nearest one.
    int partAt(qreal y) const;
    // Places the parts one under the other and sets the heights.
    void stack();
    // The body's height (estimated, while it has no parts yet) and so the row's.
    void setBodyHeight(int height);

private:
    void layOut(size_t i);
    int estimate(qsizetype chars, int lines, int lineSpacing, int charWidth) const;
    std::vector<QString> m_pendingHtml;
    std::vector<int> m_pendingHeight;
    std::vector<int> m_pendingChars;
};

} // namespace lyss
