// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ChatDrawer.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSplitter>

#include <algorithm>

namespace lyss {

namespace {
constexpr int kListWidth = 320; // at most, on a narrow window
constexpr int kBeside = 56;     // at least this much of the conversation stays to click on
} // namespace

ChatDrawer::ChatDrawer(QSplitter* splitter, QWidget* list, QWidget* parent)
    : QWidget(parent)
    , m_splitter(splitter)
    , m_list(list)
{
    setObjectName(QStringLiteral("chatDrawer"));
    hide();
    m_splitter->installEventFilter(this);
    // The keyboard stays in the open drawer or closes it: Tab out of the list does not
    // reach the controls under the dimmed conversation.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (isOpen() && now && !isAncestorOf(now) && now->window() == window())
            closeDrawer();
    });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (!m_narrow && m_splitter->indexOf(m_list) == 0)
            m_paneWidth = m_splitter->sizes().constFirst(); // the width the person gave it
    });
}

int ChatDrawer::listWidthFor(int width)
{
    return std::max(0, std::min(kListWidth, width - kBeside));
}

void ChatDrawer::setNarrow(bool narrow)
{
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    if (narrow) {
        m_wideVisible = !m_list->isHidden();
        m_list->setParent(this); // out of the splitter, which no longer counts its width
        m_list->setAutoFillBackground(true);
        hide();
    } else {
        hide();
        m_list->setAutoFillBackground(false);
        m_splitter->insertWidget(0, m_list);
        m_list->setVisible(m_wideVisible);
        const int total = m_splitter->width();
        m_splitter->setSizes({m_paneWidth, std::max(0, total - m_paneWidth)});
    }
}

void ChatDrawer::openDrawer()
{
    if (!m_narrow)
        return;
    follow();
    m_list->show();
    show();
    raise();
    m_list->setFocus();
}

void ChatDrawer::closeDrawer()
{
    if (isVisible())
        hide();
}

void ChatDrawer::reveal()
{
    if (m_narrow)
        openDrawer();
    else
        m_list->show();
}

void ChatDrawer::toggle()
{
    if (!m_narrow)
        m_list->setVisible(!m_list->isVisible());
    else if (isVisible())
        closeDrawer();
    else
        openDrawer();
}

void ChatDrawer::follow()
{
    setGeometry(m_splitter->geometry());
    m_list->setGeometry(0, 0, listWidthFor(width()), height());
}

bool ChatDrawer::event(QEvent* event)
{
    // Esc in the open drawer closes it (the window's Esc, which stops a reply, is not this
    // one): the key then comes here from the list, which does not use it.
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
        static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

bool ChatDrawer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_splitter && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        follow();
    return QWidget::eventFilter(watched, event);
}

void ChatDrawer::paintEvent(QPaintEvent*)
{
    // The conversation beside the list, dimmed; the list's edge drawn as a line.
    QPainter p(this);
    const int edge = m_list->geometry().right() + 1;
    p.fillRect(QRect(edge, 0, width() - edge, height()), QColor(0, 0, 0, 110));
    p.fillRect(QRect(edge, 0, 1, height()), palette().color(QPalette::Mid));
}

void ChatDrawer::mousePressEvent(QMouseEvent* event)
{
    if (event->position().x() > m_list->geometry().right()) {
        closeDrawer();
        Q_EMIT dismissed();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ChatDrawer::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        closeDrawer();
        Q_EMIT dismissed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace lyss
