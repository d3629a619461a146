// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/ConversationPane.h"
#include "common/PlainText.h"
#include "conversation/Composer.h"
#include "conversation/FilterChips.h"
#include "conversation/FindBar.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "conversation/NoticeBar.h"
#include "conversation/ServerToolChips.h"
#include "conversation/UnsavedReplies.h"
#include "conversation/WholeTextViewer.h"
#include "shell/DesktopNotifier.h"
#include "shell/ModelPicker.h"
#include "theme/ThemeManager.h"

#include "app/AppContext.h"
#include "chat/Conversations.h"
#include "store/ChatStore.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace lyss {

ConversationPane::ConversationPane(AppContext& app, Conversations& conversations,
                                   ModelPicker& picker, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_conversations(conversations)
    , m_picker(picker)
{
    setObjectName(QStringLiteral("conversationPane"));
    // Every reply is watched from before it is prepared: a refusal can end it at once.
    connect(&m_conversations, &Conversations::replyStarted, this, &ConversationPane::watch);
    auto* column = m_column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    m_messages = new MessageModel(this);
    m_notifier = new DesktopNotifier(this);
    m_stack = new QStackedWidget(this);
    m_view = new MessageView(m_messages, m_stack);
    m_stack->addWidget(m_view);
    column->addWidget(m_stack, 1);
    m_findBar = new FindBar(m_messages, m_view, this);
    column->addWidget(m_findBar);

    m_editBanner = new QLabel(this);
    m_editBanner->setObjectName(QStringLiteral("editBanner"));
    m_editBanner->setContentsMargins(14, 4, 12, 0);
    makePlain(m_editBanner);
    m_editBanner->hide();
    column->addWidget(m_editBanner);
    m_unsaved = new UnsavedReplies(this);
    column->addWidget(m_unsaved);

    m_notices = new NoticeBar(this);
    column->addWidget(m_notices);
    m_chips = new FilterChips(app.filters(), conversations, app.store(), this);
    column->addWidget(m_chips);
    m_tools = new ServerToolChips(conversations, app.store(), this);
    column->addWidget(m_tools);
    connect(&m_picker, &QComboBox::currentIndexChanged, this,
            &ConversationPane::refreshFilterChips);
    connect(&m_picker, &QComboBox::currentIndexChanged, this, &ConversationPane::updateContinuable);

    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(12, 8, 12, 12);
    bottom->setSpacing(8);
    m_composer = new Composer(this);
    m_composer->setWritable(app.readOnlyReason().isEmpty());
    m_view->messageDelegate()->setWritable(app.readOnlyReason().isEmpty());
    m_sendButton = new QPushButton(this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    bottom->addWidget(m_composer, 1);
    bottom->addWidget(m_sendButton, 0, Qt::AlignBottom);
    column->addLayout(bottom);

    connect(m_composer, &Composer::submitted, this, &ConversationPane::send);
    connect(m_composer, &Composer::oneLineHeightChanged, m_sendButton,
            &QPushButton::setFixedHeight);
    connect(m_composer, &Composer::pageRequested, m_view, &MessageView::scrollPage);
    connect(m_composer, &Composer::editLastRequested, this, [this] {
        for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
            if (m_messages->at(row).role == Role::User) {
                beginEdit(row);
                return;
            }
        }
    });
    connect(m_view, &MessageView::actionTriggered, this, &ConversationPane::onMessageAction);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ConversationPane::updateSendButton);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (m_conversations.replyIn(m_chatId))
            stop();
        else
            send();
        m_composer->setFocus(); // what is typed next goes where it is meant to
    });
    // Streamed text reaches the screen at most ~60 times a second.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(16);
    connect(&m_coalesce, &QTimer::timeout, this, &ConversationPane::flushStreamed);
}

void ConversationPane::setWelcome(QWidget* page)
{
    m_welcome = page;
    m_stack->addWidget(page);
}

void ConversationPane::addBar(QWidget* bar)
{
    m_column->insertWidget(m_column->indexOf(m_unsaved), bar);
}

