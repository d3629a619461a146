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
        return indent + QStringLiteral("• ");
    case QTextListFormat::ListStyleUndefined: // a list of tasks: its check boxes are its marks
        return indent;
    default:
        return indent + list->itemText(block) + QLatin1Char(' ');
    }
}

// A code block's line: its characters in the monospaced font code is set in.
bool isCode(const QTextBlock& block)
{
    const QTextCharFormat format =
        block.begin().atEnd() ? block.charFormat() : block.begin().fragment().charFormat();
    return format.fontFixedPitch() ||
           format.fontFamilies().toStringList().contains(QStringLiteral("monospace"));
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

QString CopiedText::textOf(const QTextDocument& doc, int from, int to)
{
    to = std::min(to, doc.characterCount());
    QStringList lines;
    bool afterTable = false;
    for (QTextBlock b = doc.findBlock(std::max(0, from)); b.isValid() && b.position() < to;
         b = b.next()) {
        if (FoundText::isCodeHeader(b))
            continue;
        // The empty block a table leaves after it is not a line of text.
        if (std::exchange(afterTable, false) && b.text().isEmpty())
            continue;
        if (QTextTable* table = QTextCursor(b).currentTable()) {
            // The table at once: a row a line, its cells a tab apart (the rows and cells
            // the selection reaches).
            for (int r = 0; r < table->rows(); ++r) {
                QStringList cells;
                bool reached = false;
                for (int c = 0; c < table->columns(); ++c) {
                    const QTextTableCell cell = table->cellAt(r, c);
                    const bool in = cell.firstPosition() < to && cell.lastPosition() >= from;
                    reached = reached || in;
                    cells << (in ? cellText(cell) : QString());
                }
                if (reached)
                    lines << cells.join(QLatin1Char('\t'));
            }
            const int after = table->lastPosition();
            while (b.next().isValid() && b.next().position() <= after)
                b = b.next();
            afterTable = true;
            continue;
        }
        const int start = std::max(0, from - b.position());
        const int end = std::min(b.length() - 1, to - b.position());
        QString text = plain(b.text().mid(start, std::max(0, end - start)));
        if (!isCode(b)) { // code keeps its spaces
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
        }
        // A list item's number or bullet, as the document numbers it, when its start is.
        lines << (b.textList() && start == 0 && !text.isEmpty() ? listMark(b) + text : text);
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
    // The text from the part itself: a list keeps its own numbers.
    if (const QString text = textOf(part, in.selectionStart(), in.selectionEnd()); !text.isEmpty())
        m_pieces << text;
}

void CopiedText::finishMessage()
{
    if (m_messageEmpty)
        return;
    removeCodeHeaders(*m_message);
    m_texts << m_pieces.join(QLatin1Char('\n'));
    m_pieces.clear();
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
