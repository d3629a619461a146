// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AccountsPage.h"
#include "common/PasswordText.h"
#include "common/PlainText.h"
#include "settings/PageStyle.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "config/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lyss {

namespace {
void fillRoles(QComboBox* box)
{
    box->addItem(AccountsPage::tr("Admin: everything"), QStringLiteral("admin"));
    box->addItem(AccountsPage::tr("User: their own chats and settings"), QStringLiteral("user"));
    box->addItem(AccountsPage::tr("Pending: waits for approval"), QStringLiteral("pending"));
}

UserRole roleOf(const QComboBox* box)
{
    return userRoleFromName(box->currentData().toString()).value_or(UserRole::Pending);
}

void selectRole(QComboBox* box, UserRole role)
{
    box->setCurrentIndex(box->findData(userRoleName(role)));
}

QString roleWords(UserRole role)
{
    switch (role) {
    case UserRole::Admin:
        return AccountsPage::tr("admin");
    case UserRole::User:
        return AccountsPage::tr("user");
    case UserRole::Pending:
        return AccountsPage::tr("pending");
    }
    return {};
}

QString stateOf(const User& u)
{
    if (u.disabled)
        return AccountsPage::tr("disabled");
    if (u.role == UserRole::Pending)
        return AccountsPage::tr("waits for approval");
    if (u.mustChangePassword)
        return AccountsPage::tr("must choose a password");
    return AccountsPage::tr("active");
}

// Wipes the password buffers however the action returns.
struct WipeAll {
    QByteArray* first;
    QByteArray* second = nullptr;
    ~WipeAll()
    {
        Passwords::wipe(*first);
        if (second)
            Passwords::wipe(*second);
    }
};
// A password asked for in a small dialog; its words, with a person's name in them, are shown
// as plain text. Empty when cancelled.
QByteArray askPassword(QWidget* parent, const QString& title, const QString& words)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(words);
    dialog.setTextEchoMode(QLineEdit::Password);
    for (QLabel* label : dialog.findChildren<QLabel*>())
        makePlain(label);
    auto* field = dialog.findChild<QLineEdit*>();
    if (field)
        makePasswordField(field);
    if (dialog.exec() != QDialog::Accepted || !field)
        return {};
    return takePassword(field);
}
} // namespace

AccountsPage::AccountsPage(AppContext& app, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("accountsPage"));
    auto* v = new QVBoxLayout(this);
    m_offPart = new QWidget(this);
    m_onPart = new QWidget(this);
    buildOffPart(m_offPart);
    buildOnPart(m_onPart);
    v->addWidget(m_offPart);
    v->addWidget(m_onPart, 1);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("accountsResult"));
    m_result->setWordWrap(true);
    makePlain(m_result); // names are people's input
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_result);
    reload();
}

void AccountsPage::buildOffPart(QWidget* part)
{
    auto* v = new QVBoxLayout(part);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(pagestyle::heading(tr("Sign-in"), part));
    v->addWidget(pagestyle::note(tr("Lyss opens without asking who you are. Require sign-in to "
                                    "let several people share this computer, each with their "
                                    "own chats and settings: you name yourself and choose a "
                                    "password, become the first admin and keep every chat you "
                                    "have."),
                                 part));
    auto* form = new QFormLayout;
    m_firstName = new QLineEdit(part);
    m_firstName->setObjectName(QStringLiteral("firstAdminName"));
    m_firstPassword = new QLineEdit(part);
    m_firstPassword->setObjectName(QStringLiteral("firstAdminPassword"));
    m_firstPassword->setAccessibleName(tr("Password"));
    makePasswordField(m_firstPassword);
    m_firstAgain = new QLineEdit(part);
    m_firstAgain->setAccessibleName(tr("Password again"));
    makePasswordField(m_firstAgain);
    form->addRow(tr("Your &name"), m_firstName);
    form->addRow(tr("&Password"), m_firstPassword);
    form->addRow(tr("&Again"), m_firstAgain);
    auto* turnOn = new QPushButton(tr("Require sign-in"), part);
    turnOn->setObjectName(QStringLiteral("requireSignIn"));
    form->addRow(QString(), turnOn);
    v->addLayout(form);
    v->addStretch(1);
    connect(turnOn, &QPushButton::clicked, this, [this] {
        requireSignIn(m_firstName->text(), takePassword(m_firstPassword),
                      takePassword(m_firstAgain));
    });
}

