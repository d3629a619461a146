// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/Accounts.h"

#include "accounts/Passwords.h"
#include "config/Settings.h"
#include "store/LocalUser.h"
#include "store/Sql.h"
#include "util/Log.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace lyss {

namespace {
// Wipes a password buffer however the function it was handed to returns.
struct Wiped {
    QByteArray& buffer;
    ~Wiped() { Passwords::wipe(buffer); }
};

QString wrongNameOrPassword()
{
    return Accounts::tr("The name or the password is not right.");
}
} // namespace

Accounts::Accounts(UserRepository& users, SignInFailureRepository& failures, Settings& settings,
                   QString dataDir, std::function<qint64()> now)
    : m_users(users)
    , m_failures(failures)
    , m_settings(settings)
    , m_dataDir(std::move(dataDir))
    , m_now(now ? std::move(now) : std::function<qint64()>([] { return sql::nowMs(); }))
{
}

Result<bool> Accounts::enabled()
{
    auto all = m_users.list();
    if (!all)
        return all.error();
    for (const User& u : *all) {
        if (!u.passwordHash.isEmpty())
            return true;
    }
    return false;
}

Status Accounts::requireAdmin(const User& actor, const QString& what)
{
    if (actor.role == UserRole::Admin && !actor.disabled)
        return {};
    return Error{tr("Only an admin may %1; you are signed in as %2 (%3).")
                     .arg(what, actor.name, userRoleName(actor.role)),
                 ErrorCode::Refused};
}

Status Accounts::administer(const User& actor, const QString& what)
{
    auto on = enabled();
    if (!on)
        return on.error();
    if (!*on)
        return Error{tr("Accounts are off: turn them on first (lyss-cli accounts enable --name "
                        "NAME)."),
                     ErrorCode::Refused};
    return requireAdmin(actor, what);
}

QString Accounts::waitInWords(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(1, (ms + 999) / 1000);
    if (seconds == 1)
        return tr("try again in 1 second");
    if (seconds < 120)
        return tr("try again in %1 seconds").arg(seconds);
    return tr("try again in %1 minutes").arg((seconds + 59) / 60);
}

Result<QByteArray> Accounts::hashNew(QByteArray& password)
{
    if (const QString problem = Passwords::problemWith(password); !problem.isEmpty())
        return Error{problem, ErrorCode::InvalidInput};
    return Passwords::hash(password);
}

Result<SignedIn> Accounts::enable(const QString& userId, const QString& name, QByteArray password)
{
    Wiped wipe{password};
    auto on = enabled();
    if (!on)
        return on.error();
    if (*on)
        return Error{tr("Accounts are already on."), ErrorCode::Refused};
    if (name.trimmed().isEmpty())
        return Error{tr("Give the account a name."), ErrorCode::InvalidInput};
    auto hash = hashNew(password);
    if (!hash)
        return hash.error();
    auto user = m_users.byId(userId);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error{tr("There is no account %1.").arg(userId), ErrorCode::NotFound};
    for (const Status& st : {m_users.rename(userId, name), m_users.setRole(userId, UserRole::Admin),
                             m_users.setPasswordHash(userId, *hash, false)}) {
        if (!st.ok())
            return st.error();
    }
    appendToLog(QStringLiteral("%1 accounts turned on; the first admin is %2")
                    .arg(utcNow(), name.trimmed()));
    return startSession(userId);
}

