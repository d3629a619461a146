// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace lyss {

class MessageModel;
class MessageView;

// Find in this chat (Ctrl+F): every occurrence of what you type is marked in the messages
// and counted, the newest first; Enter goes to the one before, Shift+Enter back, Esc
// closes. Occurrences are counted in the words a message shows (its markdown read as
// text), not in its marks.
class FindBar : public QWidget {
    Q_OBJECT

public:
    FindBar(MessageModel* model, MessageView* view, QWidget* parent = nullptr);

    void open();
    void find(const QString& text, bool backwards = false);
    // "2 of 5" (occurrences), or empty.
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslate();
    // The words `row` shows, kept while its text stays the same.
    const QString& wordsOf(int row);
    void showHit(const QString& needle);
    // Nothing found any more: no marks, no count.
    void forget();

    MessageModel* m_model;
    MessageView* m_view;
    QLineEdit* m_edit;
    QLabel* m_count;
    // The rows with occurrences, and how many come before each row's first: the n-th
    // occurrence of the chat is found by a binary search, not kept one by one.
    QList<int> m_rows;
    QList<int> m_before;
    int m_total = 0;
    int m_at = -1;                               // which occurrence is current, from the top
    QTimer m_typing;                             // a search starts when typing pauses
    QHash<QString, QPair<int, QString>> m_words; // by message id: revision, words
};

} // namespace lyss
