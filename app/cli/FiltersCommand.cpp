// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli filters: which filters run on requests and replies, their valves, and a way for
// filter authors to try one.
#include "CliContext.h"
#include "TerminalOutput.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "filters/FilterRegistry.h"
#include "filters/PipelinesSource.h"
#include "filters/ProcessFilter.h"
#include "util/Json.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace lyss::cli {

namespace {

QString hooksText(const FilterInfo& info)
{
    const QStringList hooks = filterHookNames(info.hooks);
    return hooks.isEmpty() ? QStringLiteral("-") : hooks.join(QLatin1Char(','));
}

QString stateText(const FilterRegistry::Entry& e)
{
    if (!e.problem.isEmpty())
        return e.enabled ? CliContext::tr("failing: %1").arg(e.problem)
                         : CliContext::tr("unavailable: %1").arg(e.problem);
    if (!e.enabled)
        return CliContext::tr("off (an admin turns it on: it reads every chat it applies to)");
    return e.info.toggle ? CliContext::tr("on, a toggle (runs where a chat switches it on)")
                         : CliContext::tr("on");
}

int filtersList(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("filters list"), QStringLiteral("filters list [--json]"),
                   CliContext::tr("The filters, in the order they run, whether each is on, and "
                                  "why one cannot run."),
                   {{QStringLiteral("json"), {}, CliContext::tr("as JSON")}}, args, &p, &code))
        return code;
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    FilterRegistry* filters = ctx.filters();
    if (!filters)
        return kExitFailed;
    FilterRegistry& registry = *filters;
    const QList<FilterRegistry::Entry> all = registry.list();
    if (registry.pipelines()) {
        const auto problems = registry.pipelines()->problems();
        for (auto it = problems.begin(); it != problems.end(); ++it)
            ctx.err() << CliContext::tr("Warning: the filters of %1, if it is a Pipelines server, "
                                        "are not known: %2")
                             .arg(oneLine(it.key()), oneLine(*it))
                      << Qt::endl;
    }
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray out;
        for (const FilterRegistry::Entry& e : all) {
            const QJsonArray hooks = QJsonArray::fromStringList(filterHookNames(e.info.hooks));
            out.append(QJsonObject{
                {QStringLiteral("id"), e.id},
                {QStringLiteral("name"), e.info.name},
                {QStringLiteral("description"), e.info.description},
                {QStringLiteral("version"), e.info.version},
                {QStringLiteral("source"), e.info.source},
                {QStringLiteral("enabled"), e.enabled},
                {QStringLiteral("hooks"), hooks},
                {QStringLiteral("priority"), e.info.priority},
                {QStringLiteral("toggle"), e.info.toggle},
                {QStringLiteral("pipelines"), e.fromPipelines},
                {QStringLiteral("models"), QJsonArray::fromStringList(e.models)},
                {QStringLiteral("preselected"), QJsonArray::fromStringList(e.preselected)},
                {QStringLiteral("problem"), e.problem}});
        }
        ctx.out() << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    if (all.isEmpty()) {
        ctx.out() << CliContext::tr("No filters.") << Qt::endl;
        return kExitOk;
    }
    for (const FilterRegistry::Entry& e : all) {
        QString line = CliContext::tr("%1  %2  [%3]  priority %4  %5")
                           .arg(oneLine(e.id), oneLine(e.info.name), hooksText(e.info))
                           .arg(e.info.priority)
                           .arg(oneLine(stateText(e)));
        if (!e.models.isEmpty())
            line += CliContext::tr("  models: %1").arg(oneLine(e.models.join(QLatin1Char(','))));
        if (e.info.toggle && !e.preselected.isEmpty())
            line += CliContext::tr("  preselected for: %1")
                        .arg(oneLine(e.preselected.join(QLatin1Char(','))));
        ctx.out() << line << Qt::endl;
    }
    ctx.err() << CliContext::tr("Filters are read from %1.").arg(registry.folder()) << Qt::endl;
    return kExitOk;
}

