// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/QuitOnPaint.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace lyss {

void QuitOnPaint::watch(QWidget* widget)
{
    auto* watcher = new QuitOnPaint(widget);
    widget->installEventFilter(watcher);
    for (QWidget* part : widget->findChildren<QWidget*>()) // a page that scrolls: its parts
        part->installEventFilter(watcher);
}

bool QuitOnPaint::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint)
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

} // namespace lyss
