// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/UserRepository.h"

#include "store/StoreRows.h"
#include "store/Transaction.h"

namespace lyss {

using namespace rows;

QString userRoleName(UserRole role)
{
    switch (role) {
    case UserRole::Admin:
        return QStringLiteral("admin");
    case UserRole::User:
        return QStringLiteral("user");
    case UserRole::Pending:
        return QStringLiteral("pending");
    }
    return {};
}

std::optional<UserRole> userRoleFromName(const QString& name)
{
    for (UserRole r : {UserRole::Admin, UserRole::User, UserRole::Pending}) {
        if (userRoleName(r) == name.trimmed().toLower())
            return r;
    }
    return std::nullopt;
}

namespace {
const QString kUserColumns =
    QStringLiteral("id, name, role, disabled, must_change_password, password_hash, created_at, "
                   "coalesce(last_signin_at, 0)");

User userFromRow(const QSqlQuery& q)
{
    User u;
    u.id = q.value(0).toString();
    u.name = q.value(1).toString();
    u.role = userRoleFromName(q.value(2).toString()).value_or(UserRole::Pending);
    u.disabled = q.value(3).toInt() != 0;
    u.mustChangePassword = q.value(4).toInt() != 0;
    u.passwordHash = q.value(5).toString().toLatin1();
    u.createdAt = q.value(6).toLongLong();
    u.lastSignInAt = q.value(7).toLongLong();
    return u;
}

StoredSession sessionFromRow(const QSqlQuery& q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), q.value(4).toLongLong()};
}
} // namespace

UserRepository::UserRepository(ConnectionSource& source)
    : m_source(source)
    , m_statements(source)
{
}

Result<QList<User>> UserRepository::list()
{
    return queryRows<User>(
        m_statements,
        QStringLiteral("SELECT %1 FROM users ORDER BY created_at, name").arg(kUserColumns), {},
        tr("Reading the accounts"), userFromRow);
}

Result<std::optional<User>> UserRepository::byName(const QString& name)
{
    auto rows = queryRows<User>(
        m_statements,
        QStringLiteral("SELECT %1 FROM users WHERE name = ? COLLATE NOCASE").arg(kUserColumns),
        {name.trimmed()}, tr("Reading an account"), userFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<User>(rows->first());
}

Result<std::optional<User>> UserRepository::byId(const QString& id)
{
    auto rows = queryRows<User>(
        m_statements, QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {id},
        tr("Reading an account"), userFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<User>(rows->first());
}

Result<int> UserRepository::count()
{
    auto rows = queryRows<int>(m_statements, QStringLiteral("SELECT count(*) FROM users"), {},
                               tr("Counting the accounts"),
                               [](const QSqlQuery& q) { return q.value(0).toInt(); });
    if (!rows)
        return rows.error();
    return rows->value(0);
}

Result<User> UserRepository::add(User user)
{
    if (user.id.isEmpty())
        user.id = newId();
    if (user.createdAt == 0)
        user.createdAt = sql::nowMs();
    user.name = user.name.trimmed();
    auto taken = byName(user.name);
    if (!taken)
        return taken.error();
    if (taken->has_value())
        return Error{tr("There is already an account named %1.").arg((*taken)->name),
                     ErrorCode::InvalidInput};
    if (Status st = change(
            QStringLiteral("INSERT INTO users (id, name, role, disabled, must_change_password, "
                           "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {user.id, user.name, userRoleName(user.role), int(user.disabled),
             int(user.mustChangePassword),
             user.passwordHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                         : QVariant(QString::fromLatin1(user.passwordHash)),
             user.createdAt},
            tr("Adding an account"));
        !st.ok())
        return st.error();
    return user;
}

Status UserRepository::rename(const QString& id, const QString& name)
{
    auto taken = byName(name);
    if (!taken)
        return taken.error();
    if (taken->has_value() && (*taken)->id != id)
        return Error{tr("There is already an account named %1.").arg((*taken)->name),
                     ErrorCode::InvalidInput};
    return change(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"), {name.trimmed(), id},
                  tr("Renaming an account"));
}

Status UserRepository::setRole(const QString& id, UserRole role)
{
    return change(QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                  {userRoleName(role), id}, tr("Changing a role"));
}

Status UserRepository::setDisabled(const QString& id, bool disabled)
{
    return change(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {int(disabled), id},
                  tr("Disabling or enabling an account"));
}

Status UserRepository::setPasswordHash(const QString& id, const QByteArray& hash, bool mustChange)
{
    return change(QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ? "
                                 "WHERE id = ?"),
                  {QString::fromLatin1(hash), int(mustChange), id}, tr("Setting a password"));
}

Status UserRepository::recordSignIn(const QString& id, qint64 at)
{
    return change(QStringLiteral("UPDATE users SET last_signin_at = ? WHERE id = ?"), {at, id},
                  tr("Recording a sign-in"));
}

Status UserRepository::remove(const QString& id)
{
    // The links between messages go first, so that deleting them cascades nowhere (a long
    // chain would recurse once per message); the rest cascades from the person.
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status();
    for (const QString& statement :
         {QStringLiteral("UPDATE messages SET parent_id = NULL WHERE parent_id IS NOT NULL AND "
                         "chat_id IN (SELECT id FROM chats WHERE user_id = ?)"),
          QStringLiteral("DELETE FROM messages WHERE chat_id IN "
                         "(SELECT id FROM chats WHERE user_id = ?)"),
          QStringLiteral("DELETE FROM users WHERE id = ?")}) {
        if (Status st = change(statement, {id}, tr("Removing an account")); !st.ok())
            return st;
    }
    return tx.commit();
}

Status UserRepository::addSession(const StoredSession& s)
{
    return change(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, "
                                 "expires_at, last_used_at) VALUES (?, ?, ?, ?, ?)"),
                  {s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.lastUsedAt},
                  tr("Keeping a session"));
}

Result<std::optional<StoredSession>> UserRepository::session(const QString& tokenHash)
{
    auto rows = queryRows<StoredSession>(
        m_statements,
        QStringLiteral("SELECT token_hash, user_id, created_at, expires_at, last_used_at FROM "
                       "sessions WHERE token_hash = ?"),
        {tokenHash}, tr("Reading a session"), sessionFromRow);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<StoredSession>(rows->first());
}

Status UserRepository::touchSession(const QString& tokenHash, qint64 at)
{
    return change(QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"),
                  {at, tokenHash}, tr("Keeping a session"));
}

Status UserRepository::removeSession(const QString& tokenHash)
{
    return change(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash},
                  tr("Ending a session"));
}

Status UserRepository::removeSessionsOf(const QString& userId, const QString& keep)
{
    return change(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"),
                  {userId, keep}, tr("Ending sessions"));
}

Status UserRepository::change(const QString& statement, const QVariantList& values,
                              const QString& what)
{
    return execute(m_statements, statement, values, what);
}

} // namespace lyss
