// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageModel.h"

namespace lyss {

void MessageModel::setMessages(QList<Message> messages)
{
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    m_rows.reserve(messages.size());
    for (Message& m : messages)
        m_rows.append({std::move(m), m_nextRevision++});
    endResetModel();
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
        m_rows[row].message = message;
        m_rows[row].revision = m_nextRevision++;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append({message, m_nextRevision++});
    endInsertRows();
}

void MessageModel::setSiblings(const QHash<QString, QStringList>& siblings)
{
    m_siblings = siblings;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Message& m = m_rows[i].message;
        const QStringList list = m_siblings.value(m.parentId);
        const auto at = list.indexOf(m.id);
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
    const Message& m = m_rows.at(row).message;
    const QStringList list = m_siblings.value(m.parentId);
    const auto at = list.indexOf(m.id) + offset;
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
    const Message& m = m_rows[index.row()].message;
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
