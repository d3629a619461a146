// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli's sign-in to Open WebUI servers: backends add --kind openwebui --email ADDR,
// and backends login NAME. The password goes to the server and is kept nowhere.
#include "ServerLogin.h"

#include "CliContext.h"
#include "PasswordReader.h"

#include "accounts/Passwords.h"
#include "app/AppContext.h"
#include "app/ServerSignIn.h"
#include "backends/OpenWebUiSignIn.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace lyss::cli {

int signInToServer(CliContext& ctx, const BackendRecord& record, const QString& email,
                   bool passwordFromStdin)
{
    AppContext* app = ctx.writableApp();
    if (!app)
        return kExitFailed;
    if (const QString exposed = OpenWebUiSignIn::passwordExposure(record.url); !exposed.isEmpty())
        ctx.err() << CliContext::tr("Warning: %1").arg(exposed) << Qt::endl;
    QByteArray password;
    if (!PasswordReader(ctx, passwordFromStdin)
             .read(CliContext::tr("Password for %1 on %2: ").arg(email, record.url.toString()),
                   &password))
        return kExitFailed;
    QNetworkAccessManager nam;
    QEventLoop loop;
    std::optional<Result<OpenWebUiSession>> answer;
    OpenWebUiSignIn::signIn(&nam, record.url, email, QString::fromUtf8(password), &loop,
                            [&](Result<OpenWebUiSession> r) {
                                answer = std::move(r);
                                loop.quit();
                            });
    Passwords::wipe(password);
    loop.exec();
    if (!answer->ok())
        return ctx.fail(joinSentences(answer->errorMessage(),
                                      record.id == 0 ? CliContext::tr("Nothing was added.")
                                                     : CliContext::tr("Nothing was changed.")));
    auto kept = ServerSignIn::keep(app->backends(), app->secrets(), record, **answer);
    if (!kept)
        return ctx.fail(kept.errorMessage());
    const QString until = kept->signedInUntil > 0
                              ? CliContext::tr(" until %1")
                                    .arg(QDateTime::fromMSecsSinceEpoch(kept->signedInUntil)
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                              : QString();
    ctx.out() << (record.id == 0 ? CliContext::tr("Added backend %1 (openwebui, %2), signed in "
                                                  "as %3%4.")
                                 : CliContext::tr("Signed in to %1 (%2) as %3%4."))
                     .arg(record.name, record.url.toString(), kept->account, until)
              << Qt::endl;
    return kExitOk;
}

bool endSignIn(CliContext& ctx, const QUrl& server, const QString& token)
{
    QNetworkAccessManager nam;
    const Result<bool> ended = ctx.await<bool>([&](auto done) {
        OpenWebUiSignIn::signOut(&nam, server, token, &nam, [done](const Status& st) {
            if (st.ok())
                done(true);
            else
                done(st.error());
        });
    });
    if (!ended)
        ctx.err() << CliContext::tr("Warning: %1 did not end the sign-in: %2")
                         .arg(server.toString(), ended.errorMessage())
                  << Qt::endl;
    return ended.ok();
}

int backendsLogin(CliContext& ctx, const QStringList& args)
{
    const QString cmd = QStringLiteral("backends login");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, cmd,
                   QStringLiteral("backends login NAME [--email ADDR] [--password-stdin]"),
                   CliContext::tr("Signs in again to an Open WebUI server you added (a sign-in "
                                  "ends after the time the server sets). The email is the one "
                                  "used last unless --email gives another; the password is "
                                  "asked for, or read from standard input, and kept nowhere."),
                   {{QStringLiteral("email"), QStringLiteral("ADDR"),
                     CliContext::tr("the account's email")},
                    kPasswordStdin},
                   args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("backends login takes one NAME"), cmd);
    AppContext* app = ctx.writableApp();
    if (!app || !ctx.mayChangeInstallation(CliContext::tr("sign in to a server")))
        return kExitFailed;
    auto stored = app->backends().find(p.positional[0]);
    if (!stored)
        return ctx.fail(stored.errorMessage());
    if (!stored->has_value())
        return ctx.fail(CliContext::tr("There is no backend named \"%1\" that you added. See "
                                       "lyss-cli backends list.")
                            .arg(p.positional[0]));
    const BackendRecord record = **stored;
    if (record.kind != BackendKind::OpenWebUi)
        return ctx.fail(CliContext::tr("%1 is an %2 server: only Open WebUI servers are signed "
                                       "in to. Its key is given with lyss-cli backends add "
                                       "--key-stdin.")
                            .arg(record.name, backendKindName(record.kind)));
    const QString email = p.values.value(QStringLiteral("email"), record.account).trimmed();
    if (email.isEmpty())
        return ctx.usage(CliContext::tr("%1 was added with an API key, not an account: give "
                                        "--email to sign in with one")
                             .arg(record.name),
                         cmd);
    return signInToServer(ctx, record, email, p.flags.contains(kPasswordStdin.name));
}

} // namespace lyss::cli
