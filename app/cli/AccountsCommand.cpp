// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli accounts, users, login, logout, whoami: accounts on and off, the people of an
// installation, signing in. Passwords come from a terminal without echo, or from stdin
// with --password-stdin (one per line); never from an argument or the environment.
#include "CliContext.h"
#include "PasswordReader.h"

#include "accounts/Accounts.h"
#include "accounts/Passwords.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "secrets/SecretStore.h"
#include "store/LocalUser.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace lyss::cli {

namespace {

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  : CliContext::tr("never");
}

// Keeps a new session in the keyring, or ends it when it cannot be kept.
int keepSession(CliContext& ctx, AppContext& app, const SignedIn& in)
{
    // The session kept before, whoever's, ends in the database too (SessionKeeper::adopt).
    if (Status st = app.keeper().adopt(in, true); !st.ok()) {
        (void)app.keeper().signOut(); // not kept: a command line has no "this run" to keep it
        return ctx.fail(CliContext::tr("%1. lyss-cli keeps sessions only in the keyring; sign in "
                                       "again with lyss-cli login %2 once it works.")
                            .arg(st.errorMessage(), in.user.name));
    }
    ctx.out() << (in.user.role == UserRole::Pending
                      ? CliContext::tr("Signed in as %1; your account waits for an admin's "
                                       "approval.")
                      : CliContext::tr("Signed in as %1 (%2)."))
                     .arg(in.user.name, userRoleName(in.user.role))
              << Qt::endl;
    return kExitOk;
}

int failWith(CliContext& ctx, const Status& st)
{
    return ctx.fail(st.errorMessage());
}

// --- accounts --------------------------------------------------------------------------

int accountsEnable(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("accounts enable"),
                   QStringLiteral("accounts enable --name NAME [--password-stdin]"),
                   CliContext::tr("Turns accounts on: you (the one local person) get NAME and a "
                                  "password, become the first admin and keep every chat. From "
                                  "then on Lyss asks who is there."),
                   {{QStringLiteral("name"), QStringLiteral("NAME"), CliContext::tr("your name")},
                    kPasswordStdin},
                   args, &p, &code))
        return code;
    const QString name = p.values.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty())
        return ctx.usage(CliContext::tr("accounts enable needs --name NAME"),
                         QStringLiteral("accounts enable"));
    ctx.allowWithoutSignIn();
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (app->accountsOn())
        return ctx.fail(CliContext::tr("Accounts are already on."));
    QByteArray password;
    if (!PasswordReader(ctx, p.flags.contains(kPasswordStdin.name))
             .read(CliContext::tr("Password for %1: ").arg(name), &password, true))
        return kExitFailed;
    auto in = app->accounts().enable(localUserId(), name, password);
    Passwords::wipe(password);
    if (!in)
        return ctx.fail(in.errorMessage());
    ctx.out() << CliContext::tr("Accounts are on; %1 is the first admin and keeps every chat.")
                     .arg(in->user.name)
              << Qt::endl;
    return keepSession(ctx, *app, *in);
}

int accountsDisable(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("accounts disable"), QStringLiteral("accounts disable"),
                   CliContext::tr("Turns accounts off again (only while a single account "
                                  "exists): Lyss opens without asking who is there."),
                   {}, args, &p, &code))
        return code;
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (!app->accountsOn())
        return ctx.fail(CliContext::tr("Accounts are already off."));
    auto me = ctx.person();
    if (!me)
        return kExitFailed;
    if (Status st = app->accounts().disable(*me); !st.ok())
        return failWith(ctx, st);
    (void)app->secrets().remove(app->sessionSecretKey());
    ctx.out() << CliContext::tr("Accounts are off.") << Qt::endl;
    return kExitOk;
}

