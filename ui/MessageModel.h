// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Message.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

namespace lyss {

// The messages of the branch on screen. Each row carries a revision that changes with
// its text, so the delegate knows when a cached layout is stale.
class MessageModel : public QAbstractListModel {
    Q_OBJECT

public:
    using QAbstractListModel::QAbstractListModel;

    void setMessages(QList<Message> messages);
    // Replaces the row with the same id, or appends the message.
    void upsert(const Message& message);
    int rowOf(const QString& id) const;
    const Message& at(int row) const { return m_rows.at(row).message; }
    int revision(int row) const { return m_rows.at(row).revision; }
    // Where the row's message sits among its siblings: 1-based position and count.
    QPair<int, int> siblingPosition(int row) const { return m_rows.at(row).siblings; }
    QString siblingAt(int row, int offset) const;
    // Sibling lists by parent id (ChatRepository::siblings).
    void setSiblings(const QHash<QString, QStringList>& siblings);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        Message message;
        int revision = 0;
        QPair<int, int> siblings{1, 1};
    };
    QList<Row> m_rows;
    QHash<QString, QStringList> m_siblings;
    int m_nextRevision = 1;
};

} // namespace lyss
