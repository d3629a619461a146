// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli chat: send a message and stream the reply, saved like the app saves it.
#include "CliContext.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "store/ChatStore.h"
#include "util/Sentences.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace lyss::cli {

namespace {

void printJsonLine(QTextStream& out, const QJsonObject& o)
{
    out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

// Per-chat options: the chat's saved ones, then what the command line says.
Result<ChatOptions> optionsFrom(const ParsedArgs& p, ChatOptions base)
{
    auto number = [&](const char* name, double* out) -> Status {
        const QString v = p.values.value(QLatin1String(name));
        bool ok = false;
        *out = v.toDouble(&ok);
        if (!ok)
            return Error{
                CliContext::tr("--%1 needs a number, not \"%2\"").arg(QLatin1String(name), v)};
        return {};
    };
    double v = 0;
    if (p.values.contains(QStringLiteral("system")))
        base.systemPrompt = p.values.value(QStringLiteral("system"));
    if (p.values.contains(QStringLiteral("temperature"))) {
        if (Status st = number("temperature", &v); !st.ok())
            return st.error();
        base.temperature = v;
    }
    if (p.values.contains(QStringLiteral("context-length"))) {
        if (Status st = number("context-length", &v); !st.ok())
            return st.error();
        base.contextLength = static_cast<int>(v);
    }
    if (p.values.contains(QStringLiteral("seed"))) {
        if (Status st = number("seed", &v); !st.ok())
            return st.error();
        base.seed = static_cast<qint64>(v);
    }
    if (p.values.contains(QStringLiteral("keep-alive")))
        base.keepAlive = p.values.value(QStringLiteral("keep-alive"));
    if (p.flags.contains(QLatin1String("think")))
        base.think = true;
    return base;
}

// --tools none|all|ID[,ID...]: which of an Open WebUI model's tools the chat asks with;
// the chat's choice for the tools of other models stays. The tools switched off, or why not.
Result<QStringList> toolsOff(const QString& wanted, const ModelInfo* model,
                             const QStringList& offBefore)
{
    const QStringList offered = model ? model->toolIds : QStringList();
    if (wanted.isEmpty())
        return Error{CliContext::tr("--tools takes none, all, or the ids of the model's tools.")};
    if (offered.isEmpty())
        return Error{CliContext::tr("The server lists no tools for this model, so there are none "
                                    "to switch (lyss-cli models --json shows each model's "
                                    "tools; only an Open WebUI server's models have them).")};
    QStringList on;
    if (wanted == QLatin1String("all")) {
        on = offered;
    } else if (wanted != QLatin1String("none")) {
        for (const QString& id : wanted.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!offered.contains(id.trimmed()))
                return Error{CliContext::tr("%1 is not one of this model's tools: %2.")
                                 .arg(id.trimmed(), offered.join(QStringLiteral(", ")))};
            on << id.trimmed();
        }
    }
    QStringList off = offBefore;
    for (const QString& id : offered) {
        off.removeAll(id);
        if (!on.contains(id))
            off << id;
    }
    return off;
}

} // namespace