bool ConversationPane::showsConversation() const
{
    return m_stack->currentWidget() == m_view;
}

void ConversationPane::showConversationOrWelcome()
{
    m_stack->setCurrentWidget(
        m_messages->rowCount() == 0 && m_welcome ? m_welcome : static_cast<QWidget*>(m_view));
}

void ConversationPane::escape()
{
    if (m_findBar->isVisible()) {
        m_findBar->hide();
        m_composer->setFocus();
    } else if (!m_editOf.isEmpty()) {
        cancelEdit();
    } else {
        stop();
    }
}

void ConversationPane::retranslate()
{
    m_editBanner->setText(tr("Editing your message: sending makes a new branch. Esc cancels."));
    updateSendButton();
}

void ConversationPane::applyTheme(const Theme& t)
{
    m_view->messageDelegate()->setColors(MessageColors::fromTheme(t));
}

void ConversationPane::copyLastReply()
{
    for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
        if (m_messages->at(row).role == Role::Assistant) {
            if (const auto text = wholeText(row, tr("Cannot copy")))
                QApplication::clipboard()->setText(*text);
            return;
        }
    }
}

void ConversationPane::openChat(const QString& chatId)
{
    if (chatId != m_chatId) {
        saveDraft();
        cancelEdit();
    }
    const bool switching = chatId != m_chatId;
    m_chatId = chatId;
    if (switching) {
        const QSignalBlocker quiet(m_composer);
        const auto draft = m_app.store().drafts().draft(chatId);
        m_composer->setPlainText(draft ? *draft : QString());
        m_draftStored = m_composer->toPlainText();
        m_draftLoaded = true;
    }
    m_messages->loadBranch(m_app.store().messages(), chatId);
    // A reply still streaming in this session is shown as it is now, not as last saved
    // (or not stored yet, while it is prepared).
    if (ActiveReply* live = m_conversations.replyIn(chatId))
        showUnstored(live);
    // So is one that finished but could not be saved: its only whole copy is in memory.
    if (ActiveReply* kept = m_unsaved->unsavedReplyFor(chatId))
        showUnstored(kept);
    m_view->scrollToLatest();
    if (auto chat = m_app.store().chats().chat(chatId); chat && chat->has_value())
        m_picker.pickRememberedBy(**chat);
    refreshFilterChips();
    updateSendButton();
    Q_EMIT chatOpened(chatId);
    Q_EMIT conversationChanged();
}

void ConversationPane::openAt(const QString& chatId, const QString& messageId)
{
    // The branch the message is on (unless a reply streams there), at the message.
    if (!m_conversations.replyIn(chatId))
        (void)m_conversations.showBranchOf(chatId, messageId);
    openChat(chatId);
    if (const int row = m_messages->rowOf(messageId); row >= 0) {
        m_view->setCurrentIndex(m_messages->index(row));
        m_view->scrollTo(m_messages->index(row), QAbstractItemView::PositionAtCenter);
    }
}

void ConversationPane::refreshFilterChips()
{
    auto model = m_picker.chosen();
    m_chips->showChat(m_chatId, model ? model->model : QString());
    const ModelInfo* info = nullptr;
    for (const ModelInfo& m : m_picker.models())
        if (model && m.backendName == model->backend && m.name == model->model)
            info = &m;
    m_tools->showChat(m_chatId, info);
}

void ConversationPane::newChat()
{
    saveDraft();
    cancelEdit();
    m_chatId.clear();
    m_chips->newChat();
    m_tools->newChat();
    {
        const QSignalBlocker quiet(m_composer);
        const auto draft = m_app.store().drafts().draft({});
        m_composer->setPlainText(draft ? *draft : QString());
        m_draftStored = m_composer->toPlainText();
        m_draftLoaded = true;
    }
    m_messages->setMessages({});
    refreshFilterChips();
    updateSendButton();
    Q_EMIT chatOpened({});
    Q_EMIT conversationChanged();
    m_composer->setFocus();
}

