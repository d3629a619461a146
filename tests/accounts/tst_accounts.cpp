// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts through the core service, over a real database: turning them on keeps the
// local person's chats, one answer for a wrong name or password, the wait after failures
// (doubling, kept in the database, per person), sessions that end (expired, signed out,
// forged, copied to another folder, disabled), roles checked against the person acting,
// rehashing with today's limits, and no password anywhere in the files but its hash.
#include "TestSupport.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "config/Settings.h"
#include "store/ChatStore.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/SignInFailureRepository.h"
#include "store/UserRepository.h"
#include "store/sqlite/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

#include <future>

using namespace lyss;

namespace {
QByteArray pw(const char* text)
{
    return QByteArray(text);
}
} // namespace

class TestAccounts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SignInFailureRepository> m_failures;
    std::unique_ptr<ConfigRepository> m_installation, m_person;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Accounts> m_accounts;
    qint64 m_now = 1'800'000'000'000;

    User admin()
    {
        auto a = m_users->byName(QStringLiteral("alice"));
        if (!a || !a->has_value())
            qFatal("no alice");
        return **a;
    }

    void reopen(const QString& dataDir)
    {
        m_accounts = std::make_unique<Accounts>(*m_users, *m_failures, *m_settings, dataDir,
                                                [this] { return m_now; });
    }

