// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/Composer.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>

namespace lyss {

Composer::Composer(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    retranslate();
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::fitHeight);
    fitHeight();
}

void Composer::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        if (!isBlank() && m_writable)
            Q_EMIT submitted();
        event->accept();
        return;
    }
    // Page Up and Page Down scroll the conversation while the text fits the field and
    // has one line, or the cursor is already at that end of it (where they would not move).
    const bool up = event->key() == Qt::Key_PageUp;
    if ((up || event->key() == Qt::Key_PageDown) && event->modifiers() == Qt::NoModifier &&
        verticalScrollBar()->maximum() == 0 &&
        (m_lines <= 1 || (up ? textCursor().atStart() : textCursor().atEnd()))) {
        Q_EMIT pageRequested(up ? -1 : 1);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier &&
        toPlainText().isEmpty()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void Composer::retranslate()
{
    setAccessibleName(tr("Message"));
    fitPlaceholder();
}

void Composer::fitPlaceholder()
{
    // The whole hint where it fits on the line; in a narrow window, its first words.
    const QString full = m_writable
                             ? tr("Send a message (Enter to send, Shift+Enter for a new line)")
                             : tr("Read only: the database cannot be written (see above)");
    const QString brief = m_writable ? tr("Send a message") : tr("Read only");
    const int room = viewport()->width() - 2 * static_cast<int>(document()->documentMargin());
    setPlaceholderText(fontMetrics().horizontalAdvance(full) <= room ? full : brief);
    setToolTip(placeholderText() == full ? QString() : full);
}

void Composer::setWritable(bool writable)
{
    m_writable = writable;
    setReadOnly(!writable);
    retranslate();
}

void Composer::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    fitPlaceholder();
}

void Composer::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    // A theme's style sheet changes the frame: the lines must still fit.
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange) {
        fitHeight();
        Q_EMIT oneLineHeightChanged(oneLineHeight()); // Send beside it follows
    }
}

int Composer::oneLineHeight() const
{
    return fontMetrics().lineSpacing() + chromeHeight();
}

int Composer::chromeHeight() const
{
    // The contents margins hold the frame (and a style sheet's border and padding); two
    // pixels more keep the scroll bar away from a line that just fits.
    return static_cast<int>(document()->documentMargin() * 2) + contentsMargins().top() +
           contentsMargins().bottom() + 2;
}

void Composer::fitHeight()
{
    // Visual lines, wrapped ones included.
    int lines = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        lines += std::max(1, b.layout() ? b.layout()->lineCount() : 1);
    m_lines = std::clamp(lines, 1, kMaxLines);
    setFixedHeight(m_lines * fontMetrics().lineSpacing() + chromeHeight());
}

} // namespace lyss
