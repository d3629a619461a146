// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Accounts.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace lyss {

class SecretStore;

// The session of the person at this keyboard, while accounts are on: its token, kept in
// the keyring when they chose to stay signed in, else only in memory for this run. A
// session is never left behind: one replaced by a new sign-in, one not kept when Lyss
// closes, and one signed out all end in the database too.
class SessionKeeper {
    Q_DECLARE_TR_FUNCTIONS(SessionKeeper)

public:
    SessionKeeper(Accounts& accounts, SecretStore& secrets, QString secretKey);
    ~SessionKeeper();
    SessionKeeper(const SessionKeeper&) = delete;
    SessionKeeper& operator=(const SessionKeeper&) = delete;

    // The person whose session the keyring keeps, when it still stands (nullopt when there
    // is none, or it was forged, expired, ended or disabled: they sign in again).
    std::optional<User> resumeKept();
    // Takes a new sign-in as this keyboard's session. The session held before ends; with
    // `stay` the token goes into the keyring (and when it cannot, the session is still
    // this run's, and the error says why it is not kept).
    Status adopt(const SignedIn& in, bool stay);
    // The person as the database has them now, or why their session no longer stands
    // (Unauthorised: ended, expired, disabled elsewhere).
    Result<User> check();
    // Ends the session here, in the database and in the keyring (when the keyring still
    // holds this session's token and not one kept since by another sign-in).
    Status signOut();
    // Forgets the session without ending it in the database (accounts were turned off,
    // which ended it already).
    void forget();
    // Lyss is closing: a session the person did not keep ends now.
    void close();

    bool signedIn() const { return !m_token.isEmpty(); }
    QByteArray token() const { return m_token; }
    bool kept() const { return m_kept; }

private:
    void clearToken();
    // Removes the keyring's entry when it holds this session's token.
    Status removeIfOurs();

    Accounts& m_accounts;
    SecretStore& m_secrets;
    QString m_key;
    QByteArray m_token;
    bool m_kept = false;
};

} // namespace lyss
