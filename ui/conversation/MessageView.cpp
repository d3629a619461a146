// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageView.h"
#include "common/PlainText.h"

#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "markdown/MarkdownRenderer.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDesktopServices>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>

namespace lyss {

MessageView::MessageView(MessageModel* model, QWidget* parent)
    : QListView(parent)
    , m_model(model)
    , m_delegate(new MessageDelegate(model, this))
    , m_jump(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageView"));
    setModel(model);
    setItemDelegate(m_delegate);
    setUniformItemSizes(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFrameShape(QFrame::NoFrame);
    setResizeMode(QListView::Adjust);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);

    m_jump->setObjectName(QStringLiteral("jumpToLatest"));
    retranslate();
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, &MessageView::scrollToLatest);
    // Older messages came in above: a selection moves down with its rows.
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                if (first != 0 || !m_delegate->hasSelection())
                    return;
                const int n = last - first + 1;
                const MessageDelegate::Selection s = m_delegate->selection();
                m_delegate->setSelection(s.anchorRow + n, s.anchorPosition, s.focusRow + n,
                                         s.focusPosition);
            });
    // Another branch or chat: the rows a selection named are gone.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_delegate->clearSelection();
        m_selecting = false;
    });
    // Rows came, went or moved under a resting pointer: its hover follows what is there.
    const auto rehover = [this] {
        // Nothing to follow while the pointer is elsewhere and nothing is lit (a streaming
        // reply scrolls the view at every frame).
        if (m_hovered < 0 && !viewport()->underMouse())
            return;
        QMetaObject::invokeMethod(
            this, [this] { updateHover(viewport()->mapFromGlobal(QCursor::pos())); },
            Qt::QueuedConnection);
    };
    connect(model, &QAbstractItemModel::modelReset, this, rehover);
    connect(model, &QAbstractItemModel::rowsInserted, this, rehover);
    connect(model, &QAbstractItemModel::rowsRemoved, this, rehover);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, rehover);

    QScrollBar* bar = verticalScrollBar();
    // The user's scrolling decides whether we follow new text; our own does not.
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (m_adjusting)
            return;
        m_stick = value >= bar->maximum() - 4;
        m_jump->setVisible(!m_stick);
        placeJumpButton();
        // Near the top of what is loaded: the older messages, before they are needed.
        if (value < viewport()->height() && m_model->hasOlder() && !m_loadingOlder) {
            m_loadingOlder = true;
            QMetaObject::invokeMethod(this, &MessageView::showOlder, Qt::QueuedConnection);
        }
    });
    // The scroll bar covers the whole chat once it is reached for: what is not loaded yet
    // is, when the pointer comes onto it (so that a drag starts on the whole range), or at
    // the latest when it is pressed.
    bar->installEventFilter(this);
    connect(bar, &QScrollBar::sliderPressed, this, [this] {
        if (m_model->hasOlder())
            loadOlderKeepingPlace(-1);
    });
    connect(bar, &QScrollBar::actionTriggered, this, [this](int action) {
        if (action == QAbstractSlider::SliderToMinimum) // the scroll bar's menu: "Top"
            scrollToFirst();
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (!m_stick)
            return;
        m_adjusting = true;
        bar->setValue(max);
        m_adjusting = false;
    });

    m_blink.setInterval(530);
    connect(&m_blink, &QTimer::timeout, this, [this] {
        static bool on = true;
        on = !on;
        m_delegate->setCursorVisible(on);
        if (m_model->rowCount() > 0)
            update(m_model->index(m_model->rowCount() - 1));
    });
}

void MessageView::setStreaming(bool streaming)
{
    if (streaming && !m_blink.isActive())
        m_blink.start();
    else if (!streaming) {
        m_blink.stop();
        m_delegate->setCursorVisible(true);
    }
}

void MessageView::scrollToLatest()
{
    m_stick = true;
    m_jump->hide();
    m_adjusting = true;
    scrollToBottom();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = false;
}

void MessageView::placeJumpButton()
{
    m_jump->adjustSize();
    const QRect vp = viewport()->geometry();
    m_jump->move(vp.center().x() - m_jump->width() / 2, vp.bottom() - m_jump->height() - 12);
    m_jump->raise();
}

void MessageView::retranslate()
{
    setAccessibleName(tr("Messages"));
    m_jump->setText(tr("↓ Jump to latest"));
    m_jump->setAccessibleName(tr("Jump to the latest message"));
}

