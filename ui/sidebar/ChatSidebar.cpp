// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar/ChatSidebar.h"
#include "common/PlainText.h"

#include "store/ChatStore.h"

#include <QHash>

#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace lyss {

namespace {
constexpr int kChatIdRole = Qt::UserRole + 1;
constexpr int kMessageIdRole = Qt::UserRole + 2; // the message a search found
} // namespace

ChatSidebar::ChatSidebar(ChatStore& chats, QWidget* parent)
    : QWidget(parent)
    , m_store(chats)
    , m_search(new QLineEdit(this))
    , m_new(new QPushButton(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("sidebar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_new->setObjectName(QStringLiteral("newChat"));
    m_search->setObjectName(QStringLiteral("chatSearch"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("chatList"));
    retranslate();
    m_list->setWordWrap(true);
    m_list->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_new);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);

    connect(m_new, &QPushButton::clicked, this, &ChatSidebar::newChatRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ChatSidebar::rebuild);
    m_search->installEventFilter(this); // Esc: clears the search, never stops a reply
    connect(m_list, &QListWidget::itemActivated, this, &ChatSidebar::activate);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &ChatSidebar::showMenu);
    connect(m_list, &QListWidget::itemClicked, this, &ChatSidebar::activate);
}

QString ChatSidebar::groupOf(const Chat& chat, const QDateTime& now)
{
    if (chat.pinned)
        return tr("Pinned");
    const QDate day = QDateTime::fromMSecsSinceEpoch(chat.updatedAt).date();
    const qint64 age = day.daysTo(now.date());
    if (age <= 0)
        return tr("Today");
    if (age == 1)
        return tr("Yesterday");
    if (age <= 7)
        return tr("Previous 7 days");
    return tr("Older");
}

void ChatSidebar::retranslate()
{
    m_new->setText(tr("New chat"));
    m_new->setAccessibleName(tr("New chat"));
    m_new->setToolTip(tr("New chat (Ctrl+N)"));
    m_search->setPlaceholderText(tr("Search chats (Ctrl+K)"));
    m_search->setAccessibleName(tr("Search chats"));
    m_list->setAccessibleName(tr("Chats"));
}

void ChatSidebar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild(); // the group headings
    }
}

void ChatSidebar::reload()
{
    auto chats = m_store.chats().listChats();
    m_all = chats ? *chats : QList<ChatSummary>{};
    std::stable_partition(m_all.begin(), m_all.end(),
                          [](const ChatSummary& s) { return s.chat.pinned; });
    rebuild();
}

void ChatSidebar::setHiddenChat(const QString& chatId)
{
    m_hidden = chatId;
    rebuild();
}

void ChatSidebar::showMenu(const QPoint& pos)
{
    QListWidgetItem* item = m_list->itemAt(pos);
    const QString id = item ? item->data(kChatIdRole).toString() : QString();
    if (id.isEmpty())
        return;
    if (auto menu = menuFor(id))
        menu->exec(m_list->viewport()->mapToGlobal(pos));
}

std::unique_ptr<QMenu> ChatSidebar::menuFor(const QString& id)
{
    auto chat = m_store.chats().chat(id);
    if (!chat || !chat->has_value())
        return nullptr;
    const Chat c = **chat;
    auto menu = std::make_unique<QMenu>(this);
    if (!m_readOnlyReason.isEmpty()) {
        // Nothing that changes the chat, and why not.
        QAction* why = menu->addAction(tr("Read only: nothing can be changed"));
        why->setEnabled(false);
        why->setToolTip(m_readOnlyReason);
        return menu;
    }
    menu->addAction(tr("Rename…"), this, [this, c] {
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename chat"), tr("Title:"),
                                                    QLineEdit::Normal, c.title, &ok);
        if (ok && !title.trimmed().isEmpty())
            changed(m_store.chats().renameChat(c.id, title));
    });
    menu->addAction(c.pinned ? tr("Unpin") : tr("Pin"), this,
                    [this, c] { changed(m_store.chats().setPinned(c.id, !c.pinned)); });
    menu->addAction(tr("Archive"), this,
                    [this, c] { changed(m_store.chats().setArchived(c.id, true)); });
    menu->addSeparator();
    menu->addAction(tr("Delete"), this, [this, c] { Q_EMIT deleteRequested(c.id); });
    return menu;
}

void ChatSidebar::setCurrentChat(const QString& chatId)
{
    m_current = chatId;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(kChatIdRole).toString() == chatId) {
            m_list->setCurrentItem(item);
            return;
        }
    }
    m_list->clearSelection();
}

bool ChatSidebar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
        static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // the window's Esc (stop the reply) is not this one's
            return true;
        }
        if (!m_search->text().isEmpty())
            m_search->clear();
        else
            Q_EMIT searchDismissed();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ChatSidebar::activate(QListWidgetItem* item)
{
    const QString id = item->data(kChatIdRole).toString();
    if (id.isEmpty())
        return;
    // A chat found by a message's words opens at that message.
    if (const QString message = item->data(kMessageIdRole).toString(); !message.isEmpty())
        Q_EMIT messageActivated(id, message);
    else
        Q_EMIT chatActivated(id);
}

void ChatSidebar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ChatSidebar::rebuild()
{
    m_list->clear();
    const QString query = m_search->text().trimmed();
    QHash<QString, SearchHit> snippets; // each chat's best hit
    if (!query.isEmpty()) {
        if (auto hits = m_store.search().search(query, 200)) {
            for (const SearchHit& h : *hits) {
                if (!snippets.contains(h.chatId))
                    snippets.insert(h.chatId, h);
            }
        }
    }
    const QDateTime now = QDateTime::currentDateTime();
    QString group;
    QFont headerFont = font();
    headerFont.setWeight(QFont::DemiBold);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.9);
    for (const ChatSummary& s : m_all) {
        const Chat& c = s.chat;
        if (c.id == m_hidden)
            continue;
        const bool titleMatch = c.title.contains(query, Qt::CaseInsensitive);
        if (!query.isEmpty() && !titleMatch && !snippets.contains(c.id))
            continue;
        if (const QString g = groupOf(c, now); g != group) {
            group = g;
            auto* header = new QListWidgetItem(g, m_list);
            header->setFlags(Qt::NoItemFlags);
            header->setFont(headerFont);
        }
        QString text = c.title.isEmpty() ? tr("Untitled chat") : c.title;
        if (!titleMatch && snippets.contains(c.id))
            text += QLatin1Char('\n') + snippets.value(c.id).snippet;
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kChatIdRole, c.id);
        if (!titleMatch && snippets.contains(c.id))
            item->setData(kMessageIdRole, snippets.value(c.id).messageId);
        item->setToolTip(plainToolTip(c.title));
        if (c.id == m_current)
            m_list->setCurrentItem(item);
    }
    if (!query.isEmpty() && m_list->count() == 0) {
        auto* none =
            new QListWidgetItem(tr("No chat has “%1”. Esc clears the search.").arg(query), m_list);
        none->setFlags(Qt::NoItemFlags);
        none->setData(Qt::AccessibleTextRole, none->text());
    }
}

void ChatSidebar::changed(const Status& edit)
{
    // A chat deleted meanwhile (lyss-cli, another window) leaves the list too.
    if (edit.ok() || edit.errorCode() == ErrorCode::NotFound) {
        reload();
        Q_EMIT chatsChanged();
    }
}

} // namespace lyss
