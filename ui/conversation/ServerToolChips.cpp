// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/ServerToolChips.h"
#include "common/Chips.h"
#include "common/PlainText.h"

#include "chat/Conversations.h"
#include "store/ChatStore.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace lyss {

ServerToolChips::ServerToolChips(Conversations& conversations, ChatStore& store, QWidget* parent)
    : QWidget(parent)
    , m_conversations(conversations)
    , m_store(store)
{
    setObjectName(QStringLiteral("serverToolChips"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(12, 6, 12, 0);
    m_row->setSpacing(6);
    setStyleSheet(chips::styleSheet());
    hide();
}

void ServerToolChips::showChat(const QString& chatId, const ModelInfo* model)
{
    m_chatId = chatId;
    m_model = model && model->backendKind == BackendKind::OpenWebUi ? *model : ModelInfo();
    rebuild();
}

void ServerToolChips::newChat()
{
    m_draft.clear();
}

QStringList ServerToolChips::storedOff() const
{
    if (m_chatId.isEmpty())
        return m_draft;
    if (auto chat = m_store.chats().chat(m_chatId); chat && chat->has_value())
        return ChatOptions::fromJson((**chat).params).serverToolsOff;
    if (ActiveReply* live = m_conversations.replyIn(m_chatId))
        return live->request().options.serverToolsOff; // its first reply, not stored yet
    return {};
}

void ServerToolChips::onClicked()
{
    // The tools switched off that are not offered now (another model's) stay off.
    QStringList off = m_chatId.isEmpty() ? m_draft : storedOff();
    for (const QString& id : std::as_const(m_order)) {
        off.removeAll(id);
        if (!m_chips.value(id)->isChecked())
            off << id;
    }
    if (m_chatId.isEmpty()) {
        m_draft = off; // kept until the first message
        return;
    }
    if (Status st = m_conversations.setServerToolsOff(m_chatId, off); !st.ok()) {
        warnPlain(this, tr("Cannot switch the tool"),
                  st.errorCode() == ErrorCode::NotFound
                      ? tr("The chat is not saved yet: switch the tool once its first reply "
                           "has begun.")
                      : st.errorMessage());
        rebuild(); // the chips show what the chat has
    }
}

void ServerToolChips::rebuild()
{
    const QStringList off = storedOff();
    chips::clear(m_row, m_chips);
    m_order.clear();
    if (m_label) {
        m_label->deleteLater();
        m_label = nullptr;
    }
    if (!m_model.toolIds.isEmpty()) {
        m_label = new QLabel(tr("Tools of %1:").arg(m_model.backendName), this);
        makePlain(m_label);
        makeMuted(m_label);
        m_row->addWidget(m_label);
    }
    for (const QString& id : std::as_const(m_model.toolIds)) {
        const QString name = m_model.toolNames.value(id, id);
        const QString about =
            tr("%1 may run this tool while it writes a reply in this chat (its admin attached "
               "it to %2). Switch it off to ask without it.")
                .arg(m_model.backendName, m_model.title.isEmpty() ? m_model.name : m_model.title);
        auto* chip =
            chips::make(this, name, about, tr("Server tool %1").arg(name), !off.contains(id));
        connect(chip, &QToolButton::clicked, this, &ServerToolChips::onClicked);
        m_row->addWidget(chip);
        m_chips.insert(id, chip);
        m_order << id;
    }
    m_row->addStretch(1);
    setVisible(!m_order.isEmpty());
}

void ServerToolChips::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

} // namespace lyss
