// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli import, export, backup, restore: your chats in and out.
#include "CliContext.h"

#include "accounts/Accounts.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/OpenWebUiBackend.h"
#include "io/ChatImporter.h"
#include "io/MarkdownExport.h"
#include "io/OpenWebUiFormat.h"
#include "store/ChatStore.h"
#include "store/ReplyRecovery.h"
#include "store/sqlite/Database.h"
#include "store/sqlite/DatabaseBackup.h"
#include "store/sqlite/SessionMarker.h"
#include "util/AtomicFile.h"
#include "util/DataDir.h"
#include "util/ProcessIdentity.h"
#include "util/Sentences.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace lyss::cli {

namespace {

// "-o FILE" is the usual spelling; the option parser knows long names.
QStringList withLongOutput(QStringList args)
{
    for (QString& a : args) {
        if (a == QLatin1String("-o"))
            a = QStringLiteral("--output");
    }
    return args;
}

Status writeFile(const QString& path, const QByteArray& bytes)
{
    return AtomicFile::write(path, bytes);
}

// The folder --data-dir names (or the default), without opening anything in it.
QString dataDirOf(const CliContext& ctx)
{
    return resolveDataDir(ctx.dataDir(), QProcessEnvironment::systemEnvironment());
}

// The chats of the person an Open WebUI server knows by the backend's sign-in or key, as
// its export (ChatImporter reads them as it reads a file); false after saying why.
std::optional<ImportFile> chatsOfServer(CliContext& ctx, const QString& name)
{
    // The server's sign-in is the installation's (its admin's account there): only who may
    // change the installation reads its chats.
    if (!ctx.mayChangeInstallation(CliContext::tr("import chats from a server")))
        return std::nullopt;
    BackendSet* backends = ctx.backends();
    if (!backends)
        return std::nullopt;
    auto* server = qobject_cast<OpenWebUiBackend*>(backends->find(name));
    if (!server) {
        ctx.fail(backends->find(name)
                     ? CliContext::tr("%1 is not an Open WebUI server: chats are imported only "
                                      "from those.")
                           .arg(name)
                     : CliContext::tr("There is no backend named \"%1\" (or it is switched "
                                      "off). See lyss-cli backends list.")
                           .arg(name));
        return std::nullopt;
    }
    if (ctx.stderrIsTerminal())
        ctx.err()
            << CliContext::tr("Reading your chats from %1…").arg(server->config().url.toString())
            << Qt::endl;
    QEventLoop loop;
    std::optional<Result<QByteArray>> answer;
    server->fetchChats([&](Result<QByteArray> r) {
        answer = std::move(r);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    if (!answer->ok()) {
        ctx.fail(joinSentences(answer->errorMessage(), CliContext::tr("Nothing was imported.")));
        return std::nullopt;
    }
    auto file = ChatImporter::parse(**answer, server->config().url.toString());
    if (!file) {
        ctx.fail(file.errorMessage()); // which says that nothing was imported
        return std::nullopt;
    }
    file->backend = name;
    return std::move(file).value();
}

} // namespace

int runImport(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("import"),
                   QStringLiteral("import FILE | --from-backend NAME"),
                   CliContext::tr("Imports chats from Open WebUI's export (chat-export-….json) or "
                                  "ChatGPT's conversations.json; the format is detected. Branches, "
                                  "models, times, titles, pinned/archived and tags come across. A "
                                  "broken file imports nothing; chats imported before are skipped. "
                                  "With --from-backend, your chats are read from that Open WebUI "
                                  "server (as the account it is signed in to) instead of a file."),
                   {{QStringLiteral("from-backend"), QStringLiteral("NAME"),
                     CliContext::tr("an Open WebUI server to read your chats from")}},
                   args, &p, &code))
        return code;
    const QString fromBackend = p.values.value(QStringLiteral("from-backend"));
    if (p.positional.size() != (fromBackend.isEmpty() ? 1 : 0))
        return ctx.usage(fromBackend.isEmpty()
                             ? CliContext::tr("import takes one FILE")
                             : CliContext::tr("import takes no FILE with --from-backend"),
                         QStringLiteral("import"));
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    std::optional<ImportFile> file;
    if (fromBackend.isEmpty()) {
        auto read = ChatImporter::read(p.positional[0]);
        if (!read)
            return ctx.fail(read.errorMessage());
        file = std::move(read).value();
    } else if (!(file = chatsOfServer(ctx, fromBackend))) {
        return kExitFailed;
    }
    const bool tty = ctx.stderrIsTerminal();
    ChatImporter importer(app->database(), app->session().userId());
    auto summary = importer.write(*file, [&](int done, int total) {
        if (tty && total >= 20) {
            ctx.progressLineStart();
            ctx.err() << CliContext::tr("Importing: %1 of %2 chats").arg(done).arg(total)
                      << Qt::flush;
        }
    });
    if (tty && file->chats.size() >= 20)
        ctx.err() << '\n';
    if (!summary)
        return ctx.fail(
            joinSentences(summary.errorMessage(), CliContext::tr("Nothing was imported.")));
    ctx.out() << summary->text() << Qt::endl;
    return kExitOk;
}

