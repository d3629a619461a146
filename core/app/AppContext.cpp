// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/AppContext.h"

#include "accounts/Accounts.h"
#include "accounts/SessionKeeper.h"
#include "app/UserSession.h"
#include "chat/ActiveReply.h"
#include "config/ConfigJsonImporter.h"
#include "config/SecretFilter.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/ReplyRecovery.h"
#include "store/SignInFailureRepository.h"
#include "store/UserRepository.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/DatabaseBackup.h"
#include "store/sqlite/SearchIndexer.h"
#include "store/sqlite/SessionMarker.h"
#include "util/DataDir.h"
#include "util/Log.h"
#include "util/ProcessIdentity.h"
#include "util/Sentences.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace lyss {

namespace {
// A Lyss from before kept a server's address as given, a password in it included. It is
// taken out of the database now: into the keyring when there is one, and said either way.
QStringList takePasswordsOutOfAddresses(BackendRepository& backends, SecretStore* secrets)
{
    QStringList notices;
    auto stored = backends.list();
    if (!stored)
        return notices;
    for (BackendRecord backend : *stored) {
        if (backend.url.password().isEmpty())
            continue;
        const QString full = backend.url.toString();
        const QString key = configSecretKey(QStringLiteral("backends.%1.url").arg(backend.name));
        const QUrl without = SecretFilter::withoutCredentials(backend.url);
        // Without a keyring to keep it in, the address stays as it is: dropping the
        // password would lose it for good.
        if (!secrets || !secrets->write(key, full).ok()) {
            notices << AppContext::tr("The address of the server %1 has a password in it, "
                                      "which Lyss does not keep in its database. With no "
                                      "keyring to move it to, it is left there for now; give "
                                      "the server an API key, or set its address again "
                                      "without the password.")
                           .arg(backend.name);
            continue;
        }
        backend.url = without;
        if (Status st = backends.update(backend); !st.ok()) {
            qCWarning(lcStore) << st.errorMessage();
            continue;
        }
        notices << AppContext::tr("The address of the server %1 had a password in it. Lyss "
                                  "keeps no passwords in its database: the address is now %2, "
                                  "and the one with the password is in the keyring as %3.")
                       .arg(backend.name, without.toString(), key);
    }
    return notices;
}
} // namespace

AppContext::~AppContext()
{
    if (m_db)
        m_db->handOffCheckpoints({}); // the indexer goes first
}

QString AppContext::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("lyss.db"));
}

