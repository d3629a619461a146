// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/FirstPaint.h"

#include <QEvent>
#include <QWidget>

namespace lyss {

void FirstPaint::watch(QWidget* widget, std::function<void()> then)
{
    auto* watcher = new FirstPaint(widget);
    watcher->m_then = std::move(then);
    widget->installEventFilter(watcher);
    for (QWidget* part : widget->findChildren<QWidget*>()) // a page that scrolls: its parts
        part->installEventFilter(watcher);
}

bool FirstPaint::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        deleteLater(); // its filters go with it
        if (m_then)
            m_then();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lyss
