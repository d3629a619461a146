// SPDX-License-Identifier: GPL-3.0-or-later
// Settings › Accounts with a real keyring: requiring sign-in from the window (you become
// the first admin, keep your chats and stay signed in), everything an admin does to other
// people's accounts and what core refuses, said in words, the rules of sign-up, no page for
// a person who is not an admin, and sign-in turned off again only with a single account.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "config/Settings.h"
#include "secrets/SecretStore.h"
#include "settings/AccountsPage.h"
#include "settings/SettingsDialog.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestAccountsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    BackendSet m_backends{{}, nullptr, 30000};

    std::unique_ptr<AppContext> open()
    {
        AppContext::Options o;
        o.dataDir = m_dir.path();
        o.env = test::cleanEnvironment();
        auto app = AppContext::open(o);
        if (!app)
            qFatal("%s", qPrintable(app.errorMessage()));
        return std::move(app).value();
    }

    std::optional<User> who(AppContext& app, const QString& name)
    {
        auto u = app.users().byName(name);
        return u && u->has_value() ? std::optional<User>(**u) : std::nullopt;
    }

private Q_SLOTS:
    void requiringSignInFromTheWindow()
    {
        auto app = open();
        QVERIFY(app->store().chats().createChat({.title = QStringLiteral("Mine")}).ok());
        SettingsDialog settings(*app, m_backends, {}, {});
        AccountsPage* page = settings.accountsPage();
        QVERIFY(page); // accounts off: the one person may turn them on
        QSignalSpy changed(&settings, &SettingsDialog::accountsChanged);
        QVERIFY(!page->requireSignIn(QStringLiteral("alice"), "alice-password", "alice-passwort"));
        QVERIFY(page->lastMessage().contains(QStringLiteral("not the same")));
        QVERIFY(!page->requireSignIn(QStringLiteral("alice"), "short", "short"));
        QVERIFY(page->lastMessage().contains(QStringLiteral("at least 8")));
        QVERIFY(!app->accountsOn());
        QCOMPARE(changed.count(), 0);

        QVERIFY(page->requireSignIn(QStringLiteral("alice"), "alice-password", "alice-password"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(app->accountsOn());
        QCOMPARE(app->person()->name, QStringLiteral("alice"));
        QCOMPARE(app->person()->role, UserRole::Admin);
        QCOMPARE(app->store().chats().listChats()->size(), 1); // she keeps her chat
        // Signed in and kept: the next start asks nothing.
        QVERIFY(app->keeper().signedIn() && app->keeper().kept());
        auto kept = app->secrets().read(app->sessionSecretKey());
        QVERIFY(kept.ok() && kept->has_value());
        QCOMPARE(app->accounts().resume((*kept)->toUtf8())->name, QStringLiteral("alice"));
        QCOMPARE(page->names(), QStringList{QStringLiteral("alice")});
    }

    void anAdminManagesPeople()
    {
        auto app = open();
        QVERIFY(app->keeper().resumeKept().has_value());
        QVERIFY(app->openSession(app->keeper().check()->id).ok());
        SettingsDialog settings(*app, m_backends, {}, {});
        AccountsPage* page = settings.accountsPage();
        QVERIFY(page);

        QVERIFY(page->addAccount(QStringLiteral("bob"), UserRole::User, "bob-password",
                                 "bob-password"));
        QVERIFY(page->names().contains(QStringLiteral("bob")));
        QVERIFY(!page->addAccount(QStringLiteral("BOB"), UserRole::User, "bob-password",
                                  "bob-password")); // taken, in any case
        QVERIFY(!page->addAccount(QStringLiteral("eve"), UserRole::User, "short", "short"));
        QVERIFY(page->lastMessage().contains(QStringLiteral("at least 8")));
        QVERIFY(page->addAccount(QStringLiteral("carol"), UserRole::Pending, "carol-password",
                                 "carol-password"));
        QVERIFY(!page->approve(QStringLiteral("bob")));
        QVERIFY2(page->lastMessage().contains(QStringLiteral("not waiting")),
                 qPrintable(page->lastMessage()));
        QVERIFY(page->approve(QStringLiteral("carol")));
        QCOMPARE(who(*app, QStringLiteral("carol"))->role, UserRole::User);
        // Five people fit without scrolling, as the page is shown.
        QVERIFY(page->addAccount(QStringLiteral("dave"), UserRole::User, "dave-password",
                                 "dave-password"));
        QVERIFY(page->addAccount(QStringLiteral("erin"), UserRole::User, "erin-password",
                                 "erin-password"));
        {
            auto* table = page->findChild<QTableWidget*>(QStringLiteral("accountTable"));
            QCOMPARE(table->rowCount(), 5);
            auto* tabs = settings.findChild<QTabWidget*>();
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(page) || tabs->widget(i) == page)
                    tabs->setCurrentIndex(i);
            }
            settings.show();
            QVERIFY(QTest::qWaitForWindowExposed(&settings));
            settings.resize(settings.minimumSizeHint()); // as small as it goes
            QCoreApplication::processEvents();
            QVERIFY2(table->verticalScrollBar()->maximum() == 0,
                     qPrintable(QStringLiteral("%1 px to scroll, table %2 px high")
                                    .arg(table->verticalScrollBar()->maximum())
                                    .arg(table->height())));
            settings.hide();
            QVERIFY(page->removeAccount(QStringLiteral("dave")));
            QVERIFY(page->removeAccount(QStringLiteral("erin")));
        }

        QVERIFY(page->setRole(QStringLiteral("bob"), UserRole::Admin));
        QCOMPARE(who(*app, QStringLiteral("bob"))->role, UserRole::Admin);
        QVERIFY(page->setRole(QStringLiteral("bob"), UserRole::User));

        auto bobs = app->accounts().signIn(QStringLiteral("bob"), "bob-password");
        QVERIFY(bobs.ok());
        QVERIFY(page->setDisabled(QStringLiteral("bob"), true));
        QCOMPARE(app->accounts().resume(bobs->token).errorCode(), ErrorCode::Unauthorised);
        QCOMPARE(app->accounts().signIn(QStringLiteral("bob"), "bob-password").errorCode(),
                 ErrorCode::Refused);
        QVERIFY(page->setDisabled(QStringLiteral("bob"), false));

        QVERIFY(page->resetPassword(QStringLiteral("bob"), "from-the-admin"));
        QVERIFY(who(*app, QStringLiteral("bob"))->mustChangePassword);
        QCOMPARE(app->accounts().signIn(QStringLiteral("bob"), "from-the-admin").errorCode(),
                 ErrorCode::MustChangePassword);

        // Your own password goes with the current one, which keeps your session.
        QVERIFY(!page->resetPassword(QStringLiteral("alice"), "self-service"));
        QVERIFY2(page->lastMessage().contains(QStringLiteral("Change password")),
                 qPrintable(page->lastMessage()));
        QVERIFY(app->keeper().check().ok());

        // The last admin stays one; nobody removes themself.
        QVERIFY(!page->setRole(QStringLiteral("alice"), UserRole::User));
        QVERIFY2(page->lastMessage().contains(QStringLiteral("only admin")),
                 qPrintable(page->lastMessage()));
        QVERIFY(!page->removeAccount(QStringLiteral("alice")));

        // Removing carol removes her chats too.
        ChatStore carols(app->database(), who(*app, QStringLiteral("carol"))->id);
        QVERIFY(carols.chats().createChat({.title = QStringLiteral("Carol's")}).ok());
        QVERIFY(page->removeAccount(QStringLiteral("carol")));
        QVERIFY(!page->names().contains(QStringLiteral("carol")));
        QCOMPARE(carols.chats().listChats()->size(), 0);

        QVERIFY(page->allowSignUp(true));
        QVERIFY(app->settings().flag(SettingKey::SignUp));
        QVERIFY(page->setDefaultRole(UserRole::User));
        QCOMPARE(app->settings().text(SettingKey::DefaultRole), QStringLiteral("user"));
        QVERIFY(page->allowSignUp(false));
    }

    void aPersonWhoIsNotAnAdminHasNoAccountsPage()
    {
        auto app = open();
        auto alice = app->accounts().signIn(QStringLiteral("alice"), "alice-password");
        QVERIFY(alice.ok());
        QVERIFY(
            app->accounts().resetPassword(alice->user, QStringLiteral("bob"), "bob-password").ok());
        QVERIFY(app->accounts()
                    .changePassword(QStringLiteral("bob"), "bob-password", "bob-password-2")
                    .ok());
        auto bob = app->accounts().signIn(QStringLiteral("bob"), "bob-password-2");
        QVERIFY(bob.ok());
        QVERIFY(app->openSession(bob->user.id).ok());
        SettingsDialog settings(*app, m_backends, {}, {});
        QVERIFY(!settings.accountsPage());
        // And core refuses him whatever a front end shows.
        QCOMPARE(app->accounts()
                     .add(bob->user, QStringLiteral("mallory"), UserRole::Admin, "mallory-pass")
                     .errorCode(),
                 ErrorCode::Refused);
    }

    void signInIsTurnedOffOnlyWithASingleAccount()
    {
        auto app = open();
        QVERIFY(app->keeper().resumeKept().has_value()); // alice, kept
        QVERIFY(app->openSession(app->keeper().check()->id).ok());
        SettingsDialog settings(*app, m_backends, {}, {});
        AccountsPage* page = settings.accountsPage();
        QSignalSpy changed(&settings, &SettingsDialog::accountsChanged);
        QVERIFY(!page->stopRequiringSignIn());
        QVERIFY2(page->lastMessage().contains(QStringLiteral("single account")),
                 qPrintable(page->lastMessage()));
        QVERIFY(app->accountsOn());
        QVERIFY(page->removeAccount(QStringLiteral("bob")));
        QVERIFY(page->stopRequiringSignIn());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!app->accountsOn());
        QVERIFY(!app->keeper().signedIn());
        auto kept = app->secrets().read(app->sessionSecretKey());
        QVERIFY(kept.ok() && !kept->has_value());
    }
};

QTEST_MAIN(TestAccountsPage)
#include "tst_accountspage.moc"
