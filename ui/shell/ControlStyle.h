// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lyss {

struct Theme;

// The few controls the window styles beyond the palette, in a theme's colours: the
// rounded text fields (the composer, the chat search), Send (the one filled button; plain
// while it stops) and New chat (outlined). Set again at every theme switch.
namespace controlstyle {

void field(QPlainTextEdit* edit, const Theme& theme);
void field(QLineEdit* edit, const Theme& theme);
void send(QPushButton* button, const Theme& theme);
void newChat(QPushButton* button, const Theme& theme);

} // namespace controlstyle
} // namespace lyss