int filtersSwitch(CliContext& ctx, const QStringList& args, bool on)
{
    const QString command =
        on ? QStringLiteral("filters enable") : QStringLiteral("filters disable");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, command, command + QStringLiteral(" ID"),
                   on ? CliContext::tr("Turns the filter ID on for every chat (admin). It then "
                                       "reads every request and reply it applies to.")
                      : CliContext::tr("Turns the filter ID off (admin)."),
                   {}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("%1 takes one ID").arg(command), command);
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (!ctx.filters()) // a Pipelines server's as well
        return kExitFailed;
    if (Status st = app->filters().setEnabled(p.positional[0], on); !st.ok())
        return ctx.fail(st.errorMessage());
    if (on) {
        waitUntilFiltersDescribed(app->filters());
        if (auto e = app->filters().entry(p.positional[0]); e && !e->problem.isEmpty())
            return ctx.fail(
                CliContext::tr("%1 is on but cannot run: %2").arg(p.positional[0], e->problem));
    }
    ctx.out() << (on ? CliContext::tr("%1 is on.") : CliContext::tr("%1 is off."))
                     .arg(oneLine(p.positional[0]))
              << Qt::endl;
    return kExitOk;
}

int filtersValves(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, QStringLiteral("filters valves"),
            QStringLiteral("filters valves ID [--user] [--json]"),
            CliContext::tr("The filter's valves (its settings), one a line with what each is "
                           "for; with --user, your own (its user valves)."),
            {{QStringLiteral("user"), {}, CliContext::tr("your own valves")},
             {QStringLiteral("json"), {}, CliContext::tr("as one JSON object")}},
            args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("filters valves takes one ID"),
                         QStringLiteral("filters valves"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    if (!ctx.filters())
        return kExitFailed;
    const auto e = app->filters().entry(p.positional[0]);
    if (!e)
        return ctx.fail(CliContext::tr("There is no filter %1.").arg(p.positional[0]));
    const QJsonObject valves =
        p.flags.contains(QLatin1String("user"))
            ? app->filters().userValves(e->id, app->session().personalConfig())
            : app->filters().valves(e->id);
    if (p.flags.contains(QLatin1String("json"))) {
        ctx.out() << QJsonDocument(valves).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    const QJsonObject schema =
        (p.flags.contains(QLatin1String("user")) ? e->info.userValves : e->info.valves)
            .value(QLatin1String("properties"))
            .toObject();
    if (valves.isEmpty())
        ctx.out() << CliContext::tr("%1 has no valves.").arg(oneLine(e->id)) << Qt::endl;
    for (auto it = valves.begin(); it != valves.end(); ++it) {
        const QString value = QString::fromUtf8(
            QJsonDocument(QJsonArray{*it}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
        const QString about =
            schema.value(it.key()).toObject().value(QLatin1String("description")).toString();
        ctx.out() << oneLine(it.key()) << " = " << oneLine(value)
                  << (about.isEmpty() ? QString() : QStringLiteral("    # ") + oneLine(about))
                  << Qt::endl;
    }
    return kExitOk;
}

int filtersSet(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("filters set"),
                   QStringLiteral("filters set ID KEY JSON [--user]"),
                   CliContext::tr("Sets one valve of the filter (admin), checked against its "
                                  "schema; with --user, one of your own (its user valves).\n"
                                  "Example: lyss-cli filters set content words '[\"darn\"]'"),
                   {{QStringLiteral("user"), {}, CliContext::tr("one of your own valves")}}, args,
                   &p, &code))
        return code;
    if (p.positional.size() != 3)
        return ctx.usage(CliContext::tr("filters set takes an ID, a KEY and a JSON value"),
                         QStringLiteral("filters set"));
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + p.positional[2].toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return ctx.usage(CliContext::tr("%1 is not a JSON value (text goes in quotes: '\"word\"')")
                             .arg(p.positional[2]),
                         QStringLiteral("filters set"));
    if (!ctx.filters())
        return kExitFailed;
    std::optional<Status> saved;
    QEventLoop loop;
    const Status st =
        p.flags.contains(QLatin1String("user"))
            ? app->filters().setUserValve(p.positional[0], p.positional[1], doc.array().at(0),
                                          app->session().personalConfig())
            : app->filters().setValves(p.positional[0],
                                       QJsonObject{{p.positional[1], doc.array().at(0)}},
                                       [&saved, &loop](Status s) {
                                           saved = s;
                                           loop.quit();
                                       });
    if (!st.ok())
        return ctx.fail(st.errorMessage());
    // A Pipelines server's valves are saved when it says so.
    if (!p.flags.contains(QLatin1String("user")) && !saved)
        loop.exec();
    if (saved && !saved->ok())
        return ctx.fail(saved->errorMessage());
    ctx.out() << CliContext::tr("%1's %2 is set.").arg(p.positional[0], p.positional[1])
              << Qt::endl;
    return kExitOk;
}

int filtersModels(CliContext& ctx, const QStringList& args, bool preselect)
{
    const QString command =
        preselect ? QStringLiteral("filters preselect") : QStringLiteral("filters models");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, command,
                   preselect ? QStringLiteral("filters preselect ID (--none | MODEL... | '*')")
                             : QStringLiteral("filters models ID (--all | MODEL...)"),
                   preselect
                       ? CliContext::tr("The models whose new chats start with the toggle filter "
                                        "ID switched on ('*': every model; --none: none) "
                                        "(admin). A chat can still switch it off.")
                       : CliContext::tr("The models the filter ID applies to (--all: every "
                                        "model) (admin). A name without a tag (llama3.2) takes "
                                        "every tag (llama3.2:latest, llama3.2:1b)."),
                   {{preselect ? QStringLiteral("none") : QStringLiteral("all"),
                     {},
                     preselect ? CliContext::tr("no model") : CliContext::tr("every model")}},
                   args, &p, &code))
        return code;
    const bool clear = p.flags.contains(preselect ? QLatin1String("none") : QLatin1String("all"));
    if (p.positional.isEmpty() || (p.positional.size() == 1) == !clear)
        return ctx.usage(preselect ? CliContext::tr("filters preselect takes an ID and models, "
                                                    "or --none")
                                   : CliContext::tr("filters models takes an ID and models, or "
                                                    "--all"),
                         command);
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (!ctx.filters())
        return kExitFailed;
    const QString id = p.positional[0];
    const QStringList models = p.positional.mid(1);
    const Status st = preselect ? app->filters().setPreselected(id, models)
                                : app->filters().setModels(id, models);
    if (!st.ok())
        return ctx.fail(st.errorMessage());
    if (preselect) {
        if (auto e = app->filters().entry(id); e && !e->info.toggle)
            ctx.err() << CliContext::tr("Note: %1 is not a toggle filter: it runs wherever it "
                                        "applies, switched on or not.")
                             .arg(oneLine(id))
                      << Qt::endl;
        ctx.out() << (models.isEmpty()
                          ? CliContext::tr("New chats start with %1 switched off.").arg(oneLine(id))
                          : CliContext::tr("New chats with %1 start with %2 switched on.")
                                .arg(oneLine(models.join(QStringLiteral(", "))), oneLine(id)))
                  << Qt::endl;
    } else {
        ctx.out() << (models.isEmpty()
                          ? CliContext::tr("%1 applies to every model.").arg(oneLine(id))
                          : CliContext::tr("%1 applies to: %2.")
                                .arg(oneLine(id), oneLine(models.join(QStringLiteral(", ")))))
                  << Qt::endl;
    }
    return kExitOk;
}

