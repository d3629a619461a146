// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Card.h"
#include "common/Spacing.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace lyss {

Card::Card(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QVBoxLayout)
{
    m_title->setTextFormat(Qt::PlainText);
    QFont font = m_title->font();
    font.setWeight(QFont::DemiBold);
    m_title->setFont(font);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(space::l, space::m, space::l, space::m);
    v->setSpacing(space::s);
    v->addWidget(m_title);
    v->addLayout(m_body);
}

void Card::setTitle(const QString& title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

QString Card::title() const
{
    return m_title->text();
}

void Card::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath panel;
    panel.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), space::m, space::m);
    p.fillPath(panel, palette().color(QPalette::Base));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawPath(panel);
}

} // namespace lyss