void AccountsPage::fitFivePeople()
{
    if (!m_people)
        return;
    m_people->verticalHeader()->setDefaultSectionSize(m_people->fontMetrics().height() + 10);
    m_people->setMinimumHeight(m_people->horizontalHeader()->sizeHint().height() +
                               5 * m_people->verticalHeader()->defaultSectionSize() +
                               2 * m_people->frameWidth());
}

void AccountsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitFivePeople();
}

void AccountsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        fitFivePeople();
}

void AccountsPage::buildOnPart(QWidget* part)
{
    auto* outer = new QVBoxLayout(part);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* peopleBox = new QGroupBox(tr("People"), part);
    auto* v = new QVBoxLayout(peopleBox);
    outer->addWidget(peopleBox, 1);
    m_people = new QTableWidget(0, 4, part);
    m_people->setObjectName(QStringLiteral("accountTable"));
    m_people->setAccessibleName(tr("Accounts"));
    m_people->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State"), tr("Last sign-in")});
    m_people->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_people->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_people->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_people->setSelectionMode(QAbstractItemView::SingleSelection);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->verticalHeader()->hide();
    fitFivePeople();
    v->addWidget(m_people, 1);

    auto* row = new QHBoxLayout;
    auto* approve = new QPushButton(tr("A&pprove"), part);
    m_role = new QComboBox(part);
    m_role->setAccessibleName(tr("Role"));
    fillRoles(m_role);
    auto* setRoleButton = new QPushButton(tr("Set &role"), part);
    auto* disable = new QPushButton(tr("&Disable"), part);
    auto* enable = new QPushButton(tr("&Enable"), part);
    auto* reset = new QPushButton(tr("Reset pass&word…"), part);
    auto* remove = new QPushButton(tr("Re&move…"), part);
    for (QWidget* w : std::initializer_list<QWidget*>{approve, m_role, setRoleButton, disable,
                                                      enable, reset, remove})
        row->addWidget(w);
    row->addStretch(1);
    v->addLayout(row);
    connect(approve, &QPushButton::clicked, this, [this] { this->approve(selectedName()); });
    connect(setRoleButton, &QPushButton::clicked, this,
            [this] { setRole(selectedName(), roleOf(m_role)); });
    connect(disable, &QPushButton::clicked, this, [this] { setDisabled(selectedName(), true); });
    connect(enable, &QPushButton::clicked, this, [this] { setDisabled(selectedName(), false); });
    connect(reset, &QPushButton::clicked, this, &AccountsPage::askReset);
    connect(remove, &QPushButton::clicked, this, &AccountsPage::askRemove);
    connect(m_people, &QTableWidget::itemSelectionChanged, this, [this] {
        if (auto* item = m_people->item(m_people->currentRow(), 1))
            m_role->setCurrentIndex(m_role->findData(item->data(Qt::UserRole)));
    });

    auto* addBox = new QGroupBox(tr("Add an account"), part);
    auto* add = new QFormLayout(addBox);
    outer->addWidget(addBox);
    m_newName = new QLineEdit(part);
    m_newName->setObjectName(QStringLiteral("newAccountName"));
    m_newRole = new QComboBox(part);
    fillRoles(m_newRole);
    selectRole(m_newRole, UserRole::User);
    m_newPassword = new QLineEdit(part);
    m_newPassword->setAccessibleName(tr("Password"));
    makePasswordField(m_newPassword);
    m_newAgain = new QLineEdit(part);
    m_newAgain->setAccessibleName(tr("Password again"));
    makePasswordField(m_newAgain);
    add->addRow(tr("New account"), m_newName);
    add->addRow(tr("Role"), m_newRole);
    add->addRow(tr("Password"), m_newPassword);
    add->addRow(tr("Again"), m_newAgain);
    auto* addButton = new QPushButton(tr("&Add account"), part);
    addButton->setObjectName(QStringLiteral("addAccount"));
    add->addRow(QString(), addButton);
    connect(addButton, &QPushButton::clicked, this, [this] {
        if (addAccount(m_newName->text(), roleOf(m_newRole), takePassword(m_newPassword),
                       takePassword(m_newAgain)))
            m_newName->clear();
    });

    auto* rulesBox = new QGroupBox(tr("Sign-in"), part);
    auto* rules = new QFormLayout(rulesBox);
    outer->addWidget(rulesBox);
    m_signUp = new QCheckBox(tr("The sign-in screen offers to create an account"), part);
    m_signUp->setObjectName(QStringLiteral("allowSignUp"));
    m_defaultRole = new QComboBox(part);
    m_defaultRole->setObjectName(QStringLiteral("defaultRole"));
    fillRoles(m_defaultRole);
    m_turnOff = new QPushButton(tr("Stop requiring sign-in"), part);
    m_turnOff->setObjectName(QStringLiteral("stopRequiringSignIn"));
    rules->addRow(tr("Sign-up"), m_signUp);
    rules->addRow(tr("New accounts are"), m_defaultRole);
    rules->addRow(QString(), m_turnOff);
    connect(m_signUp, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading)
            allowSignUp(on);
    });
    connect(m_defaultRole, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            setDefaultRole(roleOf(m_defaultRole));
    });
    connect(m_turnOff, &QPushButton::clicked, this, &AccountsPage::stopRequiringSignIn);
}

