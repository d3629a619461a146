// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up floor: a bare QApplication showing one QListView of 1,000 rows, quitting
// after its first paint. bench_startup times Lyss against it in the same run.
#include <QApplication>
#include <QEvent>
#include <QListView>
#include <QStringListModel>
#include <QTimer>

namespace {
class QuitOnPaint : public QObject {
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStringList rows;
    for (int i = 0; i < 1000; ++i)
        rows << QStringLiteral("Message %1 with some text in it, like a short chat line.").arg(i);
    QStringListModel model(rows);
    QListView view;
    view.setModel(&model);
    view.resize(1280, 800);
    QuitOnPaint quit;
    view.viewport()->installEventFilter(&quit);
    view.show();
    view.scrollToBottom();
    return QApplication::exec();
}
