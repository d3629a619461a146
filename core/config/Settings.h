// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace lyss {

class ConfigRepository;

// Where a setting's current value comes from. Later ones win.
enum class ValueSource { Default, Database, Environment };
QString valueSourceName(ValueSource source);

// A setting Lyss knows: its default (which also fixes its JSON type), the values it
// allows, and the environment variables that override it (Open WebUI's names first).
struct SettingDefinition {
    QString key;
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

// Typed settings over the config table: default < database < environment.
class Settings {
    Q_DECLARE_TR_FUNCTIONS(Settings)

public:
    Settings(ConfigRepository& repository, QProcessEnvironment env);

    static const QList<SettingDefinition>& definitions();
    static const SettingDefinition* definition(const QString& key);

    // The effective value; an error for a key that is neither known nor stored.
    Result<SettingEntry> entry(const QString& key) const;
    // Every known key, then the stored keys Lyss does not know, sorted by key.
    Result<QList<SettingEntry>> list() const;
    // Validates against the definition and stores the value. Unknown keys are refused.
    Status set(const QString& key, const QJsonValue& value);
    // Reads what a user typed: JSON, or for a text setting also the bare text.
    static Result<QJsonValue> parseUserValue(const QString& key, const QString& text);
    // Whether `value` fits the definition of `key`; the error says why not.
    static Status validate(const QString& key, const QJsonValue& value);
    // More values a key with a fixed set of values accepts in this process: the user's own
    // themes for ui.theme (AppContext reads their names from <data dir>/themes).
    static void allowMore(const QString& key, const QStringList& values);

    // The effective value as text, or the default when reading fails.
    QString text(const QString& key) const;
    double number(const QString& key) const;

private:
    std::optional<SettingEntry> fromEnvironment(const SettingDefinition& def) const;
    static QString unknownKeyMessage(const QString& key);

    ConfigRepository& m_repository;
    QProcessEnvironment m_env;
};

} // namespace lyss
