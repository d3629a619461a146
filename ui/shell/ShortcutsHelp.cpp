// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ShortcutsHelp.h"

#include <QMessageBox>

namespace lyss {

void ShortcutsHelp::show(QWidget* parent)
{
    QMessageBox::information(parent, tr("Keyboard shortcuts"),
                             tr("Enter: send · Shift+Enter: new line\n"
                                "Esc: stop the reply\n"
                                "Ctrl+N: new chat\n"
                                "Ctrl+K: search chats\n"
                                "Ctrl+Shift+S: show or hide the chat list\n"
                                "Ctrl+Shift+C: copy the last reply\n"
                                "Ctrl+,: settings\n"
                                "Ctrl+F: find in this chat (Enter: next, Shift+Enter: previous)\n"
                                "In the conversation: Home and End for the first and the latest "
                                "message, Page Up and Page Down, Up and Down between messages, "
                                "Shift+F10 or the Menu key for a message's menu\n"
                                "Ctrl+Shift+L: next theme (light, dark, OLED dark, system)\n"
                                "F1 or Ctrl+/: this list"));
}

} // namespace lyss
