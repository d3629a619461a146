// SPDX-License-Identifier: GPL-3.0-or-later
// The window's sign-in while accounts are on, with a real keyring: one message for a wrong
// name or password, a pending account told it waits, the person signed in made the
// session (nobody else's chats), "stay signed in" skipping the dialog at the next start,
// and creating an account only where it is allowed.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "config/Settings.h"
#include "settings/SettingsDialog.h"
#include "shell/SignInDialog.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestSignIn : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

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

private Q_SLOTS:
    void withoutAccountsNobodyIsAsked()
    {
        auto app = open();
        QVERIFY(SignInDialog::ensureSignedIn(*app)); // no dialog: it would wait here
        QCOMPARE(app->session().userId(), localUserId());
    }

    void thePersonSignedInIsTheSession()
    {
        auto app = open();
        QVERIFY(app->store().chats().createChat({.title = QStringLiteral("Alice's")}).ok());
        auto alice =
            app->accounts().enable(localUserId(), QStringLiteral("alice"), "alice-password");
        QVERIFY(alice.ok());
        QVERIFY(app->accounts().signOut(alice->token).ok());
        QVERIFY(app->accounts()
                    .add(alice->user, QStringLiteral("bob"), UserRole::User, "bob-password")
                    .ok());
        QVERIFY(app->accounts()
                    .add(alice->user, QStringLiteral("carol"), UserRole::Pending, "carol-password")
                    .ok());

        SignInDialog dialog(*app);
        QVERIFY(
            !dialog.findChild<QPushButton*>(QStringLiteral("signUpButton"))->isVisibleTo(&dialog));
        QVERIFY(!dialog.signIn(QStringLiteral("alice"), "not-her-password", true));
        const QString wrong = dialog.message();
        QVERIFY(!dialog.signIn(QStringLiteral("nobody"), "not-her-password", true));
        QCOMPARE(dialog.message(), wrong);
        QVERIFY(!dialog.signIn(QStringLiteral("carol"), "carol-password", true));
        QVERIFY2(dialog.message().contains(QStringLiteral("waits for an admin's approval")),
                 qPrintable(dialog.message()));
        QVERIFY(dialog.signIn(QStringLiteral("bob"), "bob-password", true));
        QCOMPARE(dialog.person()->name, QStringLiteral("bob"));
        QCOMPARE(app->session().userId(), dialog.person()->id);
        QCOMPARE(app->store().chats().listChats()->size(), 0); // not Alice's
        // The servers are the installation's: Settings refuses bob, in words.
        BackendSet backends({}, nullptr, 30000);
        SettingsDialog settings(*app, backends, {}, {});
        QVERIFY(!settings.addServer(QStringLiteral("openai"), QStringLiteral("more"),
                                    QStringLiteral("http://127.0.0.1:9/v1"), {}));
        QVERIFY2(settings.lastMessage().contains(QStringLiteral("Only an admin may change the "
                                                                "servers")),
                 qPrintable(settings.lastMessage()));

        // Stayed signed in: the next start asks nobody.
        app.reset();
        auto again = open();
        QVERIFY(SignInDialog::ensureSignedIn(*again));
        QCOMPARE(again->person()->name, QStringLiteral("bob"));
    }

    void creatingAnAccountOnlyWhereAllowed()
    {
        auto app = open();
        QVERIFY(app->accountsOn());
        auto alice = app->accounts().signIn(QStringLiteral("alice"), "alice-password");
        QVERIFY(alice.ok());
        QVERIFY(app->openSession(alice->user.id).ok());
        QVERIFY(app->settings().set(SettingKey::SignUp, true).ok());
        SignInDialog dialog(*app);
        QVERIFY(
            dialog.findChild<QPushButton*>(QStringLiteral("signUpButton"))->isVisibleTo(&dialog));
        QVERIFY(dialog.signUp(QStringLiteral("dave"), "dave-password"));
        QVERIFY2(dialog.message().contains(QStringLiteral("waits for an admin's approval")),
                 qPrintable(dialog.message()));
        QVERIFY(!dialog.signUp(QStringLiteral("eve"), "short"));
        QVERIFY(dialog.message().contains(QStringLiteral("at least 8")));
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
