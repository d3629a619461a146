// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar/ChatSidebar.h"
#include "common/PlainText.h"
#include "common/Spacing.h"
#include "sidebar/ChatListModel.h"
#include "sidebar/ChatRowDelegate.h"

#include "store/ChatStore.h"
#include "store/sqlite/BackgroundSearch.h"

#include <QAction>
#include <QHash>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace lyss {

namespace {
// How long typing may pause before the messages are searched: a fast typist's keys come
// closer together, so one search runs per burst rather than per key.
constexpr int kSearchDelayMs = 60;
// The messages a search ranks and shows at most.
constexpr int kSearchLimit = 200;
// The newest chats read at once; the rest come from the search thread (10,000 chats are
// 20 ms of QtSql, and the first screen shows twenty).
constexpr int kFirstChats = 100;
} // namespace

ChatSidebar::ChatSidebar(ChatStore& chats, BackgroundSearch& search, QWidget* parent)
    : QWidget(parent)
    , m_store(chats)
    , m_background(search)
    , m_search(new QLineEdit(this))
    , m_new(new QPushButton(this))
    , m_list(new QListView(this))
    , m_model(new ChatListModel(this))
{
    setObjectName(QStringLiteral("sidebar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(space::s, space::s, space::s, space::s);
    layout->setSpacing(space::s);
    m_new->setObjectName(QStringLiteral("newChat"));
    m_search->setObjectName(QStringLiteral("chatSearch"));
    // Its own clear button: the style's would load every image format plugin at start-up
    // (Qt reads its bitmap through them), 4 libraries for one icon.
    m_clear = m_search->addAction(QIcon(), QLineEdit::TrailingPosition);
    m_clear->setObjectName(QStringLiteral("clearSearch"));
    m_clear->setVisible(false);
    connect(m_clear, &QAction::triggered, this, [this] {
        m_search->clear();
        m_search->setFocus();
    });
    m_list->setObjectName(QStringLiteral("chatList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ChatRowDelegate(m_list));
    m_list->setUniformItemSizes(true); // every row is as tall as the others, until a search
    m_list->setMouseTracking(true);    // the hover
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("noChatsYet"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    makeMuted(m_empty); // as the settings pages' notes
    m_empty->setContentsMargins(space::s, space::m, space::s, 0);
    m_empty->hide();
    retranslate();
    layout->addWidget(m_new);
    layout->addWidget(m_search);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_empty, 1); // in the list's place while there is none
    layout->addWidget(m_list, 1);
    connect(m_model, &ChatListModel::modelReset, this, &ChatSidebar::showWhetherEmpty);
    connect(m_model, &ChatListModel::rowsInserted, this, &ChatSidebar::showWhetherEmpty);
    connect(m_model, &ChatListModel::rowsRemoved, this, &ChatSidebar::showWhetherEmpty);

    // At midnight the groups move on a day (Today becomes Yesterday).
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        if (!m_model->showsResults())
            m_model->showAll();
        setCurrentChat(m_current);
        startMidnightTimer();
    });
    startMidnightTimer();
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this,
            [this] { m_background.search(m_query, kSearchLimit); });
    connect(&m_background, &BackgroundSearch::found, this,
            [this](quint64 ticket, const QString& text, const QList<SearchHit>& hits,
                   const QString& error) {
                if (ticket != m_background.latest() || text != m_query)
                    return;
                m_hits = hits;
                m_hitsFor = error.isEmpty() ? text : QString();
                showFound(hits, true, error);
            });
    connect(&m_background, &BackgroundSearch::chatsListed, this,
            [this](quint64 ticket, QList<ListedChat> listed, const QString& error) {
                if (ticket != m_expectedList)
                    return; // asked before the last reload
                m_expectedList = 0;
                if (!error.isEmpty()) {
                    // The newest chats stay listed; the rest is asked for again.
                    m_restWanted = true;
                    QTimer::singleShot(2000, this, &ChatSidebar::askForTheRest);
                    return;
                }
                if (!m_hidden.isEmpty())
                    listed.removeIf([this](const ListedChat& c) { return c.id == m_hidden; });
                m_model->addRest(std::move(listed));
                if (m_model->showsResults())
                    refilter(); // titles among the rest too
                setCurrentChat(m_current);
            });
    connect(m_new, &QPushButton::clicked, this, &ChatSidebar::newChatRequested);
    connect(m_search, &QLineEdit::textChanged, this, &ChatSidebar::searchChanged);
    connect(m_search, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_clear->setVisible(!text.isEmpty()); });
    m_search->installEventFilter(this);           // Esc: clears the search, never stops a reply
    m_list->viewport()->installEventFilter(this); // painted: the rest of the chats
    connect(m_list, &QListView::activated, this, &ChatSidebar::activate);
    connect(m_list, &QListView::clicked, this, &ChatSidebar::activate);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QListView::customContextMenuRequested, this, &ChatSidebar::showMenu);
}

