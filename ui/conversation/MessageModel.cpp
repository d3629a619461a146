// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageModel.h"
#include "common/PlainText.h"

#include "store/MessageTree.h"

#include <algorithm>

namespace lyss {

ShownMessage MessageModel::shown(Message message)
{
    ShownMessage s;
    s.id = std::move(message.id);
    s.content = std::move(message.content);
    s.thinking = std::move(message.thinking);
    if (!message.model.isEmpty()) {
        auto it = m_modelNames.constFind(message.model);
        if (it == m_modelNames.constEnd())
            it = m_modelNames.insert(message.model, message.model);
        s.model = *it;
    }
    s.error = std::move(message.error);
    s.createdAt = message.createdAt;
    const QJsonValue thought = message.metrics.value(QStringLiteral("thinking_ms"));
    if (thought.isDouble())
        s.thinkingMs = static_cast<int>(thought.toDouble());
    s.role = message.role;
    s.status = message.status;
    s.contentCut = message.contentCut;
    s.progress = message.progress;
    if (message.role == Role::Assistant) {
        s.cost = ReplyCost::fromMetrics(message.metrics);
        if (!s.cost.server.isEmpty()) { // shared, like the model's name
            auto it = m_modelNames.constFind(s.cost.server);
            if (it == m_modelNames.constEnd())
                it = m_modelNames.insert(s.cost.server, s.cost.server);
            s.cost.server = *it;
        }
    }
    return s;
}

Result<QString> MessageModel::wholeText(int row) const
{
    const ShownMessage& m = m_rows.at(row).message;
    if (!m.contentCut)
        return m.content;
    if (!m_tree)
        return Error{tr("The whole text of this message is not at hand.")};
    auto read = m_tree->message(m.id);
    if (!read)
        return read.error();
    if (!read->has_value())
        return Error{tr("This message was deleted meanwhile."), ErrorCode::NotFound};
    return std::move((*read)->content);
}

Status MessageModel::readWhole(int row)
{
    if (!m_rows.at(row).message.contentCut)
        return {};
    auto text = wholeText(row);
    if (!text)
        return text.error();
    m_rows[row].message.content = std::move(text).value();
    m_rows[row].message.contentCut = false;
    m_rows[row].revision = m_nextRevision++;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
    return {};
}

void MessageModel::setMessages(const QList<Message>& messages)
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_rows.reserve(messages.size());
    for (const Message& m : messages)
        m_rows.append({shown(m), m_nextRevision++});
    m_older.clear();
    m_tree = nullptr;
    endResetModel();
}

bool MessageModel::readUp(
    const std::function<Status(const std::function<void(int, Message&&)>&)>& read, int count,
    QList<Row>* rows)
{
    // The store hands the rows over from the newest up, in no set order, one more than
    // asked: that one is not shown, it says where the older messages begin.
    m_older.clear();
    const Status st = read([&](int depth, Message&& m) {
        if (depth == count)
            m_older = m.id;
        else
            rows->append({shown(std::move(m)), depth});
    });
    if (!st.ok()) {
        rows->clear();
        m_older.clear();
        return false;
    }
    std::sort(rows->begin(), rows->end(),
              [](const Row& a, const Row& b) { return a.revision > b.revision; });
    for (Row& row : *rows)
        row.revision = m_nextRevision++;
    return true;
}

bool MessageModel::loadBranch(MessageTree& tree, const QString& chatId, int window)
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_tree = &tree;
    QList<Row> rows;
    rows.reserve(window);
    const bool ok = readUp(
        [&](const auto& visit) {
            return tree.visitCurrentBranch(chatId, visit, MessageTree::PathColumns::Shown, window);
        },
        window, &rows);
    m_rows = std::move(rows);
    m_chatId = chatId;
    m_siblings.clear();
    endResetModel();
    readSiblings(0, m_rows.size());
    return ok;
}

void MessageModel::readSiblings(qsizetype from, qsizetype to)
{
    // The branches met by the rows loaded now: the children of each of their parents.
    if (!m_tree || from >= to)
        return;
    QStringList parents;
    for (qsizetype i = from; i < to; ++i)
        parents << parentId(static_cast<int>(i));
    auto found = m_tree->siblingsUnder(m_chatId, parents);
    if (!found)
        return; // shown without ‹ n/m ›, as if the branches were not there
    m_siblings.insert(*found);
    placeSiblings(from, to);
}

bool MessageModel::loadOlder(int count)
{
    if (m_older.isEmpty() || !m_tree)
        return false;
    QList<Row> rows;
    rows.reserve(count);
    const QString from = m_older;
    const bool ok = readUp(
        [&](const auto& visit) {
            return m_tree->visitPath(from, visit, MessageTree::PathColumns::Shown, count);
        },
        count, &rows);
    if (!ok || rows.isEmpty())
        return false;
    const qsizetype added = rows.size();
    beginInsertRows({}, 0, static_cast<int>(added) - 1);
    m_rows = std::move(rows) + m_rows;
    endInsertRows();
    readSiblings(0, added + 1); // the row that was first has its real parent now
    return true;
}

bool MessageModel::loadAll()
{
    while (hasOlder()) {
        if (!loadOlder(100000))
            return false;
    }
    return true;
}

int MessageModel::rowOf(const QString& id) const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows[i].message.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

void MessageModel::upsert(const Message& message)
{
    const int row = rowOf(message.id);
    if (row >= 0) {
        m_rows[row].message = shown(message);
        m_rows[row].revision = m_nextRevision++;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append({shown(message), m_nextRevision++});
    endInsertRows();
}

void MessageModel::setSiblings(const QHash<QString, QStringList>& siblings)
{
    m_siblings = siblings;
    placeSiblings(0, m_rows.size());
}

void MessageModel::placeSiblings(qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < std::min(to, m_rows.size()); ++i) {
        const QStringList list = m_siblings.value(parentId(static_cast<int>(i)));
        const auto at = list.indexOf(m_rows[i].message.id);
        const QPair<int, int> position =
            at < 0 ? QPair<int, int>{1, 1}
                   : QPair<int, int>{static_cast<int>(at) + 1, static_cast<int>(list.size())};
        if (position == m_rows[i].siblings)
            continue; // unchanged rows keep their layouts
        m_rows[i].siblings = position;
        m_rows[i].revision =
            m_nextRevision++; // unique: a stale layout is never mistaken for a fresh one
        const QModelIndex changed = index(static_cast<int>(i));
        Q_EMIT dataChanged(changed, changed);
    }
}

QString MessageModel::siblingAt(int row, int offset) const
{
    const QStringList list = m_siblings.value(parentId(row));
    const auto at = list.indexOf(m_rows.at(row).message.id) + offset;
    return at >= 0 && at < list.size() ? list.at(at) : QString();
}

int MessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ShownMessage& m = m_rows[index.row()].message;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return m.content;
    case Qt::ToolTipRole:
        return m.error.isEmpty() ? QVariant() : QVariant(plainToolTip(m.error));
    default:
        return {};
    }
}

} // namespace lyss