void MessageView::changeEvent(QEvent* event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_delegate->languageChanged(); // the words painted and laid out in the messages
        placeJumpButton();
    }
}

void MessageView::paintEvent(QPaintEvent* event)
{
    QListView::paintEvent(event);
    if (!m_painted) {
        m_painted = true;
        Q_EMIT firstPaint();
    }
}

void MessageView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                              const QList<int>& roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    // A row that grew (a streaming reply) is measured now and the list laid out at once:
    // the next paint is the only one, at the right height, instead of a paint at the old
    // height, a relayout and a second paint.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex index = m_model->index(row);
        const QRect shown = visualRect(index);
        if (shown.isValid() && sizeHintForIndex(index).height() != shown.height()) {
            doItemsLayout();
            break;
        }
    }
}

void MessageView::resizeEvent(QResizeEvent* event)
{
    QListView::resizeEvent(event);
    placeJumpButton();
    if (m_stick)
        scrollToLatest();
}

void MessageView::mousePressEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    const auto hit = m_delegate->hitTest(index, visualRect(index), pos);
    if (event->button() == Qt::LeftButton && hit.action == MessageDelegate::Action::None) {
        // Selecting text starts here; it may go on into other messages.
        const int at = m_delegate->positionAt(index, visualRect(index), pos);
        if (at >= 0) {
            m_selecting = true;
            m_delegate->setSelection(index.row(), at, index.row(), at);
        } else {
            m_delegate->clearSelection();
        }
        viewport()->update();
        setFocus(Qt::MouseFocusReason);
    }
    QListView::mousePressEvent(event);
}

void MessageView::showOlder()
{
    m_loadingOlder = false;
    loadOlderKeepingPlace(MessageModel::kWindow);
}

void MessageView::loadOlderKeepingPlace(int count)
{
    // The messages on screen stay where they are while rows come in above them.
    QScrollBar* bar = verticalScrollBar();
    const int fromBottom = bar->maximum() - bar->value();
    const bool more = count == MessageModel::kWindow ? m_model->loadOlder() : m_model->loadAll();
    if (!more)
        return;
    doItemsLayout();
    m_adjusting = true;
    bar->setValue(bar->maximum() - fromBottom);
    m_adjusting = false;
}

void MessageView::scrollToFirst()
{
    if (m_model->hasOlder())
        loadOlderKeepingPlace(-1);
    if (m_model->rowCount() == 0)
        return;
    verticalScrollBar()->setValue(0); // counts as the person's own scrolling
    setCurrentQuietly(0);
}

void MessageView::scrollPage(int pages)
{
    QScrollBar* bar = verticalScrollBar();
    // A page is what is shown less a line, so that a line of context stays in view; the
    // older messages come in as the view nears the top.
    const int page = std::max(bar->singleStep(), viewport()->height() - bar->singleStep());
    bar->setValue(bar->value() + pages * page);
    // The keyboard goes on from the message now at the top.
    if (const QModelIndex top = indexAt(QPoint(viewport()->width() / 2, 0)); top.isValid())
        setCurrentQuietly(top.row());
}

void MessageView::setCurrentQuietly(int row)
{
    setAutoScroll(false);
    setCurrentIndex(m_model->index(row));
    setAutoScroll(true);
}

bool MessageView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == verticalScrollBar() && event->type() == QEvent::Enter && m_model->hasOlder())
        loadOlderKeepingPlace(-1);
    return QListView::eventFilter(watched, event);
}

void MessageView::selectAllMessages()
{
    m_model->loadAll(); // all of the conversation, not only what was loaded
    if (m_model->rowCount() == 0)
        return;
    m_delegate->setSelection(0, 0, m_model->rowCount() - 1, MessageDelegate::kEnd);
    viewport()->update();
}

void MessageView::copySelection()
{
    if (CopiedText copied = m_delegate->selected(); !copied.text().isEmpty())
        QApplication::clipboard()->setMimeData(copied.mimeData());
}

