// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lyss {

// "Deleted <title>. Undo": shown for a few seconds after a chat is deleted, which
// happens for real only when the time runs out (or another deletion comes).
class UndoBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int kUndoMs = 8000;

    explicit UndoBar(QWidget* parent = nullptr);

    // Offers to undo the deletion of `title` (plain text) until the time runs out.
    void offer(const QString& title);
    // Hides the offer without a signal.
    void withdraw();

Q_SIGNALS:
    void undone();
    void timedOut();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_text;
    QPushButton* m_undo;
    QTimer m_timer;
    QString m_title;
};

} // namespace lyss
