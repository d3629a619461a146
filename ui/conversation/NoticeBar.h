// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace lyss {

// Over the composer: what a filter tells the person while a reply passes through it (its
// notifications: info, success, warning, error), the newest three, for a few seconds.
// Their words are the filter's: one line each, shown as the characters they are.
class NoticeBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int kShownMs = 8000;
    static constexpr int kMostLines = 3;

    explicit NoticeBar(QWidget* parent = nullptr);

    void notice(const QString& level, const QString& text);
    QStringList lines() const { return m_lines; }

private:
    QLabel* m_text = nullptr;
    QStringList m_lines;
    QTimer m_timer;
};

} // namespace lyss
