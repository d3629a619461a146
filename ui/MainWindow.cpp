// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "PlainText.h"

#include "ChatSidebar.h"
#include "Composer.h"
#include "DesktopNotifier.h"
#include "FindBar.h"
#include "MessageDelegate.h"
#include "MessageModel.h"
#include "MessageView.h"
#include "ServerStatus.h"
#include "SettingsDialog.h"
#include "ThemeManager.h"
#include "UnsavedReplies.h"
#include "WholeTextViewer.h"
#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/ActiveReply.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "store/ChatRepository.h"
#include "util/Translations.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace lyss {

namespace {
// Where each item of the model picker keeps the server and the model's name there.
constexpr int kBackendRole = Qt::UserRole + 1;
constexpr int kModelRole = Qt::UserRole + 2;
} // namespace

MainWindow::MainWindow(AppContext& app, BackendSet& backends, Conversations& conversations,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_app(app)
    , m_backends(backends)
    , m_conversations(conversations)
{
    setObjectName(QStringLiteral("mainWindow"));
    // Every reply is watched from before it is prepared: a refusal can end it at once.
    connect(&m_conversations, &Conversations::replyStarted, this, &MainWindow::watch);
    resize(1280, 820);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    m_sidebar = new ChatSidebar(app.chats(), splitter);
    m_sidebar->setMinimumWidth(200);

    auto* right = new QWidget(splitter);
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    // Top bar: sidebar toggle, model picker, servers' status.
    auto* top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 12, 6);
    m_sidebarToggle = new QToolButton(right);
    m_sidebarToggle->setObjectName(QStringLiteral("sidebarToggle"));
    m_sidebarToggle->setText(QStringLiteral("☰"));
    m_modelPicker = new QComboBox(right);
    m_modelPicker->setObjectName(QStringLiteral("modelPicker"));
    m_modelPicker->setMinimumContentsLength(24);
    m_modelPicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_status = new ServerStatus(backends, right);
    top->addWidget(m_sidebarToggle);
    top->addWidget(m_modelPicker);
    top->addStretch(1);
    top->addWidget(m_status);
    m_settingsButton = new QToolButton(right);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setText(QStringLiteral("⚙"));
    connect(m_settingsButton, &QToolButton::clicked, this, &MainWindow::openSettings);
    m_themeButton = new QToolButton(right);
    m_themeButton->setObjectName(QStringLiteral("themeButton"));
    m_themeButton->setText(QStringLiteral("◐"));
    m_themeButton->setPopupMode(QToolButton::InstantPopup);
    m_themeButton->setMenu(new QMenu(m_themeButton));
    top->addWidget(m_themeButton);
    top->addWidget(m_settingsButton);
    column->addLayout(top);

    m_notices = new QLabel(right);
    m_notices->setObjectName(QStringLiteral("startupNotices"));
    m_notices->setWordWrap(true);
    makePlain(m_notices); // notices quote files and servers
    m_notices->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notices->setContentsMargins(12, 6, 12, 6);
    m_notices->setText(app.notices().join(QStringLiteral("\n\n")));
    m_notices->setVisible(!app.notices().isEmpty());
    column->addWidget(m_notices);

    m_messages = new MessageModel(this);
    m_notifier = new DesktopNotifier(this);
    m_stack = new QStackedWidget(right);
    m_view = new MessageView(m_messages, m_stack);
    m_emptyState = buildEmptyState();
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyState);
    column->addWidget(m_stack, 1);
    m_findBar = new FindBar(m_messages, m_view, right);
    column->addWidget(m_findBar);

    m_editBanner = new QLabel(right);
    m_editBanner->setObjectName(QStringLiteral("editBanner"));
    m_editBanner->setContentsMargins(14, 4, 12, 0);
    makePlain(m_editBanner);
    m_editBanner->hide();
    column->addWidget(m_editBanner);
    m_undoBar = new QWidget(right);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    auto* undoRow = new QHBoxLayout(m_undoBar);
    undoRow->setContentsMargins(14, 4, 12, 0);
    m_undoText = new QLabel(m_undoBar);
    makePlain(m_undoText); // "Deleted <title>"
    m_undoButton = new QPushButton(m_undoBar);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    undoRow->addWidget(m_undoText, 1);
    undoRow->addWidget(m_undoButton);
    m_undoBar->hide();
    column->addWidget(m_undoBar);
    m_unsaved = new UnsavedReplies(right);
    column->addWidget(m_unsaved);
    connect(m_undoButton, &QPushButton::clicked, this, &MainWindow::undoDelete);
    m_deleteTimer.setSingleShot(true);
    m_deleteTimer.setInterval(8000);
    connect(&m_deleteTimer, &QTimer::timeout, this, &MainWindow::finishPendingDelete);

    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(12, 8, 12, 12);
    m_composer = new Composer(right);
    m_composer->setWritable(app.readOnlyReason().isEmpty());
    m_sendButton = new QPushButton(right);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    bottom->addWidget(m_composer, 1);
    bottom->addWidget(m_sendButton, 0, Qt::AlignBottom);
    column->addLayout(bottom);

    splitter->addWidget(m_sidebar);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 1000});
    setCentralWidget(splitter);

    connect(m_sidebarToggle, &QToolButton::clicked, this,
            [this] { m_sidebar->setVisible(!m_sidebar->isVisible()); });
    connect(m_sidebar, &ChatSidebar::chatActivated, this, &MainWindow::openChat);
    connect(m_sidebar, &ChatSidebar::newChatRequested, this, &MainWindow::newChat);
    connect(m_composer, &Composer::submitted, this, &MainWindow::send);
    connect(m_composer, &Composer::editLastRequested, this, [this] {
        for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
            if (m_messages->at(row).role == Role::User) {
                beginEdit(row);
                return;
            }
        }
    });
    connect(m_view, &MessageView::actionTriggered, this, &MainWindow::onMessageAction);
    connect(m_sidebar, &ChatSidebar::deleteRequested, this, &MainWindow::deleteChatWithUndo);
    connect(m_sidebar, &ChatSidebar::chatsChanged, this, [this] {
        if (auto c = m_app.chats().chat(m_chatId); c && c->has_value() && (*c)->archived)
            newChat();
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, &MainWindow::updateSendButton);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (m_conversations.replyIn(m_chatId))
            stop();
        else
            send();
    });

    // Streamed text reaches the screen at most ~60 times a second.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(16);
    connect(&m_coalesce, &QTimer::timeout, this, &MainWindow::flushStreamed);
    m_breakpointTimer.setSingleShot(true);
    m_breakpointTimer.setInterval(150);
    connect(&m_breakpointTimer, &QTimer::timeout, this, &MainWindow::applyBreakpoint);

    connect(m_status, &ServerStatus::changed, this, &MainWindow::onMonitorChanged);
    m_status->start();
    buildShortcuts();
    // Colours: the theme in ui.theme, live from here on.
    m_themes = new ThemeManager(QDir(app.dataDir()).filePath(QStringLiteral("themes")), this);
    connect(m_themes, &ThemeManager::changed, this, &MainWindow::applyTheme);
    m_themes->setChoice(app.settings().text(QStringLiteral("ui.theme")));
    if (!m_themes->problems().isEmpty()) {
        m_notices->setText((app.notices() + m_themes->problems()).join(QStringLiteral("\n\n")));
        m_notices->show();
    }

    m_sidebar->reload();
    if (auto chats = app.chats().listChats(); chats && !chats->isEmpty())
        openChat(chats->first().chat.id);
    else
        newChat();
    refreshModels();
    applyBreakpoint();
    retranslate();
    m_composer->setFocus();
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Lyss"));
    m_sidebarToggle->setToolTip(tr("Show or hide the chat list (Ctrl+Shift+S)"));
    m_sidebarToggle->setAccessibleName(tr("Chat list"));
    m_modelPicker->setAccessibleName(tr("Model"));
    m_settingsButton->setToolTip(tr("Settings (Ctrl+,)"));
    m_settingsButton->setAccessibleName(tr("Settings"));
    m_themeButton->setToolTip(tr("Theme (Ctrl+Shift+L cycles)"));
    m_themeButton->setAccessibleName(tr("Theme"));
    m_notices->setAccessibleName(tr("Start-up messages"));
    m_editBanner->setText(tr("Editing your message: sending makes a new branch. Esc cancels."));
    m_undoButton->setText(tr("Undo"));
    m_retryButton->setText(tr("Retry"));
    updateSendButton();
    showConversationOrHelp();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_themes) {
        // Every word the window shows, at once, without a restart; the children
        // (chat list, conversation, composer, find bar, status) do their own.
        retranslate();
        applyTheme(); // the theme menu's names
    }
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildEmptyState()
{
    auto* page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("emptyState"));
    auto* v = new QVBoxLayout(page);
    v->addStretch(1);
    auto* title = new QLabel(tr("Lyss"), page);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(page);
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton(page);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        m_status->retry();
        refreshModels();
    });
    v->addWidget(title);
    v->addWidget(m_emptyText);
    v->addWidget(m_retryButton, 0, Qt::AlignHCenter);
    v->addStretch(2);
    return page;
}

