// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Spacing.h"
#include "conversation/MessageColors.h"
#include "conversation/MessageDelegate.h"

#include <QFont>
#include <QFontMetrics>
#include <QList>
#include <QPair>
#include <QPalette>
#include <QPixmap>
#include <QRect>

#include <functional>

class QPainter;

namespace lyss {

class MessageLayout;
struct ShownMessage;

// Where a row's parts go, for a row of a given width (MessageDelegate::geometry).
struct MessageGeometry {
    int padX;
    int padY;
    int avatar;
    int gap;
    int columnLeft;
    int columnWidth;
    int bodyLeft;
    int bodyWidth;
};

// Paints one laid-out message row, top to bottom: avatar, author and time, the hover
// actions, thinking, the body (only the parts and lines on screen, with the selection and
// the streaming cursor), the note under a cut body, the focus ring and the status line.
// Made for one paint; what it needs is handed in, so it decides nothing about layout.
class MessagePainter {
public:
    using Action = MessageDelegate::Action;
    struct Row {
        const ShownMessage& message;
        const MessageLayout& layout;
        MessageGeometry geometry;
        MessageColors colors;
        QPalette palette;
        QFont font;
        QRect rect;                // the row's
        QRect viewport;            // what of the view is on screen
        QPair<int, int> selection; // [from, to) of the body
        QList<QPair<Action, QRect>> actions;
        QString siblingLabel;        // "2/3", for Action::None
        QPair<QRect, QRect> cutNote; // the note and its link, when the body is cut
        bool focused = false;
        bool cursorVisible = true;
        int pulse = 0;         // the typing dots' phase
        QString found;         // find in this chat: every occurrence is marked
        int foundCurrent = -1; // which of this row's occurrences stands out, if one does
        Action hoveredAction = Action::None; // under the pointer: drawn brighter
        // An action's icon in a colour (the delegate keeps them drawn).
        std::function<QPixmap(Action, const QColor&)> icon;
    };
    // An action's icon is this big; a hover button is this much wider and taller.
    static constexpr int kIconSize = space::l;
    static constexpr int kButtonMargin = space::s;
    static constexpr int kButtonPadX = space::m; // Retry and Continue: room before the icon

    MessagePainter(QPainter* painter, const Row& row);
    void paint();

    // Who wrote the message, as its header says.
    static QString authorOf(const ShownMessage& m);
    // What an action is called (its tooltip, and its entry in the message's menu, which is
    // how the keyboard and screen readers reach it), and its icon.
    static QString actionName(Action action);
    static QString iconName(Action action);

private:
    void header();
    void drawAction(Action action, const QRect& rect);
    void thinking();
    void body();
    void streamingCursor(int bodyX);
    void after();

    QPainter* m_p;
    const Row& m_row;
    QFontMetrics m_fm;
    int m_y = 0; // where the next thing goes, from the top of the view
};

} // namespace lyss
