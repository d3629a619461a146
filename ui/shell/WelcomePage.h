// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lyss {

// What an empty conversation shows: a welcome, the way to a first model, or, when no
// server answers, what was tried and how to start one, with Retry.
class WelcomePage : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // No server answers; `details` are the servers' own lines (plain text).
    void showNoServer(const QStringList& details);
    // A server answers: a welcome, or how to get a first model when it has none.
    void showWelcome(bool noModels);

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_retry;
    enum class Shown { Welcome, NoModels, NoServer } m_shown = Shown::Welcome;
    QStringList m_details;
};

} // namespace lyss
