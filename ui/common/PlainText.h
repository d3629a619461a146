// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace lyss {

// Text from a server, a model, a file or a chat title, shown where Qt would guess rich
// text: a tooltip or a label guesses HTML from the first tag, and "<img src=/dev/zero>"
// would load a file. These show it as the characters it is.

// A tooltip that shows `text` literally (escaped, line breaks kept); "" for none.
QString plainToolTip(const QString& text);
// A menu item's text: "&" shown as "&" instead of marking a shortcut letter.
QString plainMenuText(const QString& text);
// The label never guesses rich text from what it is given.
void setPlainText(QLabel* label, const QString& text);
void makePlain(QLabel* label);
// The theme's muted text colour (the palette's PlaceholderText, which ThemeManager sets to
// mutedText): notes, hints, a label beside chips. Follows a theme switch by itself.
void makeMuted(QWidget* widget);
// A warning box whose text is shown as the characters it is.
void warnPlain(QWidget* parent, const QString& title, const QString& text);

} // namespace lyss
