// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/UserRepository.h"

#include <QToolButton>

class QAction;

namespace lyss {

// The person signed in, in the top bar while accounts are on: who it is, and a menu to
// change the password, let another person sign in, or sign out.
class PersonMenu : public QToolButton {
    Q_OBJECT

public:
    explicit PersonMenu(QWidget* parent = nullptr);

    void setPerson(const User& person);
    QAction* changePasswordAction() const { return m_changePassword; }
    QAction* switchPersonAction() const { return m_switchPerson; }
    QAction* signOutAction() const { return m_signOut; }

Q_SIGNALS:
    void changePasswordRequested();
    void switchPersonRequested();
    void signOutRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    User m_person;
    QAction* m_who = nullptr;
    QAction* m_changePassword = nullptr;
    QAction* m_switchPerson = nullptr;
    QAction* m_signOut = nullptr;
};

} // namespace lyss