void ConversationPane::send()
{
    if (m_composer->isBlank() || m_conversations.replyIn(m_chatId))
        return;
    auto chosen = m_picker.chosen();
    if (!chosen) {
        warnPlain(this, tr("Cannot send"), chosen.errorMessage());
        return;
    }
    Conversations::Send s;
    s.chatId = m_chatId;
    s.prompt = m_composer->toPlainText();
    s.model = *chosen;
    s.editOf = m_editOf;
    if (m_chatId.isEmpty()) {
        // A new chat keeps the toggle filters and the server's tools as the chips show them.
        const auto toggles = m_chips->forNewChat();
        const QStringList toolsOff = m_tools->offForNewChat();
        if (toggles || !toolsOff.isEmpty()) {
            if (auto options = m_conversations.planner().optionsOf({})) {
                if (toggles)
                    options->filterIds = toggles;
                options->serverToolsOff = toolsOff;
                s.options = *options;
            }
        }
    }
    m_starting = true;
    auto reply = m_conversations.send(s);
    m_starting = false;
    if (!reply) {
        warnPlain(this, tr("Cannot send"), reply.errorMessage());
        return;
    }
    const bool sameBranch = !m_chatId.isEmpty() && m_editOf.isEmpty();
    if (m_chatId.isEmpty()) { // the next new chat chooses afresh
        m_chips->newChat();
        m_tools->newChat();
    }
    m_composer->clear();
    if (m_app.store().drafts().saveDraft(m_chatId, {}).ok())
        m_draftStored.clear();
    cancelEdit();
    Q_EMIT chatChanged((*reply)->chatId());
    if (sameBranch) {
        // The branch on screen only grows: add the two rows instead of reloading it all.
        showUnstored(*reply);
        m_view->scrollToLatest();
        Q_EMIT conversationChanged();
    } else {
        openChat((*reply)->chatId());
    }
    m_view->setStreaming(m_conversations.anyStreaming());
    updateSendButton();
}

void ConversationPane::showUnstored(ActiveReply* reply)
{
    // Its rows as they are in memory: where the branch on screen shows them, or, when they
    // are not stored yet, at its end if that is where they go.
    const std::optional<Message>& question = reply->question();
    const QString under = question ? question->parentId : reply->message().parentId;
    const int rows = m_messages->rowCount();
    const bool atEnd =
        rows == 0 ? under.isEmpty() || !question : m_messages->at(rows - 1).id == under;
    if (question && (m_messages->rowOf(question->id) >= 0 || atEnd))
        m_messages->upsert(*question);
    const int now = m_messages->rowCount();
    if (m_messages->rowOf(reply->messageId()) >= 0 ||
        (now > 0 && m_messages->at(now - 1).id == reply->message().parentId))
        m_messages->upsert(reply->message());
}

void ConversationPane::stop()
{
    m_conversations.stop(m_chatId);
}

