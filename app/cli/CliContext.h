// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TerminalOutput.h"
#include "backends/BackendSet.h"
#include "store/UserRepository.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

#include <QEventLoop>

#include <functional>
#include <optional>

namespace lyss {
class AppContext;
class FilterRegistry;
} // namespace lyss

namespace lyss::cli {

// Exit codes: 0 done, 1 the command failed, 2 the command line was wrong.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// What every lyss-cli command shares: the streams, the global options and the
// application context, opened on first use so `--help` works even without a database.
class CliContext {
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    explicit CliContext(QString dataDir);
    ~CliContext();

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    // Back to the start of stderr's line, to write a progress line anew (text written to
    // err() cannot do that: a carriage return in it is shown as \r).
    void progressLineStart();

    // The opened context, or nullptr after printing why it could not be opened.
    AppContext* app();
    // Closes the context (and the database) app() opened.
    void closeApp();
    // The same for a command that changes the database: nullptr, after saying why, when
    // the database can only be read.
    AppContext* writableApp();
    // A command that works without anyone signed in (login, whoami, accounts status):
    // call before app(). Every other command acts as the person signed in while accounts
    // are on, and fails, saying how to sign in, when nobody is.
    void allowWithoutSignIn() { m_signInOptional = true; }
    // The person acting (the local one without accounts), or nothing after saying why.
    std::optional<User> person();
    // Refuses (after saying why) what only an admin may do to the installation.
    bool mayChangeInstallation(const QString& what);
    // The live backends (keys from the keyring), or nullptr after printing why not.
    BackendSet* backends();
    // The installation's filters with those of the Pipelines servers among the backends
    // (asked and waited for); null, said, when the data cannot be opened.
    FilterRegistry* filters();
    // The backend --backend names, or nullptr for "all". False after printing why
    // there is no such backend.
    bool backendOption(const QHash<QString, QString>& values, Backend** only);
    // Every model of every backend (or of `only`), waiting for all answers.
    BackendSet::ModelList listModels(Backend* only);

    // Runs the event loop until `start`'s callback has been called, and returns what
    // it was given.
    template <typename T>
    Result<T> await(const std::function<void(std::function<void(Result<T>)>)>& start)
    {
        std::optional<Result<T>> result;
        QEventLoop loop;
        start([&](Result<T> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        return std::move(*result);
    }

    // Calls `handler` (once per signal, from the event loop) on Ctrl-C or SIGTERM.
    void onInterrupt(std::function<void()> handler);
    bool stderrIsTerminal() const;

    // Prints "lyss-cli: message" to stderr and returns `code`.
    int fail(const QString& message, int code = kExitFailed);
    // The exit code for a command that returned `code`: a failed write to stdout (a full
    // disk, a closed pipe) fails the command, whatever it thought it did.
    int finish(int code);
    bool stdoutIsTerminal() const { return m_stdout.isTerminal(); }
    // --data-dir as given ("" for the default).
    QString dataDir() const { return m_dataDir; }
    int usage(const QString& message, const QString& command);

    static void printTable(QTextStream& out, const QStringList& headers,
                           const QList<QStringList>& rows);

private:
    AppContext* open(bool write);
    // With accounts on: the session kept in the keyring, made this run's person.
    bool resumeSession();
    QString m_dataDir;
    TerminalOutput m_stdout;
    TerminalOutput m_stderr;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    bool m_signInOptional = false;
    bool m_signInChecked = false;
};

// The filters that are on have started: waits until each has described itself or failed
// (what it is, a toggle or not, is known then).
void waitUntilFiltersDescribed(FilterRegistry& registry);

// Splits `args` (the words after the command) into options and positional words,
// printing help and usage errors itself. Returns false when the command should stop
// with `*exitCode`.
struct ParsedArgs {
    QStringList positional;
    QStringList flags;              // options without a value that were given
    QHash<QString, QString> values; // options with a value
};
struct OptionSpec {
    QString name;      // without the leading dashes
    QString valueName; // empty for a flag
    QString description;
};
bool parseArgs(CliContext& ctx, const QString& command, const QString& synopsis,
               const QString& description, const QList<OptionSpec>& options,
               const QStringList& args, ParsedArgs* parsed, int* exitCode);

int runConfig(CliContext& ctx, const QStringList& args);
int runBackends(CliContext& ctx, const QStringList& args);
int runChats(CliContext& ctx, const QStringList& args);
int runModels(CliContext& ctx, const QStringList& args);
int runPull(CliContext& ctx, const QStringList& args);
int runRemoveModel(CliContext& ctx, const QStringList& args);
int runPs(CliContext& ctx, const QStringList& args);
int runChat(CliContext& ctx, const QStringList& args);
int runImport(CliContext& ctx, const QStringList& args);
int runExport(CliContext& ctx, const QStringList& args);
int runBackup(CliContext& ctx, const QStringList& args);
int runRestore(CliContext& ctx, const QStringList& args);
int runDb(CliContext& ctx, const QStringList& args);
int runAccounts(CliContext& ctx, const QStringList& args);
int runUsers(CliContext& ctx, const QStringList& args);
int runLogin(CliContext& ctx, const QStringList& args);
int runLogout(CliContext& ctx, const QStringList& args);
int runWhoami(CliContext& ctx, const QStringList& args);
int runFilters(CliContext& ctx, const QStringList& args);

} // namespace lyss::cli
