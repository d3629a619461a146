// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Message.h"

#include <QAbstractListModel>
#include <QList>

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

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        Message message;
        int revision = 0;
    };
    QList<Row> m_rows;
    int m_nextRevision = 1;
};

} // namespace lyss