void AccountsPage::reload()
{
    m_loading = true;
    const bool on = m_app.accountsOn();
    m_offPart->setVisible(!on);
    m_onPart->setVisible(on);
    if (!on) {
        if (auto me = m_app.person(); me && m_firstName->text().isEmpty())
            m_firstName->setText(me->name);
        m_loading = false;
        return;
    }
    const QString selected = selectedName();
    m_people->setRowCount(0);
    auto me = m_app.person();
    auto people = me ? m_app.accounts().list(*me) : Result<QList<User>>(me.error());
    if (!people) {
        say(people.errorMessage());
    } else {
        for (const User& u : *people) {
            const int r = m_people->rowCount();
            m_people->insertRow(r);
            // Names are people's input: items show text as it is, never rich text.
            m_people->setItem(r, 0, new QTableWidgetItem(u.name));
            auto* role = new QTableWidgetItem(roleWords(u.role));
            role->setData(Qt::UserRole, userRoleName(u.role));
            m_people->setItem(r, 1, role);
            m_people->setItem(r, 2, new QTableWidgetItem(stateOf(u)));
            m_people->setItem(
                r, 3,
                new QTableWidgetItem(
                    u.lastSignInAt > 0
                        ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(u.lastSignInAt),
                                             QLocale::ShortFormat)
                        : tr("never")));
            if (u.name == selected)
                m_people->selectRow(r);
        }
        m_turnOff->setEnabled(people->size() == 1);
        m_turnOff->setToolTip(people->size() == 1
                                  ? QString()
                                  : tr("Only while a single account exists: remove the others "
                                       "first."));
    }
    m_signUp->setChecked(m_app.settings().flag(SettingKey::SignUp));
    selectRole(m_defaultRole, userRoleFromName(m_app.settings().text(SettingKey::DefaultRole))
                                  .value_or(UserRole::Pending));
    m_loading = false;
}

QString AccountsPage::selectedName() const
{
    const QTableWidgetItem* item = m_people->item(m_people->currentRow(), 0);
    return item && item->isSelected() ? item->text() : QString();
}

QStringList AccountsPage::names() const
{
    QStringList out;
    for (int r = 0; r < m_people->rowCount(); ++r)
        out << m_people->item(r, 0)->text();
    return out;
}

QString AccountsPage::lastMessage() const
{
    return m_result->text();
}

void AccountsPage::say(const QString& text)
{
    m_result->setText(text);
    Q_EMIT said(text);
}

bool AccountsPage::done(const Status& status, const QString& success)
{
    reload();
    say(status.ok() ? success : status.errorMessage());
    return status.ok();
}

