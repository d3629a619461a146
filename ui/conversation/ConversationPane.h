// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/ActiveReply.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace lyss {

class AppContext;
class Composer;
class Conversations;
class DesktopNotifier;
class FilterChips;
class ServerToolChips;
class FindBar;
class MessageModel;
class MessageView;
class NoticeBar;
class ModelPicker;
struct Theme;
class UnsavedReplies;

// The conversation of the chat on screen and the composer under it: what the person
// does with messages (send, stop, edit, regenerate, switch branch, delete, copy), the
// replies of this session shown live as they stream, drafts, and find in the chat. The
// rules themselves are Conversations'; this pane shows them.
class ConversationPane : public QWidget {
    Q_OBJECT

public:
    ConversationPane(AppContext& app, Conversations& conversations, ModelPicker& picker,
                     QWidget* parent = nullptr);

    // Shown instead of the conversation while it has no messages (the shell's page).
    void setWelcome(QWidget* page);
    // A bar of the shell's (the undo of a deletion) between the conversation and the
    // composer.
    void addBar(QWidget* bar);
    QString currentChatId() const { return m_chatId; }
    MessageModel* messageModel() const { return m_messages; }
    MessageView* messageView() const { return m_view; }
    Composer* composer() const { return m_composer; }
    QPushButton* sendButton() const { return m_sendButton; }
    UnsavedReplies* unsaved() const { return m_unsaved; }
    FindBar* findBar() const { return m_findBar; }
    FilterChips* filterChips() const { return m_chips; }
    ServerToolChips* serverToolChips() const { return m_tools; }
    NoticeBar* notices() const { return m_notices; }
    // The toggle filters offered for the model picked, as the chat has them.
    void refreshFilterChips();
    bool showsConversation() const;
    // How many times the conversation was refreshed for streamed text (coalesced).
    int streamRefreshes() const { return m_refreshes; }
    QString editingMessage() const { return m_editOf; }

    void openChat(const QString& chatId);
    // The chat, on the branch through `messageId`, scrolled to it (a search's result).
    void openAt(const QString& chatId, const QString& messageId);
    void newChat();
    void send();
    void stop();
    void regenerate(int row);
    void continueReply(int row);
    // Continue is offered when the picked model's server can go on with a reply.
    void updateContinuable();
    void beginEdit(int row);
    void cancelEdit();
    void deleteMessage(const QString& messageId);
    void switchSibling(int row, int step);
    void copyLastReply();
    // Esc: closes the find bar, else cancels an edit, else stops the reply.
    void escape();
    void saveDraft();
    void updateSendButton();
    // The welcome page or the conversation, whichever fits now.
    void showConversationOrWelcome();
    void applyTheme(const Theme& theme);
    void retranslate();

Q_SIGNALS:
    // The chat on screen is another one (or a new one, `chatId` empty).
    void chatOpened(const QString& chatId);
    // One chat changed (a message, its title, its time), or came.
    void chatChanged(const QString& chatId);
    // The conversation gained or lost its first message: the welcome page may change.
    void conversationChanged();

private:
    void watch(ActiveReply* reply);
    void flushStreamed();
    // Shows a reply of this session (and the message it answers) as it is in memory.
    void showUnstored(ActiveReply* reply);
    void onMessageAction(int action, int row);
    // The row's whole text (read from the store for a huge one), or nothing when it
    // cannot be read, which the user is told.
    std::optional<QString> wholeText(int row, const QString& doing);

    AppContext& m_app;
    Conversations& m_conversations;
    ModelPicker& m_picker;
    MessageModel* m_messages = nullptr;
    DesktopNotifier* m_notifier = nullptr;
    QStackedWidget* m_stack = nullptr;
    MessageView* m_view = nullptr;
    QWidget* m_welcome = nullptr;
    FindBar* m_findBar = nullptr;
    QLabel* m_editBanner = nullptr;
    UnsavedReplies* m_unsaved = nullptr;
    Composer* m_composer = nullptr;
    FilterChips* m_chips = nullptr;
    ServerToolChips* m_tools = nullptr;
    NoticeBar* m_notices = nullptr;
    QPushButton* m_sendButton = nullptr;
    QVBoxLayout* m_column = nullptr;
    QString m_chatId;
    QString m_editOf;
    bool m_draftLoaded = false; // the composer holds m_chatId's draft (not before the first load)
    QString m_draftStored;      // m_chatId's draft as the store has it
    bool m_starting = false;    // inside send() or regenerate()
    QSet<QString> m_pending;    // chats with streamed text not yet shown
    QTimer m_coalesce;
    int m_refreshes = 0;
};

} // namespace lyss
