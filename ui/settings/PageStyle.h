// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Spacing.h"

#include <QString>

class QLabel;
class QWidget;

// The settings pages' one look: a spacing scale, a section's heading and its note in the
// muted colour, forms whose fields keep a readable width and whose buttons keep their own,
// and lists drawn as lists (no row numbers, no grid, a line of room per row).
namespace lyss::pagestyle {

// On the window's one scale (common/Spacing).
constexpr int kSpace = space::s;    // between the controls of a section
constexpr int kSection = space::xl; // between sections
constexpr int kMargin = space::l;   // around a page
constexpr int kFieldWidth = 520;

// A section's title: the text's size and a half step up, bold.
QLabel* heading(const QString& text, QWidget* parent);
// What a section is for, in the theme's muted colour, wrapping.
QLabel* note(const QString& text, QWidget* parent);
// Everything in `page` given the look: its layouts' spacing and margins, its forms'
// fields and buttons, its lists. Run once a page is built.
void apply(QWidget* page);

} // namespace lyss::pagestyle
