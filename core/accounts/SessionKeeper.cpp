// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/SessionKeeper.h"

#include "accounts/Passwords.h"
#include "secrets/SecretStore.h"

namespace lyss {

SessionKeeper::SessionKeeper(Accounts& accounts, SecretStore& secrets, QString secretKey)
    : m_accounts(accounts)
    , m_secrets(secrets)
    , m_key(std::move(secretKey))
{
}

SessionKeeper::~SessionKeeper()
{
    clearToken();
}

void SessionKeeper::clearToken()
{
    Passwords::wipe(m_token);
    m_token.clear();
    m_kept = false;
}

std::optional<User> SessionKeeper::resumeKept()
{
    auto kept = m_secrets.read(m_key);
    if (!kept || !kept->has_value())
        return std::nullopt;
    QByteArray token = (*kept)->toUtf8();
    auto user = m_accounts.resume(token);
    if (!user) {
        Passwords::wipe(token);
        if (user.errorCode() == ErrorCode::Unauthorised)
            (void)m_secrets.remove(m_key); // dead: nothing to keep
        return std::nullopt;
    }
    clearToken();
    m_token = token;
    m_kept = true;
    return *user;
}

Status SessionKeeper::adopt(const SignedIn& in, bool stay)
{
    // The session held before, whoever's, ends: a kept token replaced in the keyring would
    // otherwise stay valid in the database until it expired.
    if (!m_token.isEmpty() && m_token != in.token)
        (void)m_accounts.signOut(m_token);
    if (auto kept = m_secrets.read(m_key); kept && kept->has_value()) {
        if (const QByteArray old = (*kept)->toUtf8(); old != in.token && old != m_token)
            (void)m_accounts.signOut(old);
    }
    clearToken();
    m_token = in.token;
    if (!stay) {
        (void)m_secrets.remove(m_key);
        return {};
    }
    if (Status st = m_secrets.write(m_key, QString::fromLatin1(in.token)); !st.ok())
        return Error{tr("The session cannot be kept in the keyring: %1").arg(st.errorMessage()),
                     st.errorCode()};
    m_kept = true;
    return {};
}

Result<User> SessionKeeper::check()
{
    if (m_token.isEmpty())
        return Error{tr("You are not signed in."), ErrorCode::Unauthorised};
    return m_accounts.resume(m_token);
}

Status SessionKeeper::signOut()
{
    Status ended;
    if (!m_token.isEmpty())
        ended = m_accounts.signOut(m_token);
    Status removed = removeIfOurs();
    clearToken();
    return removed.ok() ? ended : removed;
}

void SessionKeeper::forget()
{
    (void)removeIfOurs();
    clearToken();
}

Status SessionKeeper::removeIfOurs()
{
    // Only our own token: another sign-in (lyss-cli login, say) may have kept its own there
    // since, and removing it would leave that session valid with nobody holding it.
    if (!m_kept || m_token.isEmpty())
        return {};
    auto kept = m_secrets.read(m_key);
    if (!kept)
        return kept.error();
    if (!kept->has_value() || (*kept)->toUtf8() != m_token)
        return {};
    return m_secrets.remove(m_key);
}

void SessionKeeper::close()
{
    if (!m_token.isEmpty() && !m_kept)
        (void)m_accounts.signOut(m_token);
    clearToken();
}

} // namespace lyss