void MainWindow::find(const QString& text, bool backwards)
{
    m_findBar->find(text, backwards);
}

QString MainWindow::findStatus() const
{
    return m_findBar->status();
}

void MainWindow::rebuildBackends()
{
    if (m_conversations.anyStreaming()) {
        QMessageBox::information(
            this, tr("Servers changed"),
            tr("The change applies once the replies now streaming have finished; "
               "open Settings again then."));
        return;
    }
    auto effective = m_app.effectiveBackends();
    const int idleMs = static_cast<int>(
        m_app.settings().number(QStringLiteral("net.idle_timeout_seconds")) * 1000);
    m_status->stop(); // the monitors watch the backends about to go
    m_backends.rebuild(effective ? *effective : QList<EffectiveBackend>{}, &m_app.secrets(),
                       idleMs);
    m_models.clear();
    m_status->start();
    refreshModels();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_app, m_backends, m_models, m_chatId, this);
    QList<QPair<QString, QString>> themes;
    for (const QString& choice : m_themes->choices())
        themes.append({choice, m_themes->titleOf(choice)});
    dialog.offerThemes(themes, m_themes->choice());
    connect(&dialog, &SettingsDialog::themeChosen, this, &MainWindow::setTheme);
    connect(&dialog, &SettingsDialog::languageChosen, this, &MainWindow::setLanguage);
    bool serversChanged = false;
    connect(&dialog, &SettingsDialog::serversChanged, this,
            [&serversChanged] { serversChanged = true; });
    connect(&dialog, &SettingsDialog::modelsChanged, this, &MainWindow::refreshModels);
    dialog.exec();
    if (serversChanged)
        rebuildBackends();
}

