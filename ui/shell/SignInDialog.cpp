// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/SignInDialog.h"
#include "common/PlainText.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "app/AppContext.h"
#include "config/Settings.h"
#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

SignInDialog::SignInDialog(AppContext& app, QWidget* parent)
    : QDialog(parent)
    , m_app(app)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_stay(new QCheckBox(tr("Stay signed in"), this))
    , m_signUp(new QPushButton(tr("Create account"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Lyss"));
    setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    auto* heading = new QLabel(tr("Who is there?"), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setWeight(QFont::DemiBold);
    heading->setFont(big);
    layout->addWidget(heading);
    auto* form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("signInName"));
    m_name->setAccessibleName(tr("Name"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);
    m_stay->setChecked(true);
    layout->addWidget(m_stay);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    makePlain(m_message);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* go = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("signInButton"));
    go->setDefault(true);
    m_signUp->setObjectName(QStringLiteral("signUpButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    // Beside the box, not in it: the box shows every button it lays out.
    auto* row = new QHBoxLayout;
    row->addWidget(m_signUp);
    row->addStretch(1);
    row->addWidget(buttons);
    layout->addLayout(row);
    m_signUp->setVisible(app.settings().flag(SettingKey::SignUp));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(go, &QPushButton::clicked, this, [this] {
        if (signIn(m_name->text(), m_password->text().toUtf8(), m_stay->isChecked()))
            accept();
    });
    connect(m_signUp, &QPushButton::clicked, this,
            [this] { signUp(m_name->text(), m_password->text().toUtf8()); });
    m_name->setFocus();
}

QString SignInDialog::message() const
{
    return m_message->text();
}

void SignInDialog::say(const QString& text)
{
    m_message->setText(text);
}

bool SignInDialog::signIn(const QString& name, QByteArray password, bool stay)
{
    auto in = m_app.accounts().signIn(name.trimmed(), password);
    Passwords::wipe(password);
    m_password->clear();
    if (!in) {
        say(in.errorMessage());
        return false;
    }
    if (in->user.role == UserRole::Pending) {
        (void)m_app.accounts().signOut(in->token);
        say(tr("Your account waits for an admin's approval. Once they let you in, sign in "
               "again."));
        return false;
    }
    if (Status st = m_app.openSession(in->user.id); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    if (stay) {
        if (Status st =
                m_app.secrets().write(m_app.sessionSecretKey(), QString::fromLatin1(in->token));
            !st.ok())
            qWarning("lyss: the session is not kept for the next start: %s",
                     qPrintable(st.errorMessage()));
    } else {
        // Not kept: this run only. (The keyring's older session, if any, goes.)
        (void)m_app.secrets().remove(m_app.sessionSecretKey());
    }
    m_person = in->user;
    return true;
}

bool SignInDialog::signUp(const QString& name, QByteArray password)
{
    auto made = m_app.accounts().signUp(name.trimmed(), password);
    Passwords::wipe(password);
    m_password->clear();
    if (!made) {
        say(made.errorMessage());
        return false;
    }
    say(made->role == UserRole::Pending
            ? tr("The account %1 is made and waits for an admin's approval.").arg(made->name)
            : tr("The account %1 is made: sign in with it.").arg(made->name));
    return true;
}

bool SignInDialog::ensureSignedIn(AppContext& app)
{
    if (!app.accountsOn())
        return true;
    if (auto kept = app.secrets().read(app.sessionSecretKey()); kept && kept->has_value()) {
        if (auto user = app.accounts().resume((*kept)->toUtf8());
            user && user->role != UserRole::Pending && app.openSession(user->id).ok())
            return true;
    }
    SignInDialog dialog(app);
    return dialog.exec() == QDialog::Accepted && dialog.person().has_value();
}

} // namespace lyss
