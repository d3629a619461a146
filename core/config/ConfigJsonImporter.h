// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

namespace lyss {

class BackendRepository;
class ConfigRepository;
class ConnectionSource;
class SecretStore;

// What moving config.json into the database did, in words for the user.
struct ConfigJsonReport {
    enum class Outcome { NotFound, Migrated, Invalid, Failed };
    Outcome outcome = Outcome::NotFound;
    QString format;           // "Lyss" or "Open WebUI"
    QString backupPath;       // where the file went
    QStringList applied;      // settings now in the database
    QStringList keptExisting; // settings and backends the database already had (they win)
    QStringList unknownKept;  // settings Lyss does not use, kept under their dotted names
    QStringList backendsAdded;
    QStringList secretsStored; // settings that looked like secrets, now in the keyring
    QStringList problems;      // what did not come across, and why
    QString error;             // for Invalid and Failed

    // One paragraph for a terminal or a dialog; empty when there was no file.
    QString summary() const;
};

// Moves <data dir>/config.json into the database once: Lyss's own flat or nested form,
// or Open WebUI's config.json (its Ollama and OpenAI URLs become backends, its keys go
// to the secret store). Values already in the database win; unknown keys are kept;
// the file is renamed config.json.backup.<unix seconds>. A file that is not valid JSON
// is left exactly where and as it is.
class ConfigJsonImporter {
    Q_DECLARE_TR_FUNCTIONS(ConfigJsonImporter)

public:
    // `config` is the installation's settings, `personal` those of the person the file's
    // personal settings (theme, language, default model, system prompt) are for.
    ConfigJsonImporter(ConnectionSource& source, ConfigRepository& config,
                       ConfigRepository& personal, BackendRepository& backends,
                       SecretStore* secrets);

    ConfigJsonReport run(const QString& dataDir);

private:
    struct PlannedBackend {
        BackendRecord record;
        QString apiKey;
    };
    struct Plan {
        QList<QPair<QString, QJsonValue>> settings; // known keys
        QList<QPair<QString, QJsonValue>> unknown;  // kept under their dotted path
        QList<PlannedBackend> backends;
        QList<QPair<QString, QJsonValue>> secrets; // for the keyring, never the database
    };

    void planLyss(const QJsonObject& root, Plan& plan, ConfigJsonReport& report);
    void planOpenWebUi(const QJsonObject& root, Plan& plan, ConfigJsonReport& report);
    void addLeaf(const QString& key, const QJsonValue& value, Plan& plan, ConfigJsonReport& report);
    bool apply(Plan& plan, ConfigJsonReport& report);

    ConnectionSource& m_source;
    ConfigRepository& m_config;
    ConfigRepository& m_personal;
    BackendRepository& m_backends;
    SecretStore* m_secrets;
};

} // namespace lyss