void MainWindow::buildShortcuts()
{
    auto add = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { newChat(); });
    add(QKeySequence(Qt::Key_Escape), [this] {
        if (m_findBar->isVisible()) {
            m_findBar->hide();
            m_composer->setFocus();
        } else if (!m_editOf.isEmpty()) {
            cancelEdit();
        } else {
            stop();
        }
    });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { m_sidebar->setVisible(!m_sidebar->isVisible()); });
    add(QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        m_sidebar->show();
        m_sidebar->focusSearch();
    });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyLastReply(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { openSettings(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_F), [this] { m_findBar->open(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { setTheme(m_themes->nextChoice()); });
    add(QKeySequence(Qt::Key_F1), [this] { showShortcuts(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Slash), [this] { showShortcuts(); });
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard shortcuts"),
                             tr("Enter: send · Shift+Enter: new line\n"
                                "Esc: stop the reply\n"
                                "Ctrl+N: new chat\n"
                                "Ctrl+K: search chats\n"
                                "Ctrl+Shift+S: show or hide the chat list\n"
                                "Ctrl+Shift+C: copy the last reply\n"
                                "Ctrl+,: settings\n"
                                "Ctrl+F: find in this chat\n"
                                "Ctrl+Shift+L: next theme (light, dark, OLED dark, system)\n"
                                "F1 or Ctrl+/: this list"));
}

void MainWindow::setTheme(const QString& choice)
{
    m_themes->setChoice(choice);
    if (Status st = m_app.settings().set(QStringLiteral("ui.theme"), m_themes->choice()); !st.ok())
        qWarning("%s", qPrintable(st.errorMessage()));
}

void MainWindow::setLanguage(const QString& language)
{
    if (Status st = m_app.settings().set(QStringLiteral("ui.language"), language); !st.ok())
        qWarning("%s", qPrintable(st.errorMessage()));
    Translations::use(language); // the window retranslates on the LanguageChange that follows
}

void MainWindow::applyTheme()
{
    const Theme& t = m_themes->current();
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)); };
    MessageDelegate::Colors colors;
    colors.text = c("text");
    colors.muted = c("mutedText");
    colors.userBubble = c("userBubble");
    colors.userBubbleText = c("userBubbleText");
    colors.avatar = c("avatar");
    colors.avatarText = c("avatarText");
    colors.yourAvatar = c("primary");
    colors.yourAvatarText = c("primaryText");
    colors.codeBackground = c("codeBackground");
    colors.codeText = c("codeText");
    colors.border = c("border");
    colors.danger = c("danger");
    m_view->messageDelegate()->setColors(colors);
    // Rounded, themed text fields: the composer and the chat search. The style sheet is set
    // on those two only; the rest of the window paints from the palette.
    const QString field =
        QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; "
                       "border-radius: 8px; padding: 0 2px; "
                       "selection-background-color: %5; selection-color: %6; }"
                       "%1:focus { border-color: %7; }")
            .arg(QStringLiteral("%1"), c("input").name(), c("inputText").name(), c("border").name(),
                 c("selection").name(), c("selectionText").name(), c("primary").name());
    m_composer->setStyleSheet(field.arg(QStringLiteral("QPlainTextEdit")));
    m_sidebar->findChild<QLineEdit*>(QStringLiteral("chatSearch"))
        ->setStyleSheet(field.arg(QStringLiteral("QLineEdit")));
    m_notices->setStyleSheet(QStringLiteral("color: %1;").arg(c("danger").name()));
    // The theme menu shows which one is in use.
    QMenu* menu = m_themeButton->menu();
    menu->clear();
    for (const QString& choice : m_themes->choices()) {
        QAction* a = menu->addAction(plainMenuText(m_themes->titleOf(choice)), this,
                                     [this, choice] { setTheme(choice); });
        a->setCheckable(true);
        a->setChecked(choice == m_themes->choice());
    }
}

