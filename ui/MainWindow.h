// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;

namespace lyss {

class AppContext;

// The desktop app's window: the chat list on the left, the chat area on the right,
// and a bar for what the user should read about this start (config.json moved in,
// database upgraded).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppContext& app, QWidget* parent = nullptr);

    // Quits the application right after the chat area's first paint (start-up timing).
    void quitAfterFirstPaint();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void loadChats();
    QWidget* buildChatArea();

    AppContext& m_app;
    QListWidget* m_chatList = nullptr;
    QWidget* m_chatArea = nullptr;
    QLabel* m_notices = nullptr;
    bool m_quitAfterFirstPaint = false;
};

} // namespace lyss
