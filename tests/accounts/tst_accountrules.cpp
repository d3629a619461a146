// SPDX-License-Identifier: GPL-3.0-or-later
// The installation's rules, kept by core whichever front end asks: a person waiting for
// approval or disabled gets no session; the backends and the backup are an admin's; and
// when the database cannot say whether accounts are on, Lyss takes them to be on.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "store/BackendRepository.h"
#include "store/LocalUser.h"
#include "store/UserRepository.h"
#include "store/sqlite/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestAccountRules : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    std::unique_ptr<AppContext> open()
    {
        AppContext::Options o;
        o.dataDir = m_dir->path();
        o.env = test::cleanEnvironment();
        auto app = AppContext::open(o);
        if (!app)
            qFatal("%s", qPrintable(app.errorMessage()));
        return std::move(app).value();
    }

    static BackendRecord server(const QString& name)
    {
        BackendRecord r;
        r.name = name;
        r.kind = BackendKind::Ollama;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:9"));
        return r;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void waitingOrDisabledPeopleGetNoSession()
    {
        auto app = open();
        auto alice =
            app->accounts().enable(localUserId(), QStringLiteral("alice"), "alice-password");
        QVERIFY(alice.ok());
        auto carol = app->accounts().add(alice->user, QStringLiteral("carol"), UserRole::Pending,
                                         "carol-password");
        auto bob =
            app->accounts().add(alice->user, QStringLiteral("bob"), UserRole::User, "bob-password");
        QVERIFY(carol.ok() && bob.ok());
        const Status waiting = app->openSession(carol->id);
        QCOMPARE(waiting.errorCode(), ErrorCode::Refused);
        QVERIFY(waiting.errorMessage().contains(QStringLiteral("approval")));
        QVERIFY(app->accounts().setDisabled(alice->user, QStringLiteral("bob"), true).ok());
        QCOMPARE(app->openSession(bob->id).errorCode(), ErrorCode::Refused);
        QCOMPARE(app->session().userId(), localUserId()); // still alice's
        QVERIFY(app->accounts().approve(alice->user, QStringLiteral("carol")).ok());
        QVERIFY(app->openSession(carol->id).ok());
    }

    void backendsAndBackupsAreAnAdminsInCore()
    {
        auto app = open();
        // Without accounts the one person may.
        QVERIFY(app->backends().add(server(QStringLiteral("first"))).ok());
        auto alice =
            app->accounts().enable(localUserId(), QStringLiteral("alice"), "alice-password");
        auto bob =
            app->accounts().add(alice->user, QStringLiteral("bob"), UserRole::User, "bob-password");
        QVERIFY(bob.ok());
        QVERIFY(app->openSession(bob->id).ok());
        auto added = app->backends().add(server(QStringLiteral("bobs")));
        QCOMPARE(added.errorCode(), ErrorCode::Refused);
        QVERIFY2(added.errorMessage().contains(QStringLiteral("Only an admin may add a backend")),
                 qPrintable(added.errorMessage()));
        QCOMPARE(app->backends().remove(QStringLiteral("first")).errorCode(), ErrorCode::Refused);
        auto first = server(QStringLiteral("first"));
        first.enabled = false;
        QCOMPARE(app->backends().update(first).errorCode(), ErrorCode::Refused);
        const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
        QCOMPARE(app->backUp(copy, false).errorCode(), ErrorCode::Refused);
        QVERIFY(!QFile::exists(copy));
        QCOMPARE(app->backends().list()->size(), 1);
        // The admin may.
        QVERIFY(app->openSession(alice->user.id).ok());
        QVERIFY(app->backends().remove(QStringLiteral("first")).ok());
        QVERIFY(app->backUp(copy, false).ok());
    }

    void accountsThatCannotBeReadAreTakenToBeOn()
    {
        auto app = open();
        QVERIFY(
            app->accounts().enable(localUserId(), QStringLiteral("alice"), "alice-password").ok());
        QSqlQuery q(app->database().connection());
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE users RENAME TO users_elsewhere")));
        QVERIFY(app->accountsOn());
        QVERIFY(!app->mayChangeInstallation(QStringLiteral("test")).ok());
        QVERIFY(!app->backends().add(server(QStringLiteral("more"))).ok());
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE users_elsewhere RENAME TO users")));
    }
};

QTEST_GUILESS_MAIN(TestAccountRules)
#include "tst_accountrules.moc"
