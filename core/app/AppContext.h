// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/Conversations.h"
#include "config/BackendResolver.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <vector>

namespace lyss {

class Accounts;
class BackendRepository;
class ChatStore;
class ConfigRepository;
class Database;
class FilterRegistry;
class ReplyRecovery;
class SearchIndexer;
class SecretStore;
class SessionKeeper;
class Settings;
class SignInFailureRepository;
class UserRepository;
class UserSession;
struct User;

// Everything both front ends need, opened the same way: the installation's services (the
// data directory, the database checked and upgraded, backends, the installation's
// settings, the secret store, recovery of cut-off replies, config.json moved in) and the
// session of the person using it (their chats and settings). Built once in main() and
// handed to whatever needs a part. Without accounts the session is the local user's.
class AppContext {
    Q_DECLARE_TR_FUNCTIONS(AppContext)

public:
    struct Options {
        QString dataDir; // --data-dir; empty: LYSS_DATA_DIR, then the platform location
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Null: the system keyring (service "lyss").
        std::shared_ptr<SecretStore> secrets;
        // Index finished replies for search on a thread of its own (the window), rather
        // than while saving them (the command line, which exits right after).
        bool indexInBackground = false;
    };

    static Result<std::unique_ptr<AppContext>> open(const Options& options);
    ~AppContext();
    AppContext(const AppContext&) = delete;
    AppContext& operator=(const AppContext&) = delete;

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;
    // Why the database was opened read only (it cannot be written), or empty.
    QString readOnlyReason() const;
    const QProcessEnvironment& environment() const { return m_env; }

    Database& database() { return *m_db; }
    ConfigRepository& config() { return *m_config; }
    BackendRepository& backends() { return *m_backends; }
    ReplyRecovery& recovery() { return *m_recovery; }
    // The signed-in person's session, and its chats and settings.
    UserSession& session() { return *m_session; }
    ChatStore& store();
    Settings& settings();
    // Makes `userId` the person signed in: store() and settings() are theirs from now on.
    // Sessions opened before stay open: what holds one (a reply still streaming, a
    // window's services) keeps it until it is handed the new one. NotFound when there is
    // no such person; Refused, while accounts are on, for an account disabled or waiting
    // for approval.
    Status openSession(const QString& userId);
    // The people of this installation, and accounts (on or off, signing in, roles).
    UserRepository& users() { return *m_users; }
    Accounts& accounts() { return *m_accounts; }
    // Whether accounts are on (a password is set); true when that cannot be read.
    bool accountsOn();
    // The person the session is for; while the keyboard holds a session (keeper), only when
    // that session still stands (Unauthorised otherwise).
    Result<User> person();
    // What only an admin may do to the installation (its backends, its settings, other
    // people's accounts): refused, in words naming `what`, for anyone else while accounts
    // are on. Without accounts the one local person may do everything.
    Status mayChangeInstallation(const QString& what);
    // A consistent copy of the whole database in `target` (admin only, with accounts on).
    Status backUp(const QString& target, bool replace);
    // Puts the backup `source` in place of the database (checked first: an intact Lyss
    // database), keeping the current one as lyss.db.before-restore-<N>; returns that
    // path. Refused, with nothing changed, for a person who may not, and while another
    // Lyss has the database open or writes a reply into it. What is open on it in this
    // process (the window) shows the old content: start again after it.
    Result<QString> restoreFrom(const QString& source);
    // Why a restore cannot go on while the processes `tokens` have the database open (or,
    // `streaming`, write a reply into it), in words.
    static Error openElsewhere(const QStringList& tokens, bool streaming);
    // The keyring entry that keeps this data folder's session token.
    QString sessionSecretKey() const;
    // The session of the person at this keyboard (its token, kept or for this run).
    SessionKeeper& keeper() { return *m_keeper; }
    SecretStore& secrets() { return *m_secrets; }

    // The installation's filters (built in, and <data dir>/filters/), made at first use.
    FilterRegistry& filters();
    // The filters that are on, as the stages of each reply of `userId`'s.
    Conversations::StageSource filterStages(const QString& userId);
    // The installation's filters.*_timeout_seconds, for every filter.
    void applyFilterLimits();

    // The backends this run uses (database, environment, built-in default).
    Result<QList<EffectiveBackend>> effectiveBackends();

    // What the user should read about this start: config.json moved in (or why not),
    // a database backup made before an upgrade.
    QStringList notices() const { return m_notices; }

private:
    AppContext() = default;
    Status mayChangeInstallationAs(const QString& userId, const QString& what);
    // Makes the session the person's without asking whether they may have one.
    Status startSession(const QString& userId);
    // Backends change only as someone who may change the installation.
    void guardBackends();

    QString m_dataDir;
    QProcessEnvironment m_env;
    QStringList m_notices;
    // Destroyed in reverse order: the repositories before the database they use.
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SearchIndexer> m_indexer; // indexes what is waiting before it goes
    std::unique_ptr<ConfigRepository> m_config;
    std::unique_ptr<BackendRepository> m_backends;
    std::unique_ptr<ReplyRecovery> m_recovery;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SignInFailureRepository> m_failures;
    std::unique_ptr<Accounts> m_accounts;
    std::vector<std::unique_ptr<UserSession>> m_sessions;
    UserSession* m_session = nullptr;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<SessionKeeper> m_keeper; // after what it uses: destroyed first
    std::unique_ptr<FilterRegistry> m_filters;
};

} // namespace lyss