void MessageView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAllMessages();
        event->accept();
        return;
    }
    // Shift+F10 opens the current message's menu, as the Menu key does.
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QPoint());
        contextMenuEvent(&menu);
        event->accept();
        return;
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Home:
            scrollToFirst();
            event->accept();
            return;
        case Qt::Key_End:
            scrollToLatest();
            if (m_model->rowCount() > 0)
                setCurrentQuietly(m_model->rowCount() - 1);
            event->accept();
            return;
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            if (event->modifiers() == Qt::NoModifier) {
                scrollPage(event->key() == Qt::Key_PageUp ? -1 : 1);
                event->accept();
                return;
            }
            break;
        default:
            break;
        }
    }
    // Shift+Up and Shift+Down grow or shrink the selection a whole message at a time.
    const bool shift = event->modifiers() == Qt::ShiftModifier;
    const bool up = shift && event->key() == Qt::Key_Up;
    if ((up || (shift && event->key() == Qt::Key_Down)) && m_model->rowCount() > 0) {
        const int last = m_model->rowCount() - 1;
        if (!m_delegate->hasSelection()) {
            // From the end of the conversation (up) or the start of the first message seen.
            const int row = up ? last : std::max(0, indexAt(QPoint(0, 0)).row());
            m_delegate->setSelection(row, up ? MessageDelegate::kEnd : 0, row,
                                     up ? 0 : MessageDelegate::kEnd);
        } else {
            const MessageDelegate::Selection sel = m_delegate->selection();
            const int row = std::clamp(sel.focusRow + (up ? -1 : 1), 0, last);
            // Messages before the anchor are taken from their start, after it to their end.
            const bool before =
                row < sel.anchorRow || (row == sel.anchorRow && sel.anchorPosition > 0);
            m_delegate->setSelection(sel.anchorRow, sel.anchorPosition, row,
                                     before ? 0 : MessageDelegate::kEnd);
        }
        scrollTo(m_model->index(m_delegate->selection().focusRow));
        viewport()->update();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent* event)
{
    QListView::mouseMoveEvent(event);
    if ((event->buttons() & Qt::LeftButton) && m_selecting && m_model->rowCount() > 0) {
        // The selection follows the pointer into other messages; above or below a
        // message's text it takes the text's start or end.
        QPoint pos = event->position().toPoint();
        pos.setY(std::clamp(pos.y(), 0, viewport()->height() - 1));
        QModelIndex row = indexAt(pos);
        if (!row.isValid())
            row = m_model->index(pos.y() < viewport()->height() / 2 ? 0 : m_model->rowCount() - 1);
        const QRect rect = visualRect(row);
        int at = m_delegate->positionAt(row, rect, pos);
        if (at < 0)
            at = pos.y() < rect.center().y() ? 0 : MessageDelegate::kEnd;
        const auto current = m_delegate->selection();
        m_delegate->setSelection(current.anchorRow, current.anchorPosition, row.row(), at);
        viewport()->update();
    }
    updateHover(event->position().toPoint());
}

void MessageView::updateHover(QPoint pos)
{
    // The row and the action under the pointer (after rows came or went, or the view
    // scrolled, what is under it now).
    const bool inside = viewport()->rect().contains(pos);
    const QModelIndex index = inside ? indexAt(pos) : QModelIndex();
    const int row = index.isValid() ? index.row() : -1;
    const int old = m_hovered;
    m_hovered = row;
    m_delegate->setHoveredRow(row);
    if (old != row && old >= 0 && old < m_model->rowCount())
        update(m_model->index(old));
    using Action = MessageDelegate::Action;
    const auto hit = m_delegate->hitTest(index, visualRect(index), pos);
    viewport()->setCursor(hit.action == Action::None ? Qt::ArrowCursor : Qt::PointingHandCursor);
    const bool drawn = hit.action != Action::Link && hit.action != Action::ShowAll;
    const Action hot = drawn ? hit.action : Action::None;
    if (hot != m_delegate->hoveredAction() || old != row) {
        m_delegate->setHoveredAction(hot);
        if (index.isValid())
            update(index);
    }
}

void MessageView::leaveEvent(QEvent* event)
{
    QListView::leaveEvent(event);
    if (m_hovered >= 0 && m_hovered < m_model->rowCount())
        update(m_model->index(m_hovered));
    m_hovered = -1;
    m_delegate->setHoveredRow(-1);
    m_delegate->setHoveredAction(MessageDelegate::Action::None);
}

void MessageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_selecting = false;
    const QModelIndex index = indexAt(event->position().toPoint());
    const auto hit = m_delegate->hitTest(index, visualRect(index), event->position().toPoint());
    if (event->button() == Qt::LeftButton && hit.action == MessageDelegate::Action::Link &&
        hit.link.startsWith(QLatin1String("lyss-copy:"))) {
        const QStringList blocks = MarkdownRenderer::codeBlocks(m_model->at(index.row()).content);
        const int n = hit.link.mid(10).toInt();
        if (n >= 0 && n < blocks.size()) {
            QApplication::clipboard()->setText(blocks.at(n));
            // Said where the click was, for a moment: the link itself stays as it is.
            const QPoint at = event->position().toPoint();
            QToolTip::showText(viewport()->mapToGlobal(at), tr("Copied"), viewport(),
                               QRect(at - QPoint(24, 12), QSize(48, 24)), 1500);
            Q_EMIT codeCopied(blocks.at(n));
        }
        return;
    }
    if (event->button() == Qt::LeftButton && hit.action == MessageDelegate::Action::Link) {
        // Links open in the browser on click, and only web and mail links.
        if (MarkdownRenderer::isOpenableLink(hit.link))
            QDesktopServices::openUrl(QUrl(hit.link));
        return;
    }
    if (event->button() == Qt::LeftButton && hit.action != MessageDelegate::Action::None) {
        Q_EMIT actionTriggered(static_cast<int>(hit.action), index.row());
        return;
    }
    QListView::mouseReleaseEvent(event);
}

QMenu* MessageView::menuFor(int row)
{
    auto* menu = new QMenu(this);
    if (m_delegate->hasSelection())
        menu->addAction(tr("Copy"), QKeySequence::Copy, this, &MessageView::copySelection);
    menu->addAction(tr("Select all"), QKeySequence::SelectAll, this,
                    &MessageView::selectAllMessages);
    if (row < 0 || row >= m_model->rowCount())
        return menu;
    const ShownMessage& m = m_model->at(row);
    menu->addAction(tr("Copy message (markdown)"), this, [this, id = m.id] {
        const int at = m_model->rowOf(id);
        if (at < 0)
            return;
        if (auto text = m_model->wholeText(at))
            QApplication::clipboard()->setText(*text);
        else
            warnPlain(this, tr("Cannot copy"), text.errorMessage());
    });
    // What the hover buttons do, for the keyboard too.
    using Action = MessageDelegate::Action;
    const auto add = [this, menu, row](const QString& text, Action action) {
        menu->addAction(text, this, [this, row, action] {
            Q_EMIT actionTriggered(static_cast<int>(action), row);
        });
    };
    if (m.status != MessageStatus::Streaming && m_delegate->writable()) {
        menu->addSeparator();
        if (m.role == Role::Assistant)
            add(tr("Regenerate"), Action::Regenerate);
        // What the Continue button under a stopped or failed last reply does.
        if (m_delegate->offersContinue(m) && row == m_model->rowCount() - 1)
            add(tr("Continue the reply"), Action::Continue);
        if (m.role == Role::User)
            add(tr("Edit and send again"), Action::Edit);
        const auto [position, count] = m_model->siblingPosition(row);
        if (position > 1)
            add(tr("Previous version (%1 of %2)").arg(position - 1).arg(count),
                Action::PreviousSibling);
        if (position < count)
            add(tr("Next version (%1 of %2)").arg(position + 1).arg(count), Action::NextSibling);
        add(tr("Delete…"), Action::Delete);
    }
    return menu;
}

void MessageView::contextMenuEvent(QContextMenuEvent* event)
{
    // From the mouse: the message under it; from the keyboard (the Menu key, Shift+F10):
    // the current message, the one with the focus frame.
    const bool keyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    QMenu* menu = menuFor(index.row());
    const QPoint at = keyboard
                          ? viewport()->mapToGlobal(visualRect(index).topLeft() + QPoint(40, 24))
                          : event->globalPos();
    menu->exec(at);
    menu->deleteLater();
}

void MessageView::focusInEvent(QFocusEvent* event)
{
    const bool hadCurrent = currentIndex().isValid();
    QListView::focusInEvent(event); // would start on the first message
    // The keyboard starts on the latest message.
    if (!hadCurrent && m_model->rowCount() > 0) {
        setAutoScroll(false); // where the reader is stays put (the bottom, as a rule)
        setCurrentIndex(m_model->index(m_model->rowCount() - 1));
        setAutoScroll(true);
    }
}

} // namespace lyss
