// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigJsonImporter.h"

#include "config/BackendResolver.h"
#include "config/SecretFilter.h"
#include "config/Settings.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "store/ConfigRepository.h"
#include "store/ConnectionSource.h"
#include "store/Transaction.h"
#include "util/Json.h"
#include "util/Log.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace lyss {

namespace {

using LeafFn = std::function<void(const QString&, const QJsonValue&)>;

// Every nested path becomes a dotted key; arrays, scalars and empty objects are leaves.
void flatten(const QString& prefix, const QJsonValue& value, const LeafFn& leaf)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(),
                    leaf);
        return;
    }
    leaf(prefix, value);
}

bool hasText(const QJsonValue& v)
{
    if (v.isString())
        return !v.toString().isEmpty();
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue& e) { return hasText(e); });
    }
    return false;
}

QStringList stringList(const QJsonValue& v)
{
    if (v.isString())
        return v.toString().isEmpty() ? QStringList() : QStringList{v.toString()};
    QStringList out;
    const QJsonArray arr = v.toArray();
    for (const QJsonValue& e : arr)
        out << e.toString();
    return out;
}

QString listForPeople(const QStringList& items, int max = 12)
{
    if (items.size() <= max)
        return items.join(QStringLiteral(", "));
    return ConfigJsonImporter::tr("%1 and %n more", nullptr, static_cast<int>(items.size() - max))
        .arg(items.mid(0, max).join(QStringLiteral(", ")));
}

// A backend address from the file, without a user name and password in it (reported).
QString plainAddress(const QString& text, const QString& where, ConfigJsonReport& report)
{
    bool stripped = false;
    const QUrl url = SecretFilter::withoutCredentials(QUrl(text.trimmed()), &stripped);
    if (!stripped)
        return text;
    report.problems << ConfigJsonImporter::tr(
                           "The user name and password in the address %1 were left out: Lyss "
                           "keeps no passwords in addresses. They are still in the backup file.")
                           .arg(where);
    return url.toString();
}

QString openAiName(const QUrl& url)
{
    const QString host = url.host();
    return host.isEmpty() ? QStringLiteral("openai") : host;
}

} // namespace

QString ConfigJsonReport::summary() const
{
    switch (outcome) {
    case Outcome::NotFound:
        return {};
    case Outcome::Invalid:
    case Outcome::Failed:
        return error;
    case Outcome::Migrated:
        break;
    }
    QStringList lines;
    lines << ConfigJsonImporter::tr(
                 "Moved the settings from config.json (%1 format) into Lyss's database; the "
                 "file is now %2.")
                 .arg(format, backupPath);
    if (!applied.isEmpty())
        lines << ConfigJsonImporter::tr("Settings applied: %1.").arg(listForPeople(applied));
    if (!backendsAdded.isEmpty())
        lines << ConfigJsonImporter::tr("Backends added: %1.").arg(listForPeople(backendsAdded));
    if (!keptExisting.isEmpty())
        lines << ConfigJsonImporter::tr("Already set in the database, so left as they were: %1.")
                     .arg(listForPeople(keptExisting));
    if (!unknownKept.isEmpty())
        lines << ConfigJsonImporter::tr(
                     "Kept %n setting(s) that Lyss does not use yet, under their own names: %1.",
                     nullptr, static_cast<int>(unknownKept.size()))
                     .arg(listForPeople(unknownKept));
    if (!secretsStored.isEmpty())
        lines << ConfigJsonImporter::tr(
                     "Looked like secrets, so they went to the keyring instead of the database: "
                     "%1.")
                     .arg(listForPeople(secretsStored));
    for (const QString& p : problems)
        lines << ConfigJsonImporter::tr("Note: %1").arg(p);
    return lines.join(QLatin1Char('\n'));
}

