// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QHBoxLayout;
class QToolButton;

namespace lyss {

class ChatStore;
class Conversations;
class FilterRegistry;

// Over the composer: one chip for each toggle filter the chat's model may switch on (on,
// able to run, attached to that model), checked where it is on for the chat, by the
// chat's own choice or, never chosen, by the model's preselection. A click is kept with the
// chat at once (toggles it has on that are not offered now are kept too); for a chat not
// sent yet it is kept here until the first message. Hidden while there is none to offer.
class FilterChips : public QWidget {
    Q_OBJECT

public:
    FilterChips(FilterRegistry& registry, Conversations& conversations, ChatStore& store,
                QWidget* parent = nullptr);

    // The chat on screen (empty: a new one) and the model picked for it. A new chat starts
    // with the model's preselection; what the person chose for it stays until newChat().
    void showChat(const QString& chatId, const QString& model);
    void newChat();
    // What a new chat is sent with: the toggles as the chips show them (unset when none is
    // offered).
    std::optional<QStringList> forNewChat() const;
    QStringList offered() const { return m_order; }
    QStringList switchedOn() const;
    // The chip of filter `id`, for tests and the keyboard (null when not offered).
    QToolButton* chip(const QString& id) const { return m_chips.value(id); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void onClicked();
    // The chat's own choice: stored, or that of its first reply while it is not stored yet.
    std::optional<QStringList> storedChoice() const;

    FilterRegistry& m_registry;
    Conversations& m_conversations;
    ChatStore& m_store;
    QHBoxLayout* m_row = nullptr;
    QString m_chatId;
    QString m_model;
    std::optional<QStringList> m_draft; // a new chat's choice, once made
    QHash<QString, QToolButton*> m_chips;
    QStringList m_order;
};

} // namespace lyss
