// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace lyss {

class ConfigRepository;

// Where a setting's current value comes from. Later ones win.
enum class ValueSource { Default, Database, Environment };
QString valueSourceName(ValueSource source);

// The settings Lyss knows, by name in code; their dotted names are for files and lyss-cli.
enum class SettingKey {
    Theme,
    Language,
    DefaultModel,
    SystemPrompt,
    IdleTimeoutSeconds,
    SignUp,      // whether the sign-in screen offers to create an account
    DefaultRole, // what a new account is
    SessionDays, // how long staying signed in lasts
    // How long one filter call may take (inlet, outlet; stream per event), in seconds.
    FilterInletSeconds,
    FilterStreamSeconds,
    FilterOutletSeconds,
};

// Whose a setting is: each person's own (kept per user), or the installation's (one for
// everyone on it).
enum class SettingScope { Person, Installation };

// A setting Lyss knows: whose it is, its default (which also fixes its JSON type), the
// values it allows, and the environment variables that override it (Open WebUI's first).
struct SettingDefinition {
    SettingKey id;
    QString key;
    SettingScope scope;
    QJsonValue defaultValue;
    QStringList allowed;
    QStringList envVars;
    double minimum = 0; // for numbers
};

struct SettingEntry {
    QString key;
    QJsonValue value;
    ValueSource source = ValueSource::Default;
    bool known = true; // false for keys kept from an imported file that Lyss does not use
    QString envVar;    // the variable that set it, for ValueSource::Environment
};

// One person's view of the settings: theirs where a setting is a person's, the
// installation's otherwise; default < database < environment. Says when one changes.
class Settings : public QObject {
    Q_OBJECT

public:
    // `installation` is the config table, `person` the signed-in person's settings.
    Settings(ConfigRepository& installation, ConfigRepository& person, QProcessEnvironment env,
             QObject* parent = nullptr);

    static const QList<SettingDefinition>& definitions();
    static const SettingDefinition* definition(const QString& key);
    static const SettingDefinition& definition(SettingKey key);
    static QString keyName(SettingKey key);

    // The effective value; an error for a key that is neither known nor stored.
    Result<SettingEntry> entry(const QString& key) const;
    // Every known key, then the stored keys Lyss does not know, sorted by key.
    Result<QList<SettingEntry>> list() const;
    // Validates against the definition and stores the value where it belongs (the
    // person's or the installation's). Unknown keys are refused.
    Status set(const QString& key, const QJsonValue& value);
    Status set(SettingKey key, const QJsonValue& value);
    // Removes the stored value (known or not), so the default applies.
    Status unset(const QString& key);
    // Reads what a user typed: JSON, or for a text setting also the bare text.
    static Result<QJsonValue> parseUserValue(const QString& key, const QString& text);
    // Whether `value` fits the definition of `key`; the error says why not.
    static Status validate(const QString& key, const QJsonValue& value);
    // More values a key with a fixed set of values accepts in this process: the user's own
    // themes for ui.theme (AppContext reads their names from <data dir>/themes).
    static void allowMore(const QString& key, const QStringList& values);

    // The effective value as text, or the default when reading fails.
    QString text(SettingKey key) const;
    double number(SettingKey key) const;
    bool flag(SettingKey key) const;
    // Asked before an installation's setting (or a key Lyss does not know) is changed; its
    // refusal is the answer (AppContext: only an admin, while accounts are on).
    void setInstallationGuard(std::function<Status(const QString& key)> guard)
    {
        m_guard = std::move(guard);
    }

Q_SIGNALS:
    // A setting was set through this object (the window follows what Settings or
    // another part of it changed).
    void changed(lyss::SettingKey key);

private:
    ConfigRepository& repositoryFor(const SettingDefinition* def) const;
    std::optional<SettingEntry> fromEnvironment(const SettingDefinition& def) const;
    static QString unknownKeyMessage(const QString& key);
    Status mayChange(const SettingDefinition* def, const QString& key) const;

    ConfigRepository& m_installation;
    ConfigRepository& m_person;
    QProcessEnvironment m_env;
    std::function<Status(const QString& key)> m_guard;
};

} // namespace lyss
