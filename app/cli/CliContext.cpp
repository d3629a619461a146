// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "accounts/Accounts.h"
#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "filters/PipelinesSource.h"
#include "filters/ProcessFilter.h"
#include "secrets/SecretStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace lyss::cli {

CliContext::CliContext(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_stdout(STDOUT_FILENO)
    , m_stderr(STDERR_FILENO)
    , m_out(&m_stdout)
    , m_err(&m_stderr)
{
}

int CliContext::finish(int code)
{
    m_out.flush();
    if (m_stdout.failed()) {
        m_err << "lyss-cli: "
              << tr("Could not write the output: %1. Nothing after that point was written.")
                     .arg(m_stdout.failure())
              << Qt::endl;
        return code == kExitOk ? kExitFailed : code;
    }
    m_err.flush();
    return code;
}

CliContext::~CliContext() = default;

void CliContext::closeApp()
{
    m_backends.reset();
    m_app.reset();
    m_signInChecked = false;
}

void CliContext::progressLineStart()
{
    m_err.flush();
    m_stderr.carriageReturn();
}

AppContext* CliContext::app()
{
    return open(false);
}

AppContext* CliContext::writableApp()
{
    return open(true);
}

AppContext* CliContext::open(bool write)
{
    if (!m_app) {
        AppContext::Options options;
        options.dataDir = m_dataDir;
        auto opened = AppContext::open(options);
        if (!opened) {
            fail(opened.errorMessage());
            return nullptr;
        }
        m_app = std::move(opened).value();
        if (!write || m_app->readOnlyReason().isEmpty()) {
            for (const QString& notice : m_app->notices())
                m_err << notice << Qt::endl;
        }
    }
    if (!m_signInChecked && !m_signInOptional) {
        m_signInChecked = true;
        if (!resumeSession()) {
            m_app.reset();
            return nullptr;
        }
    }
    if (write && !m_app->readOnlyReason().isEmpty()) {
        fail(tr("%1 cannot be changed: %2. Nothing was done. Commands that only read it (chats "
                "list, chats show, export, backup, db check) work.")
                 .arg(m_app->databasePath(), m_app->readOnlyReason()));
        return nullptr;
    }
    return m_app.get();
}

bool CliContext::resumeSession()
{
    if (!m_app->accountsOn())
        return true;
    const QString how = tr("Sign in with: lyss-cli login NAME");
    auto token = m_app->secrets().read(m_app->sessionSecretKey());
    if (!token) {
        fail(tr("Accounts are on here, and the keyring that keeps your session cannot be read: "
                "%1")
                 .arg(token.errorMessage()));
        return false;
    }
    if (!token->has_value()) {
        fail(tr("Accounts are on here and nobody is signed in. %1").arg(how));
        return false;
    }
    auto user = m_app->accounts().resume((*token)->toUtf8());
    if (!user) {
        fail(QStringLiteral("%1 %2").arg(user.errorMessage(), how));
        return false;
    }
    if (user->role == UserRole::Pending) {
        fail(tr("Your account (%1) waits for an admin's approval; until then it can do nothing.")
                 .arg(user->name));
        return false;
    }
    if (Status st = m_app->openSession(user->id); !st.ok()) {
        fail(st.errorMessage());
        return false;
    }
    return true;
}

std::optional<User> CliContext::person()
{
    AppContext* context = app();
    if (!context)
        return std::nullopt;
    auto who = context->person();
    if (!who) {
        fail(who.errorMessage());
        return std::nullopt;
    }
    return *who;
}

bool CliContext::mayChangeInstallation(const QString& what)
{
    AppContext* context = app();
    if (!context)
        return false;
    if (Status st = context->mayChangeInstallation(what); !st.ok()) {
        fail(tr("%1 Nothing was changed.").arg(st.errorMessage()));
        return false;
    }
    return true;
}

BackendSet* CliContext::backends()
{
    if (m_backends)
        return m_backends.get();
    AppContext* context = app();
    if (!context)
        return nullptr;
    auto effective = context->effectiveBackends();
    if (!effective) {
        fail(effective.errorMessage());
        return nullptr;
    }
    const int idleMs =
        static_cast<int>(context->settings().number(SettingKey::IdleTimeoutSeconds) * 1000);
    m_backends = std::make_unique<BackendSet>(*effective, &context->secrets(), idleMs);
    return m_backends.get();
}

FilterRegistry* CliContext::filters()
{
    AppContext* context = app();
    if (!context)
        return nullptr;
    FilterRegistry& registry = context->filters();
    if (!registry.pipelines()) {
        // Without backends (none configured, or none readable) there are no pipelines: the
        // filters of Lyss itself still are.
        auto effective = context->effectiveBackends();
        if (effective) {
            BackendSet* set = backends();
            if (set) {
                registry.usePipelinesOf(*set);
                if (registry.pipelines()->refreshing()) {
                    QEventLoop loop;
                    registry.pipelines()->whenKnown([&loop] { loop.quit(); });
                    loop.exec();
                }
            }
        }
    }
    waitUntilFiltersDescribed(registry);
    return &registry;
}

bool CliContext::backendOption(const QHash<QString, QString>& values, Backend** only)
{
    *only = nullptr;
    BackendSet* set = backends();
    if (!set)
        return false;
    if (!values.contains(QStringLiteral("backend")))
        return true;
    *only = set->find(values.value(QStringLiteral("backend")));
    if (!*only)
        fail(tr("There is no enabled backend named \"%1\".")
                 .arg(values.value(QStringLiteral("backend"))));
    return *only != nullptr;
}

BackendSet::ModelList CliContext::listModels(Backend* only)
{
    BackendSet::ModelList list;
    BackendSet* set = backends();
    if (!set)
        return list;
    QEventLoop loop;
    set->listModels(
        [&](BackendSet::ModelList l) {
            list = std::move(l);
            loop.quit();
        },
        only);
    loop.exec();
    return list;
}

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: the event loop reads the pipe.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}
} // namespace