void MainWindow::copyLastReply()
{
    for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
        if (m_messages->at(row).role == Role::Assistant) {
            QApplication::clipboard()->setText(m_messages->at(row).content);
            return;
        }
    }
}

void MainWindow::refreshModels()
{
    m_backends.listModels([this](BackendSet::ModelList list) {
        m_models = list.models;
        const auto kept = chosenModel();
        m_modelPicker->clear();
        for (const ModelInfo& m : m_models) {
            QString label = m.displayName;
            if (m.sizeBytes >= 0)
                label += QStringLiteral("  ·  ") + formatBytes(m.sizeBytes);
            if (m_backends.backends().size() > 1)
                label += QStringLiteral("  ·  ") + m.backendName;
            m_modelPicker->addItem(label, m.displayName);
            m_modelPicker->setItemData(m_modelPicker->count() - 1, m.backendName, kBackendRole);
            m_modelPicker->setItemData(m_modelPicker->count() - 1, m.name, kModelRole);
        }
        // The chat's model, else the one picked before, else the default, else the first.
        bool shown = false;
        if (auto chat = m_app.chats().chat(m_chatId); chat && chat->has_value()) {
            if (auto remembered = ModelChoice::rememberedBy(**chat, m_models, backendNames());
                remembered)
                shown = showInPicker(*remembered);
        }
        if (!shown && kept)
            shown = showInPicker(*kept);
        if (!shown) {
            if (auto byDefault = ModelChoice::fromText(
                    m_app.settings().text(QStringLiteral("chat.default_model")), m_models,
                    backendNames());
                byDefault)
                shown = showInPicker(*byDefault);
        }
        if (!shown && m_modelPicker->count() > 0)
            m_modelPicker->setCurrentIndex(0);
        updateSendButton();
        showConversationOrHelp();
    });
}

void MainWindow::onMonitorChanged()
{
    // A server that came back: its models are worth listing again.
    if (m_status->anyConnected() && m_models.isEmpty())
        refreshModels();
    showConversationOrHelp();
}

