// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QPixmap>
#include <QSet>
#include <QStyledItemDelegate>
#include <QThreadPool>
#include <QTimer>

#include <limits>
#include <memory>

#include "conversation/LayoutCache.h"
#include "conversation/MessageColors.h"
#include "conversation/MessageLayouts.h"
#include "conversation/MessageSelection.h"
#include "markdown/MarkdownRenderer.h"

class QAbstractItemView;
class QTextDocument;

namespace lyss {

class MessageLayout;
class MessageModel;
struct MessageGeometry;
struct ShownMessage;

// Paints one message: avatar, author and time, the markdown body, thinking (collapsed
// until clicked), and how a reply ended. Layouts are built only for rows that are
// painted and cached by (message, revision, width) within a budget of bytes (LayoutCache);
// rows never seen get an estimate, corrected once they are laid out. No widget per message.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr int kMaxColumnWidth = 760;

    enum class Action {
        None,
        Copy,
        Regenerate,
        Edit,
        Delete,
        PreviousSibling,
        NextSibling,
        Link,
        ShowAll, // the whole of a message too long for the conversation
        Retry,   // under a reply that failed or was stopped: asked again, as a new version
        Continue // beside Retry, when the reply has text and its server can go on with it
    };
    // The actions drawn under a reply's body (after its status line), not in its header.
    static bool underBody(Action action)
    {
        return action == Action::Retry || action == Action::Continue;
    }
    struct Hit {
        Action action = Action::None;
        QString link;
    };

    // The colours a message is painted with (the theme's); without them, shades of the
    // view's palette.
    using Colors = MessageColors;

    MessageDelegate(MessageModel* model, QAbstractItemView* view);
    Colors colors() const;
    // New colours: the laid-out messages are coloured again at once.
    void setColors(const Colors& colors);
    // Whether the store can be written: on a read-only database no message offers
    // Regenerate, Edit or Delete.
    void setWritable(bool writable) { m_writable = writable; }
    // Whether a stopped or failed reply with text offers Continue (the model picked now is
    // on a server that can go on with a reply).
    void setContinuable(bool continuable) { m_continuable = continuable; }
    bool continuable() const { return m_continuable; }
    // A reply that failed, was stopped or was cut off: Retry is offered under it.
    static bool endedEarly(const ShownMessage& m);
    // Whether such a reply offers Continue too: it has text, and the server can. Cheap (it
    // is asked at every paint and mouse move): the text is not copied.
    bool offersContinue(const ShownMessage& m) const;
    bool writable() const { return m_writable; }
    // Another language: laid-out messages hold words (a code block's "Copy"), so they are
    // laid out again.
    void languageChanged();
    ~MessageDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    // Over a message's header: when it was written, and for a reply what it cost.
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;
    QString headerTip(int row) const;

    // What is under `pos` (view coordinates) in the row `index` drawn at `rowRect`.
    Hit hitTest(const QModelIndex& index, const QRect& rowRect, const QPoint& pos) const;
    // Text selection, from a position in one message to a position in another (or the
    // same): character positions in the bodies, -1 if `pos` is not over a body.
    int positionAt(const QModelIndex& index, const QRect& rowRect, const QPoint& pos) const;
    static constexpr int kEnd = MessageSelection::kEnd;
    using Selection = MessageSelection;
    void setSelection(int anchorRow, int anchorPosition, int focusRow, int focusPosition)
    {
        m_selection = {anchorRow, anchorPosition, focusRow, focusPosition};
    }
    void clearSelection() { setSelection(-1, 0, -1, 0); }
    bool hasSelection() const { return !m_selection.isEmpty(); }
    Selection selection() const { return m_selection; }
    // The part of `row`'s body that is selected: [from, to), empty when none.
    QPair<int, int> selectionIn(int row) const { return m_selection.in(row); }
    QString selectedText() const;
    // The same as text and HTML (for the clipboard).
    CopiedText selected() const;

    // Find in this chat: every occurrence of `needle` in the messages is marked, and the
    // `occurrence`-th (from 0) of row `row` stands out; an empty needle marks nothing.
    void setFound(const QString& needle, int row = -1, int occurrence = -1);
    QString found() const { return m_found; }
    // The top of the line that holds `row`'s `occurrence`-th occurrence, from the row's
    // top; -1 when that line is not laid out.
    int foundTop(const QModelIndex& index, int occurrence) const;

    // Hover actions are drawn for this row only.
    void setHoveredRow(int row) { m_hovered = row; }
    // The action under the pointer in that row: drawn brighter.
    void setHoveredAction(Action action) { m_hoveredAction = action; }
    Action hoveredAction() const { return m_hoveredAction; }

    // The streaming cursor's blink phase.
    void setCursorVisible(bool visible)
    {
        m_cursorVisible = visible;
        ++m_pulse; // the typing dots move on with the same clock
    }
    void setCompact(bool compact);
    // How many message layouts were built so far (only visible rows are).
    int layoutsBuilt() const { return m_layouts.layoutsBuilt(); }
    const LayoutCache& layoutCache() const { return m_layouts.cache(); }
    // How many rows had their height estimated (each only when its text or width changed).
    int estimatesComputed() const { return m_layouts.estimatesComputed(); }
    // Whether a long text is still being rendered or laid out in parts (a frame at a time).
    bool layingOut() const { return m_layouts.layingOut(); }
    // The text of a laid-out message as shown (for tests and accessibility).
    QString shownText(const QString& id) const { return m_layouts.shownText(id); }
    // How many documents a laid-out message's body is made of (more than one for a reply
    // that streamed: its finished parts keep their layout).
    int partsShown(const QString& id) const { return m_layouts.partsShown(id); }
    // How many characters of markdown were rendered so far (each refresh of a streaming
    // reply renders only its open part).
    qint64 charsRendered() const { return m_layouts.charsRendered(); }

private:
    using Layout = MessageLayout;
    using Geometry = MessageGeometry;
    Geometry geometry(int rowWidth) const;
    MessageLayouts::Chrome chrome() const;
    // Under a body cut at the height of a row: the note and its "Show all" link.
    QPair<QRect, QRect> cutNote(const Layout& layout, const QRect& rowRect, const Geometry& g,
                                bool user) const;
    QList<QPair<Action, QRect>> actionRects(int row, const QRect& rowRect,
                                            QString* siblingLabel) const;

    MessageModel* m_model;
    QAbstractItemView* m_view;
    bool m_cursorVisible = true;
    int m_pulse = 0;
    bool m_writable = true;
    bool m_continuable = false;
    int m_hovered = -1;
    Action m_hoveredAction = Action::None;
    // The actions' icons, drawn once per colour and scale (a theme switch adds its own).
    QPixmap actionIcon(Action action, const QColor& color, qreal dpr) const;
    mutable QHash<QString, QPixmap> m_icons;
    Selection m_selection;
    QString m_found;
    int m_foundRow = -1;
    int m_foundOccurrence = -1;
    Colors m_colors;
    mutable MessageLayouts m_layouts;
    QTimer m_catchUp; // paints again while a layout shows less than its text
    QElapsedTimer m_sincePaint;
    bool m_compact = false;
};

} // namespace lyss
