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
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>

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
    retranslate();
    row->addWidget(m_edit, 1);
    row->addWidget(m_count);
    hide();
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_hits.clear(); // typing starts a new search
        find(t);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
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
    m_view->messageDelegate()->setFound({});
    m_words.clear();
    m_hits.clear();
    m_at = -1;
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
    QList<Hit> hits;
    if (!needle.isEmpty()) {
        m_model->loadAll(); // the whole conversation, not only what is loaded so far
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const auto n = FoundText::positions(wordsOf(r), needle).size();
            for (int k = 0; k < n; ++k)
                hits.append({r, k});
        }
    }
    if (hits != m_hits) { // a new search starts from the latest occurrence
        m_hits = hits;
        m_at = static_cast<int>(hits.size());
    }
    if (m_hits.isEmpty()) {
        m_at = -1;
        m_view->messageDelegate()->setFound({});
        m_count->setText(needle.isEmpty() ? QString() : tr("no match"));
        return;
    }
    const int n = static_cast<int>(m_hits.size());
    m_at = ((backwards ? m_at + 1 : m_at - 1) % n + n) % n; // newest first, like reading up
    showHit(needle);
    m_count->setText(status());
}

void FindBar::showHit(const QString& needle)
{
    const Hit hit = m_hits[m_at];
    MessageDelegate* delegate = m_view->messageDelegate();
    delegate->setFound(needle, hit.row, hit.occurrence);
    const QModelIndex index = m_model->index(hit.row);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    // In a message taller than the view, the occurrence's own line comes into view.
    const int viewHeight = m_view->viewport()->height();
    if (m_view->visualRect(index).height() <= viewHeight)
        return;
    m_view->viewport()->repaint(); // lays out what is now on screen
    const int top = delegate->foundTop(index, hit.occurrence);
    if (top < 0)
        return;
    QScrollBar* bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() + m_view->visualRect(index).top() + top - viewHeight / 3);
}

QString FindBar::status() const
{
    if (m_at < 0)
        return {};
    return tr("%1 of %2").arg(m_hits.size() - m_at).arg(m_hits.size());
}

} // namespace lyss