int filtersReload(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("filters reload"), QStringLiteral("filters reload"),
                   CliContext::tr("Reads the filters folder again, starts each filter that is on "
                                  "and waits until it has described itself; lists them. Exit "
                                  "status 1 when one that is on cannot run. (The window reads "
                                  "the folder whenever it changes.)"),
                   {}, args, &p, &code))
        return code;
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    app->filters().reload();
    if (!ctx.filters())
        return kExitFailed;
    bool failing = false;
    for (const FilterRegistry::Entry& e : app->filters().list()) {
        failing = failing || (e.enabled && !e.problem.isEmpty());
        ctx.out() << CliContext::tr("%1  %2").arg(oneLine(e.id), oneLine(stateText(e))) << Qt::endl;
    }
    return failing ? kExitFailed : kExitOk;
}

int filtersTest(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, QStringLiteral("filters test"),
            QStringLiteral("filters test ID (--inlet|--stream|--outlet) FILE.json"),
            CliContext::tr("Sends the body (or stream event) in FILE to the filter, on or "
                           "off, and prints what it answers (admin). For filter authors."),
            {{QStringLiteral("inlet"), QStringLiteral("FILE"), CliContext::tr("a request body")},
             {QStringLiteral("stream"), QStringLiteral("FILE"), CliContext::tr("a chunk")},
             {QStringLiteral("outlet"), QStringLiteral("FILE"), CliContext::tr("a reply body")}},
            args, &p, &code))
        return code;
    if (p.positional.size() != 1 || p.values.size() != 1)
        return ctx.usage(CliContext::tr("filters test takes an ID and one of --inlet, --stream, "
                                        "--outlet"),
                         QStringLiteral("filters test"));
    AppContext* app = ctx.app();
    if (!app || !ctx.mayChangeInstallation(CliContext::tr("test a filter")))
        return kExitFailed;
    const QString which = p.values.keys().constFirst();
    const FilterHook hook = which == QLatin1String("inlet")    ? FilterHook::Inlet
                            : which == QLatin1String("stream") ? FilterHook::Stream
                                                               : FilterHook::Outlet;
    QFile file(p.values.value(which));
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(
            CliContext::tr("Cannot read %1: %2.").arg(file.fileName(), file.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return ctx.fail(CliContext::tr("%1 is not a JSON object.").arg(file.fileName()));
    if (!ctx.filters())
        return kExitFailed;
    Filter* filter = app->filters().filter(p.positional[0]);
    if (!filter) {
        const auto e = app->filters().entry(p.positional[0]);
        return ctx.fail(e ? CliContext::tr("%1 cannot run: %2").arg(e->id, e->problem)
                          : CliContext::tr("There is no filter %1.").arg(p.positional[0]));
    }
    // On or off, it runs for this test.
    if (auto* process = qobject_cast<ProcessFilter*>(filter))
        process->start();
    auto me = ctx.person();
    QJsonObject user{{QStringLiteral("id"), me ? me->id : QString()},
                     {QStringLiteral("name"), me ? me->name : QString()},
                     {QStringLiteral("role"), me ? userRoleName(me->role) : QString()},
                     {QStringLiteral("email"), QString()},
                     {QStringLiteral("valves"), QJsonObject{}}};
    const QJsonObject payload{
        {hook == FilterHook::Stream ? QStringLiteral("event") : QStringLiteral("body"),
         doc.object()},
        {QStringLiteral("user"), user},
        {QStringLiteral("valves"), app->filters().valves(p.positional[0])},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("filter_id"), p.positional[0]}}}};
    std::optional<Result<QJsonObject>> answer;
    QEventLoop loop;
    filter->call(hook, payload, [&answer, &loop](Result<QJsonObject> r) {
        answer = std::move(r);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    if (!*answer)
        return ctx.fail(CliContext::tr("The filter failed: %1").arg(answer->errorMessage()));
    ctx.out() << QJsonDocument(**answer).toJson(QJsonDocument::Indented);
    return kExitOk;
}

} // namespace

