// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/BlockDecor.h"

#include "markdown/QuoteHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextList>
#include <QTextTable>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace lyss {

namespace {

// Only a code block (its lines and its head) has a background of its own.
bool isCode(const QTextBlock& b)
{
    return b.blockFormat().background().style() != Qt::NoBrush;
}

// Where the block's first line starts and ends, within the document.
std::pair<qreal, qreal> lineEdges(const QTextBlock& b, qreal docWidth)
{
    const QTextLayout* layout = b.layout();
    const QTextBlockFormat f = b.blockFormat();
    if (!layout || layout->lineCount() == 0)
        return {f.leftMargin(), docWidth - f.rightMargin()};
    const QTextLine line = layout->lineAt(0);
    const qreal left = layout->position().x() + line.x();
    return {left, left + line.width()};
}

// The table a block is a cell's of, if any: the document's frame at the block, found
// without a cursor (painting asks it for every block on screen).
const QTextTable* tableOf(const QTextBlock& b)
{
    return qobject_cast<const QTextTable*>(b.document()->frameAt(b.position()));
}

// The block after a table, which QTextDocument keeps empty beside it: no part of a quote.
bool besideTable(const QTextBlock& b)
{
    return b.text().isEmpty() && b.previous().isValid() && tableOf(b.previous()) && !tableOf(b);
}

int levelsIn(qreal margin)
{
    return std::max(0, static_cast<int>(std::lround(margin / BlockDecor::kQuoteIndent)));
}

// How many quotes a table is in, from how far in it is: a quote's step each, and Qt's
// 40 px for each list item it is in (its HTML import's step for a table, whatever the
// document's indent).
int tableLevels(qreal margin)
{
    constexpr int kListStep = 40;
    const int m = qRound(margin);
    for (int lists = m / kListStep; lists >= 0; --lists) {
        if ((m - lists * kListStep) % BlockDecor::kQuoteIndent == 0)
            return (m - lists * kListStep) / BlockDecor::kQuoteIndent;
    }
    return levelsIn(margin);
}

// The first level at which two blocks are in different quotes, as QuoteHtml marked them
// (kMarkedLevels: the same quotes); -1 when either is not marked.
int firstDifference(int above, int here)
{
    if (above < 0 || here < 0)
        return -1;
    for (int k = 0; k < QuoteHtml::kMarkedLevels; ++k) {
        if (((above >> (7 * k)) & 0x7f) != ((here >> (7 * k)) & 0x7f))
            return k;
    }
    return QuoteHtml::kMarkedLevels;
}

// Whether the block is in a quote (on either side), or part of a table that steps in.
bool quoted(const QTextBlock& b)
{
    if (const QTextTable* table = tableOf(b))
        return table->format().leftMargin() > 0 || table->format().rightMargin() > 0;
    const QTextBlockFormat f = b.blockFormat();
    const qreal inset = isCode(b) ? BlockDecor::kCodeInset : 0;
    return besideTable(b) || levelsIn(f.leftMargin() - inset) > 0 ||
           levelsIn(f.rightMargin() - inset) > 0;
}

// The open quotes on one side: where each level's edge is, outermost first.
using Edges = QVarLengthArray<qreal, 8>;

// The block's levels on one side: those it shares with the block above keep their place;
// new ones step out from its text, innermost nearest (a quote in a list item is as far in
// as the item's text, a quote in a quote a step further).
void enter(Edges& edges, int levels, qreal text, qreal step)
{
    if (edges.size() > levels)
        edges.resize(levels);
    for (int k = static_cast<int>(edges.size()); k < levels; ++k)
        edges.append(text - (levels - k) * step);
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

QList<QRectF> BlockDecor::quoteBars(const QTextDocument& doc, const QRectF& clip)
{
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    const int at = layout->hitTest(QPointF(0, clip.top()), Qt::FuzzyHit);
    QTextBlock b = doc.findBlock(std::max(0, at));
    // From where its quote starts, so that a level is where it was put at its first block
    // wherever the painting starts (a long quote is read back only so far).
    for (int n = 0; n < 500 && b.previous().isValid() && quoted(b.previous()); ++n)
        b = b.previous();
    const qreal width = doc.textWidth() > 0 ? doc.textWidth() : doc.size().width();
    QList<QRectF> bars;
    Edges lefts, rights;
    qreal bottomAbove = 0;
    int quotesAbove = -1;
    const QTextTable* table = nullptr;
    for (; b.isValid(); b = b.next()) {
        if (besideTable(b))
            continue;
        QRectF r;
        // Two quotes one after the other have the same margins: the marks tell them apart,
        // and the second one's bar starts anew.
        if (const int differ = firstDifference(quotesAbove, b.userState()); differ >= 0) {
            lefts.resize(std::min<qsizetype>(lefts.size(), differ));
            rights.resize(std::min<qsizetype>(rights.size(), differ));
        }
        quotesAbove = b.userState();
        const int keptLeft = static_cast<int>(lefts.size());
        const int keptRight = static_cast<int>(rights.size());
        if (const QTextTable* inTable = tableOf(b)) {
            // A table as a whole, in as many quotes as its margins say (a table that opens
            // a quote starts its bar).
            if (inTable == table)
                continue;
            table = inTable;
            r = layout->frameBoundingRect(const_cast<QTextTable*>(inTable));
            const QTextFrameFormat f = inTable->format();
            enter(lefts, tableLevels(f.leftMargin()), r.left(), kQuoteIndent);
            enter(rights, levelsIn(f.rightMargin()), r.right(), -kQuoteIndent);
        } else {
            table = nullptr;
            r = layout->blockBoundingRect(b);
            const QTextBlockFormat f = b.blockFormat();
            const qreal inset = isCode(b) ? kCodeInset : 0;
            auto [left, right] = lineEdges(b, width);
            left -= inset;
            right += inset;
            // A list item's marker is beside its text, on the side it reads from (one step:
            // the steps of the lists around it are the quote's own place).
            if (b.textList()) {
                const qreal marker = doc.indentWidth();
                (b.textDirection() == Qt::RightToLeft ? right : left) +=
                    b.textDirection() == Qt::RightToLeft ? marker : -marker;
            }
            enter(lefts, levelsIn(f.leftMargin() - inset), left, kQuoteIndent);
            enter(rights, levelsIn(f.rightMargin() - inset), right, -kQuoteIndent);
        }
        if (r.top() > clip.bottom())
            break;
        if (r.bottom() >= clip.top()) {
            // Joined to the bar of the block above when it is in the same quote.
            for (qsizetype k = 0; k < lefts.size(); ++k) {
                const qreal top = k < keptLeft ? bottomAbove : r.top();
                bars.append(QRectF(lefts[k] + 1, top, 3, r.bottom() - top));
            }
            for (qsizetype k = 0; k < rights.size(); ++k) {
                const qreal top = k < keptRight ? bottomAbove : r.top();
                bars.append(QRectF(rights[k] - 4, top, 3, r.bottom() - top));
            }
        }
        bottomAbove = r.bottom();
    }
    return bars;
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
    for (; b.isValid(); b = b.next()) {
        const QRectF r = layout->blockBoundingRect(b);
        if (r.top() > clip.bottom() + kCodePadY)
            break;
        if (!isCode(b)) {
            closeFrame();
            continue;
        }
        const qreal left = lineEdges(b, r.width()).first;
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
    }
    closeFrame();
    for (const QRectF& bar : quoteBars(doc, clip))
        painter->fillRect(bar, quoteBar);
}

} // namespace lyss