Result<std::unique_ptr<AppContext>> AppContext::open(const Options& options)
{
    std::unique_ptr<AppContext> ctx(new AppContext);
    ctx->m_env = options.env;
    ctx->m_dataDir = resolveDataDir(options.dataDir, options.env);
    if (Status st = ensureDirectory(ctx->m_dataDir); !st.ok())
        return st.error();

    auto db = Database::open(ctx->databasePath());
    if (!db)
        return db.error();
    ctx->m_db = std::move(db).value();
    if (!ctx->m_db->backupPath().isEmpty())
        ctx->m_notices << tr("The database was upgraded to version %1; a copy of the old one is "
                             "at %2.")
                              .arg(ctx->m_db->schemaVersion())
                              .arg(ctx->m_db->backupPath());

    ctx->m_config = std::make_unique<ConfigRepository>(*ctx->m_db);
    ctx->m_backends = std::make_unique<BackendRepository>(*ctx->m_db);
    ctx->m_recovery = std::make_unique<ReplyRecovery>(*ctx->m_db);
    ctx->m_users = std::make_unique<UserRepository>(*ctx->m_db);
    ctx->m_failures = std::make_unique<SignInFailureRepository>(*ctx->m_db);
    // The local person's, until someone signs in: what the installation does at start-up
    // (config.json, recovery) is done as them, whoever they are now.
    if (Status st = ctx->startSession(localUserId()); !st.ok())
        return st.error();
    ctx->m_accounts = std::make_unique<Accounts>(*ctx->m_users, *ctx->m_failures,
                                                 ctx->m_session->settings(), ctx->m_dataDir);
    // The user's own themes are values ui.theme may take (the window checks them whole).
    QStringList themes;
    const QDir themeDir(QDir(ctx->m_dataDir).filePath(QStringLiteral("themes")));
    for (const QString& file : themeDir.entryList(QDir::Files)) {
        // Not a name filter (it would compile a regular expression at every start); any
        // case, as the filter took it.
        if (!file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            continue;
        QFile f(themeDir.filePath(file));
        if (f.open(QIODevice::ReadOnly)) {
            const QString name = QJsonDocument::fromJson(f.readAll())
                                     .object()
                                     .value(QLatin1String("name"))
                                     .toString();
            if (!name.isEmpty())
                themes << name;
        }
    }
    Settings::allowMore(Settings::keyName(SettingKey::Theme), themes);
    ctx->m_secrets = options.secrets ? options.secrets : std::make_shared<KeychainSecretStore>();
    ctx->m_keeper =
        std::make_unique<SessionKeeper>(*ctx->m_accounts, *ctx->m_secrets, ctx->sessionSecretKey());
    if (!ctx->m_db->readOnlyReason().isEmpty()) {
        ctx->guardBackends();
        // Only what reads: no indexing, no recovery of cut-off replies, no config.json.
        ctx->m_notices << tr("%1 is open read only: %2. Its chats can be read, exported and "
                             "backed up; nothing can be changed until it can be written.")
                              .arg(ctx->databasePath(), ctx->m_db->readOnlyReason());
        return ctx;
    }

    // Replies Lyss stopped before indexing for search are indexed now.
    if (Status st = MessageSearch::indexWaitingMessages(ctx->m_db->connection()); !st.ok())
        qCWarning(lcStore) << st.errorMessage();
    if (options.indexInBackground) {
        ctx->m_indexer = std::make_unique<SearchIndexer>(ctx->databasePath());
        ctx->store().messages().setDeferredIndexing(
            [indexer = ctx->m_indexer.get()] { indexer->indexSoon(); });
        ctx->m_db->handOffCheckpoints(
            [indexer = ctx->m_indexer.get()] { indexer->checkpointSoon(); });
    }

    // Replies a crashed or killed Lyss left half-written: keep the text, say so.
    // A reply streamed on another machine (a shared folder) is over once its last
    // checkpoint is older than the idle limit, with a minute more for clocks that differ.
    const qint64 staleAfterMs =
        static_cast<qint64>(ctx->settings().number(SettingKey::IdleTimeoutSeconds)) * 1000 + 60000;
    if (auto recovered = ctx->m_recovery->recoverInterruptedReplies(
            [staleAfterMs](const QString& owner, qint64 lastWriteMs) {
                return isProcessTokenAlive(owner, lastWriteMs, staleAfterMs);
            });
        recovered && *recovered > 0)
        ctx->m_notices << tr("%n reply(s) were cut off when Lyss last stopped; what had arrived "
                             "is kept and marked interrupted.",
                             nullptr, *recovered);

    ConfigJsonImporter importer(*ctx->m_db, *ctx->m_config, ctx->m_session->personalConfig(),
                                *ctx->m_backends, ctx->m_secrets.get());
    if (const QString summary = importer.run(ctx->m_dataDir).summary(); !summary.isEmpty())
        ctx->m_notices << summary;
    ctx->m_notices << takePasswordsOutOfAddresses(*ctx->m_backends, ctx->m_secrets.get());
    ctx->guardBackends();
    return ctx;
}

ChatStore& AppContext::store()
{
    return m_session->store();
}

Settings& AppContext::settings()
{
    return m_session->settings();
}

void AppContext::guardBackends()
{
    m_backends->setGuard([this](const QString& what) { return mayChangeInstallation(what); });
}

Status AppContext::openSession(const QString& userId)
{
    auto who = m_users->byId(userId);
    if (!who)
        return who.error();
    if (!who->has_value())
        return Error{tr("There is no account with the id %1.").arg(userId), ErrorCode::NotFound};
    if (accountsOn()) {
        if ((*who)->disabled)
            return Error{tr("The account %1 is disabled; ask an admin.").arg((*who)->name),
                         ErrorCode::Refused};
        if ((*who)->role == UserRole::Pending)
            return Error{tr("The account %1 waits for an admin's approval; until then it can do "
                            "nothing.")
                             .arg((*who)->name),
                         ErrorCode::Refused};
    }
    return startSession(userId);
}

Status AppContext::startSession(const QString& userId)
{
    for (const auto& open : m_sessions) {
        if (open->userId() == userId) {
            m_session = open.get();
            return {};
        }
    }
    auto who = m_users->byId(userId);
    if (!who)
        return who.error();
    if (!who->has_value())
        return Error{tr("There is no account with the id %1.").arg(userId), ErrorCode::NotFound};
    auto session = std::make_unique<UserSession>(*m_db, *m_config, userId, m_env);
    session->settings().setInstallationGuard([this, userId](const QString& key) {
        return mayChangeInstallationAs(userId, tr("change the installation's setting %1").arg(key));
    });
    if (m_indexer)
        session->store().messages().setDeferredIndexing(
            [indexer = m_indexer.get()] { indexer->indexSoon(); });
    m_session = session.get();
    m_sessions.push_back(std::move(session));
    return {};
}

bool AppContext::accountsOn()
{
    // When it cannot be read, they are taken to be on: asking for a sign-in that then
    // fails with the reason is safe; letting everyone in is not.
    auto on = m_accounts->enabled();
    if (!on)
        qCWarning(lcAuth) << on.errorMessage();
    return !on || *on;
}

Result<User> AppContext::person()
{
    // The window's person holds a session: while it holds one, it must still stand (not
    // signed out, expired or disabled elsewhere) for anything done as them.
    if (m_keeper->signedIn()) {
        auto me = m_keeper->check();
        if (!me)
            return me.error();
        if (me->id != m_session->userId())
            return Error{tr("You are not signed in (or the session ended): sign in again."),
                         ErrorCode::Unauthorised};
        return *me;
    }
    auto who = m_users->byId(m_session->userId());
    if (!who)
        return who.error();
    if (!who->has_value())
        return Error{tr("The account you were signed in as is gone."), ErrorCode::NotFound};
    return **who;
}

Status AppContext::mayChangeInstallation(const QString& what)
{
    if (m_keeper->signedIn()) {
        if (auto me = person(); !me)
            return me.error();
    }
    return mayChangeInstallationAs(m_session->userId(), what);
}

Status AppContext::mayChangeInstallationAs(const QString& userId, const QString& what)
{
    auto on = m_accounts->enabled();
    if (!on)
        return on.error();
    if (!*on)
        return {};
    auto who = m_users->byId(userId);
    if (!who)
        return who.error();
    if (!who->has_value())
        return Error{tr("The account you were signed in as is gone."), ErrorCode::NotFound};
    return Accounts::requireAdmin(**who, what);
}

Status AppContext::backUp(const QString& target, bool replace)
{
    if (Status st = mayChangeInstallation(tr("back up the whole database")); !st.ok())
        return st;
    // The same file by any path (a folder reached through a link too), or its journal.
    const auto where = [](const QString& path) {
        const QFileInfo info(path);
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') +
               info.fileName();
    };
    const QString database = where(databasePath());
    const QString copy = where(target);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (copy == database + QLatin1String(suffix))
            return Error{tr("The backup cannot replace the database itself."),
                         ErrorCode::InvalidInput};
    }
    return DatabaseBackup::backup(*m_db, target, replace);
}

