// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace lyss {

// Calls `then` once, at the first paint of `widget` or of any part it has now: the window
// was really drawn (start-up timing; work put off until the first frame is on screen).
// The watch ends with that paint.
class FirstPaint : public QObject {
    Q_OBJECT

public:
    static void watch(QWidget* widget, std::function<void()> then);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
    std::function<void()> m_then;
    bool m_painted = false;
};

} // namespace lyss