QString ChatSidebar::groupOf(const Chat& chat, const QDateTime& now)
{
    return ChatListModel::groupTitle(ChatListModel::groupOf(chat.pinned, chat.updatedAt, now));
}

bool ChatSidebar::searchesMessages(const QString& text)
{
    if (text.size() >= 2)
        return true;
    // One character of a script without spaces between words is a word already.
    return !text.isEmpty() && text.at(0).unicode() >= 0x2E80;
}

void ChatSidebar::retranslate()
{
    m_new->setText(tr("New chat"));
    m_new->setAccessibleName(tr("New chat"));
    m_new->setToolTip(tr("New chat (Ctrl+N)"));
    m_search->setPlaceholderText(tr("Search chats (Ctrl+K)"));
    m_search->setAccessibleName(tr("Search chats"));
    m_clear->setText(tr("Clear the search"));
    m_clear->setToolTip(tr("Clear the search"));
    m_list->setAccessibleName(tr("Chats"));
    m_empty->setText(tr("No chats yet. What you ask appears here, to come back to."));
}

void ChatSidebar::showWhetherEmpty()
{
    const bool empty = !m_model->showsResults() && m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void ChatSidebar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate(); // the group headings
        if (m_model->showsResults())
            refilter(); // the note
    }
}

void ChatSidebar::reload()
{
    auto chats = m_store.chats().listedChats(kFirstChats);
    QList<ListedChat> entries = chats ? std::move(*chats) : QList<ListedChat>{};
    m_expectedList = 0; // a list still coming was read before this one
    m_restWanted = entries.size() == kFirstChats;
    if (m_restWanted) // the rest after this list is painted (or a search, or half a second)
        QTimer::singleShot(500, this, &ChatSidebar::askForTheRest);
    if (!m_hidden.isEmpty())
        entries.removeIf([this](const ListedChat& c) { return c.id == m_hidden; });
    m_model->setChats(std::move(entries));
    if (m_model->showsResults()) {
        refilter();
        askForTheRest(); // every title is searched
    }
    setCurrentChat(m_current);
}

void ChatSidebar::startMidnightTimer()
{
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 ms = now.msecsTo(QDate::currentDate().addDays(1).startOfDay()) + 1000;
    m_midnight.start(int(std::clamp<qint64>(ms, 1000, 24 * 3600 * 1000)));
}

void ChatSidebar::askForTheRest()
{
    if (!m_restWanted)
        return;
    m_restWanted = false;
    m_expectedList = m_background.listChats();
}

void ChatSidebar::refreshChat(const QString& chatId)
{
    if (chatId.isEmpty())
        return;
    std::optional<ChatListModel::Entry> entry;
    if (auto chat = m_store.chats().chat(chatId);
        chat && chat->has_value() && !(*chat)->archived && chatId != m_hidden)
        entry = ChatListModel::entryOf(**chat);
    m_model->updateChat(chatId, entry);
    if (m_model->showsResults()) {
        // Its title may match now, or no longer; the words found stay on screen while
        // the messages are searched again.
        refilter();
        if (searchesMessages(m_query))
            m_searchDelay.start();
    }
    setCurrentChat(m_current);
}

QString ChatSidebar::firstChatId() const
{
    // The most recent, pinned or not.
    const QList<ListedChat>& all = m_model->chats();
    const auto newest =
        std::max_element(all.begin(), all.end(), [](const ListedChat& a, const ListedChat& b) {
            return a.updatedAt < b.updatedAt;
        });
    return newest == all.end() ? QString() : newest->id;
}

void ChatSidebar::refilter()
{
    const bool answered = m_hitsFor == m_query || !searchesMessages(m_query);
    showFound(m_hitsFor == m_query ? m_hits : QList<SearchHit>{}, answered);
}

void ChatSidebar::setHiddenChat(const QString& chatId)
{
    const QString was = m_hidden;
    m_hidden = chatId;
    if (!was.isEmpty() && was != chatId)
        refreshChat(was); // back, unless it is gone for good
    if (!chatId.isEmpty())
        refreshChat(chatId);
}