bool AccountsPage::requireSignIn(const QString& name, QByteArray password, QByteArray again)
{
    WipeAll wipe{&password, &again};
    if (password != again) {
        say(tr("The two passwords are not the same."));
        return false;
    }
    auto in = m_app.accounts().enable(m_app.session().userId(), name.trimmed(), password);
    if (!in)
        return done(in.error(), {});
    const Status kept = m_app.keeper().adopt(*in, true);
    done({}, kept.ok() ? tr("Sign-in is required from now on. You are %1, the first admin, and "
                            "stay signed in on this computer.")
                             .arg(in->user.name)
                       : tr("Sign-in is required from now on. You are %1, the first admin, "
                            "signed in until Lyss closes. %2.")
                             .arg(in->user.name, kept.errorMessage()));
    Q_EMIT accountsChanged();
    return true;
}

bool AccountsPage::stopRequiringSignIn()
{
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    if (Status st = m_app.accounts().disable(*me); !st.ok())
        return done(st, {});
    m_app.keeper().forget(); // the session ended with accounts
    done({}, tr("Lyss opens without sign-in again."));
    Q_EMIT accountsChanged();
    return true;
}

bool AccountsPage::addAccount(const QString& name, UserRole role, QByteArray password,
                              QByteArray again)
{
    WipeAll wipe{&password, &again};
    if (password != again) {
        say(tr("The two passwords are not the same."));
        return false;
    }
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    auto made = m_app.accounts().add(*me, name.trimmed(), role, password);
    if (!made)
        return done(made.error(), {});
    return done({}, tr("%1 can sign in now (%2).").arg(made->name, roleWords(made->role)));
}

bool AccountsPage::approve(const QString& name)
{
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    return done(m_app.accounts().approve(*me, name), tr("%1 is let in.").arg(name));
}

bool AccountsPage::setRole(const QString& name, UserRole role)
{
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    return done(m_app.accounts().setRole(*me, name, role),
                tr("%1 is now %2.").arg(name, roleWords(role)));
}

bool AccountsPage::setDisabled(const QString& name, bool disabled)
{
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    return done(m_app.accounts().setDisabled(*me, name, disabled),
                disabled ? tr("%1 is disabled and signed out everywhere.").arg(name)
                         : tr("%1 can sign in again.").arg(name));
}

bool AccountsPage::resetPassword(const QString& name, QByteArray password)
{
    WipeAll wipe{&password};
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    return done(m_app.accounts().resetPassword(*me, name, password),
                tr("%1 has a new password and chooses their own at the next sign-in.").arg(name));
}

bool AccountsPage::removeAccount(const QString& name)
{
    auto me = m_app.person();
    if (!me)
        return done(me.error(), {});
    return done(m_app.accounts().remove(*me, name),
                tr("%1 and every chat of theirs are removed.").arg(name));
}

bool AccountsPage::allowSignUp(bool allow)
{
    return done(m_app.settings().set(SettingKey::SignUp, allow),
                allow ? tr("The sign-in screen offers to create an account.")
                      : tr("Only an admin adds accounts."));
}

bool AccountsPage::setDefaultRole(UserRole role)
{
    return done(m_app.settings().set(SettingKey::DefaultRole, userRoleName(role)),
                tr("New accounts are %1.").arg(roleWords(role)));
}

void AccountsPage::askReset()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        say(tr("Choose an account in the list first."));
        return;
    }
    QByteArray first = askPassword(this, tr("Reset password"),
                                   tr("A password for %1, at least %2 characters; they choose "
                                      "their own at the next sign-in:")
                                       .arg(name)
                                       .arg(Passwords::kMinLength));
    if (first.isEmpty())
        return;
    QByteArray second = askPassword(this, tr("Reset password"), tr("The same again:"));
    const bool same = first == second;
    Passwords::wipe(second);
    if (!same) {
        Passwords::wipe(first);
        say(tr("The two passwords are not the same."));
        return;
    }
    resetPassword(name, std::move(first)); // wiped there
}

void AccountsPage::askRemove()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        say(tr("Choose an account in the list first."));
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Remove account"),
                    tr("Remove %1 and every chat of theirs? This cannot be undone.").arg(name),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton* yes = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == yes)
        removeAccount(name);
}

} // namespace lyss
