// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/Backend.h"
#include "config/BackendResolver.h"

#include <QCoreApplication>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>

#include <functional>
#include <memory>

namespace lyss {

class SecretStore;

// The live backends of this run, built from the effective backend list (keys from the
// environment or the keyring), and the one model list across all of them.
class BackendSet : public QObject {
    Q_OBJECT

public:
    struct ModelList {
        QList<ModelInfo> models; // display names made unique with "backend/" prefixes
        QStringList errors;      // one per backend that could not be asked, in words
    };

    // Disabled backends are left out. Keys in the keyring are read when a backend's
    // first request needs one, not here; a key the keyring cannot give is named in the
    // error of the request the server refuses.
    BackendSet(const QList<EffectiveBackend>& backends, SecretStore* secrets, int idleTimeoutMs,
               QObject* parent = nullptr);

    // Replaces the backends with a new list (after Settings changed them). Streams of the
    // old backends end; the caller makes sure none is running.
    void rebuild(const QList<EffectiveBackend>& backends, SecretStore* secrets, int idleTimeoutMs);

    QList<Backend*> backends() const { return m_backends; }
    Backend* find(const QString& name) const;
    QNetworkAccessManager* network() { return &m_nam; }
    // A backend of `config.kind` (a server tested before it is kept, as well as this set's).
    static Backend* make(const Backend::Config& config, QNetworkAccessManager* nam,
                         QObject* parent);

    // Asks every backend (or only `only`) at once; `done` runs when all have answered.
    void listModels(std::function<void(ModelList)> done, Backend* only = nullptr);

    // What a user typed → (backend name, model name on that server): "llama3.2",
    // "llama3.2:latest", "gpu/llama3.2" (backend/model) when two backends offer it.
    static Result<QPair<QString, QString>>
    resolve(const QList<ModelInfo>& models, const QStringList& backendNames, const QString& wanted);

Q_SIGNALS:
    void rebuilt();

private:
    void build(const QList<EffectiveBackend>& backends, SecretStore* secrets, int idleTimeoutMs);

    QNetworkAccessManager m_nam;
    QList<Backend*> m_backends;
};

} // namespace lyss
