// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace lyss::icons {

// A bundled icon (":/icons/NAME.svg", drawn in currentColor) in `color`, sharp at the
// sizes buttons ask for, at 1× and 2×; disabled, the same faded. Icons follow the theme
// by being made again with its colour.
QIcon themed(const QString& name, const QColor& color);

} // namespace lyss::icons
