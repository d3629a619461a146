// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/PersonShell.h"
#include "common/PlainText.h"
#include "shell/ChangePasswordDialog.h"
#include "shell/MainWindow.h"
#include "shell/PersonMenu.h"
#include "shell/SignInDialog.h"

#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "store/sqlite/Database.h"
#include "util/Translations.h"

#include <QApplication>
#include <QDialog>

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
    m_app.filters().watch();                    // a filter added, changed or removed counts at once
    m_app.filters().usePipelinesOf(m_backends); // and those of the Pipelines servers
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
    if (m_signInStep) {
        auto who = m_signInStep({});
        if (!who || !m_app.openSession(*who).ok())
            return false;
    } else if (!SignInDialog::ensureSignedIn(m_app)) {
        return false;
    }
    build();
    return true;
}

int PersonShell::backgroundReplies() const
{
    return int(std::count_if(m_retired.begin(), m_retired.end(),
                             [](const auto& c) { return c->anyStreaming(); }));
}

namespace {
// No window on screen while the next person signs in: the dialog closing is not Lyss
// closing.
struct NoQuitMeanwhile {
    bool before = QApplication::quitOnLastWindowClosed();
    NoQuitMeanwhile() { QApplication::setQuitOnLastWindowClosed(false); }
    ~NoQuitMeanwhile() { QApplication::setQuitOnLastWindowClosed(before); }
};
} // namespace

std::optional<QString> PersonShell::askPerson(const QString& why, QWidget* parent)
{
    if (!m_app.accountsOn()) // turned off meanwhile: the one person there is
        return m_app.session().userId();
    if (m_signInStep)
        return m_signInStep(why);
    NoQuitMeanwhile keepRunning;
    SignInDialog dialog(m_app, parent);
    dialog.explain(why);
    if (dialog.exec() != QDialog::Accepted || !dialog.person().has_value())
        return std::nullopt;
    return dialog.person()->id;
}

bool PersonShell::enter(const QString& userId, const QRect& geometry)
{
    if (Status st = m_app.openSession(userId); !st.ok()) {
        warnPlain(nullptr, tr("Cannot sign in"), st.errorMessage());
        (void)m_app.keeper().signOut();
        return false;
    }
    build(geometry);
    m_window->show();
    return true;
}

void PersonShell::askUntilSomeone(QString why, const QRect& geometry)
{
    NoQuitMeanwhile keepRunning;
    for (;;) {
        m_busy = true;
        const auto who = askPerson(why, nullptr);
        m_busy = false;
        if (!who) {
            Q_EMIT nobodySignedIn();
            return;
        }
        if (enter(*who, geometry))
            return;
        why = tr("You are signed out.");
    }
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
    m_conversations->setStageSource(m_app.filterStages(m_app.session().userId()));
    auto* window = new MainWindow(m_app, m_backends, *m_conversations);
    if (geometry.isValid())
        window->setGeometry(geometry);
    window->setBackgroundReplies([this] { return backgroundReplies() > 0; });
    m_window = window;
    connect(window, &MainWindow::accountsChanged, this, &PersonShell::showPersonMenu,
            Qt::QueuedConnection);
    connect(window, &MainWindow::restartRequested, this, &PersonShell::restartRequested,
            Qt::QueuedConnection);
    showPersonMenu();
    // The window holds what it shows: the pages read for it go back before the first
    // paint, which then reuses their memory.
    m_app.database().releaseMemory();
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
    if (m_conversations && (m_conversations->anyStreaming() || m_conversations->anyUnsaved())) {
        // The replies go on streaming and saving into that person's chats, unseen.
        m_retired.push_back(std::move(m_conversations));
        m_pruner.start();
    }
    m_conversations.reset();
}

void PersonShell::prune()
{
    std::erase_if(m_retired, [](const auto& c) { return !c->anyStreaming() && !c->anyUnsaved(); });
    if (m_retired.empty())
        m_pruner.stop();
}

bool PersonShell::closeDialogs()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<QDialog*>(w); dialog && dialog->isVisible()) {
            // A modal one runs in exec() on someone's stack: wait until it has returned.
            if (dialog->isModal() || dialog->windowModality() != Qt::NonModal)
                m_closing << dialog;
            dialog->reject();
        }
    }
    if (QWidget* popup = QApplication::activePopupWidget()) {
        m_closing << popup;
        popup->close();
    }
    // A dialog run with exec() is gone once its caller's stack has unwound; one kept
    // after it returned is not waited for long.
    m_closing.removeIf([](const QPointer<QWidget>& w) { return w.isNull(); });
    if (m_closing.isEmpty() || ++m_closeTries > 100) {
        m_closing.clear();
        m_closeTries = 0;
        return false;
    }
    return true;
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

bool PersonShell::mayLeave()
{
    if (m_busy || !m_window)
        return false;
    m_busy = true;
    if (!m_window->handOver()) { // their only copy of a reply is on screen: they stay
        m_busy = false;
        return false;
    }
    return true;
}

QRect PersonShell::leaveScreen()
{
    // The window leaves while the store is still the person's it shows.
    const QRect geometry = m_window->geometry();
    m_window->leave();
    retire();
    return geometry;
}

void PersonShell::switchPerson()
{
    if (!mayLeave())
        return;
    const QString who = m_menu ? m_menu->text() : QString();
    const auto next =
        askPerson(tr("Sign in as the person taking over. Cancel, and %1 stays signed in.").arg(who),
                  m_window);
    if (!next) { // nobody took over: nothing changed
        m_busy = false;
        return;
    }
    // The session before ended as the next one began.
    const QRect geometry = leaveScreen();
    m_busy = false;
    if (!enter(*next, geometry))
        askUntilSomeone(tr("You are signed out."), geometry);
}

void PersonShell::signOut()
{
    if (!mayLeave())
        return;
    const QRect geometry = leaveScreen();
    if (Status st = m_app.keeper().signOut(); !st.ok())
        qWarning("lyss: %s", qPrintable(st.errorMessage()));
    m_busy = false;
    askUntilSomeone(tr("You are signed out."), geometry);
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
    // Ended elsewhere (signed out, expired, disabled, the password changed): off the screen
    // at once; the window goes once the dialogs open over it have returned.
    m_window->hide();
    if (closeDialogs()) {
        QTimer::singleShot(20, this, &PersonShell::checkSession);
        return;
    }
    m_busy = true;
    (void)m_window->handOver(false); // no question: they must leave
    const QRect geometry = leaveScreen();
    (void)m_app.keeper().signOut();
    m_busy = false;
    askUntilSomeone(tr("Your session has ended: you were signed out elsewhere, it expired, or "
                       "an admin disabled your account. Sign in again."),
                    geometry);
}

} // namespace lyss