int accountsStatus(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("accounts status"), QStringLiteral("accounts status"),
                   CliContext::tr("Whether accounts are on, and how many there are."), {}, args, &p,
                   &code))
        return code;
    ctx.allowWithoutSignIn();
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    if (!app->accountsOn()) {
        ctx.out() << CliContext::tr("Accounts are off: Lyss opens for its one local person.")
                  << Qt::endl;
        return kExitOk;
    }
    auto n = app->users().count();
    if (!n)
        return ctx.fail(n.errorMessage());
    ctx.out() << CliContext::tr("Accounts are on: %1 account(s).").arg(*n) << Qt::endl;
    return kExitOk;
}

// --- users ------------------------------------------------------------------------------

int usersList(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("users list"), QStringLiteral("users list [--json]"),
                   CliContext::tr("The accounts, with their role and last sign-in (admins)."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")}}, args, &p,
                   &code))
        return code;
    AppContext* app = ctx.app();
    auto me = app ? ctx.person() : std::nullopt;
    if (!me)
        return kExitFailed;
    auto all = app->accounts().list(*me);
    if (!all)
        return ctx.fail(all.errorMessage());
    const auto state = [](const User& u) {
        return u.disabled ? CliContext::tr("disabled")
                          : (u.mustChangePassword ? CliContext::tr("must choose a password")
                                                  : CliContext::tr("active"));
    };
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const User& u : *all)
            arr.append(QJsonObject{{QStringLiteral("id"), u.id},
                                   {QStringLiteral("name"), u.name},
                                   {QStringLiteral("role"), userRoleName(u.role)},
                                   {QStringLiteral("disabled"), u.disabled},
                                   {QStringLiteral("created_at"), u.createdAt},
                                   {QStringLiteral("last_signin_at"), u.lastSignInAt}});
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const User& u : *all)
        rows << QStringList{u.name, userRoleName(u.role), state(u), timeText(u.lastSignInAt)};
    CliContext::printTable(ctx.out(),
                           {CliContext::tr("NAME"), CliContext::tr("ROLE"), CliContext::tr("STATE"),
                            CliContext::tr("LAST SIGN-IN")},
                           rows);
    return kExitOk;
}

int usersAdd(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("users add"),
                   QStringLiteral("users add NAME [--role admin|user|pending] [--password-stdin]"),
                   CliContext::tr("Adds an account (admins). Its role is user unless --role says "
                                  "otherwise."),
                   {{QStringLiteral("role"), QStringLiteral("ROLE"),
                     CliContext::tr("admin, user or pending")},
                    kPasswordStdin},
                   args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("users add takes one NAME"), QStringLiteral("users add"));
    const auto role =
        userRoleFromName(p.values.value(QStringLiteral("role"), QStringLiteral("user")));
    if (!role)
        return ctx.usage(CliContext::tr("--role is admin, user or pending"),
                         QStringLiteral("users add"));
    AppContext* app = ctx.writableApp();
    auto me = app ? ctx.person() : std::nullopt;
    if (!me)
        return kExitFailed;
    if (Status st = Accounts::requireAdmin(*me, Accounts::tr("add an account")); !st.ok())
        return failWith(ctx, st);
    QByteArray password;
    if (!PasswordReader(ctx, p.flags.contains(kPasswordStdin.name))
             .read(CliContext::tr("Password for %1: ").arg(p.positional[0]), &password, true))
        return kExitFailed;
    auto added = app->accounts().add(*me, p.positional[0], *role, password);
    Passwords::wipe(password);
    if (!added)
        return ctx.fail(added.errorMessage());
    ctx.out() << CliContext::tr("Added %1 (%2).").arg(added->name, userRoleName(added->role))
              << Qt::endl;
    return kExitOk;
}

