// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ImportDrop.h"

#include "common/PlainText.h"
#include "settings/ChatImport.h"

#include <QApplication>
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
    // The window and what is in it: a file dropped on the composer or the chat search is
    // imported too, not typed into them as its address.
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    for (QWidget* part : window->findChildren<QWidget*>())
        part->installEventFilter(this);
}

void ImportDrop::import(const QString& path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<QString> report = ChatImport(m_app).run(path);
    QApplication::restoreOverrideCursor();
    const QString text = report ? *report : report.errorMessage();
    Q_EMIT said(text);
    if (report)
        Q_EMIT chatsImported();
    // The words quote the file: shown as the characters they are.
    if (report) {
        QMessageBox box(QMessageBox::Information, tr("Chats imported"), text, QMessageBox::Ok,
                        m_window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    } else {
        warnPlain(m_window, tr("Nothing was imported"), text);
    }
}

bool ImportDrop::eventFilter(QObject* watched, QEvent* event)
{
    const bool dragging = event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove ||
                          event->type() == QEvent::Drop;
    if (!dragging)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!droppedFile(drag->mimeData()).isEmpty()) {
            drag->setDropAction(Qt::CopyAction); // never a move: the export file stays
            drag->accept();
            return true;
        }
        return false;
    }
    if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedFile(drop->mimeData());
        if (path.isEmpty())
            return false;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        // After the drop has finished: the file manager is not held while chats are written.
        QMetaObject::invokeMethod(
            this, [this, path] { import(path); }, Qt::QueuedConnection);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lyss
