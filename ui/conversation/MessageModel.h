// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversation/ReplyCost.h"
#include "store/Message.h"
#include "util/Result.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

#include <functional>

namespace lyss {

class MessageTree;

// What the view shows of a message: its text and a few words about it. A long chat costs
// its text and about a hundred bytes a message, not a full Message each.
struct ShownMessage {
    QString id;
    QString content;
    QString thinking;
    QString model; // shared between the rows that name the same model
    QString error;
    qint64 createdAt = 0;
    int thinkingMs = -1; // how long the model thought, when it said
    Role role : 8 = Role::User;
    MessageStatus status : 8 = MessageStatus::Complete;
    // `content` is the start of a longer text (MessageTree::kShownBytes): the row shows it
    // cut, and what needs the whole text asks wholeText().
    bool contentCut = false;
    QString progress; // what a filter says it is doing, while the reply streams
    ReplyCost cost;   // a reply's: tokens, speed, times, server
};

// The messages of the branch on screen, root first: each row's parent is the row above.
// Each row carries a revision that changes with its text, so the delegate knows when a
// cached layout is stale, and the height the view last measured for it.
class MessageModel : public QAbstractListModel {
    Q_OBJECT

public:
    using QAbstractListModel::QAbstractListModel;

    // The height a row was last measured at, and for which revision and width.
    struct Measured {
        int revision = -1;
        int bodyWidth = 0;
        int height = 0;
    };

    // How many messages a chat opens with, and how many more each loadOlder() adds.
    static constexpr int kWindow = 100;

    void setMessages(const QList<Message>& messages);
    // Shows the end of the current branch of `chatId` (the last `window` messages), read
    // row by row without holding the full messages; older ones come with loadOlder().
    // Returns false (and shows nothing) when the store cannot be read.
    bool loadBranch(MessageTree& tree, const QString& chatId, int window = kWindow);
    // Whether the branch goes on above the first row, and the next `count` messages of it.
    bool hasOlder() const { return !m_older.isEmpty(); }
    bool loadOlder(int count = kWindow);
    // The whole branch (find, select all).
    bool loadAll();
    // Replaces the row with the same id, or appends the message (whose parent must be the
    // last row).
    void upsert(const Message& message);
    int rowOf(const QString& id) const;
    const ShownMessage& at(int row) const { return m_rows.at(row).message; }
    // The row's whole text: its content, or read from the store when that is cut.
    Result<QString> wholeText(int row) const;
    // The row holds its whole text from now on (a selection copies what it shows).
    Status readWhole(int row);
    // The message above `row` in the branch ("" for the root).
    QString parentId(int row) const { return row > 0 ? m_rows.at(row - 1).message.id : m_older; }
    int revision(int row) const { return m_rows.at(row).revision; }
    Measured& measured(int row) const { return m_rows[row].measured; }
    // Where the row's message sits among its siblings: 1-based position and count.
    QPair<int, int> siblingPosition(int row) const { return m_rows.at(row).siblings; }
    QString siblingAt(int row, int offset) const;
    // Sibling lists by parent id (MessageTree::siblings); loadBranch and loadOlder read
    // those of the rows they load.
    void setSiblings(const QHash<QString, QStringList>& siblings);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        ShownMessage message;
        int revision = 0;
        QPair<int, int> siblings{1, 1};
        mutable Measured measured;
    };
    ShownMessage shown(Message message);
    // Reads `count` messages from `from` up; rows come root first, depth in `revision`.
    bool readUp(const std::function<Status(const std::function<void(int, Message&&)>&)>& read,
                int count, QList<Row>* rows);
    void placeSiblings(qsizetype from, qsizetype to);
    void readSiblings(qsizetype from, qsizetype to);

    QList<Row> m_rows;
    QHash<QString, QStringList> m_siblings;
    QHash<QString, QString> m_modelNames;
    MessageTree* m_tree = nullptr;
    QString m_chatId;
    QString m_older; // the message above the first row, not loaded yet ("" at the root)
    int m_nextRevision = 1;
};

} // namespace lyss
