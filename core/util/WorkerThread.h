// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaObject>
#include <QThread>

namespace lyss {

// Ends a worker that lives on `thread`: if the thread ever began, `worker->close()` runs
// there first (what it holds is closed on the thread that opened it) and the thread stops;
// then the worker is deleted. The owners start their threads with the first work asked.
template <typename Worker>
void closeWorker(QThread& thread, Worker* worker)
{
    if (thread.isRunning()) {
        QMetaObject::invokeMethod(
            worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    delete worker; // its thread has ended, or never began
}

} // namespace lyss
