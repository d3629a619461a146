// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>
#include <QTimer>

class QMenu;
class QToolButton;

namespace lyss {

class MessageDelegate;
class MessageModel;

// The conversation: a list view over MessageModel painted by MessageDelegate. It
// sticks to the bottom while the user is there; scrolled up, it stays put and offers
// "Jump to latest". Text is selected with the mouse across messages, Ctrl+A selects all,
// Shift+Up/Down a message more or less. Up and Down move a focus frame between messages;
// the Menu key (or a right click) opens a message's menu: copy, regenerate or edit, other
// versions, delete.
class MessageView : public QListView {
    Q_OBJECT

public:
    explicit MessageView(MessageModel* model, QWidget* parent = nullptr);

    MessageDelegate* messageDelegate() const { return m_delegate; }
    bool isStuckToBottom() const { return m_stick; }
    void scrollToLatest();
    // Selects the text of every message (Ctrl+A), and copies what is selected (Ctrl+C).
    void selectAllMessages();
    // Loads the next older messages of a long chat above the first row, keeping what is on
    // screen in place (done by itself when the view is scrolled near the top).
    void showOlder();
    // The whole chat, not only what is loaded: Home (and Ctrl+Home) goes to its first
    // message, End to the latest, Page Up and Page Down a page; pressing the scroll bar
    // loads the rest first, so that it covers the whole chat.
    void scrollToFirst();
    void scrollPage(int pages);
    // The menu for a message: copy, select all, and what its hover buttons do
    // (regenerate or edit, other versions, delete), for the keyboard as for the mouse.
    // The caller owns it.
    QMenu* menuFor(int row);
    void copySelection();
    // Blinks the streaming cursor while any reply streams.
    void setStreaming(bool streaming);

Q_SIGNALS:
    void firstPaint();
    // A hover action was clicked on the message in `row`.
    void actionTriggered(int action, int row);
    // A code block's Copy link was clicked.
    void codeCopied(const QString& code);

protected:
    void paintEvent(QPaintEvent* event) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles = {}) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placeJumpButton();
    void retranslate();

    MessageModel* m_model;
    MessageDelegate* m_delegate;
    QToolButton* m_jump;
    QTimer m_blink;
    bool m_stick = true;
    bool m_painted = false;
    bool m_adjusting = false;
    void updateHover(QPoint pos);
    int m_hovered = -1;
    bool m_selecting = false; // the left button went down over text
    bool m_loadingOlder = false;
    void loadOlderKeepingPlace(int count);
    // The keyboard's current message, without scrolling to it.
    void setCurrentQuietly(int row);
};

} // namespace lyss
