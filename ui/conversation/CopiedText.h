// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextDocument>

#include <limits>
#include <memory>

class QMimeData;
class QTextBlock;

namespace lyss {

// What a selection in the conversation puts on the clipboard: what is seen, as text and
// as HTML. The text keeps list numbers and bullets, puts a tab between a table's cells and
// a line under each of its rows, and has none of QTextDocument's frame marks; a code
// block's line with its language and Copy is not part of it. Messages are a blank line
// apart.
class CopiedText {
public:
    // The selected stretch [from, to) of a part of a message's body; `newMessage` when it
    // is of another message than the part before.
    void add(const QTextDocument& part, int from, int to, bool newMessage);
    QString text();
    QString html();
    // Both, for the clipboard; the caller owns it.
    QMimeData* mimeData();

    // The text of a document (of [from, to) in it) as described above.
    static QString textOf(const QTextDocument& doc, int from = 0,
                          int to = std::numeric_limits<int>::max());

private:
    void finishMessage();

    std::unique_ptr<QTextDocument> m_message = std::make_unique<QTextDocument>(); // being added to
    bool m_messageEmpty = true;
    QStringList m_pieces; // of the message being added to, as text
    QStringList m_texts;
    std::unique_ptr<QTextDocument> m_all = std::make_unique<QTextDocument>();
    bool m_allEmpty = true;
};

} // namespace lyss