ConfigJsonImporter::ConfigJsonImporter(ConnectionSource& source, ConfigRepository& config,
                                       ConfigRepository& personal, BackendRepository& backends,
                                       SecretStore* secrets)
    : m_source(source)
    , m_config(config)
    , m_personal(personal)
    , m_backends(backends)
    , m_secrets(secrets)
{
}

void ConfigJsonImporter::addLeaf(const QString& key, const QJsonValue& value, Plan& plan,
                                 ConfigJsonReport& report)
{
    // Keys, tokens, passwords and the like never go into the database.
    const SecretFilter::Verdict verdict = SecretFilter::classify(key, value);
    if (verdict.kind == SecretFilter::Kind::Secret) {
        if (hasText(value) || value.isDouble() || value.isObject())
            plan.secrets.append({key, value});
        return;
    }
    QJsonValue stored = value;
    if (verdict.kind == SecretFilter::Kind::Cleaned) {
        plan.secrets.append({key, value}); // the address with its password
        stored = verdict.cleaned;
        report.problems << tr("The password in the address of %1 was taken out before the "
                              "address was stored.")
                               .arg(key);
    }
    if (!Settings::definition(key)) {
        plan.unknown.append({key, stored});
        return;
    }
    if (Status st = Settings::validate(key, stored); !st.ok()) {
        report.problems << tr("%1 was left out: %2 The value is still in the backup file.")
                               .arg(key, st.errorMessage());
        return;
    }
    plan.settings.append({key, stored});
}

void ConfigJsonImporter::planLyss(const QJsonObject& root, Plan& plan, ConfigJsonReport& report)
{
    flatten({}, root,
            [&](const QString& key, const QJsonValue& v) { addLeaf(key, v, plan, report); });
}

void ConfigJsonImporter::planOpenWebUi(const QJsonObject& root, Plan& plan,
                                       ConfigJsonReport& report)
{
    const QJsonObject ollama = root.value(QLatin1String("ollama")).toObject();
    const QJsonObject openai = root.value(QLatin1String("openai")).toObject();
    const QJsonObject ui = root.value(QLatin1String("ui")).toObject();

    auto connectionEnabled = [](const QJsonObject& section, qsizetype i) {
        const QJsonObject configs = section.value(QLatin1String("api_configs")).toObject();
        return section.value(QLatin1String("enable")).toBool(true) &&
               configs.value(QString::number(i))
                   .toObject()
                   .value(QLatin1String("enable"))
                   .toBool(true);
    };

    const QStringList ollamaUrls = stringList(ollama.value(QLatin1String("base_urls")));
    for (qsizetype i = 0; i < ollamaUrls.size(); ++i) {
        QString problem;
        const QUrl url = normalizeBackendUrl(
            plainAddress(ollamaUrls[i], QStringLiteral("ollama.base_urls[%1]").arg(i), report),
            &problem);
        if (!url.isValid()) {
            report.problems << tr("ollama.base_urls[%1] was left out: %2").arg(i).arg(problem);
            continue;
        }
        BackendRecord r;
        r.name = i == 0 ? QStringLiteral("ollama") : QStringLiteral("ollama-%1").arg(i + 1);
        r.kind = BackendKind::Ollama;
        r.url = url;
        r.enabled = connectionEnabled(ollama, i);
        plan.backends.append({r, {}});
    }

    const QStringList openaiUrls = stringList(openai.value(QLatin1String("api_base_urls")));
    const QJsonArray keys = openai.value(QLatin1String("api_keys")).toArray();
    const QJsonObject openaiConfigs = openai.value(QLatin1String("api_configs")).toObject();
    for (qsizetype i = 0; i < openaiUrls.size(); ++i) {
        QString problem;
        const QUrl url = normalizeBackendUrl(
            plainAddress(openaiUrls[i], QStringLiteral("openai.api_base_urls[%1]").arg(i), report),
            &problem);
        if (!url.isValid()) {
            report.problems << tr("openai.api_base_urls[%1] was left out: %2").arg(i).arg(problem);
            continue;
        }
        BackendRecord r;
        r.name = openAiName(url);
        r.kind = BackendKind::OpenAI;
        r.url = url;
        r.enabled = connectionEnabled(openai, i);
        QString key = i < keys.size() ? keys[i].toString() : QString();
        if (key.isEmpty())
            key = openaiConfigs.value(QString::number(i))
                      .toObject()
                      .value(QLatin1String("key"))
                      .toString();
        plan.backends.append({r, key});
    }

    if (const QString locale = ui.value(QLatin1String("default_locale")).toString();
        !locale.isEmpty())
        plan.settings.append({Settings::keyName(SettingKey::Language), locale});
    const QString models = ui.value(QLatin1String("default_models")).toString();
    if (const QString first = models.section(QLatin1Char(','), 0, 0).trimmed(); !first.isEmpty())
        plan.settings.append({Settings::keyName(SettingKey::DefaultModel), first});

    static const QSet<QString> consumed{
        QStringLiteral("ollama.enable"),     QStringLiteral("ollama.base_urls"),
        QStringLiteral("openai.enable"),     QStringLiteral("openai.api_base_urls"),
        QStringLiteral("openai.api_keys"),   QStringLiteral("ui.default_locale"),
        QStringLiteral("ui.default_models"),
    };
    flatten({}, root, [&](const QString& key, const QJsonValue& v) {
        if (!consumed.contains(key))
            addLeaf(key, v, plan, report);
    });
}

