// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/Settings.h"

#include "store/ConfigRepository.h"
#include "util/Json.h"
#include "util/Log.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lyss {

namespace {

int editDistance(const QString& a, const QString& b)
{
    QList<int> prev(b.size() + 1);
    QList<int> cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::String:
        return Settings::tr("text");
    case QJsonValue::Double:
        return Settings::tr("a number");
    case QJsonValue::Bool:
        return Settings::tr("true or false");
    default:
        return Settings::tr("a JSON value");
    }
}

} // namespace

QString valueSourceName(ValueSource source)
{
    switch (source) {
    case ValueSource::Default:
        return QStringLiteral("default");
    case ValueSource::Database:
        return QStringLiteral("database");
    case ValueSource::Environment:
        return QStringLiteral("environment");
    }
    return {};
}

Settings::Settings(ConfigRepository& installation, ConfigRepository& person,
                   QProcessEnvironment env, QObject* parent)
    : QObject(parent)
    , m_installation(installation)
    , m_person(person)
    , m_env(std::move(env))
{
}

ConfigRepository& Settings::repositoryFor(const SettingDefinition* def) const
{
    return def && def->scope == SettingScope::Person ? m_person : m_installation;
}

const QList<SettingDefinition>& Settings::definitions()
{
    using enum SettingKey;
    const auto person = SettingScope::Person;
    const auto installation = SettingScope::Installation;
    static const QList<SettingDefinition> defs{
        {Theme,
         QStringLiteral("ui.theme"),
         person,
         QStringLiteral("system"),
         {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("oled-dark"),
          QStringLiteral("system")},
         {QStringLiteral("LYSS_THEME")}},
        // Empty: follow the system locale.
        {Language,
         QStringLiteral("ui.language"),
         person,
         QString(),
         {},
         {QStringLiteral("LYSS_LANGUAGE"), QStringLiteral("DEFAULT_LOCALE")}},
        // Empty: the first model listed.
        {DefaultModel,
         QStringLiteral("chat.default_model"),
         person,
         QString(),
         {},
         {QStringLiteral("LYSS_DEFAULT_MODEL"), QStringLiteral("DEFAULT_MODELS")}},
        {SystemPrompt, QStringLiteral("chat.system_prompt"), person, QString(), {}, {}},
        // Seconds a stream may stay silent before it counts as stalled; no total limit.
        {IdleTimeoutSeconds,
         QStringLiteral("net.idle_timeout_seconds"),
         installation,
         120.0,
         {},
         {},
         1},
        // Accounts (when they are on). No environment variable sets them: whoever starts
        // Lyss could otherwise let anyone make an account, even an admin's.
        {SignUp, QStringLiteral("auth.signup"), installation, false, {}, {}},
        {DefaultRole,
         QStringLiteral("auth.default_role"),
         installation,
         QStringLiteral("pending"),
         {QStringLiteral("pending"), QStringLiteral("user"), QStringLiteral("admin")},
         {}},
        {SessionDays, QStringLiteral("auth.session_days"), installation, 28.0, {}, {}, 1},
        // A filter that takes longer fails that call (and is restarted when it hangs).
        {FilterInletSeconds,
         QStringLiteral("filters.inlet_timeout_seconds"),
         installation,
         10.0,
         {},
         {},
         0.1},
        {FilterStreamSeconds,
         QStringLiteral("filters.stream_timeout_seconds"),
         installation,
         2.0,
         {},
         {},
         0.05},
        {FilterOutletSeconds,
         QStringLiteral("filters.outlet_timeout_seconds"),
         installation,
         10.0,
         {},
         {},
         0.1},
    };
    return defs;
}

const SettingDefinition* Settings::definition(const QString& key)
{
    const auto& defs = definitions();
    auto it = std::find_if(defs.begin(), defs.end(),
                           [&](const SettingDefinition& d) { return d.key == key; });
    return it == defs.end() ? nullptr : &*it;
}

const SettingDefinition& Settings::definition(SettingKey key)
{
    const auto& defs = definitions();
    return *std::find_if(defs.begin(), defs.end(),
                         [&](const SettingDefinition& d) { return d.id == key; });
}

QString Settings::keyName(SettingKey key)
{
    return definition(key).key;
}

QString Settings::unknownKeyMessage(const QString& key)
{
    QString best;
    int bestDistance = 4;
    QStringList keys;
    for (const auto& d : definitions()) {
        keys << d.key;
        const int dist = editDistance(key, d.key);
        if (dist < bestDistance) {
            bestDistance = dist;
            best = d.key;
        }
    }
    if (!best.isEmpty())
        return tr("Unknown setting \"%1\". Did you mean \"%2\"?").arg(key, best);
    return tr("Unknown setting \"%1\". Known settings: %2.")
        .arg(key, keys.join(QStringLiteral(", ")));
}

namespace {
QHash<QString, QStringList>& moreAllowed()
{
    static QHash<QString, QStringList> more;
    return more;
}
} // namespace

void Settings::allowMore(const QString& key, const QStringList& values)
{
    moreAllowed()[key] = values;
}