void MainWindow::showConversationOrHelp()
{
    const bool anyConnected = m_status->anyConnected();
    const bool stillChecking = m_status->stillChecking();
    const bool help = m_messages->rowCount() == 0 && !anyConnected && !stillChecking;
    if (help) {
        QStringList lines;
        for (const QString& detail : m_status->details())
            lines << detail.toHtmlEscaped();
        m_emptyText->setText(
            tr("<p>No model server answers.</p><p>%1</p><p>Start Ollama (<code>ollama "
               "serve</code>) at "
               "the address above, or add another server with <code>lyss-cli backends add</code>, "
               "then press Retry.</p>")
                .arg(lines.join(QStringLiteral("<br>"))));
    } else if (m_messages->rowCount() == 0) {
        m_emptyText->setText(
            m_models.isEmpty() && anyConnected
                ? tr("No models yet. Download one with <code>lyss-cli pull llama3.2</code>.")
                : tr("Ask anything. Your chats stay on this computer."));
    }
    m_stack->setCurrentWidget(m_messages->rowCount() == 0 ? m_emptyState
                                                          : static_cast<QWidget*>(m_view));
}

void MainWindow::openChat(const QString& chatId)
{
    if (chatId != m_chatId) {
        saveDraft();
        cancelEdit();
    }
    const bool switching = chatId != m_chatId;
    m_chatId = chatId;
    if (switching) {
        const QSignalBlocker quiet(m_composer);
        const auto draft = m_app.chats().draft(chatId);
        m_composer->setPlainText(draft ? *draft : QString());
        m_draftLoaded = true;
    }
    m_messages->loadBranch(m_app.chats(), chatId);
    // A reply still streaming in this session is shown as it is now, not as last saved
    // (or not stored yet, while it is prepared).
    if (ActiveReply* live = m_conversations.replyIn(chatId))
        showUnstored(live);
    // So is one that finished but could not be saved: its only whole copy is in memory.
    if (ActiveReply* kept = m_unsaved->unsavedReplyFor(chatId))
        showUnstored(kept);
    m_sidebar->setCurrentChat(chatId);
    m_view->scrollToLatest();
    if (auto chat = m_app.chats().chat(chatId); chat && chat->has_value()) {
        if (auto remembered = ModelChoice::rememberedBy(**chat, m_models, backendNames());
            remembered)
            showInPicker(*remembered);
    }
    updateSendButton();
    showConversationOrHelp();
    if (m_breakpoint == Breakpoint::Mobile)
        m_sidebar->hide();
}

void MainWindow::newChat()
{
    saveDraft();
    cancelEdit();
    m_chatId.clear();
    {
        const QSignalBlocker quiet(m_composer);
        const auto draft = m_app.chats().draft({});
        m_composer->setPlainText(draft ? *draft : QString());
        m_draftLoaded = true;
    }
    m_messages->setMessages({});
    m_sidebar->setCurrentChat({});
    updateSendButton();
    showConversationOrHelp();
    m_composer->setFocus();
}

void MainWindow::send()
{
    if (m_composer->isBlank() || m_conversations.replyIn(m_chatId))
        return;
    auto chosen = chosenModel();
    if (!chosen) {
        warnPlain(this, tr("Cannot send"), chosen.errorMessage());
        return;
    }
    Conversations::Send s;
    s.chatId = m_chatId;
    s.prompt = m_composer->toPlainText();
    s.model = *chosen;
    s.editOf = m_editOf;
    m_starting = true;
    auto reply = m_conversations.send(s);
    m_starting = false;
    if (!reply) {
        warnPlain(this, tr("Cannot send"), reply.errorMessage());
        return;
    }
    const bool sameBranch = !m_chatId.isEmpty() && m_editOf.isEmpty();
    m_composer->clear();
    (void)m_app.chats().saveDraft(m_chatId, {});
    cancelEdit();
    m_sidebar->reload();
    if (sameBranch) {
        // The branch on screen only grows: add the two rows instead of reloading it all.
        showUnstored(*reply);
        m_view->scrollToLatest();
        showConversationOrHelp();
    } else {
        openChat((*reply)->chatId());
    }
    m_view->setStreaming(m_conversations.anyStreaming());
    updateSendButton();
}

