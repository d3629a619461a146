// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli: the terminal front end. Links only lyss_core.
#include "CliContext.h"

#include "util/Translations.h"
#include "util/Version.h"

#include <QCoreApplication>

#include <csignal>

using namespace lyss::cli;

namespace {

QString globalHelp()
{
    return QCoreApplication::translate(
        "lyss-cli",
        "Usage: lyss-cli [--data-dir DIR] COMMAND [ARGS]\n"
        "\n"
        "Lyss from a terminal: the same chats, settings and backends as the desktop app.\n"
        "\n"
        "Commands:\n"
        "  version                       print the version\n"
        "  config get KEY                print a setting's value (JSON)\n"
        "  config set KEY VALUE          change a setting\n"
        "  config unset KEY              go back to the default\n"
        "  config list [--json]          every setting, its value and where it comes from\n"
        "  backends list [--json]        the model servers Lyss talks to\n"
        "  backends add --kind ollama|openai|openwebui --name NAME --url URL\n"
        "               [--key-stdin | --email ADDR [--password-stdin]]\n"
        "  backends login NAME [--email ADDR] [--password-stdin]\n"
        "                                sign in to an Open WebUI server again\n"
        "  backends status [--watch]     each server's state and live channel\n"
        "  backends remove NAME\n"
        "  chats list [--json] [--all]   chats, most recently active first\n"
        "  chats show ID [--json]        a chat's current branch, root first\n"
        "  chats delete ID [--yes]       delete a chat (asks first)\n"
        "  chat [--model M] [--chat ID] [--system TEXT] [--json] PROMPT|-\n"
        "                                send a message and stream the reply\n"
        "  models [--json]               the models of every backend\n"
        "  pull MODEL                    download a model into Ollama\n"
        "  rm MODEL                      delete a model from Ollama\n"
        "  ps                            the models Ollama has loaded\n"
        "  import FILE                   chats from Open WebUI or ChatGPT exports\n"
        "  import --from-backend NAME    your chats on an Open WebUI server\n"
        "  export [--chat ID] [--user NAME | --all-users] [--format json|markdown] [-o FILE|DIR]\n"
        "  backup FILE                   a consistent copy of the database\n"
        "  restore FILE                  put a backup back\n"
        "  db check                      SQLite's integrity check of the database\n"
        "  accounts enable --name NAME [--password-stdin] | disable | status\n"
        "                                accounts on (you become the first admin) or off\n"
        "  users list|add|role|disable|enable|approve|passwd|remove ...\n"
        "                                the accounts (admins; passwd for your own too)\n"
        "  login NAME [--password-stdin] sign in (kept in the keyring); logout; whoami\n"
        "  filters list|enable|disable|models|preselect|valves|set|reload|test ...\n"
        "                                filters that rewrite requests and replies\n"
        "\n"
        "Options:\n"
        "  --data-dir DIR    where Lyss keeps its data (default: $LYSS_DATA_DIR, else\n"
        "                    ~/.local/share/lyss)\n"
        "  --help            help for lyss-cli, or for a command: lyss-cli config --help\n");
}

int run(CliContext& ctx, QStringList args)
{
    if (args.isEmpty()) {
        ctx.err() << globalHelp();
        return kExitUsage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        ctx.out() << globalHelp();
        return kExitOk;
    }
    if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        ctx.out() << "lyss " << lyss::kVersion << Qt::endl;
        return kExitOk;
    }
    if (command == QLatin1String("config"))
        return runConfig(ctx, args);
    if (command == QLatin1String("backends"))
        return runBackends(ctx, args);
    if (command == QLatin1String("chats"))
        return runChats(ctx, args);
    if (command == QLatin1String("models"))
        return runModels(ctx, args);
    if (command == QLatin1String("pull"))
        return runPull(ctx, args);
    if (command == QLatin1String("rm"))
        return runRemoveModel(ctx, args);
    if (command == QLatin1String("ps"))
        return runPs(ctx, args);
    if (command == QLatin1String("chat"))
        return runChat(ctx, args);
    if (command == QLatin1String("import"))
        return runImport(ctx, args);
    if (command == QLatin1String("export"))
        return runExport(ctx, args);
    if (command == QLatin1String("backup"))
        return runBackup(ctx, args);
    if (command == QLatin1String("restore"))
        return runRestore(ctx, args);
    if (command == QLatin1String("db"))
        return runDb(ctx, args);
    if (command == QLatin1String("accounts"))
        return runAccounts(ctx, args);
    if (command == QLatin1String("users"))
        return runUsers(ctx, args);
    if (command == QLatin1String("login"))
        return runLogin(ctx, args);
    if (command == QLatin1String("logout"))
        return runLogout(ctx, args);
    if (command == QLatin1String("whoami"))
        return runWhoami(ctx, args);
    if (command == QLatin1String("filters"))
        return runFilters(ctx, args);
    ctx.err() << "lyss-cli: "
              << QCoreApplication::translate("lyss-cli", "unknown command \"%1\".").arg(command)
              << '\n'
              << QCoreApplication::translate("lyss-cli", "Run \"lyss-cli --help\" for the list.")
              << Qt::endl;
    return kExitUsage;
}

} // namespace

int main(int argc, char* argv[])
{
    // A closed pipe (lyss-cli export | head) is a failed write that ends the command with
    // rc 1 and the database closed, not a signal that kills it mid-way.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(lyss::kAppName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(lyss::kVersion));
    // The terminal speaks the system's language, or LYSS_LANGUAGE's (before the database is
    // open, so ui.language is the window's).
    lyss::Translations::use(qEnvironmentVariable("LYSS_LANGUAGE"));

    QStringList args = QCoreApplication::arguments().mid(1);
    QString dataDir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--data-dir")) {
            if (i + 1 >= args.size()) {
                CliContext ctx({});
                return ctx.usage(
                    QCoreApplication::translate("lyss-cli", "--data-dir needs a directory"), {});
            }
            dataDir = args[i + 1];
            args.remove(i, 2);
            --i;
        } else if (args[i].startsWith(QLatin1String("--data-dir="))) {
            dataDir = args[i].mid(11);
            args.remove(i);
            --i;
        }
    }

    CliContext ctx(dataDir);
    return ctx.finish(run(ctx, args));
}