// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ServerAdder.h"

#include "app/AppContext.h"
#include "config/BackendResolver.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

#include <QRegularExpression>

namespace lyss {

ServerAdder::ServerAdder(AppContext& app, QObject* parent)
    : QObject(parent)
    , m_app(app)
{
}

QString ServerAdder::refusal() const
{
    // Before the keyring: a new key there for a record that cannot change would replace
    // the key that works.
    if (const QString why = m_app.readOnlyReason(); !why.isEmpty())
        return tr("Servers cannot be changed: %1.").arg(why);
    // The servers are the installation's: only an admin's, while accounts are on.
    if (Status st = m_app.mayChangeInstallation(tr("change the servers")); !st.ok())
        return st.errorMessage();
    return {};
}

Result<BackendRecord> ServerAdder::checked(const QString& kind, const QString& name,
                                           const QString& url) const
{
    if (const QString why = refusal(); !why.isEmpty())
        return Error{why, ErrorCode::Refused};
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!validName.match(name).hasMatch())
        return Error{tr("Give the server a short name: letters, digits, dots, dashes."),
                     ErrorCode::InvalidInput};
    QString problem;
    const QUrl normalized = normalizeBackendUrl(url, &problem);
    if (!normalized.isValid())
        return Error{problem, ErrorCode::InvalidInput};
    if (auto existing = m_app.backends().find(name); existing && existing->has_value())
        return Error{tr("A server named \"%1\" already exists.").arg(name),
                     ErrorCode::InvalidInput};
    BackendRecord record;
    record.name = name;
    record.kind = backendKindFromName(kind).value_or(BackendKind::Ollama);
    record.url = normalized;
    return record;
}

Result<QString> ServerAdder::add(const QString& kind, const QString& name, const QString& url,
                                 const QString& key) const
{
    auto checkedRecord = checked(kind, name, url);
    if (!checkedRecord)
        return checkedRecord.error();
    BackendRecord record = *checkedRecord;
    if (!key.isEmpty()) {
        if (Status st = m_app.secrets().write(backendSecretKey(name), key); !st.ok())
            return Error{joinSentences(st.errorMessage(), tr("The server was not added.")),
                         st.errorCode()};
    }
    const QUrl normalized = record.url;
    record.hasKey = !key.isEmpty();
    if (auto added = m_app.backends().add(record); !added)
        return added.error();
    return tr("Added %1 (%2).").arg(name, normalized.toString());
}

QString ServerAdder::freeNameFor(const QString& kind, const QString& url) const
{
    QString problem;
    const QUrl normalized = normalizeBackendUrl(url, &problem);
    QString host = normalized.host().section(QLatin1Char('.'), 0, 0).toLower();
    host.remove(QRegularExpression(QStringLiteral("[^a-z0-9_-]")));
    const bool here = host.isEmpty() || host == QLatin1String("localhost") ||
                      host == QLatin1String("127") || host == QLatin1String("0");
    const QString base = here ? (kind == QLatin1String("ollama") ? QStringLiteral("ollama")
                                                                 : QStringLiteral("local"))
                              : host.left(48);
    QString name = base;
    for (int n = 2; n < 1000; ++n) {
        auto existing = m_app.backends().find(name);
        bool taken = existing && existing->has_value();
        if (!taken) {
            if (auto all = m_app.effectiveBackends()) {
                for (const EffectiveBackend& b : *all)
                    taken = taken || b.name == name;
            }
        }
        if (!taken)
            return name;
        name = base + QLatin1Char('-') + QString::number(n);
    }
    return name;
}

} // namespace lyss
