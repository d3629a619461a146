// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/SignInDialog.h"
#include "common/PasswordText.h"
#include "common/PlainText.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "config/Settings.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lyss {

namespace {
QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont big = label->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setWeight(QFont::DemiBold);
    label->setFont(big);
    return label;
}

QLabel* words(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    makePlain(label); // names are people's input
    return label;
}
} // namespace

SignInDialog::SignInDialog(AppContext& app, QWidget* parent)
    : QDialog(parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Lyss"));
    setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSignInPage());
    m_pages->addWidget(buildChoosePage());
    m_pages->addWidget(buildWaitingPage());
    layout->addWidget(m_pages);
    m_message = words(this);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    layout->addWidget(m_message);
    showPage(Page::SignIn);
}

SignInDialog::~SignInDialog()
{
    forgetCurrent();
}

QWidget* SignInDialog::buildSignInPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(heading(tr("Who is there?"), page));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("signInName"));
    m_name->setAccessibleName(tr("Name"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setAccessibleName(tr("Password"));
    makePasswordField(m_password);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Password"), m_password);
    layout->addLayout(form);
    m_stay = new QCheckBox(tr("&Stay signed in"), page);
    m_stay->setObjectName(QStringLiteral("staySignedIn"));
    m_stay->setChecked(true);
    layout->addWidget(m_stay);
    auto* row = new QHBoxLayout;
    m_signUp = new QPushButton(tr("&Create account"), page);
    m_signUp->setObjectName(QStringLiteral("signUpButton"));
    m_signUp->setVisible(m_app.settings().flag(SettingKey::SignUp));
    auto* cancel = new QPushButton(tr("Cancel"), page);
    auto* go = new QPushButton(tr("Sign in"), page);
    go->setObjectName(QStringLiteral("signInButton"));
    go->setDefault(true);
    row->addWidget(m_signUp);
    row->addStretch(1);
    row->addWidget(cancel);
    row->addWidget(go);
    layout->addLayout(row);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(go, &QPushButton::clicked, this, [this] {
        if (signIn(m_name->text(), takePassword(m_password), m_stay->isChecked()))
            accept();
    });
    connect(m_signUp, &QPushButton::clicked, this,
            [this] { signUp(m_name->text(), takePassword(m_password)); });
    return page;
}

QWidget* SignInDialog::buildChoosePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(heading(tr("Choose your password"), page));
    m_chooseText = words(page);
    layout->addWidget(m_chooseText);
    m_next = new QLineEdit(page);
    m_next->setObjectName(QStringLiteral("newPassword"));
    m_next->setAccessibleName(tr("New password"));
    makePasswordField(m_next);
    m_again = new QLineEdit(page);
    m_again->setObjectName(QStringLiteral("newPasswordAgain"));
    m_again->setAccessibleName(tr("New password again"));
    makePasswordField(m_again);
    auto* form = new QFormLayout;
    form->addRow(tr("&New password"), m_next);
    form->addRow(tr("&Again"), m_again);
    layout->addLayout(form);
    auto* row = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back"), page);
    auto* save = new QPushButton(tr("Save and sign in"), page);
    save->setObjectName(QStringLiteral("choosePasswordButton"));
    row->addStretch(1);
    row->addWidget(back);
    row->addWidget(save);
    layout->addLayout(row);
    connect(back, &QPushButton::clicked, this, &SignInDialog::backToSignIn);
    connect(save, &QPushButton::clicked, this, [this] {
        if (choosePassword(takePassword(m_next), takePassword(m_again)))
            accept();
    });
    return page;
}

QWidget* SignInDialog::buildWaitingPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("waitingPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(heading(tr("Waiting for approval"), page));
    m_waitingText = words(page);
    m_waitingText->setObjectName(QStringLiteral("waitingText"));
    layout->addWidget(m_waitingText);
    layout->addStretch(1);
    auto* row = new QHBoxLayout;
    auto* back = new QPushButton(tr("Back to sign-in"), page);
    auto* close = new QPushButton(tr("Close"), page);
    row->addStretch(1);
    row->addWidget(back);
    row->addWidget(close);
    layout->addLayout(row);
    connect(back, &QPushButton::clicked, this, &SignInDialog::backToSignIn);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    return page;
}

void SignInDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    // The page's own buttons: Enter presses the page's main one.
    for (QPushButton* b : findChildren<QPushButton*>())
        b->setDefault(false);
    const char* main = page == Page::SignIn           ? "signInButton"
                       : page == Page::ChoosePassword ? "choosePasswordButton"
                                                      : nullptr;
    if (main) {
        if (auto* b = findChild<QPushButton*>(QLatin1String(main)))
            b->setDefault(true);
    }
    if (page == Page::SignIn)
        (m_name->text().isEmpty() ? m_name : m_password)->setFocus();
    else if (page == Page::ChoosePassword)
        m_next->setFocus();
}

SignInDialog::Page SignInDialog::page() const
{
    return Page(m_pages->currentIndex());
}

QString SignInDialog::message() const
{
    return m_message->text();
}

void SignInDialog::say(const QString& text)
{
    m_message->setText(text);
}

void SignInDialog::explain(const QString& text)
{
    say(text);
}

void SignInDialog::forgetCurrent()
{
    Passwords::wipe(m_current);
    m_choosing.clear();
}

void SignInDialog::backToSignIn()
{
    forgetCurrent();
    m_next->clear();
    m_again->clear();
    say({});
    showPage(Page::SignIn);
}

bool SignInDialog::signIn(const QString& name, QByteArray password, bool stay)
{
    m_password->clear();
    QByteArray kept = password; // for the password change, should one be asked for
    kept.detach();
    auto in = m_app.accounts().signIn(name.trimmed(), password);
    Passwords::wipe(password);
    if (!in) {
        if (in.errorCode() == ErrorCode::MustChangePassword) {
            forgetCurrent();
            m_choosing = name.trimmed();
            m_current = kept;
            m_choosingStay = stay;
            m_chooseText->setText(tr("An admin set a password for %1. Choose your own to go on: "
                                     "at least %2 characters.")
                                      .arg(m_choosing)
                                      .arg(Passwords::kMinLength));
            say({});
            showPage(Page::ChoosePassword);
        } else {
            say(in.errorMessage());
        }
        Passwords::wipe(kept);
        return false;
    }
    Passwords::wipe(kept);
    if (in->user.role == UserRole::Pending) {
        (void)m_app.accounts().signOut(in->token);
        m_waitingText->setText(tr("The account %1 is made but an admin has not let it in yet. "
                                  "Once they have, sign in again; until then Lyss shows "
                                  "nothing here.")
                                   .arg(in->user.name));
        say({});
        showPage(Page::Waiting);
        return false;
    }
    if (Status st = m_app.keeper().adopt(*in, stay); !st.ok())
        qWarning("lyss: signed in until Lyss closes. %s", qPrintable(st.errorMessage()));
    m_person = in->user;
    return true;
}

bool SignInDialog::choosePassword(QByteArray next, QByteArray again)
{
    struct Wipe {
        QByteArray& a;
        QByteArray& b;
        ~Wipe()
        {
            Passwords::wipe(a);
            Passwords::wipe(b);
        }
    } wipe{next, again};
    if (m_choosing.isEmpty()) {
        backToSignIn();
        return false;
    }
    if (next != again) {
        say(tr("The two passwords are not the same."));
        return false;
    }
    QByteArray current = m_current;
    current.detach();
    QByteArray chosen = next;
    chosen.detach();
    if (Status st = m_app.accounts().changePassword(m_choosing, current, chosen); !st.ok()) {
        Passwords::wipe(current);
        Passwords::wipe(chosen);
        say(st.errorMessage());
        // A wrong current password (it changed meanwhile) or a wait: start again.
        if (st.errorCode() != ErrorCode::InvalidInput) {
            forgetCurrent();
            showPage(Page::SignIn);
        }
        return false;
    }
    Passwords::wipe(current);
    Passwords::wipe(chosen);
    const QString name = m_choosing;
    const bool stay = m_choosingStay;
    forgetCurrent();
    QByteArray use = next;
    use.detach();
    showPage(Page::SignIn);
    return signIn(name, std::move(use), stay); // signIn wipes it
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

bool SignInDialog::ensureSignedIn(AppContext& app, const QString& why)
{
    if (!app.accountsOn())
        return true;
    if (why.isEmpty()) {
        if (auto user = app.keeper().resumeKept();
            user && user->role != UserRole::Pending && app.openSession(user->id).ok())
            return true;
    }
    SignInDialog dialog(app);
    dialog.explain(why);
    if (dialog.exec() != QDialog::Accepted || !dialog.person().has_value())
        return false;
    if (Status st = app.openSession(dialog.person()->id); !st.ok()) {
        warnPlain(nullptr, tr("Cannot sign in"), st.errorMessage());
        (void)app.keeper().signOut();
        return false;
    }
    return true;
}

} // namespace lyss