void MainWindow::showUnstored(ActiveReply* reply)
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

void MainWindow::stop()
{
    m_conversations.stop(m_chatId);
}

ActiveReply* MainWindow::activeReply(const QString& chatId) const
{
    return m_conversations.replyIn(chatId);
}

void MainWindow::watch(ActiveReply* reply)
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
        m_sidebar->reload();
        if (chatId == m_chatId && m_messages->rowOf(reply->messageId()) < 0)
            openChat(chatId);
    });
    connect(reply, &ActiveReply::finished, this, [this, reply, chatId] {
        // No longer replyIn() its chat: shown from here, with the rest that streamed.
        flushStreamed();
        if (chatId == m_chatId && m_messages->rowOf(reply->messageId()) >= 0) {
            m_messages->upsert(reply->message());
            ++m_refreshes;
        }
        m_view->setStreaming(m_conversations.anyStreaming());
        updateSendButton();
        m_sidebar->reload();
        if (!isActiveWindow()) {
            // A reply finished while you were elsewhere: say so.
            QApplication::alert(this);
            const Message& m = reply->message();
            auto chat = m_app.chats().chat(chatId);
            const QString title = chat && chat->has_value() ? (*chat)->title : QString();
            m_notifier->notify(m.status == MessageStatus::Complete
                                   ? tr("Reply ready: %1").arg(title)
                                   : tr("Reply stopped: %1").arg(title),
                               m.status == MessageStatus::Error ? m.error : m.content.left(160));
        }
        m_unsaved->release(reply); // kept until it is saved
    });
}

void MainWindow::flushStreamed()
{
    if (m_pending.contains(m_chatId)) {
        if (ActiveReply* r = m_conversations.replyIn(m_chatId)) {
            m_messages->upsert(r->message());
            ++m_refreshes;
        }
    }
    m_pending.clear();
}

void MainWindow::updateSendButton()
{
    const bool streaming = m_conversations.replyIn(m_chatId) != nullptr;
    m_sendButton->setText(streaming ? tr("Stop") : tr("Send"));
    m_sendButton->setToolTip(streaming ? tr("Stop the reply (Esc)") : tr("Send (Enter)"));
    m_sendButton->setEnabled(streaming ||
                             (!m_composer->isBlank() && m_app.readOnlyReason().isEmpty()));
}

MainWindow::Breakpoint MainWindow::breakpointFor(int width)
{
    if (width < 768)
        return Breakpoint::Mobile;
    if (width < 1024)
        return Breakpoint::Tablet;
    if (width < 1200)
        return Breakpoint::Desktop;
    return Breakpoint::Large;
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    m_breakpointTimer.start(); // settle first: resizing stays smooth
}

void MainWindow::applyBreakpoint()
{
    const Breakpoint b = breakpointFor(width());
    const bool changed = b != m_breakpoint;
    m_breakpoint = b;
    m_view->messageDelegate()->setCompact(b == Breakpoint::Mobile);
    if (changed) {
        // On a phone-sized window the chat list is a drawer opened with ☰.
        m_sidebar->setVisible(b != Breakpoint::Mobile);
        m_view->doItemsLayout();
    }
}

Result<ModelChoice> MainWindow::chosenModel() const
{
    const int at = m_modelPicker->currentIndex();
    const ModelChoice choice{m_modelPicker->itemData(at, kBackendRole).toString(),
                             m_modelPicker->itemData(at, kModelRole).toString()};
    if (at < 0 || choice.isEmpty())
        return Error{tr("No model is available. Start Ollama or add a server, then press Retry.")};
    return choice;
}

