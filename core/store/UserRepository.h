// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StatementCache.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <optional>

namespace lyss {

class ConnectionSource;

// What a person may do: everything (admin), their own chats and settings (user), or wait
// for an admin to let them in (pending).
enum class UserRole { Admin, User, Pending };
QString userRoleName(UserRole role);
std::optional<UserRole> userRoleFromName(const QString& name);

struct User {
    QString id;
    QString name;
    UserRole role = UserRole::User;
    bool disabled = false;
    bool mustChangePassword = false;
    QByteArray passwordHash; // Argon2id string; empty: none set
    qint64 createdAt = 0;
    qint64 lastSignInAt = 0; // 0: never
};

// A session as the database keeps it: the hash of its token, never the token.
struct StoredSession {
    QString tokenHash;
    QString userId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 lastUsedAt = 0;
};

// The people of an installation and their sessions.
class UserRepository {
    Q_DECLARE_TR_FUNCTIONS(UserRepository)

public:
    explicit UserRepository(ConnectionSource& source);

    Result<QList<User>> list();
    Result<std::optional<User>> byName(const QString& name); // any case
    Result<std::optional<User>> byId(const QString& id);
    Result<int> count();
    // Adds a person (a new id when empty); a name taken in any case is refused.
    Result<User> add(User user);
    Status rename(const QString& id, const QString& name);
    Status setRole(const QString& id, UserRole role);
    Status setDisabled(const QString& id, bool disabled);
    Status setPasswordHash(const QString& id, const QByteArray& hash, bool mustChange);
    Status recordSignIn(const QString& id, qint64 at);
    // Removes the person with every chat, message, draft, setting and session of theirs.
    Status remove(const QString& id);

    Status addSession(const StoredSession& session);
    Result<std::optional<StoredSession>> session(const QString& tokenHash);
    Status touchSession(const QString& tokenHash, qint64 at);
    Status removeSession(const QString& tokenHash);
    // Every session of the person but `keep` (empty: all).
    Status removeSessionsOf(const QString& userId, const QString& keep = {});

private:
    Status change(const QString& statement, const QVariantList& values, const QString& what);

    ConnectionSource& m_source;
    StatementCache m_statements;
};

} // namespace lyss
