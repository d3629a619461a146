// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageDelegate.h"

#include "common/Icons.h"
#include "common/PlainText.h"
#include "conversation/FoundText.h"
#include "conversation/MessageColors.h"
#include "conversation/MessageLayout.h"
#include "conversation/MessageLayouts.h"
#include "conversation/MessageModel.h"
#include "conversation/MessagePainter.h"
#include "markdown/MarkdownRenderer.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>

namespace lyss {

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
    m_icons.clear(); // drawn again in the new colours
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

    MessagePainter::Row row{m,
                            layout,
                            g,
                            colors(),
                            option.palette,
                            option.font,
                            option.rect,
                            m_view->viewport()->rect(),
                            selectionIn(index.row())};
    row.actions = actionRects(index.row(), option.rect, &row.siblingLabel);
    row.hoveredAction = index.row() == m_hovered ? m_hoveredAction : Action::None;
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    row.icon = [this, dpr](Action action, const QColor& color) {
        return actionIcon(action, color, dpr);
    };
    if (layout.cut)
        row.cutNote = cutNote(layout, option.rect, g, m.role == Role::User);
    row.focused = (option.state & QStyle::State_HasFocus) && m_view->hasFocus();
    row.cursorVisible = m_cursorVisible;
    row.pulse = m_pulse;
    row.found = m_found;
    row.foundCurrent = index.row() == m_foundRow ? m_foundOccurrence : -1;
    MessagePainter(p, row).paint();
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

bool MessageDelegate::endedEarly(const ShownMessage& m)
{
    return m.role == Role::Assistant &&
           (m.status == MessageStatus::Error || m.status == MessageStatus::Cancelled ||
            m.status == MessageStatus::Interrupted);
}

bool MessageDelegate::offersContinue(const ShownMessage& m) const
{
    // Continue goes on with the text there is; an empty reply has none.
    return m_continuable && endedEarly(m) &&
           std::any_of(m.content.begin(), m.content.end(), [](QChar c) { return !c.isSpace(); });
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
    // The header's actions are icon buttons, square, centred on its line.
    const int button = MessagePainter::kIconSize + MessagePainter::kButtonMargin;
    const int buttonTop = y + (fm.height() - button) / 2;
    auto place = [&](Action action) {
        right -= button;
        out.append({action, QRect(right, buttonTop, button, button)});
    };
    const bool settled = m.status != MessageStatus::Streaming;
    if (row == m_hovered && settled) {
        if (m_writable) {
            place(Action::Delete);
            if (m.role == Role::Assistant)
                place(Action::Regenerate);
            else if (m.role == Role::User)
                place(Action::Edit);
        }
        place(Action::Copy);
    }
    // A reply that failed or was stopped offers Retry in place, after what its status line
    // says, whether hovered or not.
    const bool retry = endedEarly(m);
    // Only the branch's last reply: a Retry further up would branch away from what follows,
    // and a reply streaming after it is the last row.
    if (retry && m.role == Role::Assistant && m_writable && row == m_model->rowCount() - 1) {
        if (const auto cached = m_layouts.find(m.id); cached && !cached->parts.empty()) {
            const QString said = MessageLayouts::statusLine(m);
            // Buttons with an icon before the name.
            auto buttonWidth = [&](Action action) {
                return 2 * MessagePainter::kButtonPadX + MessagePainter::kIconSize + 2 +
                       fm.horizontalAdvance(MessagePainter::actionName(action));
            };
            const int retryWidth = buttonWidth(Action::Retry);
            const bool goOn = offersContinue(m);
            const int continueWidth = goOn ? buttonWidth(Action::Continue) + 6 : 0;
            const int w = retryWidth + continueWidth;
            const int x =
                g.bodyLeft + std::min(fm.horizontalAdvance(said) + 8, std::max(0, g.bodyWidth - w));
            const int top = rowRect.top() + cached->bodyTop + cached->shownHeight +
                            (cached->cut ? cached->noteHeight : 0) + 6;
            out.append({Action::Retry, QRect(x, top, retryWidth, fm.height())});
            if (goOn)
                out.append({Action::Continue,
                            QRect(x + retryWidth + 6, top, continueWidth - 6, fm.height())});
        }
    }
    const auto [position, count] = m_model->siblingPosition(row);
    if (count > 1) {
        right -= 8;
        place(Action::NextSibling);
        *siblingLabel = QStringLiteral("%1/%2").arg(position).arg(count);
        const int w = fm.horizontalAdvance(*siblingLabel) + 4;
        right -= w;
        out.append({Action::None, QRect(right, y, w, fm.height())});
        place(Action::PreviousSibling);
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

QPixmap MessageDelegate::actionIcon(Action action, const QColor& color, qreal dpr) const
{
    const QString name = MessagePainter::iconName(action);
    const QString key = QStringLiteral("%1/%2/%3").arg(name, color.name()).arg(dpr);
    if (auto it = m_icons.constFind(key); it != m_icons.constEnd())
        return *it;
    const int size = MessagePainter::kIconSize;
    QPixmap pixmap = icons::themed(name, color).pixmap(QSize(size, size), dpr);
    m_icons.insert(key, pixmap);
    return pixmap;
}

QString MessageDelegate::headerTip(int row) const
{
    const ShownMessage& m = m_model->at(row);
    if (m.role != Role::Assistant)
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.createdAt), QLocale::LongFormat);
    return m.cost.details(m.model, m.createdAt);
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // An action says what it does.
    QString label;
    for (const auto& [action, rect] : actionRects(index.row(), option.rect, &label)) {
        if (action != Action::None && rect.contains(event->pos())) {
            QToolTip::showText(event->globalPos(), MessagePainter::actionName(action), view, rect);
            return true;
        }
    }
    const Geometry g = geometry(option.rect.width());
    const QFontMetrics fm(m_view->font());
    const QRect header(g.columnLeft, option.rect.top() + g.padY, g.columnWidth,
                       std::max(g.avatar, fm.height()));
    if (!header.contains(event->pos())) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), plainToolTip(headerTip(index.row())), view, header);
    return true;
}

void MessageDelegate::setFound(const QString& needle, int row, int occurrence)
{
    m_found = needle;
    m_foundRow = needle.isEmpty() ? -1 : row;
    m_foundOccurrence = occurrence;
    m_view->viewport()->update();
}

int MessageDelegate::foundTop(const QModelIndex& index, int occurrence) const
{
    if (!index.isValid() || m_found.isEmpty())
        return -1;
    const ShownMessage& m = m_model->at(index.row());
    const auto cached = m_layouts.find(m.id);
    if (!cached || cached->parts.empty())
        return -1;
    // Every part laid out: the occurrences above it count, and the row has its height.
    m_layouts.layOutWhole(m.id);
    if (cached->height != m_model->measured(index.row()).height) {
        m_model->measured(index.row()) = {cached->revision, cached->bodyWidth, cached->height};
        Q_EMIT const_cast<MessageDelegate*>(this)->sizeHintChanged(index);
    }
    const QList<int> found = FoundText::inLayout(*cached, m_found);
    if (occurrence < 0 || occurrence >= found.size())
        return -1;
    const int top = FoundText::lineTop(*cached, found[occurrence]);
    return top < 0 ? -1 : cached->bodyTop + (m.role == Role::User ? 8 : 0) + top;
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

CopiedText MessageDelegate::selected() const
{
    return m_layouts.selected(m_selection, geometry(m_view->viewport()->width()).bodyWidth,
                              chrome());
}

QString MessageDelegate::selectedText() const
{
    return selected().text();
}

} // namespace lyss
