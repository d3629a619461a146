// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Chips.h"
#include "common/PlainText.h"

#include <QHBoxLayout>
#include <QToolButton>

namespace lyss::chips {

QString styleSheet()
{
    return QStringLiteral(
        "QToolButton#filterChip { border: 1px solid palette(mid); border-radius: 11px;"
        " padding: 2px 10px; background: palette(base); color: palette(text); }"
        "QToolButton#filterChip:hover { border-color: palette(highlight); }"
        "QToolButton#filterChip:checked { background: palette(highlight);"
        " color: palette(highlighted-text); border-color: palette(highlight); }"
        "QToolButton#filterChip:focus { border: 2px solid palette(highlight); }");
}

QToolButton* make(QWidget* parent, const QString& text, const QString& about,
                  const QString& accessibleName, bool on)
{
    auto* chip = new QToolButton(parent);
    chip->setObjectName(QStringLiteral("filterChip"));
    chip->setCheckable(true);
    chip->setChecked(on);
    chip->setMinimumHeight(24);
    chip->setAutoRaise(false);
    chip->setFocusPolicy(Qt::TabFocus);
    chip->setText(plainMenuText(text));
    chip->setToolTip(plainToolTip(about));
    chip->setAccessibleName(accessibleName);
    chip->setAccessibleDescription(about);
    return chip;
}

void clear(QHBoxLayout* row, QHash<QString, QToolButton*>& chips)
{
    for (QToolButton* old : std::as_const(chips)) {
        old->hide();
        old->deleteLater();
    }
    chips.clear();
    while (QLayoutItem* item = row->takeAt(0))
        delete item;
}

} // namespace lyss::chips
