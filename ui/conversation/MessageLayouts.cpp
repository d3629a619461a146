// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageLayouts.h"
#include "conversation/BlockDecor.h"

#include "conversation/MessageLayout.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageSelection.h"

#include <QFontMetrics>
#include <QPointer>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QWidget>

namespace lyss {

namespace {
// A finished text longer than this is rendered on another thread (parsing 1.4 MB of table
// takes a quarter of a second): the window shows a line saying so meanwhile.
constexpr qsizetype kRenderAside = 64 * 1024;
} // namespace

MessageLayouts::MessageLayouts(MessageModel* model, QWidget* view, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_view(view)
{
    m_renderPool.setMaxThreadCount(1);
}

MessageLayouts::~MessageLayouts()
{
    m_renderPool.clear();
    m_renderPool.waitForDone(); // a text rendered aside has no one to go to any more
}

QString MessageLayouts::statusLine(const ShownMessage& m)
{
    switch (m.status) {
    case MessageStatus::Error:
        return QStringLiteral("⚠ ") + m.error;
    case MessageStatus::Cancelled:
        return tr("Stopped before the end.");
    case MessageStatus::Interrupted:
        return tr("Cut off when Lyss last stopped.");
    case MessageStatus::Complete: // a stage could not check the finished reply: said here
        return m.error.isEmpty() ? QString() : QStringLiteral("⚠ ") + m.error;
    case MessageStatus::Streaming: // what a filter says it is doing
        return m.progress.isEmpty() ? QString() : QStringLiteral("⋯ ") + m.progress;
    }
    return {};
}

int MessageLayouts::emptyLead(const QTextDocument& doc)
{
    const QList<QTextFrame*> frames = doc.rootFrame()->childFrames();
    return doc.firstBlock().length() == 1 && !frames.isEmpty() &&
                   frames.first()->firstPosition() == 1
               ? 1
               : 0;
}

void MessageLayouts::setColors(const MessageColors& colors, const MessageColors& before)
{
    m_styleSheet = colors.styleSheet();
    m_cache.forEach([&](MessageLayout& layout) {
        layout.style = style(); // for the parts laid out later
        for (const auto& part : layout.parts) {
            if (part)
                colors.recolour(*part, before);
        }
        // New parts of a streaming reply are rendered with the new colours.
    });
}

void MessageLayouts::invalidate()
{
    ++m_generation; // what is rendered aside now holds the old words
    m_cache.invalidate();
}

void MessageLayouts::toggleThinking(const QString& id)
{
    if (!m_expandedThinking.remove(id))
        m_expandedThinking.insert(id);
}

std::unique_ptr<QTextDocument> MessageLayouts::newPart(MessageLayout& layout,
                                                       const QString& html) const
{
    layout.style = style();
    return layout.makeDocument(html);
}

std::shared_ptr<const DocumentTemplate> MessageLayouts::style() const
{
    if (!m_style || !m_style->isFor(m_view->font(), m_styleSheet))
        m_style = std::make_shared<const DocumentTemplate>(m_view->font(), m_styleSheet);
    return m_style;
}

const MessageLayout& MessageLayouts::layoutFor(int row, int bodyWidth, const Chrome& chrome) const
{
    const ShownMessage& m = m_model->at(row);
    const int revision = m_model->revision(row);
    const bool expanded = m_expandedThinking.contains(m.id);
    std::shared_ptr<MessageLayout> slot = m_cache.use(m.id);
    if (slot) {
        const MessageLayout& cached = *slot;
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
    std::shared_ptr<MessageLayout> layout = continues ? slot : std::make_shared<MessageLayout>();
    // The parts of a long text do not depend on the width: a resize lays them out again
    // but does not render them again.
    if (!continues && slot && slot->revision == revision && slot->rendered)
        layout->rendered = slot->rendered;
    layout->revision = revision;
    layout->textCut = m.contentCut;
    layout->bodyWidth = bodyWidth;
    layout->inset = m.role == Role::User ? MessageLayout::kBubbleInset : 0;
    layout->expanded = expanded;
    layout->rendering = false;
    // What is around the body first: the room a row has for the body depends on it.
    if (!m.thinking.isEmpty() && expanded) {
        layout->thinking.setDefaultFont(m_view->font());
        layout->thinking.setDocumentMargin(0);
        layout->thinking.setPlainText(MessageLayout::withShortLines(m.thinking));
        layout->thinking.setTextWidth(bodyWidth - 12);
    }
    const Chrome& g = chrome;
    const QFontMetrics fm(m_view->font());
    int h = g.padY * 2 + fm.height() + 4; // header
    if (!m.thinking.isEmpty())
        h += fm.height() + 6 +
             (expanded ? static_cast<int>(layout->thinking.size().height()) + 6 : 0);
    // A reply that opens with code: room above its frame (your bubble has its padding).
    if (m.role != Role::User && BlockDecor::opensWithCode(m.content))
        h += BlockDecor::kRoomAboveCode;
    layout->bodyTop = h - g.padY + (m.role == Role::User ? 8 : 0);
    if (m.role == Role::User)
        h += 16; // bubble padding
    if (!statusLine(m).isEmpty())
        h += fm.height() + 6;
    layout->chrome = h;
    layout->minHeight = g.padY * 2 + g.avatar;
    layout->noteHeight = fm.height() + 8;
    layout->style = style();
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

void MessageLayouts::renderAside(const QString& id, const QString& markdown) const
{
    if (m_rendering.contains(id))
        return; // its result is checked against the text when it comes
    m_rendering.insert(id);
    QPointer<MessageLayouts> self(const_cast<MessageLayouts*>(this));
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

void MessageLayouts::rendered(const QString& id, const QString& markdown, int generation,
                              const std::shared_ptr<const QList<MarkdownRenderer::Part>>& parts)
{
    m_rendering.remove(id);
    const std::shared_ptr<MessageLayout> layout = m_cache.find(id);
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
    Q_EMIT rowChanged(row);
}

void MessageLayouts::ensureRendered(MessageLayout& layout, const ShownMessage& m) const
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

int MessageLayouts::estimateBodyHeight(const QString& content, int bodyWidth) const
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

int MessageLayouts::estimateHeight(const ShownMessage& m, int bodyWidth, const Chrome& chrome) const
{
    const QFontMetrics fm(m_view->font());
    ++m_estimates;
    return chrome.padY * 2 + fm.height() + 4 + estimateBodyHeight(m.content, bodyWidth) +
           (m.role == Role::User ? 16 : 0);
}

bool MessageLayouts::layingOut() const
{
    if (!m_rendering.isEmpty())
        return true;
    return m_cache.anyOf(
        [](const MessageLayout& l) { return l.rendering || l.behind || l.hasPending(); });
}

QString MessageLayouts::shownText(const QString& messageId) const
{
    const auto layout = m_cache.find(messageId);
    if (!layout)
        return {};
    if (const int row = m_model->rowOf(messageId); row >= 0)
        ensureRendered(*layout, m_model->at(row));
    layout->layOutAll();
    grew(messageId);
    QStringList pieces;
    for (const auto& part : layout->parts)
        pieces << part->toPlainText().mid(emptyLead(*part));
    return pieces.join(QLatin1Char('\n'));
}

void MessageLayouts::layOutWhole(const QString& messageId) const
{
    const auto layout = m_cache.find(messageId);
    if (!layout || layout->rendering)
        return;
    layout->layOutAll();
    grew(messageId);
}

int MessageLayouts::partsShown(const QString& messageId) const
{
    const auto layout = m_cache.find(messageId);
    return layout ? static_cast<int>(layout->parts.size()) : 0;
}

CopiedText MessageLayouts::selected(const MessageSelection& selection, int bodyWidth,
                                    const Chrome& chrome) const
{
    CopiedText copied;
    if (selection.isEmpty())
        return copied;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const auto [from, to] = selection.in(row);
        if (from >= to)
            continue;
        // A huge message the row shows only the start of is copied whole.
        if (m_model->at(row).contentCut)
            (void)m_model->readWhole(row);
        // Rows off screen are laid out now: what is copied is what would be shown.
        auto& layout = const_cast<MessageLayout&>(layoutFor(row, bodyWidth, chrome));
        ensureRendered(layout, m_model->at(row));
        layout.layOutAll();
        grew(m_model->at(row).id);
        bool first = true;
        for (size_t i = 0; i < layout.parts.size(); ++i) {
            const QTextDocument& doc = *layout.parts[i];
            const int start = layout.partStart[i];
            if (to <= start || from >= start + doc.characterCount())
                continue;
            copied.add(doc, std::max(from - start, emptyLead(doc)), to - start,
                       std::exchange(first, false));
        }
    }
    return copied;
}

} // namespace lyss
