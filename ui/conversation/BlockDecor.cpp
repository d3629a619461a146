// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/BlockDecor.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextList>

#include <algorithm>
#include <cmath>

namespace lyss {

namespace {

// Only a code block (its lines and its head) has a background of its own.
bool isCode(const QTextBlock& b)
{
    return b.blockFormat().background().style() != Qt::NoBrush;
}

// Where the block's text starts.
qreal textLeft(const QTextBlock& b)
{
    const QTextLayout* layout = b.layout();
    if (!layout || layout->lineCount() == 0)
        return b.blockFormat().leftMargin();
    return layout->position().x() + layout->lineAt(0).x();
}

// Where a list item's quote starts: its text's start without what the list adds.
qreal quoteLeft(const QTextBlock& b, const QTextDocument& doc)
{
    qreal x = textLeft(b);
    if (const QTextList* list = b.textList())
        x -= list->format().indent() * doc.indentWidth();
    return x;
}

// How many quotes the block is in: its left margin is theirs, and a code line's inset.
int quoteLevels(const QTextBlock& b)
{
    const qreal margin = b.blockFormat().leftMargin() - (isCode(b) ? BlockDecor::kCodeInset : 0);
    return std::max(0, static_cast<int>(std::lround(margin / BlockDecor::kQuoteIndent)));
}

} // namespace

bool BlockDecor::opensWithCode(QStringView markdown)
{
    qsizetype i = 0;
    while (i < markdown.size() &&
           (markdown[i] == QLatin1Char('\n') || markdown[i] == QLatin1Char('\r')))
        ++i; // blank lines before it
    qsizetype spaces = 0;
    while (i + spaces < markdown.size() && markdown[i + spaces] == QLatin1Char(' '))
        ++spaces;
    if (spaces >= 4)
        return true; // an indented block
    const QStringView line = markdown.mid(i + spaces);
    return line.startsWith(QLatin1String("```")) || line.startsWith(QLatin1String("~~~"));
}

void BlockDecor::paint(QPainter* painter, const QTextDocument& doc, const QRectF& clip,
                       const QColor& quoteBar)
{
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    // From the block at the clip's top (and the one before it: a frame reaches into the
    // margin between them).
    const int at = layout->hitTest(QPointF(0, clip.top()), Qt::FuzzyHit);
    QTextBlock b = doc.findBlock(std::max(0, at));
    if (b.previous().isValid())
        b = b.previous();

    // A run of code lines is one frame; a frame that starts above the clip starts there.
    QRectF frame;
    QBrush frameBrush;
    auto closeFrame = [&] {
        if (frame.isNull())
            return;
        QPainterPath path;
        path.addRoundedRect(frame.adjusted(0, -kCodePadY, 0, kCodePadY), space::radius,
                            space::radius);
        painter->fillPath(path, frameBrush);
        frame = {};
    };
    int barsAbove = 0; // the quote levels of the block before
    qreal bottomAbove = 0;
    for (; b.isValid(); b = b.next()) {
        const QRectF r = layout->blockBoundingRect(b);
        if (r.top() > clip.bottom() + kCodePadY)
            break;
        const qreal left = textLeft(b);
        if (isCode(b)) {
            const QRectF line(left - kCodeInset, r.top(), r.width() + 2 * kCodeInset, r.height());
            // One frame for the lines of one block: touching, at the same place.
            if (!frame.isNull() && std::abs(frame.left() - line.left()) < 0.5 &&
                line.top() - frame.bottom() < 1) {
                frame = frame.united(line);
            } else {
                closeFrame();
                frame = line;
                frameBrush = b.blockFormat().background();
            }
        } else {
            closeFrame();
        }
        const int levels = quoteLevels(b);
        if (levels > 0) {
            const qreal base =
                quoteLeft(b, doc) - (isCode(b) ? kCodeInset : 0) - levels * kQuoteIndent;
            for (int k = 0; k < levels; ++k) {
                // Joined to the bar of the block above when it is in the same quote.
                const qreal top = k < barsAbove ? bottomAbove : r.top();
                painter->fillRect(QRectF(base + k * kQuoteIndent + 1, top, 3, r.bottom() - top),
                                  quoteBar);
            }
        }
        barsAbove = levels;
        bottomAbove = r.bottom();
    }
    closeFrame();
}

} // namespace lyss
