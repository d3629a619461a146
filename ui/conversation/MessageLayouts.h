// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversation/CopiedText.h"
#include "conversation/DocumentTemplate.h"
#include "conversation/LayoutCache.h"
#include "conversation/MessageColors.h"
#include "markdown/MarkdownRenderer.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <memory>

class QTextDocument;
class QWidget;

namespace lyss {

class MessageLayout;
class MessageModel;
struct MessageSelection;
struct ShownMessage;

// The layout of each message of a conversation, with its height: built only for rows
// that are shown, kept by (message, revision, width) in a LayoutCache; a long finished
// text rendered on a thread of its own meanwhile; an estimate for a row not laid out yet.
class MessageLayouts : public QObject {
    Q_OBJECT

public:
    // What around a body a row takes (from the delegate's geometry).
    struct Chrome {
        int padY = 0;
        int avatar = 0;
    };

    // `view` gives the font; the layouts go with the delegate that owns them.
    MessageLayouts(MessageModel* model, QWidget* view, QObject* parent = nullptr);
    ~MessageLayouts() override;

    // The row's layout at `bodyWidth`, built or taken further (a streaming reply) if the
    // kept one is not for the row's text, width and thinking shown.
    const MessageLayout& layoutFor(int row, int bodyWidth, const Chrome& chrome) const;
    // A layout still waiting for its parts gets them now (for a copy, a click).
    void ensureRendered(MessageLayout& layout, const ShownMessage& m) const;
    // The row's height without laying it out.
    int estimateHeight(const ShownMessage& m, int bodyWidth, const Chrome& chrome) const;
    int estimateBodyHeight(const QString& content, int bodyWidth) const;
    // The kept layout of a message, if any.
    std::shared_ptr<MessageLayout> find(const QString& id) const { return m_cache.find(id); }
    const LayoutCache& cache() const { return m_cache; }
    // The kept layout of `id` laid out more parts: the cache takes its size again.
    void grew(const QString& id) const { m_cache.measureAgain(id); }

    bool thinkingShown(const QString& id) const { return m_expandedThinking.contains(id); }
    void toggleThinking(const QString& id);
    // New colours: the laid-out messages are coloured again in place.
    void setColors(const MessageColors& colors, const MessageColors& before);
    void setStyleSheet(const QString& styleSheet) { m_styleSheet = styleSheet; }
    // Every layout is stale (another language, another density): built again when shown.
    void invalidate();
    // A frame of the catch-up timer went by: a layout behind its text takes its next step.
    void nextFrame() { ++m_frame; }

    // The words under a message that did not end well ("" for one that did).
    static QString statusLine(const ShownMessage& m);
    // A document that opens with a table has an empty block before it, which one document
    // holding the whole text would not have: that block is not part of the text shown.
    static int emptyLead(const QTextDocument& doc);

    // What of the conversation `selection` covers, as shown (rows off screen are laid
    // out for it), as text and HTML.
    CopiedText selected(const MessageSelection& selection, int bodyWidth,
                        const Chrome& chrome) const;
    bool layingOut() const;
    QString shownText(const QString& messageId) const;
    // Lays out every part of the message's layout (find brings one of its lines into view).
    void layOutWhole(const QString& messageId) const;
    int partsShown(const QString& messageId) const;
    int layoutsBuilt() const { return m_layoutsBuilt; }
    int estimatesComputed() const { return m_estimates; }
    qint64 charsRendered() const { return m_charsRendered; }

Q_SIGNALS:
    // The row's layout changed outside a paint (its text rendered aside arrived).
    void rowChanged(int row);

private:
    // Renders a long text on m_renderPool; rendered() takes the parts if they are still
    // for the row's text (and words), or asks again.
    void renderAside(const QString& id, const QString& markdown) const;
    void rendered(const QString& id, const QString& markdown, int generation,
                  const std::shared_ptr<const QList<MarkdownRenderer::Part>>& parts);
    std::unique_ptr<QTextDocument> newPart(MessageLayout& layout, const QString& html) const;
    // The template for the view's font and m_styleSheet, made again when either changed.
    std::shared_ptr<const DocumentTemplate> style() const;

    MessageModel* m_model;
    QWidget* m_view;
    QString m_styleSheet;
    mutable std::shared_ptr<const DocumentTemplate> m_style;
    mutable LayoutCache m_cache;
    mutable QSet<QString> m_rendering; // messages rendered on m_renderPool now
    mutable QThreadPool m_renderPool;  // one thread; waited for when the layouts go
    int m_generation = 0;              // counts changes of language
    QSet<QString> m_expandedThinking;
    quint64 m_frame = 1; // counts the catch-up frames
    mutable int m_estimates = 0;
    mutable qint64 m_charsRendered = 0;
    mutable int m_layoutsBuilt = 0;
};

} // namespace lyss
