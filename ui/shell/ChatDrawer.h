// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QSplitter;

namespace lyss {

// The chat list on a narrow window: a drawer that lies over the conversation (dimmed
// beside it), opened with ☰ and closed by choosing a chat, by Esc or by a click beside
// it. Opening it never widens the window. On a wide window the list is the splitter's
// first pane again, at the width it had.
class ChatDrawer : public QWidget {
    Q_OBJECT

public:
    // `list` is the splitter's first pane; the drawer covers the splitter.
    ChatDrawer(QSplitter* splitter, QWidget* list, QWidget* parent);

    // A narrow window: the list leaves the splitter and is shown only in the drawer.
    void setNarrow(bool narrow);
    bool isNarrow() const { return m_narrow; }
    void openDrawer();
    void closeDrawer();
    // Ctrl+K: the list on screen, in the drawer on a narrow window.
    void reveal();
    bool isOpen() const { return m_narrow && isVisible(); }
    // ☰: the drawer opened or closed on a narrow window, the pane shown or hidden on a
    // wide one.
    void toggle();
    // How wide the list is in the drawer on a window of `width`: room is left to click
    // beside it.
    static int listWidthFor(int width);

Q_SIGNALS:
    // Closed by Esc or a click beside it (not by choosing a chat).
    void dismissed();

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void follow();

    QSplitter* m_splitter;
    QWidget* m_list;
    bool m_narrow = false;
    bool m_wideVisible = true; // whether ☰ had hidden the list on the wide window
    int m_paneWidth = 280;     // the list's width in the splitter as last dragged, for the way back
};

} // namespace lyss