void CliContext::onInterrupt(std::function<void()> handler)
{
    if (g_signalPipe[0] < 0 && ::pipe(g_signalPipe) != 0)
        return;
    auto* notifier =
        new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [handler] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        handler();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool CliContext::stderrIsTerminal() const
{
    return ::isatty(STDERR_FILENO) != 0;
}

int CliContext::fail(const QString& message, int code)
{
    m_out.flush();
    m_err << "lyss-cli: " << message << Qt::endl;
    return code;
}

int CliContext::usage(const QString& message, const QString& command)
{
    m_out.flush();
    m_err << "lyss-cli: " << message << Qt::endl
          << tr("Run \"lyss-cli %1 --help\" for how to use it.").arg(command).trimmed() << Qt::endl;
    return kExitUsage;
}

void CliContext::printTable(QTextStream& out, const QStringList& headers,
                            const QList<QStringList>& rawRows)
{
    // A cell is one line whatever it holds: a title with a newline or an escape
    // sequence must not break the table or the terminal.
    QList<QStringList> rows;
    rows.reserve(rawRows.size());
    for (const QStringList& raw : rawRows) {
        QStringList row;
        for (const QString& cell : raw)
            row << oneLine(cell);
        rows << row;
    }
    QList<qsizetype> widths;
    for (const QString& h : headers)
        widths << h.size();
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto printRow = [&](const QStringList& row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += last ? row[i] : row[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const QStringList& row : rows)
        printRow(row);
    out.flush();
}

bool parseArgs(CliContext& ctx, const QString& command, const QString& synopsis,
               const QString& description, const QList<OptionSpec>& options,
               const QStringList& args, ParsedArgs* parsed, int* exitCode)
{
    auto find = [&](const QString& name) -> const OptionSpec* {
        for (const OptionSpec& o : options) {
            if (o.name == name)
                return &o;
        }
        return nullptr;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            QTextStream& out = ctx.out();
            out << CliContext::tr("Usage: lyss-cli [--data-dir DIR] %1").arg(synopsis) << "\n\n"
                << description << '\n';
            if (!options.isEmpty()) {
                out << '\n' << CliContext::tr("Options:") << '\n';
                for (const OptionSpec& o : options) {
                    const QString left =
                        QStringLiteral("  --") + o.name +
                        (o.valueName.isEmpty() ? QString() : QLatin1Char(' ') + o.valueName);
                    out << left.leftJustified(24) << ' ' << o.description << '\n';
                }
            }
            out.flush();
            *exitCode = kExitOk;
            return false;
        }
        if (a == QLatin1String("--")) {
            parsed->positional += args.mid(i + 1);
            break;
        }
        if (a.startsWith(QLatin1String("--"))) {
            QString name = a.mid(2);
            QString value;
            bool hasInlineValue = false;
            if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
                value = name.mid(eq + 1);
                name = name.left(eq);
                hasInlineValue = true;
            }
            const OptionSpec* spec = find(name);
            if (!spec) {
                *exitCode = ctx.usage(CliContext::tr("unknown option --%1").arg(name), command);
                return false;
            }
            if (spec->valueName.isEmpty()) {
                if (hasInlineValue) {
                    *exitCode =
                        ctx.usage(CliContext::tr("--%1 does not take a value").arg(name), command);
                    return false;
                }
                parsed->flags << name;
                continue;
            }
            if (!hasInlineValue) {
                if (i + 1 >= args.size()) {
                    *exitCode = ctx.usage(
                        CliContext::tr("--%1 needs a value (%2)").arg(name, spec->valueName),
                        command);
                    return false;
                }
                value = args[++i];
            }
            parsed->values.insert(name, value);
            continue;
        }
        parsed->positional << a;
    }
    return true;
}

void waitUntilFiltersDescribed(FilterRegistry& registry)
{
    QElapsedTimer clock;
    clock.start();
    const auto settled = [&registry] {
        for (const FilterRegistry::Entry& e : registry.list()) {
            if (e.enabled && e.filter && e.filter->settling())
                return false;
        }
        return true;
    };
    while (!settled() && clock.elapsed() < ProcessFilter::Limits{}.describeMs + 1000) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

} // namespace lyss::cli
