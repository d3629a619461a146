// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageDelegate.h"

#include "conversation/MessageLayout.h"
#include "conversation/MessageModel.h"
#include "markdown/MarkdownRenderer.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

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

QString statusLine(const ShownMessage& m)
{
    switch (m.status) {
    case MessageStatus::Error:
        return QStringLiteral("⚠ ") + m.error;
    case MessageStatus::Cancelled:
        return MessageDelegate::tr("Stopped before the end.");
    case MessageStatus::Interrupted:
        return MessageDelegate::tr("Cut off when Lyss last stopped.");
    case MessageStatus::Complete: // a stage could not check the finished reply: said here
        return m.error.isEmpty() ? QString() : QStringLiteral("⚠ ") + m.error;
    default:
        return {};
    }
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

MessageDelegate::MessageDelegate(MessageModel* model, QAbstractItemView* view)
    : QStyledItemDelegate(view)
    , m_model(model)
    , m_view(view)
{
    m_renderPool.setMaxThreadCount(1);
    m_catchUp.setSingleShot(true);
    m_catchUp.setInterval(17); // at most ~60 frames a second
    m_sincePaint.start();
    connect(&m_catchUp, &QTimer::timeout, this, [this] {
        ++m_frame;
        // A paint for another reason (new text) within the frame takes the step as well.
        const qint64 since = m_sincePaint.elapsed();
        if (since >= 16)
            m_view->viewport()->update();
        else
            m_catchUp.start(static_cast<int>(17 - since));
    });
}

MessageDelegate::~MessageDelegate()
{
    m_renderPool.clear();
    m_renderPool.waitForDone(); // a text rendered aside has no one to go to any more
}

QString MessageDelegate::styleSheet(const Colors& c)
{
    return QStringLiteral("pre { background-color: %1; color: %2; font-family: monospace; }"
                          "code { font-family: monospace; } table { border-color: %3; }"
                          "blockquote { margin-left: 12px; }")
        .arg(c.codeBackground.name(), c.codeText.name(), c.border.name());
}

MessageDelegate::Colors MessageDelegate::colors() const
{
    if (m_colors.valid)
        return m_colors;
    // No theme set (a view on its own, in tests): shades of the view's palette.
    const QPalette& pal = m_view->palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    Colors c;
    c.text = text;
    c.muted = mix(text, base, 0.45);
    c.userBubble = mix(base, pal.color(QPalette::Highlight), 0.12);
    c.userBubbleText = text;
    c.avatar = mix(text, base, 0.3);
    c.avatarText = base;
    c.yourAvatar = pal.color(QPalette::Highlight);
    c.yourAvatarText = pal.color(QPalette::HighlightedText);
    c.codeBackground = mix(base, text, 0.08);
    c.codeText = text;
    c.border = mix(base, text, 0.3);
    c.danger = QColor(0xb9, 0x1c, 0x1c);
    return c;
}

namespace {
// Code blocks and table borders carry their colours in the document: they are changed in
// place, so a theme switch keeps every layout (a long reply is not rendered again).
void recolour(QTextDocument& doc, const MessageDelegate::Colors& from,
              const MessageDelegate::Colors& to)
{
    doc.setDefaultStyleSheet(MessageDelegate::styleSheet(to)); // for what is rendered next
    QTextCursor cursor(&doc);
    cursor.beginEditBlock();
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat block = b.blockFormat();
        if (block.background().style() != Qt::NoBrush &&
            block.background().color() == from.codeBackground) {
            block.setBackground(to.codeBackground);
            cursor.setPosition(b.position());
            cursor.setBlockFormat(block);
        }
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QBrush ink = f.charFormat().foreground();
            if (ink.style() == Qt::NoBrush || ink.color() != from.codeText)
                continue;
            QTextCharFormat change;
            change.setForeground(to.codeText);
            cursor.setPosition(f.position());
            cursor.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(change);
        }
    }
    for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat format = table->format();
            if (format.borderBrush().color() == from.border) {
                format.setBorderBrush(to.border);
                table->setFormat(format);
            }
        }
    }
    cursor.endEditBlock();
}
} // namespace

void MessageDelegate::setColors(const Colors& colors)
{
    const Colors before = this->colors();
    m_colors = colors;
    m_colors.valid = true;
    m_cache.forEach([&](Layout& layout) {
        layout.styleSheet = styleSheet(m_colors); // for the parts laid out later
        for (const auto& part : layout.parts) {
            if (part)
                recolour(*part, before, m_colors);
        }
        // New parts of a streaming reply are rendered with the new colours.
    });
    m_view->viewport()->update();
}

void MessageDelegate::languageChanged()
{
    ++m_generation; // what is rendered aside now holds the old words
    m_cache.invalidate();
    m_view->viewport()->update();
}

