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
// An SVG in its own colours (the application's icon), drawn the same way: Qt's own SVG
// icon engine is a plugin, loaded at start-up for this one icon otherwise.
QIcon bundled(const QString& path);

} // namespace lyss::icons
