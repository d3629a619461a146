// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/UndoBar.h"
#include "common/PlainText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace lyss {

UndoBar::UndoBar(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_undo(new QPushButton(this))
{
    setObjectName(QStringLiteral("undoBar"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(14, 4, 12, 0);
    makePlain(m_text); // "Deleted <title>"
    m_undo->setObjectName(QStringLiteral("undoButton"));
    row->addWidget(m_text, 1);
    row->addWidget(m_undo);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kUndoMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        hide();
        Q_EMIT timedOut();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        withdraw();
        Q_EMIT undone();
    });
    retranslate();
    hide();
}

void UndoBar::offer(const QString& title)
{
    m_title = title;
    retranslate();
    show();
    m_timer.start();
}

void UndoBar::withdraw()
{
    m_timer.stop();
    hide();
}

void UndoBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void UndoBar::retranslate()
{
    m_text->setText(tr("Deleted \"%1\".").arg(m_title));
    m_undo->setText(tr("Undo"));
}

} // namespace lyss
