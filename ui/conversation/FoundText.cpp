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

QString FoundText::searchable(QString raw)
{
    // Paragraph and line ends, table cells and frames' marks read as spaces, as they do in
    // the words a message is counted in; every character keeps its position.
    for (QChar& c : raw) {
        const char16_t u = c.unicode();
        if (u == 0x2029 || u == 0x2028 || u == 0xfdd0 || u == 0xfdd1 || u == 0xfffc || u == 0xa0 ||
            u == '\t' || u == '\n')
            c = QLatin1Char(' ');
    }
    return raw;
}

QList<int> FoundText::inLayout(const MessageLayout& layout, const QString& needle)
{
    // Asked at every paint of the row: kept while the needle and the parts laid out stay.
    size_t key = qHash(layout.revision) ^ (layout.parts.size() << 20);
    for (const auto& part : layout.parts)
        key = key * 31 + (part ? static_cast<size_t>(part->characterCount()) + 1 : 0);
    if (layout.foundNeedle == needle && layout.foundKey == key)
        return layout.foundAt;
    QList<int> out;
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        const QTextDocument* doc = layout.parts[i].get();
        if (!doc)
            continue;
        // The raw text keeps a position for every character, frames' marks included.
        for (const int at : positions(searchable(doc->toRawText()), needle)) {
            if (!isCodeHeader(doc->findBlock(at)))
                out << layout.partStart[i] + at;
        }
    }
    layout.foundNeedle = needle;
    layout.foundKey = key;
    layout.foundAt = out;
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