void MessageDelegate::setCompact(bool compact)
{
    if (m_compact == compact)
        return;
    m_compact = compact;
    m_cache.invalidate();
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
// A finished text longer than this is rendered on another thread (parsing 1.4 MB of table
// takes a quarter of a second): the window shows a line saying so meanwhile.
constexpr qsizetype kRenderAside = 64 * 1024;
// Laying out the parts of a long text that are not on screen takes at most this much of
// a frame.
constexpr qint64 kLayOutBudgetMs = 6;
// A document that opens with a table has an empty block before it, which one document
// holding the whole text would not have: that block is not part of the text shown.
int emptyLead(const QTextDocument& doc)
{
    const QList<QTextFrame*> frames = doc.rootFrame()->childFrames();
    return doc.firstBlock().length() == 1 && !frames.isEmpty() &&
                   frames.first()->firstPosition() == 1
               ? 1
               : 0;
}
} // namespace

std::unique_ptr<QTextDocument> MessageDelegate::newPart(Layout& layout, const QString& html) const
{
    layout.font = m_view->font();
    layout.styleSheet = styleSheet(colors());
    return layout.makeDocument(html);
}

const MessageDelegate::Layout& MessageDelegate::layoutFor(int row, int bodyWidth) const
{
    const ShownMessage& m = m_model->at(row);
    const int revision = m_model->revision(row);
    const bool expanded = m_expandedThinking.contains(m.id);
    std::shared_ptr<Layout> slot = m_cache.use(m.id);
    if (slot) {
        const Layout& cached = *slot;
        // A layout behind its text takes its next step once a frame (the catch-up timer
        // starts the next), however often the view asks for it in between.
        const bool stepTaken = cached.behind && cached.steppedInFrame == m_frame;
        if (cached.revision == revision && cached.bodyWidth == bodyWidth &&
            cached.expanded == expanded && (!cached.behind || stepTaken))
            return cached;
    }
    const bool streaming = m.status == MessageStatus::Streaming;
    const bool placeholder = m.content.isEmpty() && streaming;
    // A reply that grew since its last layout continues from its finished parts; a link
    // reference definition can change text above it, so a finished reply that has one is
    // rendered whole.
    // A finished reply far behind its text (it came faster than the frames) is rendered
    // like any finished text instead, in parts laid out as they come into view.
    const bool continues =
        slot && slot->inParts && slot->bodyWidth == bodyWidth && !placeholder &&
        (streaming || m.content.size() - slot->finishedChars <= kRenderAside) &&
        m.content.size() >= slot->finishedChars &&
        qHash(QStringView(m.content).left(slot->finishedChars)) == slot->finishedHash &&
        (streaming || !MarkdownRenderer::hasLinkReferenceDefinition(m.content));
    std::shared_ptr<Layout> layout = continues ? slot : std::make_shared<Layout>();
    // The parts of a long text do not depend on the width: a resize lays them out again
    // but does not render them again.
    if (!continues && slot && slot->revision == revision && slot->rendered)
        layout->rendered = slot->rendered;
    layout->revision = revision;
    layout->bodyWidth = bodyWidth;
    layout->expanded = expanded;
    layout->rendering = false;
    // What is around the body first: the room a row has for the body depends on it.
    if (!m.thinking.isEmpty() && expanded) {
        layout->thinking.setDefaultFont(m_view->font());
        layout->thinking.setDocumentMargin(0);
        layout->thinking.setPlainText(MessageLayout::withShortLines(m.thinking));
        layout->thinking.setTextWidth(bodyWidth - 12);
    }
    const Geometry g = geometry(0); // only the paddings matter here
    const QFontMetrics fm(m_view->font());
    int h = g.padY * 2 + fm.height() + 4; // header
    if (!m.thinking.isEmpty())
        h += fm.height() + 6 +
             (expanded ? static_cast<int>(layout->thinking.size().height()) + 6 : 0);
    layout->bodyTop = h - g.padY + (m.role == Role::User ? 8 : 0);
    if (m.role == Role::User)
        h += 16; // bubble padding
    if (!statusLine(m).isEmpty())
        h += fm.height() + 6;
    layout->chrome = h;
    layout->minHeight = g.padY * 2 + g.avatar;
    layout->noteHeight = fm.height() + 8;
    layout->font = m_view->font();
    layout->styleSheet = styleSheet(colors());
    if (placeholder) {
        layout->appendPart(newPart(*layout, {}));
        layout->parts.back()->setPlainText(m.thinking.isEmpty() ? QStringLiteral("● ● ●")
                                                                : tr("Thinking…"));
        layout->stack();
    } else if (continues || streaming) {
        layout->inParts = true;
        m_charsRendered += layout->continueParts(m.content, streaming, m_frame);
    } else if (!layout->rendered && m.content.size() > kRenderAside) {
        renderAside(m.id, m.content);
        layout->rendering = true;
        layout->setPending({}, fm.lineSpacing(), fm.averageCharWidth());
        layout->setBodyHeight(estimateBodyHeight(m.content, bodyWidth));
    } else {
        if (!layout->rendered) {
            m_charsRendered += m.content.size();
            layout->rendered = std::make_shared<const QList<MarkdownRenderer::Part>>(
                MarkdownRenderer::toParts(m.content));
        }
        layout->setPending(*layout->rendered, fm.lineSpacing(), fm.averageCharWidth());
    }
    ++m_layoutsBuilt;
    m_cache.put(m.id, layout); // memory stays within the cache's budget in long chats
    return *layout;
}

