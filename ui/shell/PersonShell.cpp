// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/PersonShell.h"
#include "shell/ChangePasswordDialog.h"
#include "shell/MainWindow.h"
#include "shell/PersonMenu.h"
#include "shell/SignInDialog.h"

#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "util/Translations.h"

#include <QApplication>

namespace lyss {

namespace {
// How often the session is checked while the window is open (and whenever Lyss comes to
// the front): a person disabled or signed out elsewhere leaves the screen this soon.
constexpr int kWatchMs = 20 * 1000;
} // namespace

PersonShell::PersonShell(AppContext& app, BackendSet& backends, QObject* parent)
    : QObject(parent)
    , m_app(app)
    , m_backends(backends)
{
    m_watch.setInterval(kWatchMs);
    connect(&m_watch, &QTimer::timeout, this, &PersonShell::checkSession);
    m_pruner.setInterval(1000);
    connect(&m_pruner, &QTimer::timeout, this, &PersonShell::prune);
    connect(qApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive)
                    QTimer::singleShot(0, this, &PersonShell::checkSession);
            });
}

PersonShell::~PersonShell()
{
    delete m_window.data();
    // Lyss is closing: what streams for people no longer on screen is saved as it stands.
    for (auto& c : m_retired)
        c->stopAll();
    m_retired.clear();
    m_conversations.reset();
    m_app.keeper().close();
}

bool PersonShell::start()
{
    if (!askSignIn({}, nullptr))
        return false;
    build();
    return true;
}

int PersonShell::backgroundReplies() const
{
    return int(std::count_if(m_retired.begin(), m_retired.end(),
                             [](const auto& c) { return c->anyStreaming(); }));
}

bool PersonShell::askSignIn(const QString& why, QWidget* parent)
{
    if (m_signInStep)
        return m_signInStep(why);
    // With no window on screen, the dialog closing is not Lyss closing.
    const bool quits = QApplication::quitOnLastWindowClosed();
    if (!parent)
        QApplication::setQuitOnLastWindowClosed(false);
    bool in = false;
    if (why.isEmpty() || parent == nullptr) {
        in = SignInDialog::ensureSignedIn(m_app, why);
    } else {
        SignInDialog dialog(m_app, parent);
        dialog.explain(why);
        in = dialog.exec() == QDialog::Accepted && dialog.person().has_value() &&
             m_app.openSession(dialog.person()->id).ok();
    }
    QApplication::setQuitOnLastWindowClosed(quits);
    return in;
}

void PersonShell::applyLanguage()
{
    const QString language = m_app.settings().text(SettingKey::Language);
    Translations::use(language.isEmpty() ? qEnvironmentVariable("LYSS_LANGUAGE") : language);
}

void PersonShell::build(const QRect& geometry)
{
    applyLanguage();
    m_conversations = std::make_unique<Conversations>(m_app.store(), m_app.settings(), m_backends);
    auto* window = new MainWindow(m_app, m_backends, *m_conversations);
    if (geometry.isValid())
        window->setGeometry(geometry);
    m_window = window;
    connect(window, &MainWindow::accountsChanged, this, &PersonShell::showPersonMenu,
            Qt::QueuedConnection);
    showPersonMenu();
    Q_EMIT windowChanged(window);
}

void PersonShell::showPersonMenu()
{
    if (!m_window)
        return;
    const bool on = m_app.accountsOn() && m_app.keeper().signedIn();
    if (!on) {
        if (m_menu)
            m_menu->hide();
        m_watch.stop();
        return;
    }
    auto me = m_app.person();
    if (!me)
        return;
    if (!m_menu) {
        m_menu = new PersonMenu(m_window);
        m_window->addToTopBar(m_menu);
        // Queued: what they do replaces the window the menu is in.
        connect(m_menu, &PersonMenu::changePasswordRequested, this, &PersonShell::changePassword,
                Qt::QueuedConnection);
        connect(m_menu, &PersonMenu::switchPersonRequested, this, &PersonShell::switchPerson,
                Qt::QueuedConnection);
        connect(m_menu, &PersonMenu::signOutRequested, this, &PersonShell::signOut,
                Qt::QueuedConnection);
    }
    m_menu->setPerson(*me);
    m_menu->show();
    m_watch.start();
}

void PersonShell::retire()
{
    if (m_window) {
        m_window->hide();
        delete m_window.data();
    }
    if (m_conversations && m_conversations->anyStreaming()) {
        // The replies go on streaming and saving into that person's chats, unseen.
        m_retired.push_back(std::move(m_conversations));
        m_pruner.start();
    }
    m_conversations.reset();
}

void PersonShell::prune()
{
    std::erase_if(m_retired, [](const auto& c) { return !c->anyStreaming(); });
    if (m_retired.empty())
        m_pruner.stop();
}

void PersonShell::changePassword()
{
    if (m_busy || !m_window)
        return;
    auto me = m_app.person();
    if (!me)
        return;
    m_busy = true;
    ChangePasswordDialog dialog(m_app, me->name, m_window);
    dialog.exec();
    m_busy = false;
}

void PersonShell::switchPerson()
{
    if (m_busy || !m_window || !m_window->handOver())
        return;
    m_busy = true;
    const QString who = m_menu ? m_menu->text() : QString();
    const bool in =
        askSignIn(tr("Sign in as the person taking over. Cancel, and %1 stays signed in.").arg(who),
                  m_window);
    m_busy = false;
    if (!in)
        return;
    const QRect geometry = m_window->geometry();
    const bool shown = m_window->isVisible();
    retire();
    build(geometry);
    if (shown)
        m_window->show();
}

void PersonShell::signOut()
{
    if (m_busy || !m_window || !m_window->handOver())
        return;
    if (Status st = m_app.keeper().signOut(); !st.ok())
        qWarning("lyss: %s", qPrintable(st.errorMessage()));
    const QRect geometry = m_window->geometry();
    retire();
    m_busy = true;
    const bool in = askSignIn(tr("You are signed out."), nullptr);
    m_busy = false;
    if (!in) {
        Q_EMIT nobodySignedIn();
        return;
    }
    build(geometry);
    m_window->show();
}

void PersonShell::checkSession()
{
    if (m_busy || !m_window || !m_app.accountsOn())
        return;
    auto me = m_app.keeper().check();
    if (me && me->role != UserRole::Pending && me->id == m_app.session().userId()) {
        if (m_menu)
            m_menu->setPerson(*me); // a new role shows at once
        return;
    }
    if (!me && me.errorCode() != ErrorCode::Unauthorised)
        return; // the database cannot answer now: not a reason to sign anyone out
    // Ended elsewhere (signed out, expired, disabled, the password changed): they leave.
    (void)m_window->handOver();
    (void)m_app.keeper().signOut();
    const QRect geometry = m_window->geometry();
    retire();
    m_busy = true;
    const bool in = askSignIn(tr("Your session has ended: you were signed out elsewhere, it "
                                 "expired, or an admin disabled your account. Sign in again."),
                              nullptr);
    m_busy = false;
    if (!in) {
        Q_EMIT nobodySignedIn();
        return;
    }
    build(geometry);
    m_window->show();
}

} // namespace lyss