bool MainWindow::showInPicker(const ModelChoice& choice)
{
    for (int i = 0; i < m_modelPicker->count(); ++i) {
        if (m_modelPicker->itemData(i, kBackendRole).toString() == choice.backend &&
            m_modelPicker->itemData(i, kModelRole).toString() == choice.model) {
            m_modelPicker->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::backendNames() const
{
    QStringList names;
    for (Backend* b : m_backends.backends())
        names << b->name();
    return names;
}

void MainWindow::onMessageAction(int action, int row)
{
    if (row < 0 || row >= m_messages->rowCount())
        return;
    const ShownMessage m = m_messages->at(row);
    switch (static_cast<MessageDelegate::Action>(action)) {
    case MessageDelegate::Action::Copy:
        QApplication::clipboard()->setText(m.content);
        break;
    case MessageDelegate::Action::Regenerate:
        regenerate(row);
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
        auto* viewer = new WholeTextViewer(m.content, this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->show();
        break;
    }
    default:
        break;
    }
}

void MainWindow::regenerate(int row)
{
    if (m_chatId.isEmpty() || m_conversations.replyIn(m_chatId) || row < 0 ||
        row >= m_messages->rowCount())
        return;
    if (m_messages->at(row).role != Role::Assistant)
        return;
    auto chosen = chosenModel();
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

void MainWindow::beginEdit(int row)
{
    if (row < 0 || row >= m_messages->rowCount() || m_messages->at(row).role != Role::User)
        return;
    m_editOf = m_messages->at(row).id;
    m_composer->setPlainText(m_messages->at(row).content);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
    m_editBanner->show();
}

void MainWindow::cancelEdit()
{
    if (m_editOf.isEmpty())
        return;
    m_editOf.clear();
    m_editBanner->hide();
    m_composer->clear();
}

void MainWindow::deleteMessage(const QString& messageId)
{
    if (Status st = m_conversations.deleteMessage(m_chatId, messageId); !st.ok()) {
        warnPlain(this, tr("Cannot delete"), st.errorMessage());
        return;
    }
    openChat(m_chatId);
}

void MainWindow::switchSibling(int row, int step)
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

void MainWindow::deleteChatWithUndo(const QString& chatId)
{
    finishPendingDelete(); // one undo at a time
    m_pendingDelete = chatId;
    auto chat = m_app.chats().chat(chatId);
    const QString title = chat && chat->has_value() ? (*chat)->title : QString();
    m_undoText->setText(tr("Deleted \"%1\".").arg(title));
    m_undoBar->show();
    m_sidebar->setHiddenChat(chatId);
    if (m_chatId == chatId)
        newChat();
    m_deleteTimer.start();
}

void MainWindow::undoDelete()
{
    m_deleteTimer.stop();
    m_pendingDelete.clear();
    m_undoBar->hide();
    m_sidebar->setHiddenChat({});
}

void MainWindow::finishPendingDelete()
{
    m_deleteTimer.stop();
    if (m_pendingDelete.isEmpty())
        return;
    m_conversations.stop(m_pendingDelete);
    if (Status st = m_app.chats().deleteChat(m_pendingDelete); !st.ok())
        warnPlain(this, tr("Cannot delete"), st.errorMessage());
    m_pendingDelete.clear();
    m_undoBar->hide();
    m_sidebar->setHiddenChat({});
    m_sidebar->reload();
}

void MainWindow::saveDraft()
{
    if (m_draftLoaded && m_editOf.isEmpty()) // an edit in progress is not a draft
        (void)m_app.chats().saveDraft(m_chatId, m_composer->toPlainText());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveDraft();
    finishPendingDelete();
    m_unsaved->retry();
    if (const int n = m_unsaved->unsavedCount();
        n > 0 && QGuiApplication::platformName() != QLatin1String("offscreen")) {
        // The only copy of those replies is on screen: quitting loses them.
        if (QMessageBox::warning(this, tr("Replies not saved"),
                                 tr("%n reply(s) could not be saved, and quitting now loses "
                                    "them. Copy what you need, or free some space and press "
                                    "Retry saving first. Quit anyway?",
                                    nullptr, n),
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::quitAfterFirstPaint()
{
    connect(m_view, &MessageView::firstPaint, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    if (m_stack->currentWidget() == m_view)
        return;
    // No conversation on screen: quit once what is shown instead (the welcome or help
    // page) has painted, so the window was really drawn.
    class PaintWatcher : public QObject {
    public:
        using QObject::QObject;
        bool eventFilter(QObject* watched, QEvent* event) override
        {
            if (event->type() == QEvent::Paint)
                QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
            return QObject::eventFilter(watched, event);
        }
    };
    m_stack->currentWidget()->installEventFilter(new PaintWatcher(this));
}

} // namespace lyss
