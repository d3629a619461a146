// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ImportDrop.h"

#include "settings/ChatImport.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace lyss {

namespace {
QString droppedFile(const QMimeData* data)
{
    if (!data || !data->hasUrls() || data->urls().size() != 1)
        return {};
    const QUrl url = data->urls().constFirst();
    return url.isLocalFile() && ChatImport::looksImportable(url.toLocalFile()) ? url.toLocalFile()
                                                                               : QString();
}
} // namespace

ImportDrop::ImportDrop(AppContext& app, QWidget* window)
    : QObject(window)
    , m_app(app)
    , m_window(window)
{
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool ImportDrop::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!droppedFile(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        return false;
    }
    if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedFile(drop->mimeData());
        if (path.isEmpty())
            return false;
        drop->acceptProposedAction();
        const Result<QString> report = ChatImport(m_app).run(path);
        const QString text = report ? *report : report.errorMessage();
        Q_EMIT said(text);
        if (report)
            Q_EMIT chatsImported();
        // Shown after the drop has finished (a modal box inside it would hold the source).
        QMetaObject::invokeMethod(
            m_window,
            [window = m_window, text, ok = report.ok()] {
                if (ok)
                    QMessageBox::information(window, tr("Chats imported"), text);
                else
                    QMessageBox::warning(window, tr("Nothing was imported"), text);
            },
            Qt::QueuedConnection);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lyss