Result<QString> AppContext::restoreFrom(const QString& source)
{
    const auto unchanged = [](const QString& why) {
        return joinSentences(why, tr("Nothing was changed."));
    };
    if (Status st = DatabaseBackup::check(source); !st.ok())
        return Error{unchanged(st.errorMessage()), st.error().code};
    if (Status st = mayChangeInstallation(tr("restore a backup")); !st.ok())
        return Error{unchanged(st.errorMessage()), st.error().code};
    // Another Lyss with the file open (a window, a chat in a terminal) would go on with
    // the old one under it, and a reply it is writing would vanish: refused, saying who.
    QStringList open = SessionMarker::othersOpen(databasePath());
    auto owners = m_recovery->liveStreamOwners([](const QString& owner, qint64 lastWriteMs) {
        return owner != currentProcessToken() &&
               isProcessTokenAlive(owner, lastWriteMs, 180 * 1000);
    });
    if (!owners)
        return owners.error();
    for (const QString& token : *owners) {
        if (!open.contains(token))
            open << token;
    }
    if (!open.isEmpty())
        return openElsewhere(open, !owners->isEmpty());
    const QString keep = DatabaseBackup::beforeRestorePath(databasePath());
    if (Status st = DatabaseBackup::restore(*m_db, source, keep); !st.ok())
        return st.error();
    return keep;
}

