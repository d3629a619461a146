// SPDX-License-Identifier: GPL-3.0-or-later
// The window's sign-in while accounts are on, with a real keyring: one message for a wrong
// name or password, a pending account shown the page that says it waits, the person signed
// in made the session (nobody else's chats), "stay signed in" skipping the dialog at the
// next start and a session not kept ending when Lyss closes, a new sign-in ending the one
// kept before, choosing one's own password after an admin set one, and creating an account
// only where it is allowed.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "config/Settings.h"
#include "secrets/SecretStore.h"
#include "settings/SettingsDialog.h"
#include "shell/SignInDialog.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"

#include <QLabel>
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
        // A page of its own that says so, and nothing else.
        QCOMPARE(dialog.page(), SignInDialog::Page::Waiting);
        const auto* waiting = dialog.findChild<QLabel*>(QStringLiteral("waitingText"));
        QVERIFY2(waiting->text().contains(QStringLiteral("carol")), qPrintable(waiting->text()));
        QVERIFY(!dialog.person().has_value());
        QVERIFY(!app->keeper().signedIn());
        dialog.backToSignIn();
        QCOMPARE(dialog.page(), SignInDialog::Page::SignIn);
        QVERIFY(dialog.signIn(QStringLiteral("bob"), "bob-password", true));
        QCOMPARE(dialog.person()->name, QStringLiteral("bob"));
        QVERIFY(app->keeper().signedIn() && app->keeper().kept());
        QVERIFY(app->openSession(dialog.person()->id).ok()); // what the caller does next
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

    void aNewSignInEndsTheSessionKeptBefore()
    {
        auto app = open();
        auto before = app->secrets().read(app->sessionSecretKey());
        QVERIFY(before.ok() && before->has_value()); // bob's, kept by the last case
        const QByteArray bobs = (*before)->toUtf8();
        QVERIFY(app->accounts().resume(bobs).ok());
        SignInDialog dialog(*app);
        QVERIFY(dialog.signIn(QStringLiteral("alice"), "alice-password", false));
        // Bob's kept session is over in the database, not only gone from the keyring.
        QCOMPARE(app->accounts().resume(bobs).errorCode(), ErrorCode::Unauthorised);
        auto now = app->secrets().read(app->sessionSecretKey());
        QVERIFY(now.ok() && !now->has_value()); // not kept: this run only
        const QByteArray alices = app->keeper().token();
        QVERIFY(app->accounts().resume(alices).ok());
        // Lyss closes: a session nobody kept ends with it.
        app->keeper().close();
        QCOMPARE(app->accounts().resume(alices).errorCode(), ErrorCode::Unauthorised);
    }

    void choosingOnesOwnPasswordAfterAnAdminSetOne()
    {
        auto app = open();
        auto alice = app->accounts().signIn(QStringLiteral("alice"), "alice-password");
        QVERIFY(alice.ok());
        QVERIFY(app->accounts()
                    .resetPassword(alice->user, QStringLiteral("bob"), "given-by-alice")
                    .ok());
        SignInDialog dialog(*app);
        QVERIFY(!dialog.signIn(QStringLiteral("bob"), "given-by-alice", true));
        QCOMPARE(dialog.page(), SignInDialog::Page::ChoosePassword);
        QVERIFY(!app->keeper().signedIn());
        QVERIFY(!dialog.choosePassword("bobs-own-one", "bobs-own-two"));
        QVERIFY2(dialog.message().contains(QStringLiteral("not the same")),
                 qPrintable(dialog.message()));
        QVERIFY(!dialog.choosePassword("short", "short"));
        QVERIFY(dialog.message().contains(QStringLiteral("at least 8")));
        QCOMPARE(dialog.page(), SignInDialog::Page::ChoosePassword);
        QVERIFY(dialog.choosePassword("bobs-own-one", "bobs-own-one"));
        QCOMPARE(dialog.person()->name, QStringLiteral("bob"));
        QVERIFY(app->keeper().signedIn());
        // The admin's password is gone; the chosen one works, with nothing more to choose.
        QCOMPARE(app->accounts().signIn(QStringLiteral("bob"), "given-by-alice").errorCode(),
                 ErrorCode::Unauthorised);
        QVERIFY(app->accounts().signIn(QStringLiteral("bob"), "bobs-own-one").ok());
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
