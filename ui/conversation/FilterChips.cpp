// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/FilterChips.h"
#include "common/Chips.h"
#include "common/PlainText.h"

#include "chat/Conversations.h"
#include "filters/FilterRegistry.h"
#include "store/ChatStore.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include <algorithm>

namespace lyss {

FilterChips::FilterChips(FilterRegistry& registry, Conversations& conversations, ChatStore& store,
                         QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_conversations(conversations)
    , m_store(store)
{
    setObjectName(QStringLiteral("filterChips"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(12, 6, 12, 0);
    m_row->setSpacing(6);
    setStyleSheet(chips::styleSheet());
    // A filter described, turned on or off, attached elsewhere: the chips follow.
    connect(&m_registry, &FilterRegistry::changed, this, &FilterChips::rebuild);
    hide();
}

void FilterChips::showChat(const QString& chatId, const QString& model)
{
    m_chatId = chatId;
    m_model = model;
    rebuild();
}

void FilterChips::newChat()
{
    m_draft.reset();
}

std::optional<QStringList> FilterChips::storedChoice() const
{
    if (m_chatId.isEmpty())
        return m_draft;
    if (auto chat = m_store.chats().chat(m_chatId); chat && chat->has_value())
        return ChatOptions::fromJson((**chat).params).filterIds;
    if (ActiveReply* live = m_conversations.replyIn(m_chatId))
        return live->request().options.filterIds; // its first reply, not stored yet
    return std::nullopt;
}

std::optional<QStringList> FilterChips::forNewChat() const
{
    if (m_order.isEmpty())
        return m_draft;
    return switchedOn();
}

void FilterChips::onClicked()
{
    const QStringList on = switchedOn();
    if (m_chatId.isEmpty()) {
        m_draft = on; // kept until the first message, whatever the model list does
        return;
    }
    // The chat's other toggles (of another model, or not offered now) stay as they were.
    QStringList keep = storedChoice().value_or(QStringList());
    keep.erase(std::remove_if(keep.begin(), keep.end(),
                              [this](const QString& id) { return m_order.contains(id); }),
               keep.end());
    if (Status st = m_conversations.setFilterIds(m_chatId, keep + on); !st.ok()) {
        warnPlain(this, tr("Cannot switch the filter"),
                  st.errorCode() == ErrorCode::NotFound
                      ? tr("The chat is not saved yet: switch the filter once its first reply "
                           "has begun.")
                      : st.errorMessage());
        rebuild(); // the chips show what the chat has
    }
}

QStringList FilterChips::switchedOn() const
{
    QStringList on;
    for (const QString& id : m_order) {
        if (m_chips.value(id)->isChecked())
            on << id;
    }
    return on;
}

void FilterChips::rebuild()
{
    const QList<FilterRegistry::Entry> toggles =
        m_model.isEmpty() ? QList<FilterRegistry::Entry>() : m_registry.togglesFor(m_model);
    const QStringList on = m_registry.switchedOn(m_model, storedChoice());
    chips::clear(m_row, m_chips);
    m_order.clear();
    for (const FilterRegistry::Entry& e : toggles) {
        const QString name = e.info.name.isEmpty() ? e.id : e.info.name;
        const QString about = e.info.description.isEmpty()
                                  ? tr("Runs on this chat's messages and replies while on.")
                                  : e.info.description;
        auto* chip = chips::make(this, name, about, tr("Filter %1").arg(name), on.contains(e.id));
        connect(chip, &QToolButton::clicked, this, &FilterChips::onClicked);
        m_row->addWidget(chip);
        m_chips.insert(e.id, chip);
        m_order << e.id;
    }
    m_row->addStretch(1);
    setVisible(!m_order.isEmpty());
}

void FilterChips::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace lyss
