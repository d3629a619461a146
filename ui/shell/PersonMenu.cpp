// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/PersonMenu.h"
#include "common/PlainText.h"

#include <QEvent>
#include <QMenu>

namespace lyss {

namespace {
QString roleInWords(UserRole role)
{
    switch (role) {
    case UserRole::Admin:
        return PersonMenu::tr("admin");
    case UserRole::User:
        return PersonMenu::tr("user");
    case UserRole::Pending:
        return PersonMenu::tr("waiting for approval");
    }
    return {};
}
} // namespace

PersonMenu::PersonMenu(QWidget* parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("personMenu"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(this);
    m_who = menu->addAction(QString());
    m_who->setEnabled(false);
    menu->addSeparator();
    m_changePassword = menu->addAction(QString(), this, &PersonMenu::changePasswordRequested);
    m_switchPerson = menu->addAction(QString(), this, &PersonMenu::switchPersonRequested);
    m_signOut = menu->addAction(QString(), this, &PersonMenu::signOutRequested);
    setMenu(menu);
    retranslate();
}

void PersonMenu::setPerson(const User& person)
{
    m_person = person;
    retranslate();
}

void PersonMenu::changeEvent(QEvent* event)
{
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void PersonMenu::retranslate()
{
    // A name is a person's input: shown as the characters it is, shortened when long.
    const QString name =
        fontMetrics().elidedText(m_person.name, Qt::ElideRight, 120); // the top bar is narrow
    setText(plainMenuText(name));
    setAccessibleName(tr("Signed in as %1").arg(m_person.name));
    setToolTip(
        plainToolTip(tr("Signed in as %1 (%2)").arg(m_person.name, roleInWords(m_person.role))));
    m_who->setText(
        plainMenuText(tr("Signed in as %1 (%2)").arg(m_person.name, roleInWords(m_person.role))));
    m_changePassword->setText(tr("Change password…"));
    m_switchPerson->setText(tr("Switch person…"));
    m_signOut->setText(tr("Sign out"));
}

} // namespace lyss