int runFilters(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return filtersList(ctx, rest);
    if (sub == QLatin1String("enable"))
        return filtersSwitch(ctx, rest, true);
    if (sub == QLatin1String("disable"))
        return filtersSwitch(ctx, rest, false);
    if (sub == QLatin1String("valves"))
        return filtersValves(ctx, rest);
    if (sub == QLatin1String("set"))
        return filtersSet(ctx, rest);
    if (sub == QLatin1String("test"))
        return filtersTest(ctx, rest);
    if (sub == QLatin1String("models"))
        return filtersModels(ctx, rest, false);
    if (sub == QLatin1String("preselect"))
        return filtersModels(ctx, rest, true);
    if (sub == QLatin1String("reload"))
        return filtersReload(ctx, rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << CliContext::tr("Usage: lyss-cli filters list [--json] | enable ID | disable "
                                    "ID | models ID (--all | MODEL...) | preselect ID (--none | "
                                    "MODEL...) | valves ID [--user] | set ID KEY JSON [--user] | "
                                    "reload | test ID --inlet FILE\n");
        return kExitOk;
    }
    return ctx.usage(sub.isEmpty() ? CliContext::tr("filters needs a subcommand")
                                   : CliContext::tr("unknown subcommand \"filters %1\"").arg(sub),
                     QStringLiteral("filters"));
}

} // namespace lyss::cli