void ConversationPane::watch(ActiveReply* reply)
{
    const QString chatId = reply->chatId();
    m_unsaved->track(reply);
    connect(reply, &ActiveReply::updated, this, [this, chatId] {
        m_pending.insert(chatId);
        if (!m_coalesce.isActive())
            m_coalesce.start();
    });
    connect(reply, &ActiveReply::started, this, [this, reply, chatId] {
        // Prepared and stored: a new chat is in the list now, a Regenerate's branch shown.
        if (m_starting)
            return; // send() and regenerate() show what they started
        Q_EMIT chatChanged(chatId);
        if (chatId == m_chatId && m_messages->rowOf(reply->messageId()) < 0)
            openChat(chatId);
    });
    // What a filter says about a reply is shown with its chat.
    connect(reply, &ActiveReply::notified, m_notices,
            [this, reply](const QString& level, const QString& text) {
                if (reply->chatId() == m_chatId)
                    m_notices->notice(level, text);
            });
    connect(reply, &ActiveReply::finished, this, [this, reply, chatId] {
        // No longer replyIn() its chat: shown from here, with the rest that streamed.
        flushStreamed();
        if (chatId == m_chatId && m_messages->rowOf(reply->messageId()) >= 0) {
            m_messages->upsert(reply->message());
            ++m_refreshes;
        }
        if (const QString why = reply->notContinuedReason(); !why.isEmpty() && chatId == m_chatId) {
            // Nothing changed here; the reply is shown as the store has it now (another
            // Lyss may have continued it meanwhile).
            m_notices->notice(QStringLiteral("warning"), tr("Not continued: %1").arg(why));
            if (auto stored = m_app.store().messages().message(reply->messageId());
                stored && stored->has_value() && m_messages->rowOf(reply->messageId()) >= 0)
                m_messages->upsert(**stored);
        }
        m_view->setStreaming(m_conversations.anyStreaming());
        updateSendButton();
        Q_EMIT chatChanged(chatId);
        if (!window()->isActiveWindow()) {
            // A reply finished while you were elsewhere: say so.
            QApplication::alert(window());
            const Message& m = reply->message();
            auto chat = m_app.store().chats().chat(chatId);
            const QString title = chat && chat->has_value() ? (*chat)->title : QString();
            m_notifier->notify(m.status == MessageStatus::Complete
                                   ? tr("Reply ready: %1").arg(title)
                                   : tr("Reply stopped: %1").arg(title),
                               m.status == MessageStatus::Error ? m.error : m.content.left(160));
        }
        m_unsaved->release(reply); // kept until it is saved
    });
}

void ConversationPane::flushStreamed()
{
    if (m_pending.contains(m_chatId)) {
        if (ActiveReply* r = m_conversations.replyIn(m_chatId)) {
            m_messages->upsert(r->message());
            ++m_refreshes;
        }
    }
    m_pending.clear();
}

void ConversationPane::updateSendButton()
{
    const bool streaming = m_conversations.replyIn(m_chatId) != nullptr;
    m_sendButton->setText(streaming ? tr("Stop") : tr("Send"));
    if (m_sendButton->property("stop").toBool() != streaming) {
        m_sendButton->setProperty("stop", streaming); // styled plain while it stops
        m_sendButton->style()->unpolish(m_sendButton);
        m_sendButton->style()->polish(m_sendButton);
    }
    m_sendButton->setToolTip(streaming ? tr("Stop the reply (Esc)") : tr("Send (Enter)"));
    const bool enabled = streaming || (!m_composer->isBlank() && m_app.readOnlyReason().isEmpty());
    // A button losing its focus as it turns off would hand it to the next widget (the chat
    // search), where the next keys would go: the composer takes it.
    if (!enabled && m_sendButton->hasFocus())
        m_composer->setFocus();
    m_sendButton->setEnabled(enabled);
}

