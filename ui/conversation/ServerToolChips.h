// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace lyss {

class ChatStore;
class Conversations;

// Over the composer, for a model of an Open WebUI server: one chip for each tool its admin
// attached to the model (those this person may use), on unless the chat has switched it
// off, as the server's own web page offers them. A click is kept with the chat at once;
// for a chat not sent yet it is kept here until the first message. Hidden for a model
// without tools.
class ServerToolChips : public QWidget {
    Q_OBJECT

public:
    ServerToolChips(Conversations& conversations, ChatStore& store, QWidget* parent = nullptr);

    // The chat on screen (empty: a new one) and its model (none: not known, or not one
    // of an Open WebUI server). A new chat's choice stays until newChat().
    void showChat(const QString& chatId, const ModelInfo* model);
    void newChat();
    // The tools a new chat is sent without.
    QStringList offForNewChat() const { return m_draft; }
    QStringList offered() const { return m_order; }
    // The chip of tool `id` (null when not offered).
    QToolButton* chip(const QString& id) const { return m_chips.value(id); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void onClicked();
    // What the chat has switched off: stored, or its first reply's while not stored yet.
    QStringList storedOff() const;

    Conversations& m_conversations;
    ChatStore& m_store;
    QHBoxLayout* m_row = nullptr;
    QLabel* m_label = nullptr;
    QString m_chatId;
    ModelInfo m_model; // no tools: none offered
    QStringList m_draft;
    QHash<QString, QToolButton*> m_chips;
    QStringList m_order;
};

} // namespace lyss