bool ConfigJsonImporter::apply(Plan& plan, ConfigJsonReport& report)
{
    auto existing = m_backends.list();
    if (!existing) {
        report.error = existing.errorMessage();
        return false;
    }
    QSet<QString> takenNames;
    for (const BackendRecord& b : *existing)
        takenNames.insert(b.name.toLower());

    QList<PlannedBackend> toAdd;
    for (PlannedBackend& p : plan.backends) {
        const QString url = p.record.url.toString();
        auto same = std::find_if(existing->begin(), existing->end(), [&](const BackendRecord& b) {
            return b.kind == p.record.kind && b.url.toString() == url;
        });
        if (same != existing->end()) {
            report.keptExisting << tr("backend %1 (already there as \"%2\")").arg(url, same->name);
            continue;
        }
        const QString base = p.record.name;
        for (int n = 2; takenNames.contains(p.record.name.toLower()); ++n)
            p.record.name = QStringLiteral("%1-%2").arg(base).arg(n);
        takenNames.insert(p.record.name.toLower());
        toAdd.append(p);
    }

    // Secrets under other names go to the keyring too, or are left out and named.
    for (const auto& [key, value] : plan.secrets) {
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isObject())
            text =
                QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else
            text = QString::number(value.toDouble(), 'g', 17);
        Status st = m_secrets ? m_secrets->write(configSecretKey(key), text)
                              : Status(Error{tr("no keyring is available.")});
        if (st.ok())
            report.secretsStored << key;
        else
            report.problems << tr("%1 looks like a secret, so it was not stored in the "
                                  "database, and the keyring could not take it either: %2 It is "
                                  "still in the backup file.")
                                   .arg(key, st.errorMessage());
    }

    // Keys first: a key the keyring refused is reported, and the backend still comes
    // across without it.
    for (PlannedBackend& p : toAdd) {
        if (p.apiKey.isEmpty())
            continue;
        Status st = m_secrets ? m_secrets->write(backendSecretKey(p.record.name), p.apiKey)
                              : Status(Error{tr("no keyring is available.")});
        if (st.ok())
            p.record.hasKey = true;
        else
            report.problems << tr("The API key for backend \"%1\" was not saved: %2 It is still "
                                  "in the backup file; add it later with "
                                  "`lyss-cli backends add --key-stdin`.")
                                   .arg(p.record.name, st.errorMessage());
    }

    Transaction tx(m_source);
    if (!tx.status().ok()) {
        report.error = tx.status().errorMessage();
        return false;
    }
    auto insertAll = [&](const QList<QPair<QString, QJsonValue>>& rows, QStringList& added) {
        for (const auto& [key, value] : rows) {
            const SettingDefinition* def = Settings::definition(key);
            ConfigRepository& into =
                def && def->scope == SettingScope::Person ? m_personal : m_config;
            auto inserted = into.insertIfAbsent(key, value);
            if (!inserted) {
                report.error = inserted.errorMessage();
                return false;
            }
            (*inserted ? added : report.keptExisting) << key;
        }
        return true;
    };
    if (!insertAll(plan.settings, report.applied) || !insertAll(plan.unknown, report.unknownKept))
        return false;
    for (const PlannedBackend& p : toAdd) {
        auto added = m_backends.add(p.record);
        if (!added) {
            report.error = added.errorMessage();
            return false;
        }
        report.backendsAdded << QStringLiteral("%1 (%2)").arg(p.record.name,
                                                              p.record.url.toString());
    }
    if (Status st = tx.commit(); !st.ok()) {
        report.error = st.errorMessage();
        return false;
    }
    return true;
}

