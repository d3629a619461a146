// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessagePainter.h"

#include "conversation/BlockDecor.h"
#include "conversation/FoundText.h"
#include "conversation/MessageLayout.h"
#include "conversation/MessageLayouts.h"
#include "conversation/MessageModel.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

namespace lyss {

namespace {
// Find in this chat: every occurrence on a soft yellow, the current one on orange; dark
// text on both reads in every theme.
const QColor kFound(0xff, 0xe0, 0x66);
const QColor kCurrentFound(0xff, 0x92, 0x2b);
} // namespace

QString MessagePainter::authorOf(const ShownMessage& m)
{
    switch (m.role) {
    case Role::User:
        return MessageDelegate::tr("You");
    case Role::Assistant:
        return m.model.isEmpty() ? MessageDelegate::tr("Assistant") : m.model;
    case Role::System:
        return MessageDelegate::tr("System");
    case Role::Tool:
        return MessageDelegate::tr("Tool");
    }
    return {};
}

MessagePainter::MessagePainter(QPainter* painter, const Row& row)
    : m_p(painter)
    , m_row(row)
    , m_fm(row.font)
{
}

void MessagePainter::paint()
{
    m_p->save();
    m_p->setRenderHint(QPainter::Antialiasing);
    m_y = m_row.rect.top() + m_row.geometry.padY;
    header();
    thinking();
    body();
    after();
    m_p->restore();
}

void MessagePainter::header()
{
    QPainter* p = m_p;
    const ShownMessage& m = m_row.message;
    const MessageGeometry& g = m_row.geometry;
    const MessageColors& c = m_row.colors;
    const int y = m_y;

    // Avatar.
    const QRect avatar(g.columnLeft, y, g.avatar, g.avatar);
    p->setPen(Qt::NoPen);
    p->setBrush(m.role == Role::User ? c.yourAvatar : c.avatar);
    p->drawEllipse(avatar);
    p->setPen(m.role == Role::User ? c.yourAvatarText : c.avatarText);
    const QString author = authorOf(m);
    p->drawText(avatar, Qt::AlignCenter, author.left(1).toUpper());

    // Author and time.
    QFont bold = m_row.font;
    bold.setWeight(QFont::DemiBold);
    p->setFont(bold);
    p->setPen(c.text);
    p->drawText(QRect(g.bodyLeft, y, g.bodyWidth, m_fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                author);
    const int authorWidth = QFontMetrics(bold).horizontalAdvance(author);
    p->setFont(m_row.font);
    p->setPen(c.muted);
    // When, and for a finished reply what it cost, as far as the actions leave room (the
    // whole in the tooltip).
    QString when = ReplyCost::when(m.createdAt);
    if (m.status != MessageStatus::Streaming && m.status != MessageStatus::Error &&
        m.cost.tokens > 0)
        when += QStringLiteral("  ·  ") + m.cost.compact();
    const int left = g.bodyLeft + authorWidth + 8;
    int right = g.bodyLeft + g.bodyWidth;
    for (const auto& [action, rect] : m_row.actions) {
        if (!MessageDelegate::underBody(action)) // under the body, not in the header
            right = std::min(right, rect.left() - 8);
    }
    p->drawText(QRect(left, y, std::max(0, right - left), m_fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                m_fm.elidedText(when, Qt::ElideRight, std::max(0, right - left)));
    for (const auto& [action, rect] : m_row.actions)
        drawAction(action, rect);
    m_y += m_fm.height() + 4;
}

QString MessagePainter::actionName(Action action)
{
    switch (action) {
    case Action::Copy:
        return MessageDelegate::tr("Copy");
    case Action::Retry:
        return MessageDelegate::tr("Retry");
    case Action::Continue:
        return MessageDelegate::tr("Continue");
    case Action::Regenerate:
        return MessageDelegate::tr("Regenerate");
    case Action::Edit:
        return MessageDelegate::tr("Edit");
    case Action::Delete:
        return MessageDelegate::tr("Delete");
    case Action::PreviousSibling:
        return MessageDelegate::tr("Previous version");
    case Action::NextSibling:
        return MessageDelegate::tr("Next version");
    case Action::None:
    case Action::Link:
    case Action::ShowAll:
        break;
    }
    return {};
}

QString MessagePainter::iconName(Action action)
{
    switch (action) {
    case Action::Copy:
        return QStringLiteral("copy");
    case Action::Retry:
    case Action::Regenerate:
        return QStringLiteral("regenerate");
    case Action::Continue:
        return QStringLiteral("continue");
    case Action::Edit:
        return QStringLiteral("edit");
    case Action::Delete:
        return QStringLiteral("delete");
    case Action::PreviousSibling:
        return QStringLiteral("previous");
    case Action::NextSibling:
        return QStringLiteral("next");
    case Action::None:
    case Action::Link:
    case Action::ShowAll:
        break;
    }
    return {};
}

void MessagePainter::drawAction(Action action, const QRect& rect)
{
    QPainter* p = m_p;
    const MessageColors& c = m_row.colors;
    if (action == Action::None) { // which version of the message this is: "2/3"
        p->setPen(c.muted);
        p->drawText(rect, Qt::AlignCenter, m_row.siblingLabel);
        return;
    }
    const bool hot = action == m_row.hoveredAction;
    const int s = kIconSize;
    if (MessageDelegate::underBody(action)) {
        // Retry and Continue: a small outlined button, its icon before its name.
        QPainterPath pill;
        pill.addRoundedRect(QRectF(rect).adjusted(0.5, -1.5, -0.5, 1.5), rect.height() / 2.0 + 1.5,
                            rect.height() / 2.0 + 1.5);
        if (hot)
            p->fillPath(pill, c.border);
        p->setPen(QPen(c.border, 1));
        p->setBrush(Qt::NoBrush);
        p->drawPath(pill);
        const int iconSize = s; // drawn at the size it was made, sharp
        const QRect icon(rect.left() + kButtonPadX, rect.center().y() - iconSize / 2 + 1, iconSize,
                         iconSize);
        if (m_row.icon)
            p->drawPixmap(icon, m_row.icon(action, c.link));
        p->setPen(c.link);
        p->drawText(rect.adjusted(kButtonPadX + iconSize + 4, 0, 0, 0),
                    Qt::AlignLeft | Qt::AlignVCenter, actionName(action));
        return;
    }
    // The hover toolbar: an icon each, brighter and on a soft square under the pointer.
    if (hot) {
        QPainterPath square;
        square.addRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 5, 5);
        p->fillPath(square, c.border);
    }
    if (m_row.icon) {
        const QRect icon(rect.center().x() - s / 2 + 1, rect.center().y() - s / 2 + 1, s, s);
        p->drawPixmap(icon, m_row.icon(action, hot ? c.text : c.muted));
    }
}

void MessagePainter::thinking()
{
    // Thinking, collapsed unless opened.
    const ShownMessage& m = m_row.message;
    if (m.thinking.isEmpty())
        return;
    QPainter* p = m_p;
    const MessageGeometry& g = m_row.geometry;
    const MessageLayout& layout = m_row.layout;
    const QColor muted = m_row.colors.muted;
    p->setPen(muted);
    QString what = MessageDelegate::tr("Thought process");
    if (m.status == MessageStatus::Streaming && m.content.isEmpty())
        what = MessageDelegate::tr("Thinking…");
    else if (m.thinkingMs >= 0)
        what =
            MessageDelegate::tr("Thought for %n s", nullptr,
                                std::max(1, static_cast<int>(std::lround(m.thinkingMs / 1000.0))));
    const QString label = (layout.expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + what;
    p->drawText(QRect(g.bodyLeft, m_y, g.bodyWidth, m_fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, label);
    m_y += m_fm.height() + 6;
    if (!layout.expanded)
        return;
    p->fillRect(QRect(g.bodyLeft, m_y, 3, static_cast<int>(layout.thinking.size().height())),
                muted);
    p->translate(g.bodyLeft + 12, m_y);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = m_row.palette;
    ctx.palette.setColor(QPalette::Text, muted);
    ctx.palette.setColor(QPalette::Dark, muted);
    layout.thinking.documentLayout()->draw(p, ctx);
    p->translate(-(g.bodyLeft + 12), -m_y);
    m_y += static_cast<int>(layout.thinking.size().height()) + 6;
}

void MessagePainter::body()
{
    // Your own messages sit in a bubble.
    QPainter* p = m_p;
    const ShownMessage& m = m_row.message;
    const MessageGeometry& g = m_row.geometry;
    const MessageLayout& layout = m_row.layout;
    const MessageColors& c = m_row.colors;
    const QPalette& pal = m_row.palette;
    const int bodyHeight = layout.shownHeight;
    int bodyX = g.bodyLeft;
    if (m.role == Role::User) {
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(g.bodyLeft - 4, m_y, g.bodyWidth + 4, bodyHeight + 16), 10,
                              10);
        p->fillPath(bubble, c.userBubble);
        m_y += 8;
        bodyX += 6;
    } else if (BlockDecor::opensWithCode(m.content)) {
        m_y += BlockDecor::kRoomAboveCode; // as MessageLayouts leaves room for the frame
    }
    const int y = m_y;
    if (m.content.isEmpty() && m.thinking.isEmpty() && m.status == MessageStatus::Streaming) {
        // Waiting for the first token: three dots, one after the other a little brighter.
        const int d = std::max(6, m_fm.height() / 3);
        for (int i = 0; i < 3; ++i) {
            QColor dot = c.muted;
            dot.setAlphaF(i == m_row.pulse % 3 ? 1.0 : 0.35);
            p->setPen(Qt::NoPen);
            p->setBrush(dot);
            p->drawEllipse(QRect(bodyX + i * (d + d / 2), y + (m_fm.height() - d) / 2, d, d));
        }
    } else if (layout.rendering) {
        // Where the text would be on screen, a line says that it is on its way.
        const QRect visible = m_row.rect.intersected(m_row.viewport);
        p->setPen(c.muted);
        p->drawText(QRect(bodyX, std::max(y, visible.top() + g.padY), g.bodyWidth, m_fm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    MessageDelegate::tr("Laying out a long reply…"));
    } else {
        // Only the parts, and within them the lines, that are on screen are drawn; a body
        // taller than a row can be is cut.
        const QRect visible = m_row.rect.intersected(m_row.viewport)
                                  .intersected(QRect(0, y, m_row.rect.right() + 1, bodyHeight));
        const auto [selFrom, selTo] = m_row.selection;
        const bool selecting = selFrom < selTo;
        const QList<int> found =
            m_row.found.isEmpty() ? QList<int>() : FoundText::inLayout(layout, m_row.found);
        const int foundLength = static_cast<int>(m_row.found.size());
        p->save();
        if (layout.cut) // the last line that does not fit whole is not drawn over the note
            p->setClipRect(QRect(bodyX, y, g.bodyWidth, bodyHeight), Qt::IntersectClip);
        // Code frames and quote bars behind every part first: a frame reaching into the
        // part above (a block that goes on there) stays under that part's text.
        for (size_t i = 0; i < layout.parts.size(); ++i) {
            if (!layout.parts[i])
                continue;
            const QTextDocument& doc = *layout.parts[i];
            const int top = y + layout.partTop[i];
            const QRect area(bodyX, top, g.bodyWidth, static_cast<int>(doc.size().height()) + 1);
            if (!area.intersects(visible))
                continue;
            p->translate(bodyX, top);
            BlockDecor::paint(p, doc, QRectF(visible.translated(-bodyX, -top)), c.border);
            p->translate(-bodyX, -top);
        }
        for (size_t i = 0; i < layout.parts.size(); ++i) {
            if (!layout.parts[i])
                continue; // not on screen (not laid out yet)
            const QTextDocument& doc = *layout.parts[i];
            const int top = y + layout.partTop[i];
            const QRect area(bodyX, top, g.bodyWidth, static_cast<int>(doc.size().height()) + 1);
            if (!area.intersects(visible))
                continue;
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.palette = pal;
            ctx.palette.setColor(QPalette::Text, m.role == Role::User ? c.userBubbleText : c.text);
            ctx.palette.setColor(QPalette::Dark, c.border); // a rule, as a quote's bar
            if (m.content.isEmpty() && m.status == MessageStatus::Streaming)
                ctx.palette.setColor(QPalette::Text, c.muted);
            ctx.clip = QRectF(visible.translated(-bodyX, -top));
            const int start = layout.partStart[i];
            const int end = start + doc.characterCount();
            for (qsizetype k = 0; k < found.size(); ++k) {
                if (found[k] < start || found[k] >= end)
                    continue;
                QAbstractTextDocumentLayout::Selection mark;
                mark.cursor = QTextCursor(const_cast<QTextDocument*>(&doc));
                mark.cursor.setPosition(found[k] - start);
                mark.cursor.setPosition(
                    std::min(found[k] - start + foundLength, doc.characterCount() - 1),
                    QTextCursor::KeepAnchor);
                const bool current = k == m_row.foundCurrent;
                mark.format.setBackground(current ? kCurrentFound : kFound);
                mark.format.setForeground(QColor(0x1b, 0x1c, 0x1f));
                ctx.selections << mark;
            }
            if (selecting && selFrom < end && selTo > start) {
                QAbstractTextDocumentLayout::Selection selection;
                selection.cursor = QTextCursor(const_cast<QTextDocument*>(&doc));
                selection.cursor.setPosition(
                    std::clamp(selFrom - start, 0, doc.characterCount() - 1));
                selection.cursor.setPosition(std::clamp(selTo - start, 0, doc.characterCount() - 1),
                                             QTextCursor::KeepAnchor);
                selection.format.setBackground(pal.color(QPalette::Highlight));
                selection.format.setForeground(pal.color(QPalette::HighlightedText));
                ctx.selections << selection;
            }
            p->translate(bodyX, top);
            doc.documentLayout()->draw(p, ctx);
            p->translate(-bodyX, -top);
        }
        p->restore();
    }
    streamingCursor(bodyX);
    m_y += bodyHeight + (m.role == Role::User ? 8 : 0);
}

void MessagePainter::streamingCursor(int bodyX)
{
    // The blinking block cursor after the last character while the reply streams.
    const ShownMessage& m = m_row.message;
    const MessageLayout& layout = m_row.layout;
    if (m.status != MessageStatus::Streaming || m.content.isEmpty() || !m_row.cursorVisible ||
        layout.parts.empty() || !layout.parts.back())
        return;
    const QTextDocument& doc = *layout.parts.back();
    const QTextBlock last = doc.lastBlock();
    QTextLayout* tl = last.layout();
    if (!tl || tl->lineCount() == 0)
        return;
    const QTextLine line = tl->lineAt(tl->lineCount() - 1);
    const QPointF at =
        doc.documentLayout()->blockBoundingRect(last).topLeft() +
        QPointF(bodyX + line.naturalTextWidth() + 2, m_y + layout.partTop.back() + line.y());
    m_p->setPen(m_row.colors.text);
    m_p->drawText(
        QRectF(at, QSizeF(m_fm.horizontalAdvance(QStringLiteral("▊")) + 2, line.height())),
        Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("▊"));
}

void MessagePainter::after()
{
    QPainter* p = m_p;
    const ShownMessage& m = m_row.message;
    const MessageGeometry& g = m_row.geometry;
    const MessageColors& c = m_row.colors;
    const QRect& r = m_row.rect;
    if (m_row.layout.cut) {
        // What is cut off is a click away: the whole text in a window of its own.
        const auto& [said, link] = m_row.cutNote;
        p->setPen(c.muted);
        p->drawText(said, Qt::AlignLeft | Qt::AlignVCenter,
                    m_fm.elidedText(MessageDelegate::tr("This message is too long to show here "
                                                        "in full."),
                                    Qt::ElideRight, said.width()));
        p->setPen(c.link);
        p->drawText(link, Qt::AlignLeft | Qt::AlignVCenter, MessageDelegate::tr("Show all of it"));
        m_y += m_row.layout.noteHeight;
    }
    // The keyboard's current message, while the conversation has the focus.
    if (m_row.focused) {
        p->setPen(QPen(c.yourAvatar, 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(
            QRectF(g.columnLeft - 8, r.top() + 2, g.columnWidth + 16, r.height() - 4), 8, 8);
    }
    if (const QString status = MessageLayouts::statusLine(m); !status.isEmpty()) {
        m_y += 6;
        p->setPen(m.status == MessageStatus::Error ? c.danger : c.muted);
        int room = g.bodyWidth; // up to Retry, when it follows
        for (const auto& [action, rect] : m_row.actions) {
            if (MessageDelegate::underBody(action))
                room = std::min(room, std::max(0, rect.left() - 8 - g.bodyLeft));
        }
        p->drawText(QRect(g.bodyLeft, m_y, room, m_fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    m_fm.elidedText(status, Qt::ElideRight, room));
    }
}

} // namespace lyss
