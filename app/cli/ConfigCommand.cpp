// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli config: read and change settings.
#include "CliContext.h"

#include "app/AppContext.h"
#include "config/Settings.h"
#include "store/ConfigRepository.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lyss::cli {

namespace {

QString sourceText(const SettingEntry& e)
{
    if (e.source == ValueSource::Environment)
        return QStringLiteral("environment (%1)").arg(e.envVar);
    if (!e.known)
        return CliContext::tr("database (kept from an import; not used by Lyss)");
    return valueSourceName(e.source);
}

int configGet(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("config get"), QStringLiteral("config get KEY"),
                   CliContext::tr("Prints the value of the setting KEY as JSON."), {}, args, &p,
                   &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("config get takes one KEY"), QStringLiteral("config get"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    auto entry = app->settings().entry(p.positional[0]);
    if (!entry)
        return ctx.fail(entry.errorMessage());
    ctx.out() << toJsonText(entry->value) << Qt::endl;
    return kExitOk;
}

int configSet(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("config set"), QStringLiteral("config set KEY VALUE"),
                   CliContext::tr("Stores VALUE (JSON; text settings also take plain words) "
                                  "for the setting KEY.\nExample: lyss-cli config set ui.theme "
                                  "dark"),
                   {}, args, &p, &code))
        return code;
    if (p.positional.size() != 2)
        return ctx.usage(CliContext::tr("config set takes a KEY and a VALUE"),
                         QStringLiteral("config set"));
    const QString& key = p.positional[0];
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    auto value = Settings::parseUserValue(key, p.positional[1]);
    if (!value)
        return ctx.fail(value.errorMessage());
    if (Status st = app->settings().set(key, *value); !st.ok())
        return ctx.fail(st.errorMessage());
    if (auto e = app->settings().entry(key); e && e->source == ValueSource::Environment)
        ctx.err() << CliContext::tr("Saved. While %1 is set in the environment, it overrides "
                                    "this value.")
                         .arg(e->envVar)
                  << Qt::endl;
    return kExitOk;
}

int configUnset(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("config unset"), QStringLiteral("config unset KEY"),
                   CliContext::tr("Removes KEY from the database, so its default applies."), {},
                   args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("config unset takes one KEY"),
                         QStringLiteral("config unset"));
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    const QString& key = p.positional[0];
    if (auto e = app->settings().entry(key); !e)
        return ctx.fail(e.errorMessage());
    if (Status st = app->settings().unset(key); !st.ok())
        return ctx.fail(st.errorMessage());
    return kExitOk;
}

int configList(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("config list"), QStringLiteral("config list [--json]"),
                   CliContext::tr("Lists every setting with its value and where the value "
                                  "comes from: default, database or environment."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")}}, args, &p,
                   &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("config list takes no arguments"),
                         QStringLiteral("config list"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    auto entries = app->settings().list();
    if (!entries)
        return ctx.fail(entries.errorMessage());
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const SettingEntry& e : *entries) {
            QJsonObject o{{QStringLiteral("key"), e.key},
                          {QStringLiteral("value"), e.value},
                          {QStringLiteral("source"), valueSourceName(e.source)},
                          {QStringLiteral("known"), e.known}};
            if (!e.envVar.isEmpty())
                o.insert(QStringLiteral("env"), e.envVar);
            arr.append(o);
        }
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        ctx.out().flush();
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const SettingEntry& e : *entries)
        rows.append({e.key, toJsonText(e.value), sourceText(e)});
    CliContext::printTable(
        ctx.out(), {CliContext::tr("KEY"), CliContext::tr("VALUE"), CliContext::tr("SOURCE")},
        rows);
    return kExitOk;
}

} // namespace

int runConfig(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("get"))
        return configGet(ctx, rest);
    if (sub == QLatin1String("set"))
        return configSet(ctx, rest);
    if (sub == QLatin1String("unset"))
        return configUnset(ctx, rest);
    if (sub == QLatin1String("list"))
        return configList(ctx, rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << CliContext::tr(
                         "Usage: lyss-cli [--data-dir DIR] config get|set|unset|list ...\n"
                         "\n"
                         "  config get KEY          print a setting's value (JSON)\n"
                         "  config set KEY VALUE    change a setting\n"
                         "  config unset KEY        go back to the default\n"
                         "  config list [--json]    every setting and its source\n")
                  << Qt::flush;
        return kExitOk;
    }
    return ctx.usage(sub.isEmpty() ? CliContext::tr("config needs a subcommand")
                                   : CliContext::tr("unknown subcommand \"config %1\"").arg(sub),
                     QStringLiteral("config"));
}

} // namespace lyss::cli
