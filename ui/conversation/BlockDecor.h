// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Spacing.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QStringView>

class QPainter;
class QTextDocument;

namespace lyss {

// What a rendered text's blocks need beyond what QTextDocument draws: a code block's
// frame with room around the code (the document fills only the text's width, without
// padding) and a bar beside each level of a quote. Painted behind the document, for the
// blocks in the clip only, from the blocks' own formats: nothing is cached or kept.
class BlockDecor {
public:
    // The style sheet puts code this far in from its frame, and each quote this far in.
    // On the window's one scale (common/Spacing).
    static constexpr int kCodeInset = space::m;
    static constexpr int kQuoteIndent = space::l;
    // The frame's room above and below the code, within the blocks' margins.
    static constexpr int kCodePadY = space::s;
    // A body that opens with code starts this much lower: its frame's padding and a gap
    // under the header's line.
    static constexpr int kRoomAboveCode = kCodePadY + space::xs;
    // Lists step in this far (QTextDocument's default of 40 is wider than a chat column
    // wants).
    static constexpr int kListIndent = space::xl;

    // `doc` is drawn at the painter's origin; `clip` is in its coordinates. A frame reaches
    // kCodePadY above and below its code: into the blocks' margins, or, for a body that
    // opens with code, into the room its layout leaves (opensWithCode).
    static void paint(QPainter* painter, const QTextDocument& doc, const QRectF& clip,
                      const QColor& quoteBar);
    // The bars beside the quotes in the clip, 3 px wide: one a level, unbroken through all
    // a quote holds (tables, rules, lists, code), on the side its text starts from (the
    // right for Arabic or Hebrew), a quote in a list item as far in as the item's text.
    static QList<QRectF> quoteBars(const QTextDocument& doc, const QRectF& clip);
    // Whether markdown's first block is code (fenced or indented).
    static bool opensWithCode(QStringView markdown);
};

} // namespace lyss
