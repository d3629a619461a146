// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/FormSnapshot.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace lyss {

QStringList FormSnapshot::of(const QWidget* form)
{
    QStringList values;
    for (const QWidget* w : form->findChildren<QWidget*>()) {
        if (const auto* line = qobject_cast<const QLineEdit*>(w)) {
            // A spin box's own line is its value, below.
            if (!qobject_cast<const QAbstractSpinBox*>(line->parentWidget()) &&
                !qobject_cast<const QComboBox*>(line->parentWidget()))
                values << line->text();
        } else if (const auto* plain = qobject_cast<const QPlainTextEdit*>(w)) {
            values << plain->toPlainText();
        } else if (const auto* rich = qobject_cast<const QTextEdit*>(w)) {
            values << rich->toPlainText();
        } else if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(w)) {
            values << spin->text();
        } else if (const auto* combo = qobject_cast<const QComboBox*>(w)) {
            values << QString::number(combo->currentIndex()) + combo->currentText();
        } else if (const auto* button = qobject_cast<const QAbstractButton*>(w);
                   button && button->isCheckable()) {
            values << QString::number(button->isChecked());
        }
    }
    return values;
}

} // namespace lyss
