// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QWidget;

namespace lyss {

// What can be typed or chosen in a form, as text: two snapshots of the same page differ
// when someone edited something (and it is not to be thrown away).
class FormSnapshot {
public:
    static QStringList of(const QWidget* form);
};

} // namespace lyss