void MessageDelegate::renderAside(const QString& id, const QString& markdown) const
{
    if (m_rendering.contains(id))
        return; // its result is checked against the text when it comes
    m_rendering.insert(id);
    QPointer<MessageDelegate> self(const_cast<MessageDelegate*>(this));
    const int generation = m_generation;
    m_renderPool.start([self, id, markdown, generation] {
        auto parts = std::make_shared<const QList<MarkdownRenderer::Part>>(
            MarkdownRenderer::toParts(markdown));
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, id, markdown, generation, parts] {
                    self->rendered(id, markdown, generation, parts);
                },
                Qt::QueuedConnection);
    });
}

void MessageDelegate::rendered(const QString& id, const QString& markdown, int generation,
                               const std::shared_ptr<const QList<MarkdownRenderer::Part>>& parts)
{
    m_rendering.remove(id);
    const std::shared_ptr<Layout> layout = m_cache.find(id);
    const int row = m_model->rowOf(id);
    if (!layout || row < 0)
        return; // gone meanwhile: rendered again when next shown
    const ShownMessage& m = m_model->at(row);
    // Rendered for another text, or before a change of language (a code block's "Copy"):
    // once more, for what the row holds now.
    if (generation != m_generation || m.content != markdown) {
        if (layout->rendering)
            renderAside(id, m.content);
        return;
    }
    m_charsRendered += markdown.size();
    layout->rendered = parts;
    if (layout->rendering) {
        layout->rendering = false;
        const QFontMetrics fm(m_view->font());
        layout->setPending(*parts, fm.lineSpacing(), fm.averageCharWidth());
    }
    Q_EMIT sizeHintChanged(m_model->index(row));
    m_view->viewport()->update();
}

void MessageDelegate::ensureRendered(Layout& layout, const ShownMessage& m) const
{
    if (!layout.rendering)
        return;
    // Needed now (a copy, a click): rendered here rather than waited for.
    layout.rendered =
        std::make_shared<const QList<MarkdownRenderer::Part>>(MarkdownRenderer::toParts(m.content));
    m_charsRendered += m.content.size();
    layout.rendering = false;
    const QFontMetrics fm(m_view->font());
    layout.setPending(*layout.rendered, fm.lineSpacing(), fm.averageCharWidth());
}

int MessageDelegate::estimateBodyHeight(const QString& content, int bodyWidth) const
{
    const QFontMetrics fm(m_view->font());
    const int perLine = std::max(10, bodyWidth / std::max(1, fm.averageCharWidth()));
    // Line by line without a list of them: 100,000 lines of table took 2 ms to split.
    qint64 lines = 0;
    const QStringView text(content);
    for (qsizetype from = 0;;) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), from);
        lines += 1 + ((end < 0 ? text.size() : end) - from) / perLine;
        if (end < 0)
            break;
        from = end + 1;
    }
    return int(std::min<qint64>(lines * fm.lineSpacing(), 1 << 24));
}

int MessageDelegate::estimateHeight(const ShownMessage& m, int bodyWidth) const
{
    const QFontMetrics fm(m_view->font());
    const Geometry g = geometry(bodyWidth);
    return g.padY * 2 + fm.height() + 4 + estimateBodyHeight(m.content, bodyWidth) +
           (m.role == Role::User ? 16 : 0);
}

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
        const Layout& layout = layoutFor(row, g.bodyWidth);
        known = {revision, g.bodyWidth, layout.height};
    }
    if (known.revision != revision || known.bodyWidth != g.bodyWidth) {
        const auto cached = m_cache.find(m.id);
        const bool exact = cached && cached->revision == revision &&
                           cached->bodyWidth == g.bodyWidth &&
                           cached->expanded == m_expandedThinking.contains(m.id);
        if (!exact)
            ++m_estimates;
        known = {revision, g.bodyWidth, exact ? cached->height : estimateHeight(m, g.bodyWidth)};
    }
    return {rowWidth, known.height};
}

void MessageDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const ShownMessage& m = m_model->at(index.row());
    const Geometry g = geometry(option.rect.width());
    // Parts of a long text are laid out here: those on screen, then a few more a frame.
    auto& layout = const_cast<Layout&>(layoutFor(index.row(), g.bodyWidth));
    const_cast<QElapsedTimer&>(m_sincePaint).restart();
    if (layout.hasPending()) {
        const QRect visible = option.rect.intersected(m_view->viewport()->rect());
        const int top = visible.top() - option.rect.top() - layout.bodyTop;
        const int bottom = visible.bottom() + 1 - option.rect.top() - layout.bodyTop;
        layout.layOutVisible(top, bottom, kLayOutBudgetMs);
        if (layout.hasPending())
            layout.layOutMore(top, bottom, kLayOutBudgetMs);
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
    if (const QString status = statusLine(m); !status.isEmpty()) {
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
    if (!m_expandedThinking.remove(m.id))
        m_expandedThinking.insert(m.id);
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
        place(Action::Delete, tr("Delete"));
        if (m.role == Role::Assistant)
            place(Action::Regenerate, tr("Regenerate"));
        else if (m.role == Role::User)
            place(Action::Edit, tr("Edit"));
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
    const auto cached = m_cache.find(m.id);
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
    const auto cached = m_cache.find(m.id);
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

void MessageDelegate::setSelection(int anchorRow, int anchorPosition, int focusRow,
                                   int focusPosition)
{
    m_selection = {anchorRow, anchorPosition, focusRow, focusPosition};
}

bool MessageDelegate::hasSelection() const
{
    const Selection& s = m_selection;
    return s.anchorRow >= 0 && s.focusRow >= 0 &&
           (s.anchorRow != s.focusRow || s.anchorPosition != s.focusPosition);
}

QPair<int, int> MessageDelegate::selectionIn(int row) const
{
    if (!hasSelection())
        return {0, 0};
    const Selection& s = m_selection;
    // Start and end in reading order, whichever way the selection was made.
    const bool forward = s.anchorRow < s.focusRow ||
                         (s.anchorRow == s.focusRow && s.anchorPosition <= s.focusPosition);
    const int firstRow = forward ? s.anchorRow : s.focusRow;
    const int firstPosition = forward ? s.anchorPosition : s.focusPosition;
    const int lastRow = forward ? s.focusRow : s.anchorRow;
    const int lastPosition = forward ? s.focusPosition : s.anchorPosition;
    if (row < firstRow || row > lastRow)
        return {0, 0};
    return {row == firstRow ? firstPosition : 0, row == lastRow ? lastPosition : kEnd};
}

QString MessageDelegate::selectedText() const
{
    if (!hasSelection())
        return {};
    const int rows = m_model->rowCount();
    const int bodyWidth = geometry(m_view->viewport()->width()).bodyWidth;
    QStringList messages;
    for (int row = 0; row < rows; ++row) {
        const auto [from, to] = selectionIn(row);
        if (from >= to)
            continue;
        // Rows off screen are laid out now: what is copied is what would be shown.
        auto& layout = const_cast<Layout&>(layoutFor(row, bodyWidth));
        ensureRendered(layout, m_model->at(row));
        layout.layOutAll();
        QStringList pieces;
        for (size_t i = 0; i < layout.parts.size(); ++i) {
            QTextDocument& doc = *layout.parts[i];
            const int start = layout.partStart[i];
            const int last = doc.characterCount() - 1;
            if (to <= start || from >= start + doc.characterCount())
                continue;
            QTextCursor cursor(&doc);
            cursor.setPosition(std::clamp(from - start, emptyLead(doc), last));
            cursor.setPosition(std::clamp(to - start, 0, last), QTextCursor::KeepAnchor);
            pieces << cursor.selectedText();
        }
        messages << pieces.join(QLatin1Char('\n'));
    }
    return messages.join(QStringLiteral("\n\n"))
        .replace(QChar::ParagraphSeparator, QLatin1Char('\n'))
        .replace(QChar::LineSeparator, QLatin1Char('\n'));
}

bool MessageDelegate::layingOut() const
{
    if (!m_rendering.isEmpty())
        return true;
    return m_cache.anyOf([](const Layout& l) { return l.rendering || l.behind || l.hasPending(); });
}

QString MessageDelegate::shownText(const QString& messageId) const
{
    const auto layout = m_cache.find(messageId);
    if (!layout)
        return {};
    if (const int row = m_model->rowOf(messageId); row >= 0)
        ensureRendered(*layout, m_model->at(row));
    layout->layOutAll();
    QStringList pieces;
    for (const auto& part : layout->parts)
        pieces << part->toPlainText().mid(emptyLead(*part));
    return pieces.join(QLatin1Char('\n'));
}

int MessageDelegate::partsShown(const QString& messageId) const
{
    const auto layout = m_cache.find(messageId);
    return layout ? static_cast<int>(layout->parts.size()) : 0;
}

} // namespace lyss
