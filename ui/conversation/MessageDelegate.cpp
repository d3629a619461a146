// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageDelegate.h"

#include "conversation/MessageColors.h"
#include "conversation/MessageLayout.h"
#include "conversation/MessageLayouts.h"
#include "conversation/MessageModel.h"
#include "markdown/MarkdownRenderer.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

namespace lyss {

struct MessageDelegate::Geometry {
    int padX;
    int padY;
    int avatar;
    int gap;
    int columnLeft;
    int columnWidth;
    int bodyLeft;
    int bodyWidth;
};

namespace {
QString authorOf(const ShownMessage& m)
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

} // namespace

MessageDelegate::MessageDelegate(MessageModel* model, QAbstractItemView* view)
    : QStyledItemDelegate(view)
    , m_model(model)
    , m_view(view)
    , m_layouts(model, view)
{
    m_layouts.setStyleSheet(colors().styleSheet());
    connect(&m_layouts, &MessageLayouts::rowChanged, this, [this](int row) {
        Q_EMIT sizeHintChanged(m_model->index(row));
        m_view->viewport()->update();
    });
    m_catchUp.setSingleShot(true);
    m_catchUp.setInterval(17); // at most ~60 frames a second
    m_sincePaint.start();
    connect(&m_catchUp, &QTimer::timeout, this, [this] {
        m_layouts.nextFrame();
        // A paint for another reason (new text) within the frame takes the step as well.
        const qint64 since = m_sincePaint.elapsed();
        if (since >= 16)
            m_view->viewport()->update();
        else
            m_catchUp.start(static_cast<int>(17 - since));
    });
}

MessageDelegate::~MessageDelegate() = default;

MessageDelegate::Colors MessageDelegate::colors() const
{
    // No theme set (a view on its own, in tests): shades of the view's palette.
    return m_colors.valid ? m_colors : MessageColors::fromPalette(m_view->palette());
}

void MessageDelegate::setColors(const Colors& colors)
{
    const Colors before = this->colors();
    m_colors = colors;
    m_colors.valid = true;
    m_layouts.setColors(m_colors, before);
    m_view->viewport()->update();
}

void MessageDelegate::languageChanged()
{
    m_layouts.invalidate();
    m_view->viewport()->update();
}

void MessageDelegate::setCompact(bool compact)
{
    if (m_compact == compact)
        return;
    m_compact = compact;
    m_layouts.invalidate();
}

MessageLayouts::Chrome MessageDelegate::chrome() const
{
    const Geometry g = geometry(0); // only the paddings matter
    return {g.padY, g.avatar};
}

MessageDelegate::Geometry MessageDelegate::geometry(int rowWidth) const
{
    Geometry g{};
    g.padX = m_compact ? 8 : 24;
    g.padY = m_compact ? 6 : 10;
    g.avatar = m_compact ? 24 : 30;
    g.gap = m_compact ? 8 : 12;
    g.columnWidth = std::max(120, std::min(kMaxColumnWidth, rowWidth - 2 * g.padX));
    g.columnLeft = std::max(g.padX, (rowWidth - g.columnWidth) / 2);
    g.bodyLeft = g.columnLeft + g.avatar + g.gap;
    g.bodyWidth = std::max(60, g.columnWidth - g.avatar - g.gap);
    return g;
}

namespace {
// Laying out the parts of a long text that are not on screen takes at most this much of
// a frame.
constexpr qint64 kLayOutBudgetMs = 6;
} // namespace

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex& index) const
{
    const int rowWidth = m_view->viewport()->width();
    const Geometry g = geometry(rowWidth);
    const int row = index.row();
    const ShownMessage& m = m_model->at(row);
    const int revision = m_model->revision(row);
    MessageModel::Measured& known = m_model->measured(row);
    if (m.status == MessageStatus::Streaming) {
        // The growing reply is on screen and laid out in the paint anyway: measured now,
        // its height is right the first time and the view paints once, not twice.
        const Layout& layout = m_layouts.layoutFor(row, g.bodyWidth, chrome());
        known = {revision, g.bodyWidth, layout.height};
    }
    if (known.revision != revision || known.bodyWidth != g.bodyWidth) {
        const auto cached = m_layouts.find(m.id);
        const bool exact = cached && cached->revision == revision &&
                           cached->bodyWidth == g.bodyWidth &&
                           cached->expanded == m_layouts.thinkingShown(m.id);
        known = {revision, g.bodyWidth,
                 exact ? cached->height : m_layouts.estimateHeight(m, g.bodyWidth, chrome())};
    }
    return {rowWidth, known.height};
}

void MessageDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const ShownMessage& m = m_model->at(index.row());
    const Geometry g = geometry(option.rect.width());
    // Parts of a long text are laid out here: those on screen, then a few more a frame.
    auto& layout = const_cast<Layout&>(m_layouts.layoutFor(index.row(), g.bodyWidth, chrome()));
    const_cast<QElapsedTimer&>(m_sincePaint).restart();
    if (layout.hasPending()) {
        const QRect visible = option.rect.intersected(m_view->viewport()->rect());
        const int top = visible.top() - option.rect.top() - layout.bodyTop;
        const int bottom = visible.bottom() + 1 - option.rect.top() - layout.bodyTop;
        bool grew = layout.layOutVisible(top, bottom, kLayOutBudgetMs);
        if (layout.hasPending())
            grew = layout.layOutMore(top, bottom, kLayOutBudgetMs) || grew;
        if (grew)
            m_layouts.grew(m.id);
    }
    if ((layout.behind || layout.hasPending()) && !m_catchUp.isActive()) // more in the next frame
        const_cast<QTimer&>(m_catchUp).start();
    MessageModel::Measured& known = m_model->measured(index.row());
    if (known.height != layout.height || known.revision != layout.revision) {
        // The estimate was off: let the view ask again (after this paint).
        QMetaObject::invokeMethod(
            const_cast<MessageDelegate*>(this),
            [this, index = QPersistentModelIndex(index)] {
                if (index.isValid())
                    Q_EMIT const_cast<MessageDelegate*>(this)->sizeHintChanged(index);
            },
            Qt::QueuedConnection);
        known = {layout.revision, layout.bodyWidth, layout.height};
    }

    const QPalette& pal = option.palette;
    const Colors c = colors();
    const QColor text = c.text;
    const QColor muted = c.muted;
    const QFontMetrics fm(option.font);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    int y = r.top() + g.padY;

    // Avatar.
    const QRect avatar(g.columnLeft, y, g.avatar, g.avatar);
    p->setPen(Qt::NoPen);
    p->setBrush(m.role == Role::User ? c.yourAvatar : c.avatar);
    p->drawEllipse(avatar);
    p->setPen(m.role == Role::User ? c.yourAvatarText : c.avatarText);
    const QString author = authorOf(m);
    p->drawText(avatar, Qt::AlignCenter, author.left(1).toUpper());

    // Author and time.
    QFont bold = option.font;
    bold.setWeight(QFont::DemiBold);
    p->setFont(bold);
    p->setPen(text);
    p->drawText(QRect(g.bodyLeft, y, g.bodyWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                author);
    const int authorWidth = QFontMetrics(bold).horizontalAdvance(author);
    p->setFont(option.font);
    p->setPen(muted);
    p->drawText(QRect(g.bodyLeft + authorWidth + 8, y, g.bodyWidth, fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                QDateTime::fromMSecsSinceEpoch(m.createdAt).toString(QStringLiteral("HH:mm")));
    QString siblingLabel;
    for (const auto& [action, rect] : actionRects(index.row(), r, &siblingLabel)) {
        QString label;
        switch (action) {
        case Action::Copy:
            label = tr("Copy");
            break;
        case Action::Regenerate:
            label = tr("Regenerate");
            break;
        case Action::Edit:
            label = tr("Edit");
            break;
        case Action::Delete:
            label = tr("Delete");
            break;
        case Action::PreviousSibling:
            label = QStringLiteral("‹");
            break;
        case Action::NextSibling:
            label = QStringLiteral("›");
            break;
        case Action::None:
            label = siblingLabel;
            break;
        case Action::Link:
        case Action::ShowAll:
            break;
        }
        p->setPen(action == Action::None ? muted : pal.color(QPalette::Link));
        p->drawText(rect, Qt::AlignCenter, label);
    }
    y += fm.height() + 4;

    // Thinking, collapsed unless opened.
    if (!m.thinking.isEmpty()) {
        p->setPen(muted);
        QString what = tr("Thought process");
        if (m.status == MessageStatus::Streaming && m.content.isEmpty())
            what = tr("Thinking…");
        else if (m.thinkingMs >= 0)
            what = tr("Thought for %n s", nullptr,
                      std::max(1, static_cast<int>(std::lround(m.thinkingMs / 1000.0))));
        const QString label =
            (layout.expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + what;
        p->drawText(QRect(g.bodyLeft, y, g.bodyWidth, fm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, label);
        y += fm.height() + 6;
        if (layout.expanded) {
            p->fillRect(QRect(g.bodyLeft, y, 3, static_cast<int>(layout.thinking.size().height())),
                        muted);
            p->translate(g.bodyLeft + 12, y);
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.palette = pal;
            ctx.palette.setColor(QPalette::Text, muted);
            layout.thinking.documentLayout()->draw(p, ctx);
            p->translate(-(g.bodyLeft + 12), -y);
            y += static_cast<int>(layout.thinking.size().height()) + 6;
        }
    }

    // Body; your own messages sit in a bubble.
    const int bodyHeight = layout.shownHeight;
    int bodyX = g.bodyLeft;
    if (m.role == Role::User) {
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(g.bodyLeft - 4, y, g.bodyWidth + 4, bodyHeight + 16), 10, 10);
        p->fillPath(bubble, c.userBubble);
        y += 8;
        bodyX += 6;
    }
    if (m.content.isEmpty() && m.thinking.isEmpty() && m.status == MessageStatus::Streaming) {
        // Waiting for the first token: three dots, one after the other a little brighter.
        const int d = std::max(6, fm.height() / 3);
        for (int i = 0; i < 3; ++i) {
            QColor dot = muted;
            dot.setAlphaF(i == m_pulse % 3 ? 1.0 : 0.35);
            p->setPen(Qt::NoPen);
            p->setBrush(dot);
            p->drawEllipse(QRect(bodyX + i * (d + d / 2), y + (fm.height() - d) / 2, d, d));
        }
    } else if (layout.rendering) {
        // Where the text would be on screen, a line says that it is on its way.
        const QRect visible = option.rect.intersected(m_view->viewport()->rect());
        p->setPen(muted);
        p->drawText(QRect(bodyX, std::max(y, visible.top() + g.padY), g.bodyWidth, fm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, tr("Laying out a long reply…"));
    } else {
        // Only the parts, and within them the lines, that are on screen are drawn; a body
        // taller than a row can be is cut.
        const QRect visible = option.rect.intersected(m_view->viewport()->rect())
                                  .intersected(QRect(0, y, r.right() + 1, bodyHeight));
        const auto [selFrom, selTo] = selectionIn(index.row());
        const bool selecting = selFrom < selTo;
        p->save();
        if (layout.cut) // the last line that does not fit whole is not drawn over the note
            p->setClipRect(QRect(bodyX, y, g.bodyWidth, bodyHeight), Qt::IntersectClip);
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
            ctx.palette.setColor(QPalette::Text, m.role == Role::User ? c.userBubbleText : text);
            if (m.content.isEmpty() && m.status == MessageStatus::Streaming)
                ctx.palette.setColor(QPalette::Text, muted);
            ctx.clip = QRectF(visible.translated(-bodyX, -top));
            const int start = layout.partStart[i];
            const int end = start + doc.characterCount();
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
    // The blinking block cursor after the last character while the reply streams.
    if (m.status == MessageStatus::Streaming && !m.content.isEmpty() && m_cursorVisible &&
        !layout.parts.empty() && layout.parts.back()) {
        const QTextDocument& doc = *layout.parts.back();
        const QTextBlock last = doc.lastBlock();
        if (QTextLayout* tl = last.layout(); tl && tl->lineCount() > 0) {
            const QTextLine line = tl->lineAt(tl->lineCount() - 1);
            const QPointF at =
                doc.documentLayout()->blockBoundingRect(last).topLeft() +
                QPointF(bodyX + line.naturalTextWidth() + 2, y + layout.partTop.back() + line.y());
            p->setPen(text);
            p->drawText(
                QRectF(at, QSizeF(fm.horizontalAdvance(QStringLiteral("▊")) + 2, line.height())),
                Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("▊"));
        }
    }
    y += bodyHeight + (m.role == Role::User ? 8 : 0);
    if (layout.cut) {
        // What is cut off is a click away: the whole text in a window of its own.
        const auto [said, link] = cutNote(layout, r, g, m.role == Role::User);
        p->setPen(muted);
        p->drawText(said, Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(tr("This message is too long to show here in full."),
                                  Qt::ElideRight, said.width()));
        p->setPen(pal.color(QPalette::Link));
        p->drawText(link, Qt::AlignLeft | Qt::AlignVCenter, tr("Show all of it"));
        y += layout.noteHeight;
    }

    // The keyboard's current message, while the conversation has the focus.
    if ((option.state & QStyle::State_HasFocus) && m_view->hasFocus()) {
        p->setPen(QPen(c.yourAvatar, 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(
            QRectF(g.columnLeft - 8, r.top() + 2, g.columnWidth + 16, r.height() - 4), 8, 8);
    }
    if (const QString status = MessageLayouts::statusLine(m); !status.isEmpty()) {
        y += 6;
        p->setPen(m.status == MessageStatus::Error ? c.danger : muted);
        p->drawText(QRect(g.bodyLeft, y, g.bodyWidth, fm.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(status, Qt::ElideRight, g.bodyWidth));
    }
    p->restore();
}

QPair<QRect, QRect> MessageDelegate::cutNote(const Layout& layout, const QRect& rowRect,
                                             const Geometry& g, bool user) const
{
    const QFontMetrics fm(m_view->font());
    const int y = rowRect.top() + layout.bodyTop + layout.shownHeight + (user ? 8 : 0) + 4;
    // The link always fits: in a narrow column the sentence gives way (elided).
    const int linkWidth = std::min(fm.horizontalAdvance(tr("Show all of it")) + 2, g.bodyWidth);
    const int w = std::clamp(fm.horizontalAdvance(tr("This message is too long to show here in "
                                                     "full.")),
                             0, std::max(0, g.bodyWidth - linkWidth - fm.horizontalAdvance(' ')));
    const QRect text(g.bodyLeft, y, w, fm.height());
    const QRect link(g.bodyLeft + (w > 0 ? w + fm.horizontalAdvance(QLatin1Char(' ')) : 0), y,
                     linkWidth, fm.height());
    return {text, link};
}

bool MessageDelegate::editorEvent(QEvent* event, QAbstractItemModel*,
                                  const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return false;
    const ShownMessage& m = m_model->at(index.row());
    if (m.thinking.isEmpty())
        return false;
    const Geometry g = geometry(option.rect.width());
    const QFontMetrics fm(option.font);
    const int top = option.rect.top() + g.padY + fm.height() + 4;
    const QRect toggle(g.bodyLeft, top, g.bodyWidth, fm.height() + 6);
    if (!toggle.contains(static_cast<QMouseEvent*>(event)->position().toPoint()))
        return false;
    m_layouts.toggleThinking(m.id);
    m_model->measured(index.row()) = {}; // its height changes with the thinking shown or hidden
    Q_EMIT sizeHintChanged(index);
    return true;
}

QList<QPair<MessageDelegate::Action, QRect>>
MessageDelegate::actionRects(int row, const QRect& rowRect, QString* siblingLabel) const
{
    QList<QPair<Action, QRect>> out;
    const ShownMessage& m = m_model->at(row);
    const Geometry g = geometry(rowRect.width());
    const QFontMetrics fm(m_view->font());
    const int y = rowRect.top() + g.padY;
    int right = g.columnLeft + g.columnWidth;
    auto place = [&](Action action, const QString& text) {
        const int w = fm.horizontalAdvance(text) + 12;
        right -= w;
        out.append({action, QRect(right, y, w, fm.height())});
    };
    const bool settled = m.status != MessageStatus::Streaming;
    if (row == m_hovered && settled) {
        if (m_writable) {
            place(Action::Delete, tr("Delete"));
            if (m.role == Role::Assistant)
                place(Action::Regenerate, tr("Regenerate"));
            else if (m.role == Role::User)
                place(Action::Edit, tr("Edit"));
        }
        place(Action::Copy, tr("Copy"));
    }
    const auto [position, count] = m_model->siblingPosition(row);
    if (count > 1) {
        right -= 8;
        place(Action::NextSibling, QStringLiteral("›"));
        *siblingLabel = QStringLiteral("%1/%2").arg(position).arg(count);
        place(Action::None, *siblingLabel);
        place(Action::PreviousSibling, QStringLiteral("‹"));
    }
    return out;
}

MessageDelegate::Hit MessageDelegate::hitTest(const QModelIndex& index, const QRect& rowRect,
                                              const QPoint& pos) const
{
    if (!index.isValid())
        return {};
    QString label;
    for (const auto& [action, rect] : actionRects(index.row(), rowRect, &label)) {
        if (action != Action::None && rect.contains(pos))
            return {action, {}};
    }
    const ShownMessage& m = m_model->at(index.row());
    const auto cached = m_layouts.find(m.id);
    if (!cached || cached->parts.empty())
        return {};
    const Geometry g = geometry(rowRect.width());
    if (cached->cut && cutNote(*cached, rowRect, g, m.role == Role::User).second.contains(pos))
        return {Action::ShowAll, {}};
    const QPointF inBody = QPointF(pos) - QPointF(g.bodyLeft + (m.role == Role::User ? 6 : 0),
                                                  rowRect.top() + cached->bodyTop);
    if (cached->cut && inBody.y() >= cached->shownHeight)
        return {};
    const int i = cached->partAt(inBody.y());
    if (!cached->parts[i])
        return {};
    const QString anchor =
        cached->parts[i]->documentLayout()->anchorAt(inBody - QPointF(0, cached->partTop[i]));
    if (!anchor.isEmpty())
        return {Action::Link, anchor};
    return {};
}

int MessageDelegate::positionAt(const QModelIndex& index, const QRect& rowRect,
                                const QPoint& pos) const
{
    if (!index.isValid())
        return -1;
    const ShownMessage& m = m_model->at(index.row());
    const auto cached = m_layouts.find(m.id);
    if (!cached || cached->parts.empty())
        return -1;
    const Geometry g = geometry(rowRect.width());
    const QPointF inBody = QPointF(pos) - QPointF(g.bodyLeft + (m.role == Role::User ? 6 : 0),
                                                  rowRect.top() + cached->bodyTop);
    if (inBody.y() < -4 || inBody.y() > cached->bodyHeight + 4)
        return -1;
    if (cached->cut && inBody.y() >= cached->shownHeight)
        return -1; // under the note: nothing of the body is shown there
    // The part under the pointer as it is drawn now; then the parts above it are laid out
    // (positions count their characters), which moves them but not this point in it.
    const int i = cached->partAt(inBody.y());
    cached->layOutRange(i, i + 1);
    const int local = cached->parts[i]->documentLayout()->hitTest(
        inBody - QPointF(0, cached->partTop[i]), Qt::FuzzyHit);
    cached->layOutRange(0, i);
    return local < 0 ? -1 : cached->partStart[i] + local;
}

QString MessageDelegate::selectedText() const
{
    return m_layouts.selectedText(m_selection, geometry(m_view->viewport()->width()).bodyWidth,
                                  chrome());
}

} // namespace lyss
