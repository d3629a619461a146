// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli chats: list chats and read one.
#include "CliContext.h"

#include "app/AppContext.h"
#include "store/ChatStore.h"

#include <QDateTime>
#include <QTextStream>

#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

namespace lyss::cli {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString titleOf(const Chat& c)
{
    return c.title.isEmpty() ? CliContext::tr("(untitled)") : c.title;
}

QJsonObject chatJson(const Chat& c)
{
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("model"), c.model},
        {QStringLiteral("backend"), c.backend.isEmpty() ? QJsonValue() : QJsonValue(c.backend)},
        {QStringLiteral("pinned"), c.pinned},
        {QStringLiteral("archived"), c.archived},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
        {QStringLiteral("created_at"), isoTime(c.createdAt)},
        {QStringLiteral("updated_at"), isoTime(c.updatedAt)}};
}

QJsonObject messageJson(const Message& m)
{
    QJsonObject o{
        {QStringLiteral("id"), m.id},
        {QStringLiteral("parent_id"), m.parentId.isEmpty() ? QJsonValue() : QJsonValue(m.parentId)},
        {QStringLiteral("role"), roleName(m.role)},
        {QStringLiteral("content"), m.content},
        {QStringLiteral("status"), statusName(m.status)},
        {QStringLiteral("model"), m.model.isEmpty() ? QJsonValue() : QJsonValue(m.model)},
        {QStringLiteral("created_at"), isoTime(m.createdAt)}};
    if (!m.thinking.isEmpty())
        o.insert(QStringLiteral("thinking"), m.thinking);
    if (!m.error.isEmpty())
        o.insert(QStringLiteral("error"), m.error);
    if (!m.metrics.isEmpty())
        o.insert(QStringLiteral("metrics"), m.metrics);
    return o;
}

int chatsList(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("chats list"), QStringLiteral("chats list [--json] [--all]"),
                   CliContext::tr("Lists chats, most recently active first."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")},
                    {QStringLiteral("all"), {}, CliContext::tr("include archived chats")}},
                   args, &p, &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("chats list takes no arguments"),
                         QStringLiteral("chats list"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    auto chats = app->store().chats().listChats(p.flags.contains(QLatin1String("all")));
    if (!chats)
        return ctx.fail(chats.errorMessage());
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const ChatSummary& s : *chats) {
            QJsonObject o = chatJson(s.chat);
            o.insert(QStringLiteral("message_count"), s.messageCount);
            arr.append(o);
        }
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    if (chats->isEmpty()) {
        ctx.err() << CliContext::tr("No chats yet.") << Qt::endl;
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const ChatSummary& s : *chats)
        rows.append({s.chat.id, localTime(s.chat.updatedAt), QString::number(s.messageCount),
                     titleOf(s.chat)});
    CliContext::printTable(ctx.out(),
                           {CliContext::tr("ID"), CliContext::tr("UPDATED"),
                            CliContext::tr("MESSAGES"), CliContext::tr("TITLE")},
                           rows);
    return kExitOk;
}

// The chat `idText` names (its id or the start of it), or nothing after printing why;
// `*code` is then the exit code.
std::optional<Chat> chatNamed(CliContext& ctx, const QString& idText, AppContext** app, int* code,
                              bool write = false)
{
    *code = kExitFailed;
    *app = write ? ctx.writableApp() : ctx.app();
    if (!*app)
        return std::nullopt;
    auto id = (*app)->store().chats().resolveChatId(idText);
    if (!id) {
        *code = ctx.fail(id.errorMessage());
        return std::nullopt;
    }
    auto chat = (*app)->store().chats().chat(*id);
    if (!chat || !chat->has_value()) {
        *code = ctx.fail(chat ? CliContext::tr("There is no chat with the id %1.").arg(*id)
                              : chat.errorMessage());
        return std::nullopt;
    }
    return **chat;
}

