// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/FilterChips.h"
#include "common/PlainText.h"

#include "filters/FilterRegistry.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace lyss {

FilterChips::FilterChips(FilterRegistry& registry, QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("filterChips"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(12, 6, 12, 0);
    m_row->setSpacing(6);
    // A filter described, turned on or off, attached elsewhere: the chips follow.
    connect(&m_registry, &FilterRegistry::changed, this, &FilterChips::rebuild);
    hide();
}

void FilterChips::showFor(const QString& model, const std::optional<QStringList>& chosen)
{
    m_model = model;
    m_chosen = chosen;
    rebuild();
}

QStringList FilterChips::offered() const
{
    return m_order;
}

QStringList FilterChips::switchedOn() const
{
    QStringList on;
    for (const QString& id : m_order) {
        if (m_chips.value(id)->isChecked())
            on << id;
    }
    return on;
}

void FilterChips::rebuild()
{
    const QList<FilterRegistry::Entry> toggles =
        m_model.isEmpty() ? QList<FilterRegistry::Entry>() : m_registry.togglesFor(m_model);
    const QStringList on = m_registry.switchedOn(m_model, m_chosen);
    qDeleteAll(m_chips);
    m_chips.clear();
    m_order.clear();
    while (QLayoutItem* item = m_row->takeAt(0))
        delete item;
    for (const FilterRegistry::Entry& e : toggles) {
        auto* chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("filterChip"));
        chip->setCheckable(true);
        chip->setChecked(on.contains(e.id));
        chip->setAutoRaise(false);
        chip->setFocusPolicy(Qt::TabFocus);
        // A filter's name is its own text: "&" is shown, never a shortcut.
        chip->setText(plainMenuText(e.info.name.isEmpty() ? e.id : e.info.name));
        const QString about = e.info.description.isEmpty()
                                  ? tr("Runs on this chat's messages and replies while on.")
                                  : e.info.description;
        chip->setToolTip(plainToolTip(about));
        chip->setAccessibleName(tr("Filter %1").arg(e.info.name.isEmpty() ? e.id : e.info.name));
        chip->setAccessibleDescription(about);
        connect(chip, &QToolButton::toggled, this, [this] {
            m_chosen = switchedOn(); // the chat has chosen now
            Q_EMIT switched(*m_chosen);
        });
        m_row->addWidget(chip);
        m_chips.insert(e.id, chip);
        m_order << e.id;
    }
    m_row->addStretch(1);
    setVisible(!m_order.isEmpty());
}

void FilterChips::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace lyss
