// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/UserRepository.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lyss {

class AppContext;

// Who is there, while accounts are on: name, password, "stay signed in" (the session goes
// into the keyring and the next start skips this), and creating an account when the
// installation allows it. Says in words what went wrong: a wrong name or password (one
// message for both), the wait after failures, an account that waits for approval.
class SignInDialog : public QDialog {
    Q_OBJECT

public:
    explicit SignInDialog(AppContext& app, QWidget* parent = nullptr);

    // Makes the person at the keyboard this run's session: the one kept in the keyring,
    // or whoever signs in here. False when nobody did (the dialog was closed). Without
    // accounts, the local person, at once.
    static bool ensureSignedIn(AppContext& app);

    // The actions behind the buttons, for them and for tests.
    bool signIn(const QString& name, QByteArray password, bool stay);
    bool signUp(const QString& name, QByteArray password);
    // Who signed in, once someone did.
    std::optional<User> person() const { return m_person; }
    QString message() const;

private:
    void say(const QString& text);

    AppContext& m_app;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QCheckBox* m_stay;
    QPushButton* m_signUp;
    QLabel* m_message;
    std::optional<User> m_person;
};

} // namespace lyss
