// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SignInFailureRepository.h"
#include "store/UserRepository.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <functional>

namespace lyss {

class Settings;

// A person signed in: who, and the token that keeps them signed in (to go into the
// keyring; the database keeps only its hash).
struct SignedIn {
    User user;
    QByteArray token;
};

// Accounts: turning them on and off, signing in and out, staying signed in, and what an
// admin does to other people's accounts. Every rule is here, for the window and lyss-cli
// alike: roles are checked against the person acting, not left to hidden buttons.
// Passwords arrive as UTF-8 buffers, which are wiped once used.
class Accounts {
    Q_DECLARE_TR_FUNCTIONS(Accounts)

public:
    // Failed sign-ins in a row before an account waits, and the longest wait.
    static constexpr int kFreeFailures = 5;
    static constexpr qint64 kLongestWaitMs = 15 * 60 * 1000;
    // A day without a failure starts the count again.
    static constexpr qint64 kQuietMs = 24LL * 3600 * 1000;

    Accounts(UserRepository& users, SignInFailureRepository& failures, Settings& settings,
             QString dataDir, std::function<qint64()> now = {});

    // Whether accounts are on: some account has a password.
    Result<bool> enabled();
    // Turns accounts on: the present (local) person gets `name` and the password, is the
    // first admin, with every chat they had, and is signed in.
    Result<SignedIn> enable(const QString& userId, const QString& name, QByteArray password);
    // Turns accounts off again, only while a single account exists (an admin's).
    Status disable(const User& actor);

    // One answer for a wrong name and a wrong password, with the same work for both; the
    // wait after failures in words, and each failure in <data dir>/auth.log with its time. `days` >
    // 0 keeps the session that long, else the installation's auth.session_days.
    Result<SignedIn> signIn(const QString& name, QByteArray password, int days = 0);
    // A new account from the sign-in screen, when the installation allows it.
    Result<User> signUp(const QString& name, QByteArray password);
    // The person a kept token belongs to; Unauthorised when it is forged, expired, ended,
    // from another data folder, or its account is disabled.
    Result<User> resume(const QByteArray& token);
    Status signOut(const QByteArray& token);

    // Your own password: the current one, then the new; every other session of yours ends.
    Status changePassword(const QString& name, QByteArray current, QByteArray next,
                          const QByteArray& keepToken = {});

    // What an admin does.
    Result<QList<User>> list(const User& actor);
    Result<User> add(const User& actor, const QString& name, UserRole role, QByteArray password);
    Status setRole(const User& actor, const QString& name, UserRole role);
    Status approve(const User& actor, const QString& name);
    // Disabling signs the person out everywhere.
    Status setDisabled(const User& actor, const QString& name, bool disabled);
    // A password the admin gives; the person must choose their own at the next sign-in.
    Status resetPassword(const User& actor, const QString& name, QByteArray password);
    // The account with every chat of theirs.
    Status remove(const User& actor, const QString& name);
    // Whose chats an export takes: your own; another person's (`name`) or everyone's
    // (`everyone`) only for an admin.
    Result<QList<User>> exportedPeople(const User& actor, const QString& name, bool everyone);

    // Refused (in words, naming `what`) unless the person is an admin.
    static Status requireAdmin(const User& actor, const QString& what);
    // "try again in 32 seconds".
    static QString waitInWords(qint64 ms);

private:
    Result<SignedIn> startSession(const QString& userId, int days = 0);
    // An admin's action on accounts: only while they are on, and only by an admin.
    Status administer(const User& actor, const QString& what);
    Result<User> someone(const QString& name);
    Status lastAdminStays(const User& target, const QString& what);
    Result<QByteArray> hashNew(QByteArray& password);
    // An account with a name and a new password (the caller wipes the buffer).
    Result<User> newAccount(const QString& name, UserRole role, QByteArray& password);
    // Refused, in words and in the log, while the name waits after failures.
    Status notWaiting(const QString& name, const QString& doing);
    Status failed(const QString& name);
    QString utcNow() const;
    // <data dir>/auth.log, where failed sign-ins are kept with their time.
    void appendToLog(QString line);

    UserRepository& m_users;
    SignInFailureRepository& m_failures;
    Settings& m_settings;
    QString m_dataDir;
    std::function<qint64()> m_now;
};

} // namespace lyss