int runChat(CliContext& ctx, const QStringList& args)
{
    const QString cmd = QStringLiteral("chat");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, cmd,
            QStringLiteral("chat [--backend NAME] [--model M] [--chat ID] [--system TEXT] "
                           "[--filter ID] [--tools none|all|ID] [--json] "
                           "PROMPT|-|--continue"),
            CliContext::tr(
                "Sends PROMPT (or standard input when PROMPT is -) as a new chat, or "
                "as the next message of --chat ID, and streams the reply to standard "
                "output. Both messages are saved; the chat id is printed on standard "
                "error. Ctrl-C stops the reply and saves what arrived.\n"
                "--chat ID --continue: the chat's last reply, stopped or failed, goes on "
                "where it ended (Ollama servers); only the new text is printed.\n"
                "Without --model: the chat's model, then chat.default_model, then the "
                "first model listed.\n"
                "Exit status: 0 for a complete reply, 1 for an error, 130 when stopped."),
            {{QStringLiteral("backend"), QStringLiteral("NAME"),
              CliContext::tr("the backend to ask")},
             {QStringLiteral("model"), QStringLiteral("M"),
              CliContext::tr("the model (name or backend/name)")},
             {QStringLiteral("chat"), QStringLiteral("ID"), CliContext::tr("continue this chat")},
             {QStringLiteral("system"), QStringLiteral("TEXT"), CliContext::tr("system prompt")},
             {QStringLiteral("temperature"), QStringLiteral("T"),
              CliContext::tr("sampling temperature")},
             {QStringLiteral("context-length"), QStringLiteral("N"),
              CliContext::tr("context window (Ollama num_ctx)")},
             {QStringLiteral("seed"), QStringLiteral("N"), CliContext::tr("random seed")},
             {QStringLiteral("keep-alive"), QStringLiteral("D"),
              CliContext::tr("how long Ollama keeps the model loaded, e.g. 5m")},
             {QStringLiteral("think"), {}, CliContext::tr("ask a reasoning model to think")},
             {QStringLiteral("filter"), QStringLiteral("ID[,ID...]"),
              CliContext::tr("switch these toggle filters on for the chat")},
             {QStringLiteral("tools"), QStringLiteral("none|all|ID[,ID...]"),
              CliContext::tr("an Open WebUI model's tools the chat asks with (lyss-cli models "
                             "--json lists them); kept with the chat")},
             {QStringLiteral("json"), {}, CliContext::tr("one JSON event per line")},
             {QStringLiteral("continue"),
              {},
              CliContext::tr("go on with the chat's stopped or failed last reply")}},
            args, &p, &code))
        return code;
    const bool continuing = p.flags.contains(QLatin1String("continue"));
    if (continuing && (!p.positional.isEmpty() || !p.values.contains(QStringLiteral("chat"))))
        return ctx.usage(CliContext::tr("--continue takes --chat ID and no PROMPT"), cmd);
    if (!continuing && p.positional.size() != 1)
        return ctx.usage(CliContext::tr("chat takes one PROMPT (or - to read standard input)"),
                         cmd);
    QString prompt = continuing ? QString() : p.positional[0];
    if (prompt == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(CliContext::tr("Cannot read standard input."));
        prompt = QString::fromUtf8(in.readAll());
    }
    if (!continuing && prompt.trimmed().isEmpty())
        return ctx.usage(CliContext::tr("the prompt is empty"), cmd);

    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    BackendSet* set = ctx.backends();
    if (!set)
        return kExitFailed;
    const bool json = p.flags.contains(QLatin1String("json"));

    // The chat to continue, and what it remembers.
    QString chatId;
    std::optional<Chat> chat;
    const QString typed = p.values.value(QStringLiteral("model"));
    if (p.values.contains(QStringLiteral("chat"))) {
        auto id = app->store().chats().resolveChatId(p.values.value(QStringLiteral("chat")));
        if (!id)
            return ctx.fail(id.errorMessage());
        chatId = *id;
        auto found = app->store().chats().chat(chatId);
        if (!found || !found->has_value())
            return ctx.fail(found ? CliContext::tr("There is no chat with the id %1.").arg(chatId)
                                  : found.errorMessage());
        chat = **found;
    }
    // The filters, with those of the Pipelines servers among the backends.
    if (!ctx.filters())
        return kExitFailed;
    Conversations conversations(app->store(), app->settings(), *set);
    conversations.setStageSource(app->filterStages(app->session().userId()));
    auto saved = conversations.planner().optionsOf(chatId);
    if (!saved)
        return ctx.fail(saved.errorMessage());
    auto options = optionsFrom(p, *saved);
    if (!options)
        return ctx.usage(options.errorMessage(), cmd);

    // Which backend and model: --model, else the chat's, else chat.default_model, else the
    // first listed; --backend narrows. Names are checked against the lists.
    Backend* only = nullptr;
    if (!ctx.backendOption(p.values, &only))
        return kExitFailed;
    const BackendSet::ModelList list = ctx.listModels(only);
    if (list.models.isEmpty()) {
        if (!list.errors.isEmpty())
            return ctx.fail(list.errors.join(QLatin1Char('\n')));
        return ctx.fail(
            CliContext::tr("No models are available. Download one with: lyss-cli pull llama3.2"));
    }
    for (const QString& e : list.errors)
        ctx.err() << CliContext::tr("Warning: %1").arg(e) << Qt::endl;
    QStringList backendNames;
    for (Backend* b : set->backends())
        backendNames << b->name();
    if (only)
        backendNames = {only->name()};
    Result<ModelChoice> choice = ModelChoice{};
    if (!typed.isEmpty()) {
        choice = ModelChoice::fromText(typed, list.models, backendNames);
    } else if (chat && !chat->model.isEmpty()) {
        choice = ModelChoice::rememberedBy(*chat, list.models, backendNames);
    } else if (const QString byDefault = app->settings().text(SettingKey::DefaultModel);
               !byDefault.isEmpty()) {
        choice = ModelChoice::fromText(byDefault, list.models, backendNames);
    } else {
        choice = ModelChoice{list.models.first().backendName, list.models.first().name};
    }
    // With --backend the server has the last word: it may know a model its list lacks,
    // and its own "not found" says what to do.
    if (!choice && only) {
        const QString name = !typed.isEmpty() ? typed : chat ? chat->model : QString();
        if (!name.isEmpty())
            choice = ModelChoice{only->name(), name};
    }
    if (!choice)
        return ctx.fail(choice.errorMessage());

    // --filter: toggle filters switched on, over what the chat (or its model) has on.
    if (p.values.contains(QStringLiteral("filter"))) {
        FilterRegistry& filters = app->filters();
        // What the chat has chosen stays (toggles of another model too); else the model's.
        QStringList on = options->filterIds ? *options->filterIds
                                            : filters.switchedOn(choice->model, std::nullopt);
        for (const QString& id :
             p.values.value(QStringLiteral("filter")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString wanted = id.trimmed();
            bool offered = false;
            for (const FilterRegistry::Entry& e : filters.togglesFor(choice->model))
                offered = offered || e.id == wanted;
            if (!offered)
                return ctx.fail(
                    CliContext::tr("%1 is not a toggle filter that is on for %2 (lyss-cli filters "
                                   "list shows them).")
                        .arg(wanted, choice->model));
            if (!on.contains(wanted))
                on << wanted;
        }
        options->filterIds = on;
        if (!chatId.isEmpty()) {
            if (Status st = conversations.setFilterIds(chatId, on); !st.ok())
                return ctx.fail(st.errorMessage());
        }
    }

    if (p.values.contains(QStringLiteral("tools"))) {
        const ModelInfo* model = nullptr;
        for (const ModelInfo& m : list.models)
            if (m.backendName == choice->backend && m.name == choice->model)
                model = &m;
        auto off = toolsOff(p.values.value(QStringLiteral("tools")).trimmed(), model,
                            options->serverToolsOff);
        if (!off)
            return ctx.fail(off.errorMessage());
        options->serverToolsOff = *off;
        if (!chatId.isEmpty()) {
            if (Status st = conversations.setServerToolsOff(chatId, *off); !st.ok())
                return ctx.fail(st.errorMessage());
        }
    }

    Result<ActiveReply*> started = Error{};
    if (continuing) {
        started = conversations.continueReply(chatId, chat->currentLeafId, *choice, *options);
    } else {
        Conversations::Send send;
        send.chatId = chatId;
        send.prompt = prompt;
        send.model = *choice;
        send.options = *options;
        started = conversations.send(send);
    }
    if (!started)
        return ctx.fail(started.errorMessage());
    ActiveReply* reply = *started;
    Backend* backend = set->find(choice->backend);

    if (json)
        printJsonLine(ctx.out(), {{QStringLiteral("type"), QStringLiteral("start")},
                                  {QStringLiteral("chat_id"), reply->chatId()},
                                  {QStringLiteral("message_id"), reply->messageId()},
                                  {QStringLiteral("backend"), backend->name()},
                                  {QStringLiteral("model"), choice->model}});
    bool thinkingOpen = false;
    bool printedAnswer = false; // what stdout has of the reply ends its line
    // What stdout has of the answer (a continued reply's earlier text included), to tell
    // whether filters changed it once it was whole.
    QString shown = reply->message().content;
    QObject::connect(reply, &ActiveReply::updated, reply, [&](const StreamEvents& events) {
        for (const StreamEvent& e : events) {
            const bool isThinking = e.kind == StreamEvent::Kind::Thinking;
            if (!isThinking)
                shown += e.text;
            if (json) {
                printJsonLine(ctx.out(),
                              {{QStringLiteral("type"),
                                isThinking ? QStringLiteral("thinking") : QStringLiteral("delta")},
                               {QStringLiteral("text"), e.text}});
            } else if (isThinking) {
                ctx.err() << e.text << Qt::flush; // reasoning stays out of the answer on stdout
                thinkingOpen = true;
            } else {
                if (thinkingOpen) {
                    ctx.err() << "\n\n" << Qt::flush;
                    thinkingOpen = false;
                }
                ctx.out() << e.text << Qt::flush;
                if (!e.text.isEmpty())
                    printedAnswer = !e.text.endsWith(QLatin1Char('\n'));
            }
        }
    });
    // A write that fails is said at once; the reply keeps streaming to the terminal.
    QString lastSaveProblem;
    QObject::connect(reply, &ActiveReply::saveStateChanged, reply, [&](const QString& problem) {
        if (problem.isEmpty() || problem == lastSaveProblem)
            return;
        lastSaveProblem = problem;
        ctx.err() << '\n'
                  << joinSentences(
                         CliContext::tr("Warning: the reply could not be saved: %1").arg(problem),
                         CliContext::tr("Lyss keeps it and tries again."))
                  << Qt::endl;
    });
    // What a filter tells the person: on standard error, one line each (JSON with --json).
    QObject::connect(
        reply, &ActiveReply::notified, reply, [&](const QString& level, const QString& text) {
            if (json)
                printJsonLine(ctx.out(), {{QStringLiteral("type"), QStringLiteral("notification")},
                                          {QStringLiteral("level"), level},
                                          {QStringLiteral("text"), text}});
            else
                ctx.err() << '\n'
                          << CliContext::tr("Filter (%1): %2")
                                 .arg(level == QLatin1String("error") ? CliContext::tr("error")
                                      : level == QLatin1String("warning")
                                          ? CliContext::tr("warning")
                                      : level == QLatin1String("success") ? CliContext::tr("done")
                                                                          : CliContext::tr("note"),
                                      text)
                          << Qt::endl;
        });
    bool interrupted = false;
    ctx.onInterrupt([reply, &interrupted] {
        interrupted = true;
        reply->cancel();
    });
    QEventLoop loop;
    QObject::connect(reply, &ActiveReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    // One more try before giving up: the disk may have room again.
    const bool stored = reply->isSaved() || reply->retrySave().ok();
    const Message& m = reply->message();
    // Filters (the server's or Lyss's) changed the whole reply after it streamed: what is
    // kept is theirs, and said so.
    const bool changed = m.status == MessageStatus::Complete && m.content != shown;
    if (json) {
        QJsonObject end{{QStringLiteral("chat_id"), m.chatId},
                        {QStringLiteral("message_id"), m.id}};
        if (!reply->notContinuedReason().isEmpty()) {
            end.insert(QStringLiteral("type"), QStringLiteral("not_continued"));
            end.insert(QStringLiteral("message"), reply->notContinuedReason());
        } else if (m.status == MessageStatus::Complete) {
            end.insert(QStringLiteral("type"), QStringLiteral("done"));
            end.insert(QStringLiteral("metrics"), m.metrics);
            if (changed)
                end.insert(QStringLiteral("content"), m.content);
        } else if (m.status == MessageStatus::Cancelled) {
            end.insert(QStringLiteral("type"), QStringLiteral("cancelled"));
        } else {
            end.insert(QStringLiteral("type"), QStringLiteral("error"));
            end.insert(QStringLiteral("message"), m.error);
        }
        end.insert(QStringLiteral("saved"), stored);
        if (!stored)
            end.insert(QStringLiteral("save_error"), reply->saveProblem());
        printJsonLine(ctx.out(), end);
    } else {
        if (printedAnswer)
            ctx.out() << '\n' << Qt::flush;
        if (changed && m.content.startsWith(shown)) {
            // Only added to (a closing line): what is new, after what was printed.
            if (const QStringView added = QStringView(m.content).mid(shown.size()).trimmed();
                !added.isEmpty())
                ctx.out() << added << '\n' << Qt::flush;
        } else if (changed) {
            ctx.err() << CliContext::tr("Filters changed the reply once it was whole; it is "
                                        "kept as follows:")
                      << Qt::endl;
            ctx.out() << m.content << '\n' << Qt::flush;
        }
    }
    ctx.err() << CliContext::tr("chat %1").arg(m.chatId) << Qt::endl;
    if (const QString why = reply->notContinuedReason(); !why.isEmpty()) {
        // Nothing was asked or changed: the reply is as it was.
        ctx.err() << CliContext::tr("Not continued: %1").arg(why) << Qt::endl;
        return interrupted ? 130 : kExitFailed;
    }
    if (!stored && !reply->wasSent())
        return ctx.fail(joinSentences(
            m.error, CliContext::tr("Your message is not stored either. Free some space (or make "
                                    "the data folder writable), then send it again.")));
    if (!stored)
        return ctx.fail(joinSentences(
            CliContext::tr("The reply could not be saved in the database: %1")
                .arg(reply->saveProblem()),
            CliContext::tr("It is complete on standard output above: keep it from there. Free "
                           "some space (or make the data folder writable) before the next "
                           "chat.")));
    // How to go on with a partial reply, where its server can.
    const QString goOn =
        !m.content.trimmed().isEmpty() && backend && backend->continuesReplies()
            ? CliContext::tr("Continue it with: lyss-cli chat --chat %1 --continue").arg(m.chatId)
            : QString();
    switch (m.status) {
    case MessageStatus::Complete:
        if (!m.error.isEmpty()) // a stage could not check the finished reply
            ctx.err() << CliContext::tr("Warning: %1").arg(m.error) << Qt::endl;
        return interrupted ? 130 : kExitOk; // Ctrl-C while only filters were awaited
    case MessageStatus::Cancelled:
        ctx.err() << joinSentences(CliContext::tr("Stopped; the partial reply is saved."), goOn)
                  << Qt::endl;
        return 130;
    default:
        return ctx.fail(
            m.content.isEmpty()
                ? m.error
                : joinSentences(
                      joinSentences(m.error, CliContext::tr("The partial reply is saved.")), goOn));
    }
}

} // namespace lyss::cli
