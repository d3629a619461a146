// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/FindBar.h"
#include "common/PlainText.h"

#include "conversation/FoundText.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "markdown/MarkdownText.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>

#include <algorithm>

namespace lyss {

FindBar::FindBar(MessageModel* model, MessageView* view, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(view)
    , m_edit(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("findBar"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 2, 12, 2);
    m_edit->setObjectName(QStringLiteral("findEdit"));
    makePlain(m_count);
    m_count->setObjectName(QStringLiteral("findCount"));
    retranslate();
    row->addWidget(m_edit, 1);
    row->addWidget(m_count);
    hide();
    // Typing starts a new search when it pauses: a chat of 100,000 messages is not
    // searched at every key.
    m_typing.setSingleShot(true);
    m_typing.setInterval(120);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        forget();
        m_typing.start();
    });
    connect(&m_typing, &QTimer::timeout, this, [this] { find(m_edit->text()); });
    // Another chat or branch: what was found was in the rows that are gone.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        forget();
        m_words.clear();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        find(m_edit->text(), QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
}

void FindBar::retranslate()
{
    m_edit->setPlaceholderText(
        tr("Find in this chat (Enter: next, Shift+Enter: previous, Esc: close)"));
    m_edit->setAccessibleName(tr("Find in this chat"));
    if (m_at >= 0)
        m_count->setText(status());
}

void FindBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void FindBar::open()
{
    show();
    m_edit->setFocus();
    m_edit->selectAll();
}

void FindBar::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous()) // closed, not the window minimised
        forget();
}

void FindBar::forget()
{
    m_typing.stop();
    m_view->messageDelegate()->setFound({});
    m_rows.clear();
    m_before.clear();
    m_total = 0;
    m_at = -1;
    if (isVisible())
        m_count->clear();
}

const QString& FindBar::wordsOf(int row)
{
    const ShownMessage& m = m_model->at(row);
    auto& [revision, words] = m_words[m.id];
    if (revision != m_model->revision(row) || words.isNull()) {
        // A huge message is searched whole, not only the start the row shows.
        const auto whole = m.contentCut ? m_model->wholeText(row) : Result<QString>(QString());
        words = MarkdownText::flattened(m.contentCut && whole ? *whole : m.content);
        if (words.isNull())
            words = QLatin1String("");
        revision = m_model->revision(row);
    }
    return words;
}

void FindBar::find(const QString& text, bool backwards)
{
    const QString needle = text.trimmed();
    QList<int> rows, before;
    int total = 0;
    if (!needle.isEmpty()) {
        m_model->loadAll(); // the whole conversation, not only what is loaded so far
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const auto n = static_cast<int>(FoundText::positions(wordsOf(r), needle).size());
            if (n == 0)
                continue;
            rows << r;
            before << total;
            total += n;
        }
    }
    // (Empty lists are not compared: Qt 6.4 hands memcmp a null pointer for one.)
    const bool same = rows.size() == m_rows.size() && before.size() == m_before.size() &&
                      (rows.isEmpty() || (rows == m_rows && before == m_before));
    if (!same) { // a new search starts from the latest
        m_rows = rows;
        m_before = before;
        m_total = total;
        m_at = total;
    }
    if (m_total == 0) {
        forget();
        m_count->setText(needle.isEmpty() ? QString() : tr("no match"));
        return;
    }
    m_at = ((backwards ? m_at + 1 : m_at - 1) % m_total + m_total) % m_total; // reading up
    showHit(needle);
    m_count->setText(status());
}

void FindBar::showHit(const QString& needle)
{
    // The row holding the current occurrence, and which of its own it is.
    const auto it = std::upper_bound(m_before.cbegin(), m_before.cend(), m_at) - 1;
    const int row = m_rows[it - m_before.cbegin()];
    const int occurrence = m_at - *it;
    MessageDelegate* delegate = m_view->messageDelegate();
    delegate->setFound(needle, row, occurrence);
    const QModelIndex index = m_model->index(row);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    // In a message taller than the view, the occurrence's own line comes into view.
    const int viewHeight = m_view->viewport()->height();
    if (m_view->visualRect(index).height() <= viewHeight)
        return;
    m_view->viewport()->repaint(); // lays out what is now on screen
    const int top = delegate->foundTop(index, occurrence);
    if (top < 0)
        return;
    m_view->doItemsLayout(); // the row's height, now that all of it is laid out
    QScrollBar* bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() + m_view->visualRect(index).top() + top - viewHeight / 3);
}

QString FindBar::status() const
{
    if (m_at < 0)
        return {};
    return tr("%1 of %2").arg(m_total - m_at).arg(m_total);
}

} // namespace lyss
