// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/MainWindow.h"
#include "common/PlainText.h"
#include "conversation/UndoBar.h"
#include "shell/ControlStyle.h"
#include "shell/WelcomePage.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "common/Icons.h"
#include "common/Spacing.h"
#include "config/Settings.h"
#include "conversation/Composer.h"
#include "conversation/FindBar.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "conversation/UnsavedReplies.h"
#include "realtime/ServerChannel.h"
#include "settings/SettingsDialog.h"
#include "shell/ChatDrawer.h"
#include "shell/FirstPaint.h"
#include "shell/ImportDrop.h"
#include "shell/ServerEventsView.h"
#include "shell/ServerStatus.h"
#include "shell/ShortcutsHelp.h"
#include "sidebar/ChatSidebar.h"
#include "store/ChatStore.h"
#include "store/sqlite/BackgroundSearch.h"
#include "theme/ThemeManager.h"
#include "util/Translations.h"

#include <QAccessibleWidget>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace lyss {

namespace {
// Screen readers meet the window as a window (a frame), as they met the QMainWindow it
// was: a plain widget would be a "client" area.
QAccessibleInterface* accessibleWindow(const QString& key, QObject* object)
{
    auto* widget = qobject_cast<QWidget*>(object);
    if (key != QLatin1String("lyss::MainWindow") || !widget)
        return nullptr;
    return new QAccessibleWidget(widget, QAccessible::Window);
}
} // namespace

MainWindow::MainWindow(AppContext& app, BackendSet& backends, Conversations& conversations,
                       QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_backends(backends)
    , m_conversations(conversations)
{
    setObjectName(QStringLiteral("mainWindow"));
    static const bool accessible = (QAccessible::installFactory(accessibleWindow), true);
    Q_UNUSED(accessible)
    resize(1280, 820);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    m_sidebar = new ChatSidebar(app.store(),
                                *new BackgroundSearch(app.databasePath(), app.store().userId(),
                                                      !app.readOnlyReason().isEmpty(), this),
                                splitter);
    m_sidebar->setMinimumWidth(200);
    m_sidebar->setReadOnlyReason(app.readOnlyReason());

    auto* right = new QWidget(splitter);
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    // Top bar: sidebar toggle, model picker, servers' status.
    auto* top = new QHBoxLayout;
    m_topBar = top;
    top->setContentsMargins(space::s, space::s, space::m, space::s);
    top->setSpacing(space::s);
    m_sidebarToggle = new QToolButton(right);
    m_sidebarToggle->setObjectName(QStringLiteral("sidebarToggle"));
    m_modelPicker = new ModelPicker(backends, right);
    m_status = new ServerStatus(backends, right);
    top->addWidget(m_sidebarToggle);
    top->addWidget(m_modelPicker);
    top->addStretch(1);
    top->addWidget(m_status);
    m_settingsButton = new QToolButton(right);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    connect(m_settingsButton, &QToolButton::clicked, this, &MainWindow::openSettings);
    m_themeButton = new QToolButton(right);
    m_themeButton->setObjectName(QStringLiteral("themeButton"));
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

    m_pane = new ConversationPane(app, conversations, *m_modelPicker, right);
    // The welcome page is made when a chat is empty (welcome()), not at every start.
    column->addWidget(m_pane, 1);
    m_undoBar = new UndoBar(m_pane);
    m_pane->addBar(m_undoBar);
    connect(m_undoBar, &UndoBar::undone, this, &MainWindow::undoDelete);
    connect(m_undoBar, &UndoBar::timedOut, this, &MainWindow::finishPendingDelete);

    splitter->addWidget(m_sidebar);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 1000});
    // The window works from 360 px wide: narrower than the chat list and the conversation
    // side by side, where the list becomes a drawer (the breakpoints).
    splitter->setMinimumWidth(360);
    auto* whole = new QHBoxLayout(this);
    whole->setContentsMargins(0, 0, 0, 0);
    whole->addWidget(splitter);
    m_drawer = new ChatDrawer(splitter, m_sidebar, this);
    connect(new ImportDrop(app, this), &ImportDrop::chatsImported, m_sidebar, &ChatSidebar::reload);
    connect(m_drawer, &ChatDrawer::dismissed, m_pane->composer(), qOverload<>(&QWidget::setFocus));

    connect(m_sidebarToggle, &QToolButton::clicked, m_drawer, &ChatDrawer::toggle);
    connect(m_sidebar, &ChatSidebar::chatActivated, this, &MainWindow::openChat);
    connect(m_sidebar, &ChatSidebar::messageActivated, m_pane, &ConversationPane::openAt);
    connect(m_sidebar, &ChatSidebar::newChatRequested, this, &MainWindow::newChat);
    connect(m_sidebar, &ChatSidebar::searchDismissed, this, [this] {
        m_drawer->closeDrawer();
        m_pane->composer()->setFocus();
    });
    connect(m_sidebar, &ChatSidebar::deleteRequested, this, &MainWindow::deleteChatWithUndo);
    connect(m_sidebar, &ChatSidebar::chatsChanged, this, [this] {
        if (auto c = m_app.store().chats().chat(currentChatId());
            c && c->has_value() && (*c)->archived)
            newChat();
    });
    connect(m_pane, &ConversationPane::chatChanged, m_sidebar, &ChatSidebar::refreshChat);
    connect(m_pane, &ConversationPane::conversationChanged, this,
            &MainWindow::showConversationOrHelp);
    connect(m_pane, &ConversationPane::chatOpened, this, [this](const QString& chatId) {
        m_sidebar->setCurrentChat(chatId);
        m_drawer->closeDrawer(); // a new chat too
    });
    m_breakpointTimer.setSingleShot(true);
    m_breakpointTimer.setInterval(150);
    connect(&m_breakpointTimer, &QTimer::timeout, this, &MainWindow::applyBreakpoint);

    connect(m_status, &ServerStatus::changed, this, &MainWindow::onMonitorChanged);
    // An Open WebUI server's events: notifications, its tools' questions, titles and tags.
    auto* serverEvents = new ServerEventsView(this, m_pane->notices(), &m_app.store().chats());
    connect(serverEvents, &ServerEventsView::chatChanged, m_sidebar, &ChatSidebar::refreshChat);
    connect(m_status, &ServerStatus::channelAdded, serverEvents, &ServerEventsView::watch);
    m_status->start(/*ask=*/false); // "checking" until contactServers()
    buildShortcuts();
    // Colours: the theme in ui.theme, live from here on.
    m_themes = new ThemeManager(QDir(app.dataDir()).filePath(QStringLiteral("themes")), this);
    connect(m_themes, &ThemeManager::changed, this, &MainWindow::applyTheme);
    m_themes->setChoice(app.settings().text(SettingKey::Theme));
    connect(&app.settings(), &Settings::changed, this, &MainWindow::settingChanged);
    if (!m_themes->problems().isEmpty()) {
        m_notices->setText((app.notices() + m_themes->problems()).join(QStringLiteral("\n\n")));
        m_notices->show();
    }

    m_sidebar->reload();
    if (const QString first = m_sidebar->firstChatId(); !first.isEmpty())
        openChat(first);
    else
        newChat();
    // The servers are asked once the first frame is on screen: the first request sets up
    // the network stack, about 10 ms the first frame would wait for. A window not shown
    // (yet) asks after a moment.
    FirstPaint::watch(this, [this] {
        QMetaObject::invokeMethod(this, &MainWindow::contactServers, Qt::QueuedConnection);
    });
    QTimer::singleShot(kContactServersMs, this, &MainWindow::contactServers);
    applyBreakpoint();
    retranslate(); // the words (its showConversationOrHelp waits for m_built)
    m_built = true;
    showConversationOrHelp(); // the first chat is open: the welcome page if it is empty
    m_pane->composer()->setFocus();
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
    m_pane->retranslate();
    showConversationOrHelp();
}