// users role|disable|enable|approve|remove NAME ...: one person, one change.
int usersChange(CliContext& ctx, const QString& verb, const QStringList& args)
{
    const QString cmd = QStringLiteral("users ") + verb;
    const bool role = verb == QLatin1String("role");
    const bool remove = verb == QLatin1String("remove");
    ParsedArgs p;
    int code = 0;
    QList<OptionSpec> options;
    if (remove)
        options << OptionSpec{QStringLiteral("yes"), {}, CliContext::tr("do not ask")};
    const QString synopsis = role     ? QStringLiteral("users role NAME admin|user|pending")
                             : remove ? QStringLiteral("users remove NAME [--yes]")
                                      : cmd + QStringLiteral(" NAME");
    if (!parseArgs(ctx, cmd, synopsis,
                   remove ? CliContext::tr("Removes an account with every chat of theirs "
                                           "(admins; asks first on a terminal).")
                          : CliContext::tr("Changes an account (admins)."),
                   options, args, &p, &code))
        return code;
    if (p.positional.size() != (role ? 2 : 1))
        return ctx.usage(CliContext::tr("wrong number of words for %1").arg(cmd), cmd);
    const QString& name = p.positional[0];
    AppContext* app = ctx.writableApp();
    auto me = app ? ctx.person() : std::nullopt;
    if (!me)
        return kExitFailed;
    Accounts& accounts = app->accounts();
    Status st;
    if (role) {
        const auto r = userRoleFromName(p.positional[1]);
        if (!r)
            return ctx.usage(CliContext::tr("a role is admin, user or pending"), cmd);
        st = accounts.setRole(*me, name, *r);
    } else if (verb == QLatin1String("disable") || verb == QLatin1String("enable")) {
        st = accounts.setDisabled(*me, name, verb == QLatin1String("disable"));
    } else if (verb == QLatin1String("approve")) {
        st = accounts.approve(*me, name);
    } else {
        if (!p.flags.contains(QLatin1String("yes"))) {
            if (::isatty(STDIN_FILENO) != 1)
                return ctx.usage(CliContext::tr("users remove needs --yes when it cannot ask"),
                                 cmd);
            ctx.err() << CliContext::tr("Remove %1 and every chat of theirs? [y/N] ").arg(name)
                      << Qt::flush;
            QByteArray answer;
            int c = 0;
            while ((c = std::fgetc(stdin)) != EOF && c != '\n')
                answer.append(char(c));
            if (answer.trimmed().toLower() != "y" && answer.trimmed().toLower() != "yes")
                return ctx.fail(CliContext::tr("Nothing was removed."));
        }
        st = accounts.remove(*me, name);
    }
    if (!st.ok())
        return failWith(ctx, st);
    ctx.out() << CliContext::tr("Done.") << Qt::endl;
    return kExitOk;
}

int usersPasswd(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("users passwd"),
                   QStringLiteral("users passwd [NAME] [--password-stdin]"),
                   CliContext::tr("Your own password: the current one, then the new (on stdin, "
                                  "a line each). An admin naming someone else gives them a "
                                  "password they must replace at their next sign-in."),
                   {kPasswordStdin}, args, &p, &code))
        return code;
    if (p.positional.size() > 1)
        return ctx.usage(CliContext::tr("users passwd takes at most one NAME"),
                         QStringLiteral("users passwd"));
    ctx.allowWithoutSignIn();
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (!app->accountsOn())
        return ctx.fail(CliContext::tr("Accounts are off; turn them on with lyss-cli accounts "
                                       "enable --name NAME."));
    PasswordReader reader(ctx, p.flags.contains(kPasswordStdin.name));
    QString name = p.positional.value(0);
    // Someone else's: only an admin who is signed in.
    QByteArray token;
    if (auto kept = app->secrets().read(app->sessionSecretKey()); kept && kept->has_value())
        token = (*kept)->toUtf8();
    auto me = app->accounts().resume(token);
    if (!name.isEmpty() && me && me->name.compare(name, Qt::CaseInsensitive) != 0) {
        QByteArray password;
        if (!reader.read(CliContext::tr("New password for %1: ").arg(name), &password, true))
            return kExitFailed;
        if (Status st = app->accounts().resetPassword(*me, name, password); !st.ok())
            return failWith(ctx, st);
        ctx.out() << CliContext::tr("%1 has a new password and must choose their own at the next "
                                    "sign-in.")
                         .arg(name)
                  << Qt::endl;
        return kExitOk;
    }
    if (name.isEmpty()) {
        if (!me)
            return ctx.usage(CliContext::tr("name the account: lyss-cli users passwd NAME"),
                             QStringLiteral("users passwd"));
        name = me->name;
    }
    QByteArray current, next;
    if (!reader.read(CliContext::tr("Current password for %1: ").arg(name), &current) ||
        !reader.read(CliContext::tr("New password: "), &next, true)) {
        Passwords::wipe(current);
        return kExitFailed;
    }
    const Status st =
        app->accounts().changePassword(name, current, next, me ? token : QByteArray());
    if (!st.ok())
        return failWith(ctx, st);
    ctx.out() << CliContext::tr("The password of %1 is changed; other sessions of theirs ended.")
                     .arg(name)
              << Qt::endl;
    return kExitOk;
}

} // namespace

