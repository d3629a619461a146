// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/UserRepository.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace lyss {

class AppContext;

// Who is there, while accounts are on: name, password, "stay signed in" (the session goes
// into the keyring and the next start skips this), and creating an account when the
// installation allows it. Says in words what went wrong: a wrong name or password (one
// message for both), the wait after failures. Two more pages: choosing one's own password
// after an admin set one, and "waiting for approval" for an account not yet let in. A
// sign-in here becomes the keyboard's session (AppContext::keeper); the caller opens it.
class SignInDialog : public QDialog {
    Q_OBJECT

public:
    enum class Page { SignIn, ChoosePassword, Waiting };

    explicit SignInDialog(AppContext& app, QWidget* parent = nullptr);
    ~SignInDialog() override;

    // Makes the person at the keyboard this run's session: the one kept in the keyring,
    // or whoever signs in here. False when nobody did (the dialog was closed). Without
    // accounts, the local person, at once.
    static bool ensureSignedIn(AppContext& app, const QString& why = {});

    // The actions behind the buttons, for them and for tests.
    bool signIn(const QString& name, QByteArray password, bool stay);
    bool signUp(const QString& name, QByteArray password);
    // On the ChoosePassword page: the new password twice, then signed in with it.
    bool choosePassword(QByteArray next, QByteArray again);
    void backToSignIn();
    // Who signed in, once someone did.
    std::optional<User> person() const { return m_person; }
    Page page() const;
    QString message() const;
    // Why the person is asked (their session ended, another person's turn), shown first.
    void explain(const QString& text);

private:
    void say(const QString& text);
    QWidget* buildSignInPage();
    QWidget* buildChoosePage();
    QWidget* buildWaitingPage();
    void showPage(Page page);
    void forgetCurrent();

    AppContext& m_app;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_stay = nullptr;
    QPushButton* m_signUp = nullptr;
    QLineEdit* m_next = nullptr;
    QLineEdit* m_again = nullptr;
    QLabel* m_chooseText = nullptr;
    QLabel* m_waitingText = nullptr;
    QLabel* m_message = nullptr;
    std::optional<User> m_person;
    // Between a right password an admin set and the person's own: who, and that password.
    QString m_choosing;
    QByteArray m_current;
    bool m_choosingStay = true;
};

} // namespace lyss