int runExport(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, QStringLiteral("export"),
            QStringLiteral(
                "export [--chat ID] [--user NAME | --all-users] [--format json|markdown] "
                "[-o FILE|DIR]"),
            CliContext::tr("Exports every chat of yours, archived ones included (or one chat), "
                           "to standard output or a file. JSON is "
                           "Open WebUI's export shape, which Open WebUI and Lyss import again "
                           "with nothing lost. Markdown is for reading: one document, or one "
                           "file per chat when -o names a directory. Keys are never exported. An "
                           "admin may export another person's chats, or everyone's."),
            {{QStringLiteral("chat"), QStringLiteral("ID"), CliContext::tr("only this chat")},
             {QStringLiteral("user"), QStringLiteral("NAME"),
              CliContext::tr("this person's chats (admin)")},
             {QStringLiteral("all-users"), {}, CliContext::tr("every person's chats (admin)")},
             {QStringLiteral("format"), QStringLiteral("FORMAT"),
              CliContext::tr("json (default) or markdown")},
             {QStringLiteral("output"), QStringLiteral("FILE"),
              CliContext::tr("where to write (also -o)")}},
            withLongOutput(args), &p, &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("unexpected argument \"%1\"").arg(p.positional[0]),
                         QStringLiteral("export"));
    const QString format = p.values.value(QStringLiteral("format"), QStringLiteral("json"));
    if (format != QLatin1String("json") && format != QLatin1String("markdown"))
        return ctx.usage(CliContext::tr("--format must be json or markdown"),
                         QStringLiteral("export"));
    const bool everyone = p.flags.contains(QLatin1String("all-users"));
    if (everyone &&
        (p.values.contains(QStringLiteral("user")) || p.values.contains(QStringLiteral("chat"))))
        return ctx.usage(CliContext::tr("--all-users goes with neither --user nor --chat"),
                         QStringLiteral("export"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    auto me = ctx.person();
    if (!me)
        return kExitFailed;
    auto people =
        app->accounts().exportedPeople(*me, p.values.value(QStringLiteral("user")), everyone);
    if (!people)
        return ctx.fail(people.errorMessage());
    // Each chat with the store of the person it belongs to.
    std::vector<std::unique_ptr<ChatStore>> stores;
    QList<QPair<Chat, ChatStore*>> selected;
    for (const User& person : *people) {
        stores.push_back(std::make_unique<ChatStore>(app->database(), person.id));
        ChatStore& chats = *stores.back();
        if (p.values.contains(QStringLiteral("chat"))) {
            auto id = chats.chats().resolveChatId(p.values.value(QStringLiteral("chat")));
            if (!id)
                return ctx.fail(id.errorMessage());
            auto chat = chats.chats().chat(*id);
            if (!chat || !chat->has_value())
                return ctx.fail(chat ? CliContext::tr("There is no chat with the id %1.").arg(*id)
                                     : chat.errorMessage());
            selected.append({**chat, &chats});
            continue;
        }
        auto list = chats.chats().listChats(true);
        if (!list)
            return ctx.fail(list.errorMessage());
        for (const ChatSummary& s : *list) // archived ones too: an export takes everything out
            selected.append({s.chat, &chats});
    }

    const QString output = p.values.value(QStringLiteral("output"));
    const bool perChatFiles = format == QLatin1String("markdown") && !output.isEmpty() &&
                              (QFileInfo(output).isDir() || output.endsWith(QLatin1Char('/')));
    QJsonArray json;
    QString markdown;
    int written = 0;
    for (const auto& [c, store] : selected) {
        ChatStore& chats = *store;
        auto branch = chats.messages().currentBranch(c.id);
        if (!branch)
            return ctx.fail(branch.errorMessage());
        if (format == QLatin1String("json")) {
            auto all = chats.messages().allMessages(c.id);
            if (!all)
                return ctx.fail(all.errorMessage());
            json.append(OpenWebUiFormat::exportChat(c, *all, *branch));
        } else if (perChatFiles) {
            QDir().mkpath(output);
            if (Status st = writeFile(QDir(output).filePath(MarkdownExport::fileName(c)),
                                      MarkdownExport::chat(c, *branch).toUtf8());
                !st.ok())
                return ctx.fail(joinSentences(
                    st.errorMessage(),
                    CliContext::tr("%n file(s) before it were written whole.", nullptr, written)));
            ++written;
        } else {
            if (!markdown.isEmpty())
                markdown += QStringLiteral("\n---\n\n");
            markdown += MarkdownExport::chat(c, *branch);
        }
    }
    if (perChatFiles) {
        ctx.err() << CliContext::tr("Wrote %n file(s) to %1.", nullptr, written).arg(output)
                  << Qt::endl;
        return kExitOk;
    }
    const QByteArray bytes = format == QLatin1String("json")
                                 ? QJsonDocument(json).toJson(QJsonDocument::Indented)
                                 : markdown.toUtf8();
    if (output.isEmpty() || output == QLatin1String("-")) {
        ctx.out() << bytes; // a failed write fails the command (CliContext::finish)
        return kExitOk;
    }
    if (Status st = writeFile(output, bytes); !st.ok())
        return ctx.fail(st.errorMessage());
    ctx.err() << CliContext::tr("Exported %n chat(s) to %1.", nullptr,
                                static_cast<int>(selected.size()))
                     .arg(output)
              << Qt::endl;
    return kExitOk;
}

int runBackup(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("backup"), QStringLiteral("backup FILE [--force]"),
                   CliContext::tr("Writes a consistent copy of the whole database to FILE with "
                                  "SQLite's online backup API; safe while the app is running. "
                                  "API keys are not in it: they stay in the keyring."),
                   {{QStringLiteral("force"), {}, CliContext::tr("replace FILE if it exists")}},
                   args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("backup takes one FILE"), QStringLiteral("backup"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    const QString target = QFileInfo(p.positional[0]).absoluteFilePath();
    if (Status st = app->backUp(target, p.flags.contains(QLatin1String("force"))); !st.ok())
        return ctx.fail(st.errorMessage());
    ctx.out() << CliContext::tr("Backed up to %1.").arg(target) << Qt::endl;
    return kExitOk;
}

int runRestore(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, QStringLiteral("restore"), QStringLiteral("restore FILE"),
            CliContext::tr("Replaces the database with the backup FILE after checking that it "
                           "is an intact Lyss database. The current database is kept as "
                           "lyss.db.before-restore-<N> (a new number each time). Close the "
                           "desktop app first."),
            {}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("restore takes one FILE"), QStringLiteral("restore"));
    const QString source = QFileInfo(p.positional[0]).absoluteFilePath();
    if (Status st = DatabaseBackup::check(source); !st.ok())
        return ctx.fail(joinSentences(st.errorMessage(), CliContext::tr("Nothing was changed.")));
    // A damaged database cannot be opened to be written or copied page by page: it is
    // kept as it is, as a file, and the backup takes its place.
    const QString path = QDir(dataDirOf(ctx)).filePath(QStringLiteral("lyss.db"));
    if (auto problems = DatabaseBackup::integrityProblems(path); problems && !problems->isEmpty()) {
        // Accounts on in the damaged file, while it can still say so: an admin's to do.
        // When not even that can be read, whoever may write the data folder may, as they
        // could replace the file by hand.
        if (auto on = DatabaseBackup::accountsOnIn(path); on && *on) {
            if (!ctx.app() || !ctx.mayChangeInstallation(CliContext::tr("restore a backup")))
                return kExitFailed;
            ctx.closeApp();
        }
        if (const QStringList open = SessionMarker::othersOpen(path); !open.isEmpty())
            return ctx.fail(AppContext::openElsewhere(open, false).message);
        const QString keep = DatabaseBackup::beforeRestorePath(path);
        if (Status st = DatabaseBackup::replaceDamaged(path, source, keep); !st.ok())
            return ctx.fail(st.errorMessage());
        if (auto reopened = Database::open(path); !reopened)
            return ctx.fail(reopened.errorMessage());
        ctx.out() << CliContext::tr("Restored from %1; the damaged database is kept as %2.")
                         .arg(source, keep)
                  << Qt::endl;
        return kExitOk;
    }
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    auto kept = app->restoreFrom(source);
    if (!kept)
        return ctx.fail(kept.errorMessage());
    const QString keep = *kept;
    // A backup from an older Lyss is upgraded now, like any database at start-up.
    auto reopened = Database::open(app->databasePath());
    if (!reopened)
        return ctx.fail(reopened.errorMessage());
    ctx.out() << CliContext::tr("Restored from %1; the previous database is kept as %2.")
                     .arg(source, keep)
              << Qt::endl;
    return kExitOk;
}

int runDb(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("db"), QStringLiteral("db check"),
                   CliContext::tr("Checks the database with SQLite's full integrity check, "
                                  "without changing it: exit status 0 when it is intact, 1 when "
                                  "it is damaged (with what to do)."),
                   {}, args, &p, &code))
        return code;
    if (p.positional != QStringList{QStringLiteral("check")})
        return ctx.usage(CliContext::tr("db takes the subcommand check"), QStringLiteral("db"));
    const QString dir = dataDirOf(ctx);
    const QString path = QDir(dir).filePath(QStringLiteral("lyss.db"));
    auto problems = DatabaseBackup::integrityProblems(path);
    if (!problems)
        return ctx.fail(problems.errorMessage());
    if (problems->isEmpty()) {
        ctx.out()
            << CliContext::tr("%1 is intact: SQLite's integrity check found no problem.").arg(path)
            << Qt::endl;
        return kExitOk;
    }
    QStringList copies = QDir(dir).entryList(
        {QStringLiteral("lyss.db.bak-v*"), QStringLiteral("lyss.db.before-restore-*")}, QDir::Files,
        QDir::Time);
    ctx.err() << CliContext::tr("%1 is damaged. SQLite's integrity check says:").arg(path) << '\n';
    for (const QString& problem : *problems)
        ctx.err() << "  " << oneLine(problem) << '\n';
    ctx.err() << CliContext::tr("Stop writing to it: close Lyss, copy the file somewhere safe, "
                                "then put a backup back with lyss-cli restore FILE.")
              << '\n';
    if (!copies.isEmpty())
        ctx.err() << CliContext::tr("Copies Lyss made itself, newest first: %1")
                         .arg(copies.join(QStringLiteral(", ")))
                  << '\n';
    ctx.err().flush();
    return kExitFailed;
}

} // namespace lyss::cli
