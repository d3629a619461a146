// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/UserRepository.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lyss {

class AppContext;

// Settings › Accounts. With accounts off (one person, no sign-in): requiring sign-in, which
// names you and sets your password. With accounts on, for an admin: the people (role, state,
// last sign-in), adding, approving, changing a role, disabling, resetting a password (the
// person chooses their own at the next sign-in) and removing (with every chat of theirs);
// whether the sign-in screen offers sign-up and what a new account is; turning sign-in off
// again while a single account exists. Every rule is core's (Accounts): the page says what
// it answered.
class AccountsPage : public QWidget {
    Q_OBJECT

public:
    explicit AccountsPage(AppContext& app, QWidget* parent = nullptr);

    // The actions behind the buttons, for the buttons and for tests. Passwords are wiped.
    bool requireSignIn(const QString& name, QByteArray password, QByteArray again);
    bool stopRequiringSignIn();
    bool addAccount(const QString& name, UserRole role, QByteArray password, QByteArray again);
    bool approve(const QString& name);
    bool setRole(const QString& name, UserRole role);
    bool setDisabled(const QString& name, bool disabled);
    bool resetPassword(const QString& name, QByteArray password);
    bool removeAccount(const QString& name);
    bool allowSignUp(bool allow);
    bool setDefaultRole(UserRole role);
    // The names in the list, in its order.
    QStringList names() const;
    QString lastMessage() const;

Q_SIGNALS:
    void said(const QString& text);
    // Accounts were turned on or off (the window shows or hides the person menu).
    void accountsChanged();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Room for five people in the list before it scrolls, with the metrics and frame the
    // list has now (its style and font come after it is made).
    void fitFivePeople();
    void buildOffPart(QWidget* part);
    void buildOnPart(QWidget* part);
    void reload();
    QString selectedName() const;
    bool done(const Status& status, const QString& success);
    void say(const QString& text);
    void askReset();
    void askRemove();

    AppContext& m_app;
    QWidget* m_offPart = nullptr;
    QWidget* m_onPart = nullptr;
    QLineEdit* m_firstName = nullptr;
    QLineEdit* m_firstPassword = nullptr;
    QLineEdit* m_firstAgain = nullptr;
    QTableWidget* m_people = nullptr;
    QComboBox* m_role = nullptr;
    QCheckBox* m_signUp = nullptr;
    QComboBox* m_defaultRole = nullptr;
    QPushButton* m_turnOff = nullptr;
    QLineEdit* m_newName = nullptr;
    QComboBox* m_newRole = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_newAgain = nullptr;
    QLabel* m_result = nullptr;
    bool m_loading = false;
};

} // namespace lyss