Result<SignedIn> Accounts::startSession(const QString& userId, int days)
{
    auto found = m_users.byId(userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{tr("There is no account %1.").arg(userId), ErrorCode::NotFound};
    User user = **found;
    const qint64 now = m_now();
    if (Status st = m_users.recordSignIn(user.id, now); !st.ok())
        return st.error();
    user.lastSignInAt = now;
    const int keepDays =
        days > 0 ? days : std::max(1, int(m_settings.number(SettingKey::SessionDays)));
    SignedIn in{user, Passwords::newToken()};
    if (Status st = m_users.addSession({Passwords::tokenHash(in.token, m_dataDir), user.id, now,
                                        now + qint64(keepDays) * 24 * 3600 * 1000, now});
        !st.ok())
        return st.error();
    return in;
}

Status Accounts::disable(const User& actor)
{
    if (Status st = requireAdmin(actor, tr("turn accounts off")); !st.ok())
        return st;
    auto n = m_users.count();
    if (!n)
        return n.error();
    if (*n > 1)
        return Error{tr("Accounts can be turned off only while a single account exists; there "
                        "are %1. Remove the others first.")
                         .arg(*n),
                     ErrorCode::Refused};
    if (Status st = m_users.setPasswordHash(actor.id, {}, false); !st.ok())
        return st;
    return m_users.removeSessionsOf(actor.id);
}

QString Accounts::utcNow() const
{
    return QDateTime::fromMSecsSinceEpoch(m_now(), Qt::UTC).toString(Qt::ISODateWithMs);
}

Status Accounts::notWaiting(const QString& name, const QString& doing)
{
    auto count = m_failures.of(name);
    if (!count)
        return count.error();
    const qint64 left = count->waitUntil - m_now();
    if (left <= 0)
        return {};
    appendToLog(QStringLiteral("%1 %2 refused for %3: waits %4 s more")
                    .arg(utcNow(), doing, name.trimmed())
                    .arg((left + 999) / 1000));
    return Error{tr("Too many failed sign-ins for %1: %2.").arg(name.trimmed(), waitInWords(left)),
                 ErrorCode::Refused};
}

Status Accounts::failed(const QString& name)
{
    const qint64 now = m_now();
    auto failures = m_failures.countOne(name, now, kQuietMs);
    if (!failures)
        return failures.error();
    QString line = QStringLiteral("%1 failed sign-in %2 in a row for %3")
                       .arg(utcNow())
                       .arg(*failures)
                       .arg(name.trimmed());
    if (*failures >= kFreeFailures) {
        const int doublings = std::min(*failures - kFreeFailures, 20);
        const qint64 wait = std::min<qint64>(1000LL << doublings, kLongestWaitMs);
        line += QStringLiteral(", waits %1 s").arg(wait / 1000);
        if (Status st = m_failures.holdOff(name, now + wait); !st.ok())
            return st;
    }
    appendToLog(line);
    return {};
}

void Accounts::appendToLog(QString line)
{
    // One line an event: a name cannot start a line of its own.
    for (QChar& c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    qCInfo(lcAuth).noquote() << line;
    QFile log(QDir(m_dataDir).filePath(QStringLiteral("auth.log")));
    if (log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        log.write(line.toUtf8() + '\n');
}

Result<SignedIn> Accounts::signIn(const QString& name, QByteArray password, int days)
{
    Wiped wipe{password};
    // Whether the name is an account's or nobody's, everything until the password is
    // right is the same: the wait, the work, the answer, the count, the log.
    if (Status st = notWaiting(name, QStringLiteral("sign-in")); !st.ok())
        return st.error();
    auto found = m_users.byName(name);
    if (!found)
        return found.error();
    const bool known = found->has_value() && !(*found)->passwordHash.isEmpty();
    if (!Passwords::verify(known ? (*found)->passwordHash : Passwords::dummyHash(), password) ||
        !known) {
        if (Status st = failed(name); !st.ok())
            return st.error();
        return Error{wrongNameOrPassword(), ErrorCode::Unauthorised};
    }
    User user = **found;
    if (Status st = m_failures.forget(name); !st.ok())
        return st.error();
    if (user.disabled)
        return Error{tr("The account %1 is disabled; ask an admin.").arg(user.name),
                     ErrorCode::Refused};
    if (user.mustChangePassword)
        return Error{tr("An admin set a new password for %1: choose your own first (lyss-cli "
                        "users passwd %1).")
                         .arg(user.name),
                     ErrorCode::MustChangePassword};
    if (Passwords::needsRehash(user.passwordHash)) {
        if (auto again = Passwords::hash(password)) {
            if (m_users.setPasswordHash(user.id, *again, false).ok())
                user.passwordHash = *again;
        }
    }
    return startSession(user.id, days);
}

Result<User> Accounts::newAccount(const QString& name, UserRole role, QByteArray& password)
{
    if (name.trimmed().isEmpty())
        return Error{tr("Give the account a name."), ErrorCode::InvalidInput};
    auto hash = hashNew(password);
    if (!hash)
        return hash.error();
    User u;
    u.name = name;
    u.role = role;
    u.passwordHash = *hash;
    return m_users.add(u);
}

Result<User> Accounts::signUp(const QString& name, QByteArray password)
{
    Wiped wipe{password};
    if (!m_settings.flag(SettingKey::SignUp))
        return Error{tr("Creating an account here is not allowed; ask an admin to add you."),
                     ErrorCode::Refused};
    return newAccount(
        name,
        userRoleFromName(m_settings.text(SettingKey::DefaultRole)).value_or(UserRole::Pending),
        password);
}

Result<User> Accounts::resume(const QByteArray& token)
{
    const auto refused = [] {
        return Error{tr("You are not signed in (or the session ended): sign in again."),
                     ErrorCode::Unauthorised};
    };
    if (token.isEmpty())
        return refused();
    const QString hash = Passwords::tokenHash(token, m_dataDir);
    auto session = m_users.session(hash);
    if (!session)
        return session.error();
    if (!session->has_value())
        return refused();
    const qint64 now = m_now();
    if ((*session)->expiresAt <= now) {
        (void)m_users.removeSession(hash);
        return refused();
    }
    auto user = m_users.byId((*session)->userId);
    if (!user)
        return user.error();
    if (!user->has_value() || (*user)->disabled || (*user)->passwordHash.isEmpty())
        return refused();
    (void)m_users.touchSession(hash, now);
    return **user;
}

Status Accounts::signOut(const QByteArray& token)
{
    return m_users.removeSession(Passwords::tokenHash(token, m_dataDir));
}

Status Accounts::changePassword(const QString& name, QByteArray current, QByteArray next,
                                const QByteArray& keepToken)
{
    Wiped wipeCurrent{current};
    Wiped wipeNext{next};
    // The wait after failures holds here too: this is another way to try passwords.
    if (Status st = notWaiting(name, QStringLiteral("password change")); !st.ok())
        return st;
    auto found = m_users.byName(name);
    if (!found)
        return found.error();
    const bool known = found->has_value() && !(*found)->passwordHash.isEmpty();
    if (!Passwords::verify(known ? (*found)->passwordHash : Passwords::dummyHash(), current) ||
        !known) {
        if (Status st = failed(name); !st.ok())
            return st;
        return Error{wrongNameOrPassword(), ErrorCode::Unauthorised};
    }
    if (Status st = m_failures.forget(name); !st.ok())
        return st;
    auto hash = hashNew(next);
    if (!hash)
        return hash.error();
    const User& user = **found;
    if (Status st = m_users.setPasswordHash(user.id, *hash, false); !st.ok())
        return st;
    return m_users.removeSessionsOf(
        user.id, keepToken.isEmpty() ? QString() : Passwords::tokenHash(keepToken, m_dataDir));
}

Result<User> Accounts::someone(const QString& name)
{
    auto found = m_users.byName(name);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{tr("There is no account named %1.").arg(name), ErrorCode::NotFound};
    return **found;
}

Status Accounts::lastAdminStays(const User& target, const QString& what)
{
    if (target.role != UserRole::Admin)
        return {};
    auto all = m_users.list();
    if (!all)
        return all.error();
    const auto admins = std::count_if(all->begin(), all->end(), [](const User& u) {
        return u.role == UserRole::Admin && !u.disabled;
    });
    if (admins <= 1 && !target.disabled)
        return Error{tr("%1 is the only admin: make someone else an admin before you %2.")
                         .arg(target.name, what),
                     ErrorCode::Refused};
    return {};
}

Result<QList<User>> Accounts::list(const User& actor)
{
    if (Status st = administer(actor, tr("list the accounts")); !st.ok())
        return st.error();
    return m_users.list();
}

Result<User> Accounts::add(const User& actor, const QString& name, UserRole role,
                           QByteArray password)
{
    Wiped wipe{password};
    if (Status st = administer(actor, tr("add an account")); !st.ok())
        return st.error();
    return newAccount(name, role, password);
}

Status Accounts::setRole(const User& actor, const QString& name, UserRole role)
{
    if (Status st = administer(actor, tr("change a role")); !st.ok())
        return st;
    auto target = someone(name);
    if (!target)
        return target.error();
    if (role != UserRole::Admin) {
        if (Status st = lastAdminStays(*target, tr("change their role")); !st.ok())
            return st;
    }
    return m_users.setRole(target->id, role);
}

Status Accounts::approve(const User& actor, const QString& name)
{
    if (Status st = administer(actor, tr("approve an account")); !st.ok())
        return st;
    auto target = someone(name);
    if (!target)
        return target.error();
    if (target->role != UserRole::Pending)
        return Error{tr("%1 is not waiting for approval (%2).")
                         .arg(target->name, userRoleName(target->role)),
                     ErrorCode::InvalidInput};
    return m_users.setRole(target->id, UserRole::User);
}

Status Accounts::setDisabled(const User& actor, const QString& name, bool disabled)
{
    if (Status st =
            administer(actor, disabled ? tr("disable an account") : tr("enable an account"));
        !st.ok())
        return st;
    auto target = someone(name);
    if (!target)
        return target.error();
    if (disabled) {
        if (Status st = lastAdminStays(*target, tr("disable them")); !st.ok())
            return st;
    }
    if (Status st = m_users.setDisabled(target->id, disabled); !st.ok())
        return st;
    return disabled ? m_users.removeSessionsOf(target->id) : Status{};
}

Status Accounts::resetPassword(const User& actor, const QString& name, QByteArray password)
{
    Wiped wipe{password};
    if (Status st = administer(actor, tr("set another person's password")); !st.ok())
        return st;
    auto target = someone(name);
    if (!target)
        return target.error();
    // Your own goes with the current one (changePassword), which keeps your session.
    if (target->id == actor.id)
        return Error{tr("To change your own password, give the current one: Change password in "
                        "the person menu, or lyss-cli users passwd."),
                     ErrorCode::Refused};
    auto hash = hashNew(password);
    if (!hash)
        return hash.error();
    if (Status st = m_users.setPasswordHash(target->id, *hash, true); !st.ok())
        return st;
    return m_users.removeSessionsOf(target->id);
}

Status Accounts::remove(const User& actor, const QString& name)
{
    if (Status st = administer(actor, tr("remove an account")); !st.ok())
        return st;
    auto target = someone(name);
    if (!target)
        return target.error();
    if (target->id == actor.id)
        return Error{tr("You cannot remove your own account."), ErrorCode::Refused};
    if (target->id == localUserId())
        return Error{tr("%1 is the account Lyss began with and cannot be removed; disable it "
                        "instead.")
                         .arg(target->name),
                     ErrorCode::Refused};
    if (Status st = lastAdminStays(*target, tr("remove them")); !st.ok())
        return st;
    return m_users.remove(target->id);
}

Result<QList<User>> Accounts::exportedPeople(const User& actor, const QString& name, bool everyone)
{
    if (!everyone && (name.isEmpty() || name.compare(actor.name, Qt::CaseInsensitive) == 0))
        return QList<User>{actor};
    if (Status st = administer(actor, tr("export another person's chats")); !st.ok())
        return st.error();
    if (everyone)
        return m_users.list();
    auto target = someone(name);
    if (!target)
        return target.error();
    return QList<User>{*target};
}

} // namespace lyss
