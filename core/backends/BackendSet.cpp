// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/BackendSet.h"

#include "backends/OllamaBackend.h"
#include "backends/OpenAIBackend.h"
#include "backends/OpenWebUiBackend.h"
#include "secrets/SecretStore.h"

#include <QHash>

namespace lyss {

BackendSet::BackendSet(const QList<EffectiveBackend>& backends, SecretStore* secrets,
                       int idleTimeoutMs, QObject* parent)
    : QObject(parent)
{
    build(backends, secrets, idleTimeoutMs);
}

void BackendSet::rebuild(const QList<EffectiveBackend>& backends, SecretStore* secrets,
                         int idleTimeoutMs)
{
    qDeleteAll(m_backends);
    m_backends.clear();
    build(backends, secrets, idleTimeoutMs);
    Q_EMIT rebuilt();
}

void BackendSet::build(const QList<EffectiveBackend>& backends, SecretStore* secrets,
                       int idleTimeoutMs)
{
    for (const EffectiveBackend& b : backends) {
        if (!b.enabled)
            continue;
        Backend::Config config{b.name, b.kind, b.url, b.envKey, idleTimeoutMs};
        // Read on the first request, not now: a locked keyring must not hold up the
        // start (a request that fails for want of it says so).
        if (config.apiKey.isEmpty() && b.hasStoredKey)
            config.keyStore = secrets;
        config.account = b.account;
        config.signedInUntil = b.signedInUntil;
        config.signedInAt = b.signedInAt;
        m_backends.append(make(config, &m_nam, this));
    }
}

Backend* BackendSet::make(const Backend::Config& config, QNetworkAccessManager* nam,
                          QObject* parent)
{
    switch (config.kind) {
    case BackendKind::Ollama:
        return new OllamaBackend(config, nam, parent);
    case BackendKind::OpenAI:
        break;
    case BackendKind::OpenWebUi:
        return new OpenWebUiBackend(config, nam, parent);
    }
    return new OpenAIBackend(config, nam, parent);
}

Backend* BackendSet::find(const QString& name) const
{
    for (Backend* b : m_backends) {
        if (b->name().compare(name, Qt::CaseInsensitive) == 0)
            return b;
    }
    return nullptr;
}

void BackendSet::listModels(std::function<void(ModelList)> done, Backend* only)
{
    QList<Backend*> asked = only ? QList<Backend*>{only} : m_backends;
    struct Pending {
        int remaining = 0;
        QList<QList<ModelInfo>> perBackend;
        QStringList errors;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = static_cast<int>(asked.size());
    pending->perBackend.resize(asked.size());
    auto complete = [pending, done] {
        ModelList list;
        QHash<QString, int> seen;
        for (const auto& models : pending->perBackend) {
            for (const ModelInfo& m : models)
                ++seen[m.name];
        }
        for (const auto& models : pending->perBackend) {
            for (ModelInfo m : models) {
                m.displayName =
                    seen.value(m.name) > 1 ? m.backendName + QLatin1Char('/') + m.name : m.name;
                list.models.append(m);
            }
        }
        list.errors = pending->errors;
        done(list);
    };
    if (asked.isEmpty()) {
        QMetaObject::invokeMethod(this, complete, Qt::QueuedConnection);
        return;
    }
    for (qsizetype i = 0; i < asked.size(); ++i) {
        asked[i]->listModels([pending, i, complete](Result<QList<ModelInfo>> r) {
            if (r)
                pending->perBackend[i] = *r;
            else
                pending->errors << r.errorMessage();
            if (--pending->remaining == 0)
                complete();
        });
    }
}

Result<QPair<QString, QString>> BackendSet::resolve(const QList<ModelInfo>& models,
                                                    const QStringList& backendNames,
                                                    const QString& wanted)
{
    auto sameModel = [](const QString& name, const QString& w) {
        return name == w || name == w + QStringLiteral(":latest");
    };
    // "backend/model" when the part before the first slash names a backend.
    if (const qsizetype slash = wanted.indexOf(QLatin1Char('/')); slash > 0) {
        const QString backend = wanted.left(slash);
        for (const QString& b : backendNames) {
            if (b.compare(backend, Qt::CaseInsensitive) != 0)
                continue;
            const QString rest = wanted.mid(slash + 1);
            for (const ModelInfo& m : models) {
                if (m.backendName == b && sameModel(m.name, rest))
                    return QPair<QString, QString>{b, m.name};
            }
            return QPair<QString, QString>{b, rest};
        }
    }
    QList<const ModelInfo*> matches;
    for (const ModelInfo& m : models) {
        if (sameModel(m.name, wanted) || m.displayName == wanted)
            matches.append(&m);
    }
    if (matches.size() == 1)
        return QPair<QString, QString>{matches.first()->backendName, matches.first()->name};
    if (matches.size() > 1) {
        QStringList names;
        for (const ModelInfo* m : matches)
            names << m->backendName + QLatin1Char('/') + m->name;
        return Error{QCoreApplication::translate(
                         "lyss::BackendSet", "Several backends offer \"%1\": %2. Say which one.")
                         .arg(wanted, names.join(QStringLiteral(", ")))};
    }
    QStringList available;
    for (const ModelInfo& m : models)
        available << m.displayName;
    return Error{
        QCoreApplication::translate("lyss::BackendSet",
                                    "No backend offers a model named \"%1\". %2 To "
                                    "download it into Ollama: lyss-cli pull %1")
            .arg(wanted,
                 available.isEmpty()
                     ? QCoreApplication::translate("lyss::BackendSet", "No models are available.")
                     : QCoreApplication::translate("lyss::BackendSet", "Available: %1.")
                           .arg(available.join(QStringLiteral(", "))))};
}

} // namespace lyss
