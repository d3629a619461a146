// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace lyss::icons {

// A bundled icon (":/icons/NAME.svg", drawn in currentColor) in `color`, drawn sharp at
// each size and scale it is asked for, when asked; disabled, the same faded. Icons follow
// the theme by being made again with its colour.
QIcon themed(const QString& name, const QColor& color);

} // namespace lyss::icons