Error AppContext::openElsewhere(const QStringList& tokens, bool streaming)
{
    QStringList who;
    for (const QString& token : tokens) {
        const QStringList parts = token.split(QLatin1Char(':'));
        who << tr("process %1 on %2").arg(parts.value(1), parts.value(0));
    }
    const QString list = who.join(QStringLiteral(", "));
    return Error{streaming ? tr("Another Lyss is writing a reply into this database right now "
                                "(%1). Restoring would replace it under that program and the "
                                "reply would be lost. Let the reply finish and close that Lyss, "
                                "then restore again. Nothing was changed.")
                                 .arg(list)
                           : tr("Another Lyss has this database open (%1): restoring would "
                                "replace the file under it, and what it writes next would be "
                                "lost. Close that Lyss, then restore again. Nothing was "
                                "changed.")
                                 .arg(list),
                 ErrorCode::Busy};
}

QString AppContext::sessionSecretKey() const
{
    const QString canonical = QFileInfo(m_dataDir).canonicalFilePath();
    return QStringLiteral("session:%1").arg(canonical.isEmpty() ? m_dataDir : canonical);
}

QString AppContext::readOnlyReason() const
{
    return m_db->readOnlyReason();
}

Result<QList<EffectiveBackend>> AppContext::effectiveBackends()
{
    auto stored = m_backends->list();
    if (!stored)
        return stored.error();
    return resolveBackends(*stored, m_env);
}

FilterRegistry& AppContext::filters()
{
    if (!m_filters) {
        m_filters = std::make_unique<FilterRegistry>(
            *m_config, QDir(m_dataDir).filePath(QStringLiteral("filters")));
        m_filters->setGuard([this](const QString& what) { return mayChangeInstallation(what); });
        applyFilterLimits();
    }
    return *m_filters;
}

void AppContext::applyFilterLimits()
{
    const auto ms = [this](SettingKey key) {
        return static_cast<int>(std::min(settings().number(key), 3600.0) * 1000);
    };
    filters().setCallLimits({ms(SettingKey::FilterInletSeconds),
                             ms(SettingKey::FilterStreamSeconds),
                             ms(SettingKey::FilterOutletSeconds)});
}

Conversations::StageSource AppContext::filterStages(const QString& userId)
{
    // The person's own settings, where their user valves are.
    auto personal = std::make_shared<ConfigRepository>(*m_db, userId);
    return [this, userId, personal](ActiveReply& reply) {
        FilterContext context;
        context.user =
            QJsonObject{{QStringLiteral("id"), userId}, {QStringLiteral("email"), QString()}};
        if (auto who = m_users->byId(userId); who && who->has_value()) {
            context.user.insert(QStringLiteral("name"), (*who)->name);
            context.user.insert(QStringLiteral("role"), userRoleName((*who)->role));
        }
        context.chatId = reply.chatId();
        context.messageId = reply.messageId();
        context.model = reply.request().model;
        context.switchedOn = reply.request().options.filterIds;
        applyFilterLimits(); // as the settings say now
        context.report = [to = QPointer<ActiveReply>(&reply)](const QJsonObject& status) {
            if (!to)
                return;
            const bool over = status.value(QLatin1String("done")).toBool() ||
                              status.value(QLatin1String("hidden")).toBool();
            to->setProgress(
                over ? QString()
                     : FilterStage::said(status.value(QLatin1String("description")).toString()));
        };
        context.notify = [to = QPointer<ActiveReply>(&reply)](const QJsonObject& notice) {
            if (!to)
                return;
            QString level = notice.value(QLatin1String("type")).toString();
            if (!QStringList{QStringLiteral("success"), QStringLiteral("warning"),
                             QStringLiteral("error")}
                     .contains(level))
                level = QStringLiteral("info");
            to->notify(level, FilterStage::said(notice.value(QLatin1String("content")).toString()));
        };
        return filters().stagesFor(context, personal.get());
    };
}

} // namespace lyss