int chatsShow(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("chats show"), QStringLiteral("chats show ID [--json]"),
                   CliContext::tr("Shows a chat's current branch, root first. ID may be the "
                                  "start of a chat's id if only one chat matches it."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON object")}}, args, &p,
                   &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("chats show takes one chat ID"),
                         QStringLiteral("chats show"));
    AppContext* app = nullptr;
    const auto chat = chatNamed(ctx, p.positional[0], &app, &code);
    if (!chat)
        return code;
    const QString id = chat->id;
    auto messages = app->store().messages().currentBranch(id);
    if (!messages)
        return ctx.fail(messages.errorMessage());

    const Chat& c = *chat;
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonObject o = chatJson(c);
        QJsonArray arr;
        for (const Message& m : *messages)
            arr.append(messageJson(m));
        o.insert(QStringLiteral("messages"), arr);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    QTextStream& out = ctx.out();
    out << "# " << oneLine(titleOf(c)) << '\n' << c.id << '\n';
    for (const Message& m : *messages) {
        QString who = roleName(m.role);
        if (!m.model.isEmpty())
            who += QStringLiteral(" · ") + oneLine(m.model);
        if (m.status != MessageStatus::Complete)
            who += QStringLiteral(" · ") + statusName(m.status);
        out << "\n## " << who << "  (" << localTime(m.createdAt) << ")\n";
        if (!m.thinking.isEmpty())
            out << CliContext::tr("[thinking] %1").arg(m.thinking) << '\n';
        out << m.content << '\n';
        if (!m.error.isEmpty())
            out << CliContext::tr("[error] %1").arg(m.error) << '\n';
    }
    out.flush();
    return kExitOk;
}

int chatsDelete(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("chats delete"), QStringLiteral("chats delete ID [--yes]"),
                   CliContext::tr("Deletes a chat with all its messages and branches. Without "
                                  "--yes it asks first, on a terminal; elsewhere it needs --yes. "
                                  "A backup (lyss-cli backup) is the way back."),
                   {{QStringLiteral("yes"), {}, CliContext::tr("do not ask")}}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("chats delete takes one chat ID"),
                         QStringLiteral("chats delete"));
    AppContext* app = nullptr;
    const auto chat = chatNamed(ctx, p.positional[0], &app, &code, true);
    if (!chat)
        return code;
    const QString id = chat->id;
    auto count = app->store().messages().messageCount(id);
    if (!count)
        return ctx.fail(count.errorMessage());
    const QString title = oneLine(titleOf(*chat));
    if (!p.flags.contains(QLatin1String("yes"))) {
        if (::isatty(STDIN_FILENO) != 1)
            return ctx.usage(CliContext::tr("chats delete needs --yes when it cannot ask (standard "
                                            "input is not a terminal)"),
                             QStringLiteral("chats delete"));
        ctx.err() << CliContext::tr("Delete the chat \"%1\" and its %n message(s)? [y/N] ", nullptr,
                                    *count)
                         .arg(title)
                  << Qt::flush;
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            ctx.err() << CliContext::tr("Nothing was deleted.") << Qt::endl;
            return kExitFailed;
        }
    }
    if (Status st = app->store().chats().deleteChat(id); !st.ok())
        return ctx.fail(st.errorMessage());
    ctx.err()
        << CliContext::tr("Deleted the chat \"%1\" (%n message(s)).", nullptr, *count).arg(title)
        << Qt::endl;
    return kExitOk;
}

} // namespace

int runChats(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return chatsList(ctx, rest);
    if (sub == QLatin1String("show"))
        return chatsShow(ctx, rest);
    if (sub == QLatin1String("delete"))
        return chatsDelete(ctx, rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << CliContext::tr("Usage: lyss-cli [--data-dir DIR] chats list|show|delete ...\n"
                                    "\n"
                                    "  chats list [--json] [--all]\n"
                                    "  chats show ID [--json]\n"
                                    "  chats delete ID [--yes]\n")
                  << Qt::flush;
        return kExitOk;
    }
    return ctx.usage(sub.isEmpty() ? CliContext::tr("chats needs a subcommand")
                                   : CliContext::tr("unknown subcommand \"chats %1\"").arg(sub),
                     QStringLiteral("chats"));
}

} // namespace lyss::cli