int runAccounts(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("enable"))
        return accountsEnable(ctx, rest);
    if (sub == QLatin1String("disable"))
        return accountsDisable(ctx, rest);
    if (sub == QLatin1String("status"))
        return accountsStatus(ctx, rest);
    return ctx.usage(CliContext::tr("accounts takes enable, disable or status"),
                     QStringLiteral("accounts"));
}

int runUsers(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return usersList(ctx, rest);
    if (sub == QLatin1String("add"))
        return usersAdd(ctx, rest);
    if (sub == QLatin1String("passwd"))
        return usersPasswd(ctx, rest);
    for (const char* verb : {"role", "disable", "enable", "approve", "remove"}) {
        if (sub == QLatin1String(verb))
            return usersChange(ctx, sub, rest);
    }
    return ctx.usage(CliContext::tr("users takes list, add, role, disable, enable, approve, "
                                    "passwd or remove"),
                     QStringLiteral("users"));
}

int runLogin(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("login"), QStringLiteral("login NAME [--password-stdin]"),
                   CliContext::tr("Signs in as NAME; the session is kept in the keyring (for "
                                  "auth.session_days) and every command acts as NAME."),
                   {kPasswordStdin}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("login takes one NAME"), QStringLiteral("login"));
    ctx.allowWithoutSignIn();
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (!app->accountsOn())
        return ctx.fail(CliContext::tr("Accounts are off: there is nobody to sign in as. Turn "
                                       "them on with lyss-cli accounts enable --name NAME."));
    QByteArray password;
    if (!PasswordReader(ctx, p.flags.contains(kPasswordStdin.name))
             .read(CliContext::tr("Password for %1: ").arg(p.positional[0]), &password))
        return kExitFailed;
    auto in = app->accounts().signIn(p.positional[0], password);
    Passwords::wipe(password);
    if (!in)
        return ctx.fail(in.errorMessage());
    return keepSession(ctx, *app, *in);
}

int runLogout(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("logout"), QStringLiteral("logout"),
                   CliContext::tr("Signs out: the session ends here and in the keyring."), {}, args,
                   &p, &code))
        return code;
    ctx.allowWithoutSignIn();
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    auto kept = app->secrets().read(app->sessionSecretKey());
    if (!kept)
        return ctx.fail(kept.errorMessage());
    if (!kept->has_value()) {
        ctx.out() << CliContext::tr("Nobody was signed in.") << Qt::endl;
        return kExitOk;
    }
    if (Status st = app->accounts().signOut((*kept)->toUtf8()); !st.ok())
        return failWith(ctx, st);
    if (Status st = app->secrets().remove(app->sessionSecretKey()); !st.ok())
        return failWith(ctx, st);
    ctx.out() << CliContext::tr("Signed out.") << Qt::endl;
    return kExitOk;
}

int runWhoami(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("whoami"), QStringLiteral("whoami"),
                   CliContext::tr("Who the commands act as."), {}, args, &p, &code))
        return code;
    AppContext* app = ctx.app();
    auto me = app ? ctx.person() : std::nullopt;
    if (!me)
        return kExitFailed;
    ctx.out() << CliContext::tr("%1 (%2)").arg(me->name, userRoleName(me->role)) << Qt::endl;
    return kExitOk;
}

} // namespace lyss::cli
