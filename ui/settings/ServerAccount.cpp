// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ServerAccount.h"

#include "app/AppContext.h"
#include "app/ServerSignIn.h"
#include "app/UserSession.h"
#include "backends/OpenWebUiBackend.h"
#include "backends/OpenWebUiSignIn.h"
#include "config/BackendResolver.h"
#include "io/ChatImporter.h"
#include "secrets/SecretStore.h"
#include "settings/ServerAdder.h"
#include "store/BackendRepository.h"
#include "store/sqlite/Database.h"
#include "util/Log.h"
#include "util/Sentences.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>

namespace lyss {

ServerAccount::ServerAccount(AppContext& app, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_app(app)
    , m_nam(nam)
{
}

void ServerAccount::signIn(const BackendRecord& record, const QString& email,
                           const QString& password, Done done)
{
    OpenWebUiSignIn::signIn(
        m_nam, record.url, email, password, this,
        [this, record, done = std::move(done)](Result<OpenWebUiSession> session) {
            if (!session)
                return done(session.error());
            auto kept = ServerSignIn::keep(m_app.backends(), m_app.secrets(), record, *session);
            if (!kept)
                return done(kept.error());
            const QString until = kept->signedInUntil > 0
                                      ? tr(" until %1")
                                            .arg(QLocale().toString(
                                                QDateTime::fromMSecsSinceEpoch(kept->signedInUntil),
                                                QLocale::ShortFormat))
                                      : QString();
            done(record.id == 0
                     ? tr("Added %1, signed in as %2%3.").arg(record.name, kept->account, until)
                     : tr("Signed in to %1 as %2%3.").arg(record.name, kept->account, until));
        });
}

void ServerAccount::forget(const BackendRecord& record, Done done)
{
    if (!record.hasKey)
        return done(tr("Removed %1.").arg(record.name));
    if (record.kind != BackendKind::OpenWebUi || record.account.isEmpty())
        return forgetToken(m_app, m_nam, record, std::optional<QString>(), done);
    // Carried on by the network's owner, which outlives Settings: closing the dialog
    // meanwhile must not leave the token stored and valid.
    AppContext* app = &m_app;
    QPointer<QNetworkAccessManager> nam(m_nam);
    m_app.secrets().readAsync(backendSecretKey(record.name), [app, nam, record, done](auto token) {
        // Not from inside the keyring's answer: it takes one request at a time, and the
        // removal would wait for this one to end.
        QMetaObject::invokeMethod(
            nam, [app, nam, record, done, token] { forgetToken(*app, nam, record, token, done); },
            Qt::QueuedConnection);
    });
}

void ServerAccount::forgetToken(AppContext& app, QNetworkAccessManager* nam,
                                const BackendRecord& record,
                                const Result<std::optional<QString>>& token, const Done& done)
{
    // Added again meanwhile under the same name: the keyring's entry is the new one's.
    if (auto again = app.backends().find(record.name); again && again->has_value())
        return done(tr("Removed %1.").arg(record.name));
    // Gone from here at once; the server is told with the token in hand.
    const Status removed = app.secrets().remove(backendSecretKey(record.name));
    const QString kept =
        removed.ok() ? QString()
                     : tr("Its key is still in the keyring: %1").arg(removed.errorMessage());
    if (!token || !token->has_value())
        return done(kept.isEmpty() ? Result<QString>(tr("Removed %1.").arg(record.name))
                                   : Result<QString>(Error{
                                         joinSentences(tr("Removed %1.").arg(record.name), kept)}));
    OpenWebUiSignIn::signOut(nam, record.url, **token, nam, [record, kept, done](const Status& st) {
        if (st.ok() && kept.isEmpty())
            return done(
                tr("Removed %1 and signed out of it as %2.").arg(record.name, record.account));
        done(Error{joinSentences(
            st.ok() ? tr("Removed %1 and signed out of it as %2.").arg(record.name, record.account)
                    : tr("Removed %1, but the server did not end the sign-in: %2")
                          .arg(record.name, st.errorMessage()),
            kept)});
    });
}

void ServerAccount::addWithKey(const BackendRecord& record, const QString& key, Done done)
{
    OpenWebUiSignIn::whoseKey(
        m_nam, record.name, record.url, key, this,
        [this, record, key, done = std::move(done)](Result<QString> who) {
            if (!who && who.errorCode() == ErrorCode::Unauthorised)
                return done(Error{joinSentences(who.errorMessage(), tr("Nothing was added."))});
            const Result<QString> added = ServerAdder(m_app).add(
                backendKindName(BackendKind::OpenWebUi), record.name, record.url.toString(), key);
            if (!added)
                return done(added.error());
            done(joinSentences(
                *added, who ? tr("The key is %1's.").arg(*who)
                            : tr("The key could not be checked: %1").arg(who.errorMessage())));
        });
}

void ServerAccount::importChats(const EffectiveBackend& server,
                                std::function<void(Result<QString>, int)> done,
                                std::function<void(int, int)> progress)
{
    Backend::Config config{server.name, server.kind, server.url, server.envKey, 30000};
    config.account = server.account;
    if (config.apiKey.isEmpty() && server.hasStoredKey)
        config.keyStore = &m_app.secrets();
    auto* backend = new OpenWebUiBackend(config, m_nam, this);
    backend->fetchChats([this, backend, name = server.name, done = std::move(done),
                         progress = std::move(progress)](Result<QByteArray> bytes) {
        backend->deleteLater();
        if (!bytes)
            return done(Error{joinSentences(bytes.errorMessage(), tr("Nothing was imported."))}, 0);
        auto file = ChatImporter::parse(*bytes, name);
        if (!file)
            return done(file.error(), 0); // which says that nothing was imported
        file->backend = name;
        ChatImporter importer(m_app.database(), m_app.session().userId());
        auto summary = importer.write(*file, progress);
        if (!summary)
            return done(Error{joinSentences(summary.errorMessage(), tr("Nothing was imported."))},
                        0);
        done(tr("From %1: %2").arg(name, summary->text()), summary->chats);
    });
}

} // namespace lyss
