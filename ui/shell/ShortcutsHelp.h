// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QWidget;

namespace lyss {

// F1 or Ctrl+/: the window's keyboard shortcuts, in a box.
class ShortcutsHelp {
    Q_DECLARE_TR_FUNCTIONS(lyss::ShortcutsHelp)

public:
    static void show(QWidget* parent);
};

} // namespace lyss
