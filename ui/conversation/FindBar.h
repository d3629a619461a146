// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
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
    struct Hit {
        int row;
        int occurrence; // in the row, from 0
        bool operator==(const Hit&) const = default;
    };
    void retranslate();
    // The words `row` shows, kept while its text stays the same.
    const QString& wordsOf(int row);
    void showHit(const QString& needle);

    MessageModel* m_model;
    MessageView* m_view;
    QLineEdit* m_edit;
    QLabel* m_count;
    QList<Hit> m_hits;
    int m_at = -1;
    QHash<QString, QPair<int, QString>> m_words; // by message id: revision, words
};

} // namespace lyss
