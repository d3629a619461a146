// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/MainWindow.h"
#include "shell/PersonMenu.h"
#include "store/UserRepository.h"

#include <QObject>
#include <QPointer>
#include <QRect>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace lyss {

class AppContext;
class BackendSet;
class Conversations;

// The person at the keyboard and their window. With accounts on: the person menu (change
// password, switch person, sign out), and a watch on the session, so that a person disabled
// or signed out elsewhere leaves the screen within moments. Switching person is live: the
// window is built again for the next person, in their theme and language, while the
// previous person's replies still streaming keep saving, no longer shown.
class PersonShell : public QObject {
    Q_OBJECT

public:
    PersonShell(AppContext& app, BackendSet& backends, QObject* parent = nullptr);
    ~PersonShell() override;

    // Signs the person in (the kept session, or the sign-in dialog) and builds their
    // window, not yet shown. False when nobody signed in.
    bool start();
    MainWindow* window() const { return m_window; }
    PersonMenu* personMenu() const { return m_menu; }
    // Replies of people who left the screen that are still streaming, saved as they come.
    int backgroundReplies() const;

    // What the person menu does; the dialogs they open are the shell's.
    void changePassword();
    void switchPerson();
    void signOut();
    // Whether the session still stands; when it does not (ended, expired, disabled
    // elsewhere), the person leaves the screen and is asked to sign in again.
    void checkSession();

    // For tests: stands in for the sign-in dialog, which authenticates a person (making
    // them the keyboard's session, AppContext::keeper) and returns their id, or nothing
    // when nobody signed in. `why` is what the dialog would say first.
    using SignInStep = std::function<std::optional<QString>(const QString& why)>;
    void setSignInStep(SignInStep step) { m_signInStep = std::move(step); }

Q_SIGNALS:
    // The window was built again for another person (or the same, after signing in).
    void windowChanged(lyss::MainWindow* window);
    // Nobody is signed in and nobody signed in when asked: Lyss closes.
    void nobodySignedIn();
    // A backup was restored in the window: Lyss closes and starts again.
    void restartRequested();

private:
    // Who signs in now (the dialog, or the test's step), not yet the session: the window of
    // the person before must leave first, while the store is still theirs.
    std::optional<QString> askPerson(const QString& why, QWidget* parent);
    // Makes `userId` the session and builds their window; false (said) when it cannot.
    bool enter(const QString& userId, const QRect& geometry);
    // Nobody is at the keyboard: ask until someone signs in, or Lyss closes.
    void askUntilSomeone(QString why, const QRect& geometry);
    void build(const QRect& geometry = {});
    // Whether the person at the keyboard may leave it now (busy from then on).
    bool mayLeave();
    // Their window leaves the screen; where it was.
    QRect leaveScreen();
    // The window leaves the screen; its conversations stay while replies stream into them
    // or wait to be saved.
    void retire();
    void prune();
    void showPersonMenu();
    // Once the person at the keyboard is settled: their language first, then the window.
    void applyLanguage();
    // Closes the dialogs and menus open over the window (they run on its stack); true while
    // some have not returned yet.
    bool closeDialogs();

    AppContext& m_app;
    BackendSet& m_backends;
    QPointer<MainWindow> m_window;
    QPointer<PersonMenu> m_menu;
    std::unique_ptr<Conversations> m_conversations;
    std::vector<std::unique_ptr<Conversations>> m_retired;
    QTimer m_watch;
    QTimer m_pruner;
    SignInStep m_signInStep;
    bool m_busy = false; // the shell is changing person, or a dialog of its own is open
    QList<QPointer<QWidget>> m_closing; // dialogs asked to close, until they have returned
    int m_closeTries = 0;
};

} // namespace lyss
