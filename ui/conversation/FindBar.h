// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace lyss {

class MessageModel;
class MessageView;

// Find in this chat (Ctrl+F): the messages whose text contains what you type, newest
// first; Enter goes to the next, Shift+Enter back, Esc closes.
class FindBar : public QWidget {
    Q_OBJECT

public:
    FindBar(MessageModel* model, MessageView* view, QWidget* parent = nullptr);

    void open();
    void find(const QString& text, bool backwards = false);
    // "2 of 5", or empty.
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    MessageModel* m_model;
    MessageView* m_view;
    QLineEdit* m_edit;
    QLabel* m_count;
    QList<int> m_rows;
    int m_at = -1;
};

} // namespace lyss