void ChatSidebar::showMenu(const QPoint& pos)
{
    const QString id = m_list->indexAt(pos).data(ChatListModel::ChatIdRole).toString();
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
            changed(c.id, m_store.chats().renameChat(c.id, title));
    });
    menu->addAction(c.pinned ? tr("Unpin") : tr("Pin"), this,
                    [this, c] { changed(c.id, m_store.chats().setPinned(c.id, !c.pinned)); });
    menu->addAction(tr("Archive"), this,
                    [this, c] { changed(c.id, m_store.chats().setArchived(c.id, true)); });
    menu->addSeparator();
    menu->addAction(tr("Delete"), this, [this, c] { Q_EMIT deleteRequested(c.id); });
    return menu;
}

void ChatSidebar::setCurrentChat(const QString& chatId)
{
    m_current = chatId;
    const int row = m_model->rowOfChat(chatId);
    if (row < 0) {
        m_list->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row);
    if (m_list->currentIndex() != index)
        m_list->setCurrentIndex(index);
    else if (!m_list->selectionModel()->isSelected(index))
        m_list->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
}

bool ChatSidebar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Paint && m_restWanted)
        QMetaObject::invokeMethod(this, &ChatSidebar::askForTheRest, Qt::QueuedConnection);
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

void ChatSidebar::activate(const QModelIndex& index)
{
    const QString id = index.data(ChatListModel::ChatIdRole).toString();
    if (id.isEmpty())
        return;
    // A chat found by a message's words opens at that message.
    if (const QString message = index.data(ChatListModel::MessageIdRole).toString();
        !message.isEmpty())
        Q_EMIT messageActivated(id, message);
    else
        Q_EMIT chatActivated(id);
}

void ChatSidebar::setClearIcon(const QIcon& icon)
{
    m_clear->setIcon(icon);
}

void ChatSidebar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ChatSidebar::searchChanged()
{
    m_query = m_search->text().trimmed();
    m_searchDelay.stop();
    if (m_query.isEmpty()) {
        m_background.cancel();
        m_model->showAll();
        m_list->setUniformItemSizes(true);
        setCurrentChat(m_current);
        return;
    }
    askForTheRest(); // every title is searched
    // The titles at once; the messages once typing pauses.
    const bool messages = searchesMessages(m_query);
    if (messages)
        m_searchDelay.start();
    else
        m_background.cancel();
    showFound({}, !messages);
}

void ChatSidebar::showFound(const QList<SearchHit>& hits, bool answered, const QString& error)
{
    QList<ChatListModel::Found> found;
    QSet<QString> listed;
    QHash<QString, int> where; // a chat's place among every chat
    const QList<ChatListModel::Entry>& all = m_model->chats();
    for (int i = 0; i < all.size(); ++i) {
        const ChatListModel::Entry& e = all[i];
        if (e.title.contains(m_query, Qt::CaseInsensitive)) {
            found.append({e, {}, {}});
            listed.insert(e.id);
        }
        if (!hits.isEmpty())
            where.insert(e.id, i);
    }
    // Then the chats found by their words, the best match first, each once.
    for (const SearchHit& h : hits) {
        const auto at = where.constFind(h.chatId);
        if (at == where.constEnd() || listed.contains(h.chatId))
            continue; // archived, hidden, or listed by its title already
        listed.insert(h.chatId);
        found.append({all[*at], h.messageId, h.snippet});
    }
    QString none;
    if (!answered)
        none = tr("Searching the messages…");
    else if (!error.isEmpty())
        none = tr("The search failed: %1").arg(error);
    else
        none = tr("No chat has “%1”. Esc clears the search.").arg(m_query);
    // The rows with found words are taller; titles alone are as tall as every row.
    m_list->setUniformItemSizes(std::none_of(found.cbegin(), found.cend(),
                                             [](const auto& f) { return !f.snippet.isEmpty(); }));
    m_model->showResults(found, none);
    setCurrentChat(m_current);
}

void ChatSidebar::changed(const QString& chatId, const Status& edit)
{
    // A chat deleted meanwhile (lyss-cli, another window) leaves the list too.
    if (edit.ok() || edit.errorCode() == ErrorCode::NotFound) {
        refreshChat(chatId);
        Q_EMIT chatsChanged();
    }
}

} // namespace lyss