void ConversationPane::onMessageAction(int action, int row)
{
    if (row < 0 || row >= m_messages->rowCount())
        return;
    const ShownMessage m = m_messages->at(row);
    switch (static_cast<MessageDelegate::Action>(action)) {
    case MessageDelegate::Action::Copy:
        if (const auto text = wholeText(row, tr("Cannot copy")))
            QApplication::clipboard()->setText(*text);
        break;
    case MessageDelegate::Action::Regenerate:
    case MessageDelegate::Action::Retry:
        regenerate(row);
        break;
    case MessageDelegate::Action::Continue:
        continueReply(row);
        break;
    case MessageDelegate::Action::Edit:
        beginEdit(row);
        break;
    case MessageDelegate::Action::Delete:
        if (QMessageBox::question(this, tr("Delete message"),
                                  tr("Delete this message and every reply below it?")) ==
            QMessageBox::Yes)
            deleteMessage(m.id);
        break;
    case MessageDelegate::Action::PreviousSibling:
        switchSibling(row, -1);
        break;
    case MessageDelegate::Action::NextSibling:
        switchSibling(row, +1);
        break;
    case MessageDelegate::Action::ShowAll: {
        const auto text = wholeText(row, tr("Cannot show the message"));
        if (!text)
            break;
        auto* viewer = new WholeTextViewer(*text, this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->show();
        break;
    }
    default:
        break;
    }
}

std::optional<QString> ConversationPane::wholeText(int row, const QString& doing)
{
    auto text = m_messages->wholeText(row);
    if (!text) {
        warnPlain(this, doing, text.errorMessage());
        return std::nullopt;
    }
    return std::move(text).value();
}

void ConversationPane::regenerate(int row)
{
    if (m_chatId.isEmpty() || m_conversations.replyIn(m_chatId) || row < 0 ||
        row >= m_messages->rowCount())
        return;
    if (m_messages->at(row).role != Role::Assistant)
        return;
    auto chosen = m_picker.chosen();
    if (!chosen) {
        warnPlain(this, tr("Cannot regenerate"), chosen.errorMessage());
        return;
    }
    m_starting = true;
    auto reply = m_conversations.regenerate(m_chatId, m_messages->at(row).id, *chosen);
    m_starting = false;
    if (!reply) {
        warnPlain(this, tr("Cannot regenerate"), reply.errorMessage());
        return;
    }
    openChat(m_chatId);
    m_view->setStreaming(m_conversations.anyStreaming());
    updateSendButton();
}

void ConversationPane::continueReply(int row)
{
    if (m_chatId.isEmpty() || m_conversations.replyIn(m_chatId) || row < 0 ||
        row >= m_messages->rowCount())
        return;
    auto chosen = m_picker.chosen();
    if (!chosen) {
        warnPlain(this, tr("Cannot continue"), chosen.errorMessage());
        return;
    }
    auto reply = m_conversations.continueReply(m_chatId, m_messages->at(row).id, *chosen);
    if (!reply) {
        warnPlain(this, tr("Cannot continue"), reply.errorMessage());
        return;
    }
    // The same message streams on, in its row.
    if (m_messages->rowOf((*reply)->messageId()) >= 0)
        m_messages->upsert((*reply)->message());
    m_view->setStreaming(m_conversations.anyStreaming());
    updateSendButton();
    m_composer->setFocus();
}

void ConversationPane::updateContinuable()
{
    auto chosen = m_picker.chosen();
    const bool can = chosen && m_conversations.canContinueWith(*chosen);
    if (can == m_view->messageDelegate()->continuable())
        return;
    m_view->messageDelegate()->setContinuable(can);
    m_view->viewport()->update();
}

void ConversationPane::beginEdit(int row)
{
    if (row < 0 || row >= m_messages->rowCount() || m_messages->at(row).role != Role::User)
        return;
    const auto text = wholeText(row, tr("Cannot edit"));
    if (!text)
        return;
    m_editOf = m_messages->at(row).id;
    m_composer->setPlainText(*text);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
    m_editBanner->show();
}

void ConversationPane::cancelEdit()
{
    if (m_editOf.isEmpty())
        return;
    m_editOf.clear();
    m_editBanner->hide();
    m_composer->clear();
}

void ConversationPane::deleteMessage(const QString& messageId)
{
    if (Status st = m_conversations.deleteMessage(m_chatId, messageId); !st.ok()) {
        warnPlain(this, tr("Cannot delete"), st.errorMessage());
        return;
    }
    openChat(m_chatId);
}

void ConversationPane::switchSibling(int row, int step)
{
    const QString sibling = m_messages->siblingAt(row, step);
    if (sibling.isEmpty())
        return;
    if (Status st = m_conversations.showBranchOf(m_chatId, sibling); !st.ok()) {
        warnPlain(this, tr("Cannot show that branch"), st.errorMessage());
        return;
    }
    openChat(m_chatId);
}

void ConversationPane::saveDraft()
{
    if (!m_draftLoaded || !m_editOf.isEmpty()) // an edit in progress is not a draft
        return;
    // Only a change is written: closing the window or switching chats after reading
    // writes nothing (a blank draft is stored as none).
    const QString text = m_composer->toPlainText();
    auto blank = [](const QString& t) { return t.trimmed().isEmpty(); };
    if (text == m_draftStored || (blank(text) && blank(m_draftStored)))
        return;
    if (m_app.store().drafts().saveDraft(m_chatId, text).ok())
        m_draftStored = text;
}

} // namespace lyss
