// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ChatEngine.h"

#include "backends/Backend.h"
#include "store/ChatStore.h"
#include "util/ProcessIdentity.h"

#include <QDateTime>
#include <QUuid>

namespace lyss {

namespace {
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

ChatEngine::ChatEngine(ChatStore& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
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

Result<ActiveReply*> ChatEngine::create(const Send& send)
{
    if (send.prompt.trimmed().isEmpty())
        return Error{tr("There is nothing to send: the message is empty.")};
    if (!send.backend)
        return Error{tr("No backend was chosen for the reply.")};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    NewTurn turn;
    QString chatId = send.chatId;
    QString parentId;
    if (chatId.isEmpty()) {
        Chat chat;
        chat.id = newId();
        chat.title = titleFromPrompt(send.prompt);
        chat.model = send.model;
        chat.backend = send.backend->name();
        chat.params = send.options.toJson();
        chat.createdAt = now;
        chatId = chat.id;
        turn.newChat = chat;
    } else {
        auto chat = m_store.chats().chat(chatId);
        if (!chat)
            return chat.error();
        if (!chat->has_value())
            return Error{tr("There is no chat with the id %1.").arg(chatId)};
        parentId = (*chat)->currentLeafId;
        if (!send.editOf.isEmpty()) {
            auto edited = m_store.messages().message(send.editOf);
            if (!edited)
                return edited.error();
            if (!edited->has_value() || (*edited)->chatId != chatId)
                return Error{tr("The message being edited is no longer in this chat.")};
            parentId = (*edited)->parentId;
        }
    }
    Message user;
    user.id = newId();
    user.chatId = chatId;
    user.parentId = parentId;
    user.role = Role::User;
    user.content = send.prompt;
    user.createdAt = now;
    turn.question = user;
    return create(std::move(turn), send.backend, send.model, send.options);
}

Result<ActiveReply*> ChatEngine::createReply(const QString& chatId, const QString& parentId,
                                             Backend* backend, const QString& model,
                                             const ChatOptions& options)
{
    if (!backend)
        return Error{tr("No backend was chosen for the reply.")};
    NewTurn turn;
    turn.reply.chatId = chatId;
    turn.reply.parentId = parentId;
    return create(std::move(turn), backend, model, options);
}

Result<ActiveReply*> ChatEngine::create(NewTurn turn, Backend* backend, const QString& model,
                                        const ChatOptions& options)
{
    // What the model sees: the branch down to the message answered.
    const std::optional<Message>& question = turn.question;
    const QString above = question ? question->parentId : turn.reply.parentId;
    QList<Message> history;
    if (!above.isEmpty()) {
        auto path = m_store.messages().pathTo(above);
        if (!path)
            return path.error();
        history = *path;
    }
    if (question)
        history.append(*question);
    ChatRequest request = requestFrom(history, model, options);

    Message& row = turn.reply;
    row.id = newId();
    if (question) {
        row.chatId = question->chatId;
        row.parentId = question->id;
    }
    row.role = Role::Assistant;
    row.model = model;
    row.status = MessageStatus::Streaming;
    row.streamOwner = currentProcessToken();
    row.createdAt = QDateTime::currentMSecsSinceEpoch();
    turn.backend = backend->name();
    turn.model = model;
    return new ActiveReply(m_store.messages(), std::move(turn), backend, std::move(request), this);
}

Result<ActiveReply*> ChatEngine::createContinuation(const QString& chatId, const QString& replyId,
                                                    Backend* backend, const QString& model,
                                                    const ChatOptions& options)
{
    if (!backend)
        return Error{tr("No backend was chosen for the reply.")};
    auto found = m_store.messages().message(replyId);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->chatId != chatId)
        return Error{tr("That reply is no longer in this chat."), ErrorCode::NotFound};
    const Message& before = **found;
    if (before.role != Role::Assistant)
        return Error{tr("The last message is yours, not a reply: there is nothing to continue."),
                     ErrorCode::Refused};
    if (before.status == MessageStatus::Streaming)
        return Error{tr("That reply is still coming in, or being saved (perhaps in another "
                        "Lyss): wait for it to end, then try again."),
                     ErrorCode::Refused};
    if (before.status == MessageStatus::Complete)
        return Error{tr("Only a reply that was stopped or failed can be continued."),
                     ErrorCode::Refused};
    if (before.content.trimmed().isEmpty())
        return Error{tr("The reply has no text to continue from: use Retry for a new one."),
                     ErrorCode::Refused};
    if (!backend->continuesReplies())
        return Error{tr("The server %1 cannot continue a reply (an OpenAI-compatible server "
                        "would answer anew): use Retry, or pick a model on an Ollama server.")
                         .arg(backend->name()),
                     ErrorCode::Refused};
    auto leaf = m_store.messages().latestLeafUnder(replyId);
    if (!leaf)
        return leaf.error();
    if (*leaf != replyId)
        return Error{tr("Only the last reply of a conversation can be continued: messages "
                        "follow this one."),
                     ErrorCode::Refused};
    // What the model sees: the branch down to the reply, whose text it goes on with.
    auto path = m_store.messages().pathTo(replyId);
    if (!path)
        return path.error();
    NewTurn turn;
    turn.reopened = true;
    turn.reply = before; // the reply marks itself streaming, keeping how it stood
    turn.reply.streamOwner = currentProcessToken();
    turn.backend = backend->name();
    turn.model = model;
    ChatRequest request = requestFrom(*path, model, options);
    request.continuesLast = true;
    return new ActiveReply(m_store.messages(), std::move(turn), backend, std::move(request), this);
}

ChatRequest ChatEngine::requestFrom(const QList<Message>& history, const QString& model,
                                    const ChatOptions& options)
{
    ChatRequest request;
    request.model = model;
    request.options = options;
    for (const Message& m : history) {
        // Failed or empty replies are not part of what the model should see.
        if (m.role == Role::Assistant && m.content.isEmpty())
            continue;
        request.messages.append({m.role, m.content});
    }
    return request;
}

Result<ActiveReply*> ChatEngine::send(const Send& send)
{
    auto reply = create(send);
    if (reply)
        (*reply)->begin();
    return reply;
}

Result<ActiveReply*> ChatEngine::reply(const QString& chatId, const QString& parentId,
                                       Backend* backend, const QString& model,
                                       const ChatOptions& options)
{
    auto created = createReply(chatId, parentId, backend, model, options);
    if (created)
        (*created)->begin();
    return created;
}

} // namespace lyss
