// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

class QHBoxLayout;
class QToolButton;
class QWidget;

namespace lyss::chips {

// The chips over the composer (toggle filters, a server's tools): rounded, and
// unmistakably on when on (the theme's accent), in every theme. For the style sheet of
// the widget that holds them.
QString styleSheet();

// A checkable chip: `text` is shown as it is (a name of a server's or a filter's own, "&"
// no shortcut), `about` its tooltip and description for screen readers.
QToolButton* make(QWidget* parent, const QString& text, const QString& about,
                  const QString& accessibleName, bool on);

// Empties `row` for new chips: the old ones go from the event loop (a click on one may be
// what asks for new ones).
void clear(QHBoxLayout* row, QHash<QString, QToolButton*>& chips);

} // namespace lyss::chips