ConfigJsonReport ConfigJsonImporter::run(const QString& dataDir)
{
    ConfigJsonReport report;
    const QString path = QDir(dataDir).filePath(QStringLiteral("config.json"));
    if (!QFileInfo(path).isFile())
        return report;

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.outcome = ConfigJsonReport::Outcome::Failed;
        report.error = tr("Cannot read %1: %2. Its settings were not brought in.")
                           .arg(path, file.errorString());
        return report;
    }
    const QByteArray bytes = file.readAll();
    file.close();

    const QString leftAlone =
        tr("Lyss left the file exactly as it is and started with the settings it already had. "
           "Fix the file and start Lyss again to bring its settings in.");
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition pos = positionOfOffset(bytes, parseError.offset);
        report.outcome = ConfigJsonReport::Outcome::Invalid;
        report.error = tr("%1 is not valid JSON: %2 at line %3, column %4. %5")
                           .arg(path, parseError.errorString())
                           .arg(pos.line)
                           .arg(pos.column)
                           .arg(leftAlone);
        return report;
    }
    if (!doc.isObject()) {
        report.outcome = ConfigJsonReport::Outcome::Invalid;
        report.error =
            tr("%1 must hold a JSON object ({ ... }) of settings. %2").arg(path, leftAlone);
        return report;
    }

    const QJsonObject root = doc.object();
    const bool openWebUi =
        root.value(QLatin1String("ollama")).isObject() ||
        root.value(QLatin1String("openai")).isObject() ||
        (root.contains(QLatin1String("version")) && root.value(QLatin1String("ui")).isObject());
    report.format = openWebUi ? QStringLiteral("Open WebUI") : QStringLiteral("Lyss");
    Plan plan;
    if (openWebUi)
        planOpenWebUi(root, plan, report);
    else
        planLyss(root, plan, report);

    if (!apply(plan, report)) {
        report.outcome = ConfigJsonReport::Outcome::Failed;
        report.error =
            tr("The settings in %1 could not be saved: %2 %3").arg(path, report.error, leftAlone);
        return report;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString backup = path + QStringLiteral(".backup.%1").arg(now);
    for (int n = 2; QFileInfo::exists(backup); ++n)
        backup = path + QStringLiteral(".backup.%1-%2").arg(now).arg(n);
    if (!QFile::rename(path, backup)) {
        report.problems << tr("%1 could not be renamed to %2, so it will be read again at the "
                              "next start (the database's values win then).")
                               .arg(path, backup);
        backup = path;
    }
    report.backupPath = backup;
    report.outcome = ConfigJsonReport::Outcome::Migrated;
    qCInfo(lcConfig) << "migrated" << path << "as" << report.format << "to the database";
    return report;
}

} // namespace lyss
