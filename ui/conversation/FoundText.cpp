// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/FoundText.h"

#include "conversation/MessageLayout.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace lyss {

bool FoundText::isCodeHeader(const QTextBlock& block)
{
    // The line over a code block: its language and a Copy link (lyss-copy:N).
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().anchorHref().startsWith(QLatin1String("lyss-copy:")))
            return true;
    }
    return false;
}

QList<int> FoundText::positions(const QString& text, const QString& needle)
{
    QList<int> out;
    if (needle.isEmpty())
        return out;
    for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
        out << static_cast<int>(at);
    return out;
}

QList<int> FoundText::inLayout(const MessageLayout& layout, const QString& needle)
{
    QList<int> out;
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        const QTextDocument* doc = layout.parts[i].get();
        if (!doc)
            continue;
        // The raw text keeps a position for every character, frames' marks included.
        for (const int at : positions(doc->toRawText(), needle)) {
            if (!isCodeHeader(doc->findBlock(at)))
                out << layout.partStart[i] + at;
        }
    }
    return out;
}

int FoundText::lineTop(const MessageLayout& layout, int at)
{
    for (size_t i = layout.parts.size(); i-- > 0;) {
        if (layout.partStart[i] > at)
            continue;
        const QTextDocument* doc = layout.parts[i].get();
        if (!doc)
            return -1;
        const QTextBlock block = doc->findBlock(at - layout.partStart[i]);
        if (!block.isValid() || !block.layout())
            return -1;
        const QTextLine line =
            block.layout()->lineForTextPosition(at - layout.partStart[i] - block.position());
        const qreal top =
            doc->documentLayout()->blockBoundingRect(block).top() + (line.isValid() ? line.y() : 0);
        return layout.partTop[i] + static_cast<int>(top);
    }
    return -1;
}

} // namespace lyss
