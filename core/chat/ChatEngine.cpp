// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ChatEngine.h"

#include "backends/Backend.h"
#include "backends/ChatStream.h"
#include "store/ChatRepository.h"
#include "util/ProcessIdentity.h"

namespace lyss {

ChatEngine::ChatEngine(ChatRepository& chats, QObject* parent)
    : QObject(parent)
    , m_chats(chats)
{
}

QString ChatEngine::titleFromPrompt(const QString& prompt)
{
    QString first = prompt.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
    constexpr int kMax = 60;
    if (first.size() > kMax) {
        first.truncate(kMax);
        const qsizetype space = first.lastIndexOf(QLatin1Char(' '));
        if (space > kMax / 2)
            first.truncate(space);
        first += QChar(0x2026);
    }
    return first;
}

Result<ActiveReply*> ChatEngine::send(const Send& send)
{
    if (send.prompt.trimmed().isEmpty())
        return Error{tr("There is nothing to send: the message is empty.")};
    if (!send.backend)
        return Error{tr("No backend was chosen for the reply.")};
    QString chatId = send.chatId;
    QString parentId;
    if (chatId.isEmpty()) {
        Chat chat;
        chat.title = titleFromPrompt(send.prompt);
        chat.model = send.model;
        chat.backend = send.backend->name();
        chat.params = send.options.toJson();
        auto created = m_chats.createChat(chat);
        if (!created)
            return created.error();
        chatId = created->id;
    } else {
        auto chat = m_chats.chat(chatId);
        if (!chat)
            return chat.error();
        if (!chat->has_value())
            return Error{tr("There is no chat with the id %1.").arg(chatId)};
        parentId = (*chat)->currentLeafId;
        if (!send.editOf.isEmpty()) {
            auto edited = m_chats.message(send.editOf);
            if (!edited)
                return edited.error();
            if (!edited->has_value() || (*edited)->chatId != chatId)
                return Error{tr("The message being edited is no longer in this chat.")};
            parentId = (*edited)->parentId;
        }
        if (Status st = m_chats.setChatModel(chatId, send.backend->name(), send.model); !st.ok())
            return st.error();
    }
    Message user;
    user.chatId = chatId;
    user.parentId = parentId;
    user.role = Role::User;
    user.content = send.prompt;
    auto added = m_chats.addMessage(user);
    if (!added)
        return added.error();
    return reply(chatId, added->id, send.backend, send.model, send.options);
}

Result<ActiveReply*> ChatEngine::reply(const QString& chatId, const QString& parentId,
                                       Backend* backend, const QString& model,
                                       const ChatOptions& options)
{
    if (!backend)
        return Error{tr("No backend was chosen for the reply.")};
    auto history = m_chats.pathTo(parentId);
    if (!history)
        return history.error();
    ChatRequest request;
    request.model = model;
    request.options = options;
    for (const Message& m : *history) {
        // Failed or empty replies are not part of what the model should see.
        if (m.role == Role::Assistant && m.content.isEmpty())
            continue;
        request.messages.append({m.role, m.content});
    }

    Message row;
    row.chatId = chatId;
    row.parentId = parentId;
    row.role = Role::Assistant;
    row.model = model;
    row.status = MessageStatus::Streaming;
    row.streamOwner = currentProcessToken();
    auto stored = m_chats.addMessage(row);
    if (!stored)
        return stored.error();
    ChatStream* stream = backend->chat(request);
    return new ActiveReply(m_chats, *stored, stream, this);
}

} // namespace lyss
