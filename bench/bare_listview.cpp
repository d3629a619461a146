// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up floor: a bare QApplication showing one QListView of 1,000 rows, quitting
// after its first paint, and printing when (as `lyss --exit-after-first-paint` does).
// bench_startup times Lyss against it in the same run.
#include <QApplication>
#include <QEvent>
#include <QListView>
#include <QStringListModel>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace {
class QuitOnPaint : public QObject {
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            std::printf("first paint at %lld ns\n",
                        static_cast<long long>(
                            std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
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
