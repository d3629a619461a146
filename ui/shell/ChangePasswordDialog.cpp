// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/ChangePasswordDialog.h"
#include "common/PasswordText.h"
#include "common/PlainText.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

ChangePasswordDialog::ChangePasswordDialog(AppContext& app, QString name, QWidget* parent)
    : QDialog(parent)
    , m_app(app)
    , m_name(std::move(name))
    , m_current(new QLineEdit(this))
    , m_next(new QLineEdit(this))
    , m_again(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));
    setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    auto* intro = new QLabel(tr("A new password for %1: at least %2 characters. Your other "
                                "sessions end; this one goes on.")
                                 .arg(m_name)
                                 .arg(Passwords::kMinLength),
                             this);
    intro->setWordWrap(true);
    makePlain(intro);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    const auto field = [](QLineEdit* f, const char* objectName, const QString& spoken) {
        f->setObjectName(QLatin1String(objectName));
        f->setAccessibleName(spoken);
        makePasswordField(f);
    };
    field(m_current, "currentPassword", tr("Current password"));
    field(m_next, "newPassword", tr("New password"));
    field(m_again, "newPasswordAgain", tr("New password again"));
    form->addRow(tr("&Current password"), m_current);
    form->addRow(tr("&New password"), m_next);
    form->addRow(tr("&Again"), m_again);
    layout->addLayout(form);
    m_message->setObjectName(QStringLiteral("changePasswordMessage"));
    m_message->setWordWrap(true);
    makePlain(m_message);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* save = buttons->addButton(tr("Change password"), QDialogButtonBox::AcceptRole);
    save->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] {
        if (change(takePassword(m_current), takePassword(m_next), takePassword(m_again)))
            accept();
    });
    m_current->setFocus();
}

QString ChangePasswordDialog::message() const
{
    return m_message->text();
}

bool ChangePasswordDialog::change(QByteArray current, QByteArray next, QByteArray again)
{
    const bool same = next == again;
    Passwords::wipe(again);
    if (!same) {
        Passwords::wipe(current);
        Passwords::wipe(next);
        m_message->setText(tr("The two new passwords are not the same."));
        return false;
    }
    if (Status st = m_app.accounts().changePassword(m_name, current, next, m_app.keeper().token());
        !st.ok()) {
        Passwords::wipe(current);
        Passwords::wipe(next);
        m_message->setText(st.errorMessage());
        return false;
    }
    Passwords::wipe(current);
    Passwords::wipe(next);
    m_message->setText(tr("Your password is changed."));
    return true;
}

} // namespace lyss
