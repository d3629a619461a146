// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageModel.h"

#include "store/ChatRepository.h"

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
    return s;
}

void MessageModel::setMessages(const QList<Message>& messages)
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_rows.reserve(messages.size());
    for (const Message& m : messages)
        m_rows.append({shown(m), m_nextRevision++});
    endResetModel();
}

bool MessageModel::loadBranch(ChatRepository& chats, const QString& chatId)
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    if (auto count = chats.messageCount(chatId))
        m_rows.reserve(*count); // the branch is at most that long: no copies while it grows
    // The store reads the branch from the leaf up; each row keeps its depth in `revision`
    // until all are in, then they are put root first.
    const Status read = chats.visitCurrentBranch(
        chatId,
        [this](int depth, Message&& m) {
            m_rows.append({shown(std::move(m)), depth});
        },
        ChatRepository::PathColumns::Shown);
    if (!read.ok())
        m_rows.clear();
    std::sort(m_rows.begin(), m_rows.end(),
              [](const Row& a, const Row& b) { return a.revision > b.revision; });
    for (Row& row : m_rows)
        row.revision = m_nextRevision++;
    endResetModel();
    return read.ok();
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
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
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
        return m.error.isEmpty() ? QVariant() : QVariant(m.error);
    default:
        return {};
    }
}

} // namespace lyss