private Q_SLOTS:
    void init()
    {
        m_accounts.reset();
        m_settings.reset();
        m_person.reset();
        m_installation.reset();
        m_failures.reset();
        m_users.reset();
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db")));
        auto db = Database::open(m_dir.filePath(QStringLiteral("lyss.db")));
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        m_db = std::move(db).value();
        m_users = std::make_unique<UserRepository>(*m_db);
        m_failures = std::make_unique<SignInFailureRepository>(*m_db);
        m_installation = std::make_unique<ConfigRepository>(*m_db);
        m_person = std::make_unique<ConfigRepository>(*m_db, localUserId());
        m_settings =
            std::make_unique<Settings>(*m_installation, *m_person, test::cleanEnvironment());
        reopen(m_dir.path());
    }

    void turningAccountsOnKeepsTheChats()
    {
        ChatStore store(*m_db, localUserId());
        QVERIFY(store.chats().createChat({.title = QStringLiteral("Mine")}).ok());
        QCOMPARE(*m_accounts->enabled(), false);
        auto alice =
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("correct horse battery"));
        QVERIFY2(alice.ok(), qPrintable(alice.errorMessage()));
        QCOMPARE(alice->user.role, UserRole::Admin);
        QCOMPARE(alice->user.id, localUserId());
        QCOMPARE(m_accounts->resume(alice->token)->name, QStringLiteral("alice")); // signed in
        QCOMPARE(*m_accounts->enabled(), true);
        QCOMPARE(store.chats().listChats()->size(), 1);
        QVERIFY(!m_accounts->enable(localUserId(), QStringLiteral("again"), pw("whatever12")).ok());
        auto in = m_accounts->signIn(QStringLiteral("ALICE"), pw("correct horse battery"));
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QCOMPARE(in->user.id, localUserId());
        QCOMPARE(in->token.size(), 43); // 256 bits, base64url
        // The password is nowhere in the files, only its hash; the token neither.
        m_db.reset();
        for (const QString& name : QDir(m_dir.path()).entryList(QDir::Files)) {
            const QByteArray bytes = test::readFile(m_dir.filePath(name));
            QVERIFY2(!bytes.contains("correct horse battery"), qPrintable(name));
            QVERIFY2(!bytes.contains(in->token), qPrintable(name));
        }
    }

    void passwordsHaveALengthAndNoOtherRule()
    {
        QCOMPARE(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("seven77")).errorCode(),
            ErrorCode::InvalidInput);
        QVERIFY(m_accounts->enable(localUserId(), QStringLiteral("alice"), QByteArray(1025, 'a'))
                    .errorMessage()
                    .contains(QStringLiteral("at most 1024")));
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), QByteArray(1024, 'a')).ok());
        // Characters, not bytes: eight Chinese characters are a password.
        QVERIFY(m_accounts
                    ->add(admin(), QStringLiteral("bo"), UserRole::User,
                          QStringLiteral("八个汉字的密码").toUtf8())
                    .errorCode() == ErrorCode::InvalidInput);
        QVERIFY(m_accounts
                    ->add(admin(), QStringLiteral("bo"), UserRole::User,
                          QStringLiteral("八个汉字的密码呀").toUtf8())
                    .ok());
    }

    void aWrongNameAndAWrongPasswordReadTheSame()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        auto name = m_accounts->signIn(QStringLiteral("nobody"), pw("password-one"));
        auto password = m_accounts->signIn(QStringLiteral("alice"), pw("password-two"));
        QVERIFY(!name.ok() && !password.ok());
        QCOMPARE(name.errorMessage(), password.errorMessage());
        QCOMPARE(name.errorCode(), ErrorCode::Unauthorised);
        QCOMPARE(password.errorCode(), ErrorCode::Unauthorised);
    }

    void failuresMakeAnAccountWaitAndOnlyThatOne()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        QVERIFY(m_accounts->add(admin(), QStringLiteral("bob"), UserRole::User, pw("bob-password"))
                    .ok());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_accounts->signIn(QStringLiteral("alice"), pw("wrong-wrong")).errorCode(),
                     ErrorCode::Unauthorised);
        QVERIFY(m_accounts->signIn(QStringLiteral("alice"), pw("password-one")).ok()); // resets
        qint64 wait = 1000;
        for (int i = 0; i < 5; ++i)
            (void)m_accounts->signIn(QStringLiteral("alice"), pw("wrong-wrong"));
        // Changing the password is no way around the wait.
        QCOMPARE(
            m_accounts
                ->changePassword(QStringLiteral("alice"), pw("password-one"), pw("password-new"))
                .errorCode(),
            ErrorCode::Refused);
        for (int round = 0; round < 12; ++round) {
            // Waiting: even the right password is not tried, and it is said in words.
            auto early = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"));
            QCOMPARE(early.errorCode(), ErrorCode::Refused);
            QVERIFY2(early.errorMessage().contains(Accounts::waitInWords(wait)),
                     qPrintable(early.errorMessage()));
            // Another person is not held up.
            QVERIFY(m_accounts->signIn(QStringLiteral("bob"), pw("bob-password")).ok());
            // A new process (a new service over the same file) knows of the wait.
            reopen(m_dir.path());
            QCOMPARE(m_accounts->signIn(QStringLiteral("alice"), pw("password-one")).errorCode(),
                     ErrorCode::Refused);
            m_now += wait;
            (void)m_accounts->signIn(QStringLiteral("alice"), pw("wrong-wrong"));
            wait = std::min<qint64>(wait * 2, Accounts::kLongestWaitMs);
        }
        QCOMPARE(wait, Accounts::kLongestWaitMs); // 1 s doubling, 15 minutes at most
        QCOMPARE(Accounts::waitInWords(32000), QStringLiteral("try again in 32 seconds"));
        m_now += wait;
        QVERIFY(m_accounts->signIn(QStringLiteral("alice"), pw("password-one")).ok());
        QCOMPARE(m_failures->of(QStringLiteral("alice"))->failures, 0);
    }

    void sessionsEnd()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        auto in = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"), 2);
        QVERIFY(in.ok());
        QCOMPARE(m_accounts->resume(in->token)->name, QStringLiteral("alice"));
        // Forged: a token of the right shape that was never given.
        QCOMPARE(m_accounts->resume(Passwords::newToken()).errorCode(), ErrorCode::Unauthorised);
        QByteArray changed = in->token;
        changed[5] = changed[5] == 'A' ? 'B' : 'A';
        QCOMPARE(m_accounts->resume(changed).errorCode(), ErrorCode::Unauthorised);
        // Copied to another data folder (with a copy of the database): refused there.
        QTemporaryDir other;
        reopen(other.path());
        QCOMPARE(m_accounts->resume(in->token).errorCode(), ErrorCode::Unauthorised);
        reopen(m_dir.path());
        // Expired after its days.
        m_now += 2LL * 24 * 3600 * 1000 + 1;
        QCOMPARE(m_accounts->resume(in->token).errorCode(), ErrorCode::Unauthorised);
        // Signed out.
        auto again = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"));
        QVERIFY(m_accounts->resume(again->token).ok());
        QVERIFY(m_accounts->signOut(again->token).ok());
        QCOMPARE(m_accounts->resume(again->token).errorCode(), ErrorCode::Unauthorised);
        // A password change ends the other sessions, not the one that changed it.
        auto one = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"));
        auto two = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"));
        QVERIFY(m_accounts
                    ->changePassword(QStringLiteral("alice"), pw("password-one"),
                                     pw("password-two"), two->token)
                    .ok());
        QCOMPARE(m_accounts->resume(one->token).errorCode(), ErrorCode::Unauthorised);
        QVERIFY(m_accounts->resume(two->token).ok());
    }

    void rolesAreCheckedInCore()
    {
        // While accounts are off nobody administers them, not even the local admin.
        auto local = m_users->byId(localUserId());
        QCOMPARE(
            m_accounts->add(**local, QStringLiteral("eve"), UserRole::Admin, pw("eve-password"))
                .errorCode(),
            ErrorCode::Refused);
        QCOMPARE(*m_accounts->enabled(), false);
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        auto bob =
            m_accounts->add(admin(), QStringLiteral("bob"), UserRole::User, pw("bob-password"));
        QVERIFY(bob.ok());
        QCOMPARE(m_accounts->add(*bob, QStringLiteral("eve"), UserRole::Admin, pw("eve-password"))
                     .errorCode(),
                 ErrorCode::Refused);
        QVERIFY(m_accounts->add(*bob, QStringLiteral("eve"), UserRole::Admin, pw("eve-password"))
                    .errorMessage()
                    .contains(QStringLiteral("Only an admin may add an account")));
        QCOMPARE(m_accounts->list(*bob).errorCode(), ErrorCode::Refused);
        QCOMPARE(m_accounts->setRole(*bob, QStringLiteral("bob"), UserRole::Admin).errorCode(),
                 ErrorCode::Refused);
        QCOMPARE(m_accounts->disable(*bob).errorCode(), ErrorCode::Refused);
        // Sign-up: off by default; on, a new account waits for approval.
        QCOMPARE(m_accounts->signUp(QStringLiteral("carol"), pw("carol-password")).errorCode(),
                 ErrorCode::Refused);
        QVERIFY(m_settings->set(SettingKey::SignUp, true).ok());
        auto carol = m_accounts->signUp(QStringLiteral("carol"), pw("carol-password"));
        QVERIFY2(carol.ok(), qPrintable(carol.errorMessage()));
        QCOMPARE(carol->role, UserRole::Pending);
        QCOMPARE(m_accounts->signUp(QStringLiteral("Carol"), pw("carol-password")).errorCode(),
                 ErrorCode::InvalidInput); // the name is taken, whatever its case
        QVERIFY(m_accounts->approve(admin(), QStringLiteral("carol")).ok());
        QCOMPARE(m_users->byName(QStringLiteral("carol"))->value().role, UserRole::User);
        // Disabling ends the person's sessions and refuses their sign-in.
        auto bobIn = m_accounts->signIn(QStringLiteral("bob"), pw("bob-password"));
        QVERIFY(m_accounts->setDisabled(admin(), QStringLiteral("bob"), true).ok());
        QCOMPARE(m_accounts->resume(bobIn->token).errorCode(), ErrorCode::Unauthorised);
        QCOMPARE(m_accounts->signIn(QStringLiteral("bob"), pw("bob-password")).errorCode(),
                 ErrorCode::Refused);
        // The last admin stays one.
        QCOMPARE(m_accounts->setRole(admin(), QStringLiteral("alice"), UserRole::User).errorCode(),
                 ErrorCode::Refused);
        QCOMPARE(m_accounts->setDisabled(admin(), QStringLiteral("alice"), true).errorCode(),
                 ErrorCode::Refused);
        QCOMPARE(m_accounts->disable(admin()).errorCode(), ErrorCode::Refused); // three accounts
        // Removing a person removes their chats, and nobody else's.
        ChatStore carols(*m_db, carol->id);
        auto chat = carols.chats().createChat({.title = QStringLiteral("Carol's")});
        QString parent;
        for (int i = 0; i < 1500; ++i) { // deeper than SQLite's trigger recursion
            auto m = carols.messages().addMessage({.chatId = chat->id,
                                                   .parentId = parent,
                                                   .role = Role::User,
                                                   .content = QStringLiteral("x")});
            QVERIFY(m.ok());
            parent = m->id;
        }
        ChatStore alices(*m_db, localUserId());
        QVERIFY(alices.chats().createChat({.title = QStringLiteral("Alice's")}).ok());
        QVERIFY(m_accounts->remove(admin(), QStringLiteral("carol")).ok());
        QVERIFY(!m_users->byName(QStringLiteral("carol"))->has_value());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(alices.chats().listChats()->size(), 1);
        QCOMPARE(m_accounts->remove(admin(), QStringLiteral("alice")).errorCode(),
                 ErrorCode::Refused);
        // Another admin cannot remove the account Lyss began with (everything opens as it).
        QVERIFY(m_accounts->add(admin(), QStringLiteral("dan"), UserRole::Admin, pw("dan-password"))
                    .ok());
        auto dan = m_users->byName(QStringLiteral("dan"));
        QCOMPARE(m_accounts->remove(**dan, QStringLiteral("alice")).errorCode(),
                 ErrorCode::Refused);
        // The sign-up settings come from the database only, never the environment.
        QVERIFY(Settings::definition(SettingKey::SignUp).envVars.isEmpty());
        QVERIFY(Settings::definition(SettingKey::DefaultRole).envVars.isEmpty());
    }

    void anAdminsResetMustBeReplaced()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        QVERIFY(m_accounts->add(admin(), QStringLiteral("bob"), UserRole::User, pw("bob-password"))
                    .ok());
        QVERIFY(m_accounts->resetPassword(admin(), QStringLiteral("bob"), pw("temporary-1")).ok());
        auto in = m_accounts->signIn(QStringLiteral("bob"), pw("temporary-1"));
        QCOMPARE(in.errorCode(), ErrorCode::MustChangePassword);
        QVERIFY(in.errorMessage().contains(QStringLiteral("choose your own")));
        QVERIFY(
            m_accounts->changePassword(QStringLiteral("bob"), pw("temporary-1"), pw("bobs-own-one"))
                .ok());
        QVERIFY(m_accounts->signIn(QStringLiteral("bob"), pw("bobs-own-one")).ok());
        // Down to one account, accounts can be turned off.
        QVERIFY(m_accounts->remove(admin(), QStringLiteral("bob")).ok());
        QVERIFY(m_accounts->disable(admin()).ok());
        QCOMPARE(*m_accounts->enabled(), false);
    }

    void aHashWithLowerLimitsIsMadeAgain()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        QVERIFY(sodium_init() >= 0);
        char weak[crypto_pwhash_STRBYTES];
        QVERIFY(crypto_pwhash_str(weak, "password-one", 12, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN) == 0);
        QVERIFY(m_users->setPasswordHash(localUserId(), QByteArray(weak), false).ok());
        QVERIFY(Passwords::needsRehash(admin().passwordHash));
        QVERIFY(m_accounts->signIn(QStringLiteral("alice"), pw("password-one")).ok());
        QVERIFY(!Passwords::needsRehash(admin().passwordHash));
        QVERIFY(admin().passwordHash.startsWith("$argon2id$v=19$m=65536,t=2"));
    }

    void aStrongerHashIsKept()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        QVERIFY(sodium_init() >= 0);
        char strong[crypto_pwhash_STRBYTES];
        QVERIFY(crypto_pwhash_str(strong, "password-one", 12,
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE + 1,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
        QVERIFY(m_users->setPasswordHash(localUserId(), QByteArray(strong), false).ok());
        QVERIFY(!Passwords::needsRehash(admin().passwordHash));
        QVERIFY(m_accounts->signIn(QStringLiteral("alice"), pw("password-one")).ok());
        QCOMPARE(admin().passwordHash, QByteArray(strong)); // not lowered to today's limits
        QVERIFY(Passwords::needsRehash("$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"));
    }

    void anUnknownNameWaitsLikeAKnownOne()
    {
        QVERIFY(
            m_accounts->enable(localUserId(), QStringLiteral("alice"), pw("password-one")).ok());
        for (int i = 0; i < Accounts::kFreeFailures; ++i) {
            (void)m_accounts->signIn(QStringLiteral("alice"), pw("wrong-wrong"));
            (void)m_accounts->signIn(QStringLiteral("nobody"), pw("wrong-wrong"));
        }
        auto known = m_accounts->signIn(QStringLiteral("alice"), pw("password-one"));
        auto unknown = m_accounts->signIn(QStringLiteral("nobody"), pw("password-one"));
        QCOMPARE(known.errorCode(), ErrorCode::Refused);
        QCOMPARE(unknown.errorCode(), ErrorCode::Refused);
        // The same sentence but for the name typed.
        QCOMPARE(
            QString(known.errorMessage()).replace(QStringLiteral("alice"), QStringLiteral("X")),
            QString(unknown.errorMessage()).replace(QStringLiteral("nobody"), QStringLiteral("X")));
        // Every failure and every refusal during the wait is in the log, with its time.
        QFile log(m_dir.filePath(QStringLiteral("auth.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("failed sign-in 5 in a row for nobody, waits 1 s")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("sign-in refused for nobody: waits 1 s more")));
        QVERIFY(text.contains(QStringLiteral("sign-in refused for alice: waits 1 s more")));
        // A quiet day starts the count again.
        m_now += Accounts::kQuietMs;
        QCOMPARE(m_accounts->signIn(QStringLiteral("nobody"), pw("wrong-wrong")).errorCode(),
                 ErrorCode::Unauthorised);
        QCOMPARE(m_failures->of(QStringLiteral("nobody"))->failures, 1);
        QVERIFY(m_accounts->signIn(QStringLiteral("ALICE"), pw("password-one")).ok());
        QCOMPARE(m_failures->of(QStringLiteral("alice"))->failures, 0);
    }

    void failuresAtOnceAllCount()
    {
        // Two processes failing at once: each failure is counted in the database, none
        // lost between a read and a write.
        constexpr int kEach = 40;
        const QString path = m_dir.filePath(QStringLiteral("lyss.db"));
        auto hammer = [path] {
            auto db = Database::open(path);
            if (!db)
                return false;
            SignInFailureRepository failures(**db);
            for (int i = 0; i < kEach; ++i) {
                if (!failures.countOne(QStringLiteral("alice"), 1'800'000'000'000, 1000).ok())
                    return false;
            }
            return true;
        };
        auto one = std::async(std::launch::async, hammer);
        auto two = std::async(std::launch::async, hammer);
        QVERIFY(one.get());
        QVERIFY(two.get());
        QCOMPARE(m_failures->of(QStringLiteral("alice"))->failures, 2 * kEach);
    }

    void passwordLengthsAreInCharacters()
    {
        // U+1F511 is one character, four UTF-8 bytes, two UTF-16 units.
        const QByteArray key = QByteArray("\xF0\x9F\x94\x91");
        QCOMPARE(Passwords::characters(key), 1);
        QVERIFY(!Passwords::problemWith(key.repeated(7)).isEmpty());
        QVERIFY(Passwords::problemWith(key.repeated(8)).isEmpty());
        QVERIFY(Passwords::problemWith(key.repeated(Passwords::kMaxLength)).isEmpty());
        QVERIFY(!Passwords::problemWith(key.repeated(Passwords::kMaxLength + 1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
