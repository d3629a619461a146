// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace lyss {

// Quits the application once `widget` or any part of it has painted (start-up timing:
// the window was really drawn).
class QuitOnPaint : public QObject {
    Q_OBJECT

public:
    static void watch(QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace lyss