void MainWindow::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_themes) {
        // Every word the window shows, at once, without a restart; the children
        // (chat list, conversation, composer, find bar, status) do their own.
        retranslate();
        applyTheme(); // the theme menu's names
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::find(const QString& text, bool backwards)
{
    m_pane->findBar()->find(text, backwards);
}

QString MainWindow::findStatus() const
{
    return m_pane->findBar()->status();
}

void MainWindow::rebuildBackends()
{
    if (m_conversations.anyStreaming() || (m_backgroundReplies && m_backgroundReplies())) {
        QMessageBox::information(
            this, tr("Servers changed"),
            tr("The change applies once the replies now streaming have finished; "
               "open Settings again then."));
        return;
    }
    auto effective = m_app.effectiveBackends();
    const int idleMs =
        static_cast<int>(m_app.settings().number(SettingKey::IdleTimeoutSeconds) * 1000);
    m_status->stop(); // the monitors watch the backends about to go
    m_backends.rebuild(effective ? *effective : QList<EffectiveBackend>{}, &m_app.secrets(),
                       idleMs);
    m_modelPicker->forget();
    m_status->start();
    refreshModels();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_app, m_backends, models(), currentChatId(), this);
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
    connect(&dialog, &SettingsDialog::accountsChanged, this, &MainWindow::accountsChanged);
    connect(&dialog, &SettingsDialog::chatsImported, m_sidebar, &ChatSidebar::reload);
    dialog.setRestoreGuard([this] {
        if (m_conversations.anyStreaming())
            return tr("A reply is still coming in: stop it or let it finish, then restore.");
        if (m_conversations.anyUnsaved())
            return tr("A reply is not saved yet: press Retry saving (or free some space) "
                      "before you restore.");
        return QString();
    });
    bool restored = false;
    connect(&dialog, &SettingsDialog::restored, this, [&restored] { restored = true; });
    dialog.exec();
    if (restored) {
        Q_EMIT restartRequested();
        return;
    }
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
    add(QKeySequence(Qt::Key_Escape), [this] { m_pane->escape(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { m_drawer->toggle(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        m_drawer->reveal();
        m_sidebar->focusSearch();
    });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { m_pane->copyLastReply(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { openSettings(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_F), [this] { m_pane->findBar()->open(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { setTheme(m_themes->nextChoice()); });
    add(QKeySequence(Qt::Key_F1), [this] { showShortcuts(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Slash), [this] { showShortcuts(); });
}

void MainWindow::showShortcuts()
{
    ShortcutsHelp::show(this);
}

// The window follows the settings (settingChanged); when one cannot be saved (a read-only
// database) the choice still holds for this run.
void MainWindow::setTheme(const QString& choice)
{
    m_themes->setChoice(choice); // worn at once, even over LYSS_THEME for this run
    m_settingOwnChoice = true;
    if (Status st = m_app.settings().set(SettingKey::Theme, m_themes->choice()); !st.ok())
        qWarning("%s", qPrintable(st.errorMessage()));
    m_settingOwnChoice = false;
}

void MainWindow::setLanguage(const QString& language)
{
    m_settingOwnChoice = true;
    if (Status st = m_app.settings().set(SettingKey::Language, language); !st.ok())
        qWarning("%s", qPrintable(st.errorMessage()));
    m_settingOwnChoice = false;
    Translations::use(language); // the window retranslates on the LanguageChange that follows
}

void MainWindow::settingChanged(SettingKey key)
{
    if (m_settingOwnChoice)
        return; // already applied, as chosen (the environment may hold another value)
    if (key == SettingKey::Theme)
        m_themes->setChoice(m_app.settings().text(SettingKey::Theme));
    else if (key == SettingKey::Language) // the window retranslates on the LanguageChange
        Translations::use(m_app.settings().text(SettingKey::Language));
}

void MainWindow::applyTheme()
{
    const Theme& t = m_themes->current();
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)); };
    m_pane->applyTheme(t);
    // The composer, Send, New chat and the search in the theme's colours (controlstyle);
    // the rest of the window paints from the palette.
    controlstyle::field(m_pane->composer(), t);
    controlstyle::send(m_pane->sendButton(), t);
    m_pane->sendButton()->setFixedHeight(m_pane->composer()->oneLineHeight());
    if (auto* newChat = m_sidebar->findChild<QPushButton*>(QStringLiteral("newChat")))
        controlstyle::newChat(newChat, t);
    if (auto* search = m_sidebar->findChild<QLineEdit*>(QStringLiteral("chatSearch")))
        controlstyle::field(search, t);
    m_sidebar->setClearIcon(icons::themed(QStringLiteral("clear"), c("mutedText")));
    m_notices->setStyleSheet(QStringLiteral("color: %1;").arg(c("danger").name()));
    for (auto [button, icon] :
         {std::pair{m_sidebarToggle, "menu"}, std::pair{m_themeButton, "theme"},
          std::pair{m_settingsButton, "settings"}}) {
        button->setIcon(icons::themed(QLatin1String(icon), c("text")));
        button->setAutoRaise(true); // a frame under the pointer only
    }
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

void MainWindow::contactServers()
{
    if (std::exchange(m_contacted, true))
        return;
    m_status->ask();
    refreshModels();
}

void MainWindow::refreshModels()
{
    // The answer can come after the window is gone (another person took over).
    m_backends.listModels([this, alive = QPointer<MainWindow>(this)](BackendSet::ModelList list) {
        if (!alive)
            return;
        std::optional<Chat> chat;
        if (auto c = m_app.store().chats().chat(currentChatId()); c && c->has_value())
            chat = **c;
        m_modelPicker->setModels(list.models, chat,
                                 m_app.settings().text(SettingKey::DefaultModel));
        m_pane->updateSendButton();
        showConversationOrHelp();
    });
}

void MainWindow::onMonitorChanged()
{
    // A server that came back: its models are worth listing again.
    if (m_status->anyConnected() && models().isEmpty())
        refreshModels();
    showConversationOrHelp();
}

WelcomePage* MainWindow::welcome()
{
    if (m_welcome)
        return m_welcome;
    m_welcome = new WelcomePage(m_app, m_backends, m_pane);
    connect(m_welcome, &WelcomePage::modelsChanged, this, &MainWindow::refreshModels);
    connect(m_welcome, &WelcomePage::serverAdded, this, &MainWindow::rebuildBackends);
    connect(m_welcome, &WelcomePage::retryRequested, this, [this] {
        m_status->retry();
        refreshModels();
    });
    m_pane->setWelcome(m_welcome);
    return m_welcome;
}

void MainWindow::showConversationOrHelp()
{
    if (!m_built)
        return;
    const bool anyConnected = m_status->anyConnected();
    const bool stillChecking = m_status->stillChecking();
    const bool empty = m_pane->messageModel()->rowCount() == 0;
    const bool help = empty && !anyConnected && !stillChecking;
    if (help)
        welcome()->showNoServer(m_status->tried(), m_status->details());
    else if (empty)
        welcome()->showWelcome(models().isEmpty() && anyConnected);
    m_pane->showConversationOrWelcome();
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
    QWidget::resizeEvent(event);
    m_breakpointTimer.start(); // settle first: resizing stays smooth
}

void MainWindow::applyBreakpoint()
{
    const Breakpoint b = breakpointFor(width());
    const bool changed = b != m_breakpoint;
    m_breakpoint = b;
    m_pane->messageView()->messageDelegate()->setCompact(b == Breakpoint::Mobile);
    if (changed) {
        // On a phone-sized window the chat list is a drawer opened with ☰.
        m_drawer->setNarrow(b == Breakpoint::Mobile);
        m_pane->messageView()->doItemsLayout();
    }
}

void MainWindow::deleteChatWithUndo(const QString& chatId)
{
    finishPendingDelete(); // one undo at a time
    m_pendingDelete = chatId;
    auto chat = m_app.store().chats().chat(chatId);
    const QString title = chat && chat->has_value() ? (*chat)->title : QString();
    m_undoBar->offer(title);
    m_sidebar->setHiddenChat(chatId);
    if (currentChatId() == chatId)
        newChat();
}

void MainWindow::undoDelete()
{
    m_undoBar->withdraw();
    m_pendingDelete.clear();
    m_sidebar->setHiddenChat({});
}

void MainWindow::finishPendingDelete()
{
    m_undoBar->withdraw();
    if (m_pendingDelete.isEmpty())
        return;
    m_conversations.stop(m_pendingDelete);
    // Already gone (lyss-cli deleted it meanwhile) is what was asked for.
    if (Status st = m_app.store().chats().deleteChat(m_pendingDelete);
        !st.ok() && st.errorCode() != ErrorCode::NotFound)
        warnPlain(this, tr("Cannot delete"), st.errorMessage());
    m_pendingDelete.clear();
    m_sidebar->setHiddenChat({});
    m_sidebar->reload();
}

void MainWindow::addToTopBar(QWidget* widget)
{
    const int at = m_topBar->indexOf(m_themeButton);
    m_topBar->insertWidget(at, widget);
    m_topBar->insertSpacing(at, 8); // apart from the servers' status
}

bool MainWindow::handOver(bool ask)
{
    m_pane->saveDraft();
    m_pane->unsaved()->retry();
    const int n = m_pane->unsaved()->unsavedCount();
    if (!ask || n == 0 || QGuiApplication::platformName() == QLatin1String("offscreen"))
        return true;
    // The only copy of those replies is on screen: leaving loses them.
    return QMessageBox::warning(this, tr("Replies not saved"),
                                tr("%n reply(s) could not be saved, and leaving now loses "
                                   "them. Copy what you need, or free some space and press "
                                   "Retry saving first. Leave anyway?",
                                   nullptr, n),
                                QMessageBox::Yes | QMessageBox::No,
                                QMessageBox::No) == QMessageBox::Yes;
}

void MainWindow::leave()
{
    finishPendingDelete();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Replies still coming end here, saved whole (not found cut off at the next start);
    // a message still being prepared is stored with its stopped reply.
    m_conversations.stopAll();
    finishPendingDelete();
    if (!handOver()) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

void MainWindow::quitAfterFirstPaint(const std::function<void()>& atPaint)
{
    if (atPaint)
        connect(m_pane->messageView(), &MessageView::firstPaint, qApp, atPaint);
    connect(m_pane->messageView(), &MessageView::firstPaint, qApp, &QCoreApplication::quit,
            Qt::QueuedConnection);
    if (m_pane->showsConversation())
        return;
    // No conversation on screen: quit once what is shown instead (the welcome or help
    // page) has painted, so the window was really drawn.
    FirstPaint::watch(welcome(), [atPaint] {
        if (atPaint)
            atPaint();
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
}

} // namespace lyss
