// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar/ChatListModel.h"
#include "common/PlainText.h"

#include <algorithm>

namespace lyss {

ChatListModel::Entry ChatListModel::entryOf(const Chat& chat)
{
    return {chat.id, chat.title, chat.updatedAt, chat.createdAt, chat.pinned};
}

ChatListModel::ChatListModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_days(Days::of(QDateTime::currentDateTime()))
{
}

ChatListModel::Days ChatListModel::Days::of(const QDateTime& now)
{
    const QDate today = now.date();
    return {today, today.startOfDay().toMSecsSinceEpoch(),
            today.addDays(-1).startOfDay().toMSecsSinceEpoch(),
            today.addDays(-7).startOfDay().toMSecsSinceEpoch()};
}

ChatListModel::Group ChatListModel::Days::groupOf(bool pinned, qint64 updatedAt) const
{
    if (pinned)
        return Group::Pinned;
    if (updatedAt >= todayStarts)
        return Group::Today;
    if (updatedAt >= yesterdayStarts)
        return Group::Yesterday;
    if (updatedAt >= weekStarts)
        return Group::Week;
    return Group::Older;
}

ChatListModel::Group ChatListModel::groupOf(bool pinned, qint64 updatedAt, const QDateTime& now)
{
    if (pinned)
        return Group::Pinned;
    const qint64 age = QDateTime::fromMSecsSinceEpoch(updatedAt).date().daysTo(now.date());
    if (age <= 0)
        return Group::Today;
    if (age == 1)
        return Group::Yesterday;
    if (age <= 7)
        return Group::Week;
    return Group::Older;
}

QString ChatListModel::groupTitle(Group group)
{
    switch (group) {
    case Group::Pinned:
        return tr("Pinned");
    case Group::Today:
        return tr("Today");
    case Group::Yesterday:
        return tr("Yesterday");
    case Group::Week:
        return tr("Previous 7 days");
    case Group::Older:
        break;
    }
    return tr("Older");
}

bool ChatListModel::before(const Entry& a, const Entry& b)
{
    if (a.pinned != b.pinned)
        return a.pinned;
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id < b.id;
}

ChatListModel::Row ChatListModel::chatRow(const Entry& e) const
{
    Row r;
    r.kind = Kind::Chat;
    r.group = m_days.groupOf(e.pinned, e.updatedAt);
    r.chat = e;
    return r;
}

QList<ChatListModel::Row> ChatListModel::grouped() const
{
    QList<Row> rows;
    rows.reserve(m_all.size() + 5);
    for (const Entry& e : m_all) {
        Row r = chatRow(e);
        if (rows.isEmpty() || rows.constLast().group != r.group) {
            Row heading;
            heading.kind = Kind::Heading;
            heading.group = r.group;
            rows.append(heading);
        }
        rows.append(std::move(r));
    }
    return rows;
}

void ChatListModel::sort(QList<Entry>& chats)
{
    // The store gives them newest first; the pinned go first.
    std::stable_partition(chats.begin(), chats.end(), [](const Entry& e) { return e.pinned; });
    if (!std::is_sorted(chats.begin(), chats.end(), &ChatListModel::before))
        std::sort(chats.begin(), chats.end(), &ChatListModel::before);
}

void ChatListModel::addRest(QList<Entry> chats)
{
    // What changed since the list was set is as it is here, not as it was read.
    if (!m_changed.isEmpty()) {
        chats.removeIf([this](const Entry& e) { return m_changed.contains(e.id); });
        for (const Entry& e : std::as_const(m_all)) {
            if (m_changed.contains(e.id))
                chats.append(e);
        }
        m_changed.clear();
    }
    sort(chats);
    const auto same = [](const Entry& a, const Entry& b) {
        return a.id == b.id && a.title == b.title && a.updatedAt == b.updatedAt &&
               a.pinned == b.pinned;
    };
    if (chats.size() < m_all.size() ||
        !std::equal(m_all.cbegin(), m_all.cend(), chats.cbegin(), same)) {
        setChats(std::move(chats));
        return;
    }
    const qsizetype had = m_all.size();
    m_all = std::move(chats);
    if (m_results || had == m_all.size())
        return;
    QList<Row> more;
    more.reserve(m_all.size() - had);
    for (qsizetype i = had; i < m_all.size(); ++i) {
        Row r = chatRow(m_all[i]);
        const Group last = more.isEmpty()
                               ? (m_rows.isEmpty() ? Group::Pinned : m_rows.constLast().group)
                               : more.constLast().group;
        if ((more.isEmpty() && m_rows.isEmpty()) || last != r.group) {
            Row heading;
            heading.kind = Kind::Heading;
            heading.group = r.group;
            more.append(heading);
        }
        more.append(std::move(r));
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(more.size()) - 1);
    m_rows.append(std::move(more));
    endInsertRows();
}

void ChatListModel::setChats(QList<Entry> chats)
{
    sort(chats);
    m_changed.clear();
    m_all = std::move(chats);
    if (!m_results)
        showAll();
}

void ChatListModel::showAll()
{
    beginResetModel();
    m_results = false;
    m_days = Days::of(QDateTime::currentDateTime());
    m_rows = grouped();
    endResetModel();
}

void ChatListModel::showResults(const QList<Found>& found, const QString& none)
{
    beginResetModel();
    m_results = true;
    m_rows.clear();
    m_rows.reserve(found.size());
    for (const Found& f : found) {
        Row r = chatRow(f.chat);
        r.messageId = f.messageId;
        r.snippet = f.snippet;
        m_rows.append(std::move(r));
    }
    if (m_rows.isEmpty()) {
        Row note;
        note.kind = Kind::Note;
        note.note = none;
        m_rows.append(note);
    }
    endResetModel();
}

void ChatListModel::updateChat(const QString& chatId, const std::optional<Entry>& chat)
{
    m_changed.insert(chatId);
    auto old =
        std::find_if(m_all.begin(), m_all.end(), [&](const Entry& e) { return e.id == chatId; });
    if (old != m_all.end())
        m_all.erase(old);
    if (chat)
        m_all.insert(std::lower_bound(m_all.begin(), m_all.end(), *chat, &ChatListModel::before),
                     *chat);
    if (m_results)
        return;
    if (QDate::currentDate() != m_days.today) {
        showAll(); // a new day: every chat may be in another group now
        return;
    }
    const int row = rowOfChat(chatId);
    if (row >= 0 && chat) {
        // Where it stays (the same place and group): the row alone changes.
        Row moved = chatRow(*chat);
        const bool sameGroup = moved.group == m_rows[row].group;
        const bool afterPrevious = row == 0 || m_rows[row - 1].kind == Kind::Heading ||
                                   before(m_rows[row - 1].chat, *chat);
        const bool beforeNext = row + 1 >= m_rows.size() || m_rows[row + 1].kind == Kind::Heading ||
                                before(*chat, m_rows[row + 1].chat);
        if (sameGroup && afterPrevious && beforeNext) {
            m_rows[row] = std::move(moved);
            Q_EMIT dataChanged(index(row), index(row));
            return;
        }
    }
    if (row >= 0)
        removeChatRow(row);
    if (chat)
        insertChatRow(*chat);
}

void ChatListModel::removeChatRow(int row)
{
    // Its heading goes with it when it was its group's only chat.
    const bool alone = row > 0 && m_rows[row - 1].kind == Kind::Heading &&
                       (row + 1 == m_rows.size() || m_rows[row + 1].kind == Kind::Heading);
    const int first = alone ? row - 1 : row;
    beginRemoveRows({}, first, row);
    m_rows.remove(first, row - first + 1);
    endRemoveRows();
}

void ChatListModel::insertChatRow(const Entry& e)
{
    Row r = chatRow(e);
    // The first chat that goes after it, then back over the headings of other groups.
    int at = 0;
    while (at < m_rows.size() && (m_rows[at].kind != Kind::Chat || before(m_rows[at].chat, e)))
        ++at;
    while (at > 0 && m_rows[at - 1].kind == Kind::Heading && m_rows[at - 1].group != r.group)
        --at;
    if (at > 0 && m_rows[at - 1].group == r.group) {
        beginInsertRows({}, at, at);
        m_rows.insert(at, std::move(r));
        endInsertRows();
        return;
    }
    Row heading;
    heading.kind = Kind::Heading;
    heading.group = r.group;
    beginInsertRows({}, at, at + 1);
    m_rows.insert(at, std::move(r));
    m_rows.insert(at, std::move(heading));
    endInsertRows();
}

int ChatListModel::rowOfChat(const QString& chatId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].kind == Kind::Chat && m_rows[i].chat.id == chatId)
            return i;
    }
    return -1;
}

int ChatListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    const QString title = r.kind == Kind::Heading ? groupTitle(r.group)
                          : r.kind == Kind::Note
                              ? r.note
                              : (r.chat.title.isEmpty() ? tr("Untitled chat") : r.chat.title);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return r.snippet.isEmpty() ? title
                                   : title + QLatin1Char('\n') + SearchHit::bracketed(r.snippet);
    case Qt::ToolTipRole: // a note may be longer than its row
        return r.kind == Kind::Heading
                   ? QVariant()
                   : QVariant(plainToolTip(r.kind == Kind::Chat ? r.chat.title : r.note));
    case ChatIdRole:
        return r.kind == Kind::Chat ? QVariant(r.chat.id) : QVariant();
    case MessageIdRole:
        return r.messageId.isEmpty() ? QVariant() : QVariant(r.messageId);
    case TitleRole:
        return title;
    case SnippetRole:
        return r.snippet;
    case UpdatedRole:
        return r.kind == Kind::Chat ? QVariant(r.chat.updatedAt) : QVariant();
    case KindRole:
        return int(r.kind);
    default:
        return {};
    }
}

Qt::ItemFlags ChatListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || m_rows[index.row()].kind != Kind::Chat)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void ChatListModel::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1)); // every role says it anew
}

} // namespace lyss
