// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"
#include "chat/ActiveReply.h"
#include "chat/Conversations.h"
#include "chat/ModelChoice.h"
#include "config/Settings.h"
#include "conversation/ConversationPane.h"
#include "shell/ModelPicker.h"
#include "util/Result.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace lyss {

class AppContext;
class Backend;
class BackendSet;
class Conversations;
class ChatDrawer;
class ChatSidebar;
class ConversationPane;
class ModelPicker;
class WelcomePage;
class UndoBar;
class Composer;
class DesktopNotifier;
class FindBar;
class ServerStatus;
class UnsavedReplies;
class ThemeManager;
class MessageModel;
class MessageView;

// The desktop app's window: chats on the left; on the right the model picker and the
// servers' status, the conversation, and the composer. Replies keep streaming (and
// being saved) when you switch to another chat; coming back shows them live. A plain
// top-level widget, not a QMainWindow: it has no menu bar, tool bars or docks, and
// QMainWindow's layout was 0.2 MiB of pages at every start.
class MainWindow : public QWidget {
    Q_OBJECT

public:
    enum class Breakpoint { Mobile, Tablet, Desktop, Large };
    Q_ENUM(Breakpoint)

    MainWindow(AppContext& app, BackendSet& backends, Conversations& conversations,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Quits the application right after the conversation first paints (start-up timing),
    // calling `atPaint` at that paint.
    void quitAfterFirstPaint(const std::function<void()>& atPaint = {});

    QString currentChatId() const { return m_pane->currentChatId(); }
    Breakpoint breakpoint() const { return m_breakpoint; }
    ChatDrawer* drawer() const { return m_drawer; }
    static Breakpoint breakpointFor(int width);
    MessageModel* messageModel() const { return m_pane->messageModel(); }
    MessageView* messageView() const { return m_pane->messageView(); }
    ThemeManager* themes() const { return m_themes; }
    // Wears the theme (a name, or "system") and remembers it in ui.theme.
    void setTheme(const QString& choice);
    // Speaks a language (a locale name, "en", or "" for the system's) and remembers it in
    // ui.language; the window retranslates at once.
    void setLanguage(const QString& language);
    // Follows a setting changed elsewhere (lyss's Settings, another part of the window).
    void settingChanged(SettingKey key);
    ActiveReply* activeReply(const QString& chatId) const
    {
        return m_conversations.replyIn(chatId);
    }
    // How many times the conversation was refreshed for streamed text (coalesced).
    int streamRefreshes() const { return m_pane->streamRefreshes(); }

    // What the conversation pane does, for the shortcuts, the chat list and the tests.
    void openChat(const QString& chatId) { m_pane->openChat(chatId); }
    void newChat() { m_pane->newChat(); }
    void send() { m_pane->send(); }
    void stop() { m_pane->stop(); }
    void regenerate(int row) { m_pane->regenerate(row); }
    void beginEdit(int row) { m_pane->beginEdit(row); }
    void cancelEdit() { m_pane->cancelEdit(); }
    void deleteMessage(const QString& messageId) { m_pane->deleteMessage(messageId); }
    void switchSibling(int row, int step) { m_pane->switchSibling(row, step); }
    // Hides the chat at once and deletes it when the undo time runs out.
    void deleteChatWithUndo(const QString& chatId);
    void undoDelete();
    QString editingMessage() const { return m_pane->editingMessage(); }
    // Find in this chat: the rows whose text contains `text`, and move to the next one.
    void find(const QString& text, bool backwards = false);
    QString findStatus() const;
    // Builds the backends again from the database and environment (after Settings).
    void rebuildBackends();
    void openSettings();
    QList<ModelInfo> models() const { return m_modelPicker->models(); }
    // A control of the shell's (the person menu) in the top bar, before the theme button.
    void addToTopBar(QWidget* widget);
    // Another person may take the keyboard, or Lyss closes: the draft is saved and replies
    // that could not be saved are tried once more; with `ask`, false when the person chose
    // to stay (their only copy of a reply is on screen). Replies still streaming go on.
    bool handOver(bool ask = true);
    // The person leaves for good (the window is about to go): a delete waiting for its
    // Undo is done now, while the store is still theirs.
    void leave();
    // Replies of people who left the screen still streaming through these backends: the
    // servers are not rebuilt under them.
    void setBackgroundReplies(std::function<bool()> streaming)
    {
        m_backgroundReplies = std::move(streaming);
    }

Q_SIGNALS:
    // Accounts were turned on or off, or people changed, in Settings.
    void accountsChanged();
    // A backup was restored: what the window shows is of the database before, and Lyss
    // must start again.
    void restartRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();
    void retranslate();
    void buildShortcuts();
    void refreshModels();
    // Asks the servers for their state and models, once (after the first frame).
    void contactServers();
    void onMonitorChanged();
    void showConversationOrHelp();
    // The page shown in an empty chat, made the first time one is shown.
    WelcomePage* welcome();
    void applyBreakpoint();
    void showShortcuts();
    void finishPendingDelete();

    AppContext& m_app;
    BackendSet& m_backends;
    Conversations& m_conversations;
    ChatSidebar* m_sidebar = nullptr;
    ChatDrawer* m_drawer = nullptr;
    QToolButton* m_sidebarToggle = nullptr;
    ModelPicker* m_modelPicker = nullptr;
    ServerStatus* m_status = nullptr;
    QLabel* m_notices = nullptr;
    ConversationPane* m_pane = nullptr;
    WelcomePage* m_welcome = nullptr;
    // The constructor has opened the first chat: before, an empty conversation is only
    // not opened yet, and no welcome page is made for it.
    bool m_built = false;
    ThemeManager* m_themes = nullptr;
    QToolButton* m_themeButton = nullptr;
    QToolButton* m_settingsButton = nullptr;
    QHBoxLayout* m_topBar = nullptr;
    UndoBar* m_undoBar = nullptr;
    QString m_pendingDelete;
    QTimer m_breakpointTimer;
    bool m_contacted = false;
    // When a window that has not painted asks the servers all the same.
    static constexpr int kContactServersMs = 200;
    Breakpoint m_breakpoint = Breakpoint::Large;
    bool m_settingOwnChoice = false; // setTheme/setLanguage are saving their choice
    std::function<bool()> m_backgroundReplies;
};

} // namespace lyss