Status Settings::validate(const QString& key, const QJsonValue& value)
{
    const SettingDefinition* def = definition(key);
    if (!def)
        return Error{unknownKeyMessage(key), ErrorCode::InvalidInput};
    if (value.type() != def->defaultValue.type())
        return Error{tr("\"%1\" must be %2.").arg(key, typeName(def->defaultValue.type())),
                     ErrorCode::InvalidInput};
    const QStringList allowed = def->allowed + moreAllowed().value(key);
    if (!def->allowed.isEmpty() && !allowed.contains(value.toString()))
        return Error{tr("\"%1\" must be one of: %2.").arg(key, allowed.join(QStringLiteral(", "))),
                     ErrorCode::InvalidInput};
    if (value.isDouble() && value.toDouble() < def->minimum)
        return Error{tr("\"%1\" must be at least %2.").arg(key).arg(def->minimum),
                     ErrorCode::InvalidInput};
    return {};
}

Result<QJsonValue> Settings::parseUserValue(const QString& key, const QString& text)
{
    const SettingDefinition* def = definition(key);
    if (!def)
        return Error{unknownKeyMessage(key), ErrorCode::InvalidInput};
    QString parseError;
    if (auto parsed = parseJsonValue(text, &parseError)) {
        if (!(def->defaultValue.isString() && !parsed->isString()))
            return *parsed;
    }
    // `config set ui.theme dark` means the text "dark": no quotes needed for text.
    if (def->defaultValue.isString())
        return QJsonValue(text);
    return Error{tr("\"%1\" is not valid JSON (%2). \"%3\" must be %4.")
                     .arg(text, parseError, key, typeName(def->defaultValue.type())),
                 ErrorCode::InvalidInput};
}

std::optional<SettingEntry> Settings::fromEnvironment(const SettingDefinition& def) const
{
    for (const QString& var : def.envVars) {
        QString raw = m_env.value(var).trimmed();
        if (raw.isEmpty())
            continue;
        if (var == QLatin1String("DEFAULT_MODELS")) // Open WebUI: a comma-separated list
            raw = raw.section(QLatin1Char(','), 0, 0).trimmed();
        auto value = parseUserValue(def.key, raw);
        if (!value || !validate(def.key, *value).ok()) {
            qCWarning(lcConfig) << "ignoring" << var << "=" << raw << "for" << def.key;
            continue;
        }
        return SettingEntry{def.key, *value, ValueSource::Environment, true, var};
    }
    return std::nullopt;
}

Result<SettingEntry> Settings::entry(const QString& key) const
{
    const SettingDefinition* def = definition(key);
    if (def) {
        if (auto env = fromEnvironment(*def))
            return *env;
    }
    auto stored = repositoryFor(def).get(key);
    if (!stored)
        return stored.error();
    if (stored->has_value() && (!def || validate(key, **stored).ok()))
        return SettingEntry{key, **stored, ValueSource::Database, def != nullptr, {}};
    if (def)
        return SettingEntry{key, def->defaultValue, ValueSource::Default, true, {}};
    return Error{unknownKeyMessage(key), ErrorCode::InvalidInput};
}

Result<QList<SettingEntry>> Settings::list() const
{
    QList<SettingEntry> out;
    QSet<QString> known;
    for (const auto& def : definitions()) {
        auto e = entry(def.key);
        if (!e)
            return e.error();
        out.append(*e);
        known.insert(def.key);
    }
    for (ConfigRepository* repository : {&m_installation, &m_person}) {
        auto stored = repository->all();
        if (!stored)
            return stored.error();
        for (const auto& [key, value] : *stored) {
            if (!known.contains(key))
                out.append(SettingEntry{key, value, ValueSource::Database, false, {}});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const SettingEntry& a, const SettingEntry& b) { return a.key < b.key; });
    return out;
}

Status Settings::set(const QString& key, const QJsonValue& value)
{
    if (Status st = validate(key, value); !st.ok())
        return st;
    const SettingDefinition* def = definition(key);
    if (Status st = mayChange(def, key); !st.ok())
        return st;
    if (Status st = repositoryFor(def).set(key, value); !st.ok())
        return st;
    Q_EMIT changed(def->id);
    return {};
}

Status Settings::mayChange(const SettingDefinition* def, const QString& key) const
{
    if (!m_guard || (def && def->scope == SettingScope::Person))
        return {};
    return m_guard(key);
}

Status Settings::unset(const QString& key)
{
    const SettingDefinition* def = definition(key);
    if (Status st = mayChange(def, key); !st.ok())
        return st;
    if (Status st = repositoryFor(def).remove(key); !st.ok())
        return st;
    if (def)
        Q_EMIT changed(def->id);
    return {};
}

Status Settings::set(SettingKey key, const QJsonValue& value)
{
    return set(keyName(key), value);
}

QString Settings::text(SettingKey key) const
{
    if (auto e = entry(keyName(key)))
        return e->value.toString();
    return definition(key).defaultValue.toString();
}

double Settings::number(SettingKey key) const
{
    if (auto e = entry(keyName(key)))
        return e->value.toDouble();
    return definition(key).defaultValue.toDouble();
}

bool Settings::flag(SettingKey key) const
{
    if (auto e = entry(keyName(key)))
        return e->value.toBool();
    return definition(key).defaultValue.toBool();
}

} // namespace lyss
