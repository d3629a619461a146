// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/FindBar.h"
#include "common/PlainText.h"

#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

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
        m_rows.clear(); // typing starts a new search
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

void FindBar::find(const QString& text, bool backwards)
{
    const QString needle = text.trimmed();
    QList<int> rows;
    if (!needle.isEmpty()) {
        m_model->loadAll(); // the whole conversation, not only what is loaded so far
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const ShownMessage& m = m_model->at(r);
            // A huge message is searched whole, not only the start the row shows.
            const auto whole = m.contentCut ? m_model->wholeText(r) : Result<QString>(QString());
            const QString& body = m.contentCut && whole ? *whole : m.content;
            if (body.contains(needle, Qt::CaseInsensitive))
                rows << r;
        }
    }
    if (rows != m_rows) { // a new search starts from the latest match
        m_rows = rows;
        m_at = static_cast<int>(rows.size());
    }
    if (m_rows.isEmpty()) {
        m_at = -1;
        m_count->setText(needle.isEmpty() ? QString() : tr("no match"));
        return;
    }
    const int n = static_cast<int>(m_rows.size());
    m_at = ((backwards ? m_at + 1 : m_at - 1) % n + n) % n; // newest first, like reading up
    m_view->scrollTo(m_model->index(m_rows[m_at]), QAbstractItemView::PositionAtCenter);
    m_count->setText(status());
}

QString FindBar::status() const
{
    if (m_at < 0)
        return {};
    return tr("%1 of %2").arg(m_rows.size() - m_at).arg(m_rows.size());
}

} // namespace lyss
