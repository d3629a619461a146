// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/CopiedText.h"

#include "conversation/FoundText.h"

#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>

namespace lyss {

namespace {

// A block's characters as text: frame marks and objects go, line breaks stay.
QString plain(QString text)
{
    text.remove(QChar(0xfdd0)).remove(QChar(0xfdd1)).remove(QChar::ObjectReplacementCharacter);
    text.replace(QChar::LineSeparator, QLatin1Char('\n'));
    text.replace(QChar::Nbsp, QLatin1Char(' '));
    return text;
}

QString cellText(const QTextTableCell& cell)
{
    QStringList lines;
    for (auto it = cell.begin(); !it.atEnd(); ++it) {
        if (const QTextBlock b = it.currentBlock(); b.isValid())
            lines << plain(b.text()).simplified();
    }
    lines.removeAll(QString());
    return lines.join(QLatin1Char(' '));
}

QString listMark(const QTextBlock& block)
{
    const QTextList* list = block.textList();
    const int depth = std::max(0, list->format().indent() - 1);
    const QString indent(2 * depth, QLatin1Char(' '));
    switch (list->format().style()) {
    case QTextListFormat::ListDisc:
    case QTextListFormat::ListCircle:
    case QTextListFormat::ListSquare:
    case QTextListFormat::ListStyleUndefined:
        return indent + QStringLiteral("• ");
    default:
        return indent + list->itemText(block) + QLatin1Char(' ');
    }
}

void removeCodeHeaders(QTextDocument& doc)
{
    QTextCursor cursor(&doc);
    for (QTextBlock b = doc.lastBlock(); b.isValid();) {
        const QTextBlock previous = b.previous();
        if (FoundText::isCodeHeader(b)) {
            cursor.setPosition(b.position());
            cursor.setPosition(std::min(b.position() + b.length(), doc.characterCount() - 1),
                               QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        }
        b = previous;
    }
}

} // namespace

QString CopiedText::textOf(const QTextDocument& doc)
{
    QStringList lines;
    bool afterTable = false;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (FoundText::isCodeHeader(b))
            continue;
        // The empty block a table leaves after it is not a line of text.
        if (std::exchange(afterTable, false) && b.text().isEmpty())
            continue;
        if (QTextTable* table = QTextCursor(b).currentTable()) {
            // The whole table at once: a row a line, its cells a tab apart.
            for (int r = 0; r < table->rows(); ++r) {
                QStringList cells;
                for (int c = 0; c < table->columns(); ++c)
                    cells << cellText(table->cellAt(r, c));
                lines << cells.join(QLatin1Char('\t'));
            }
            const int after = table->lastPosition();
            while (b.next().isValid() && b.next().position() <= after)
                b = b.next();
            afterTable = true;
            continue;
        }
        QString text = plain(b.text());
        if (!b.blockFormat().nonBreakableLines()) { // code keeps its spaces
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
        }
        lines << (b.textList() && !text.isEmpty() ? listMark(b) + text : text);
    }
    // Empty blocks around frames (a table at the start or the end) are not lines of text.
    while (!lines.isEmpty() && lines.constFirst().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

void CopiedText::add(const QTextDocument& part, int from, int to, bool newMessage)
{
    if (newMessage)
        finishMessage();
    QTextCursor in(const_cast<QTextDocument*>(&part));
    in.setPosition(std::clamp(from, 0, part.characterCount() - 1));
    in.setPosition(std::clamp(to, 0, part.characterCount() - 1), QTextCursor::KeepAnchor);
    QTextCursor out(m_message.get());
    out.movePosition(QTextCursor::End);
    if (!m_messageEmpty)
        out.insertBlock();
    out.insertFragment(in.selection());
    m_messageEmpty = false;
}

void CopiedText::finishMessage()
{
    if (m_messageEmpty)
        return;
    removeCodeHeaders(*m_message);
    m_texts << textOf(*m_message);
    QTextCursor out(m_all.get());
    out.movePosition(QTextCursor::End);
    if (!m_allEmpty) {
        out.insertBlock(); // a blank line between messages
        out.insertBlock();
    }
    out.insertFragment(QTextDocumentFragment(m_message.get()));
    m_allEmpty = false;
    m_message->clear();
    m_messageEmpty = true;
}

QString CopiedText::text()
{
    finishMessage();
    return m_texts.join(QStringLiteral("\n\n"));
}

QString CopiedText::html()
{
    finishMessage();
    return m_allEmpty ? QString() : m_all->toHtml();
}

QMimeData* CopiedText::mimeData()
{
    auto* data = new QMimeData;
    data->setText(text());
    data->setHtml(html());
    return data;
}

} // namespace lyss
