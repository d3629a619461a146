// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli backends: the model servers Lyss talks to.
#include "BackendsStatus.h"
#include "CliContext.h"
#include "PasswordReader.h"
#include "ServerLogin.h"

#include "app/AppContext.h"
#include "backends/OpenWebUiSignIn.h"
#include "config/BackendResolver.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace lyss::cli {

namespace {

// Where the key is, for scripts: environment, keyring or -.
QString keyKind(const EffectiveBackend& b)
{
    if (!b.envKey.isEmpty())
        return QStringLiteral("environment");
    return b.hasStoredKey ? QStringLiteral("keyring") : QStringLiteral("-");
}

QString keyText(const EffectiveBackend& b)
{
    if (!b.account.isEmpty()) {
        // An Open WebUI server signed in to: as whom, and until when.
        const QString until = b.signedInUntil > 0
                                  ? QDateTime::fromMSecsSinceEpoch(b.signedInUntil)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                  : CliContext::tr("no end");
        if (b.signedInUntil > 0 && b.signedInUntil <= QDateTime::currentMSecsSinceEpoch())
            return CliContext::tr("%1, sign-in ended %2: lyss-cli backends login %3")
                .arg(b.account, until, b.name);
        return CliContext::tr("%1, signed in until %2").arg(b.account, until);
    }
    return keyKind(b);
}

QString sourceText(const EffectiveBackend& b)
{
    return b.source == ValueSource::Environment ? QStringLiteral("environment (%1)").arg(b.envVar)
                                                : valueSourceName(b.source);
}

int backendsList(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("backends list"), QStringLiteral("backends list [--json]"),
                   CliContext::tr("Lists the backends this run uses: those you added, those the "
                                  "environment defines (OLLAMA_BASE_URL, OPENAI_API_BASE_URL, "
                                  "...), and Ollama at http://localhost:11434 when nothing else "
                                  "names an Ollama server. API keys are never shown."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")}}, args, &p,
                   &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("backends list takes no arguments"),
                         QStringLiteral("backends list"));
    AppContext* app = ctx.app();
    if (!app)
        return kExitFailed;
    auto backends = app->effectiveBackends();
    if (!backends)
        return ctx.fail(backends.errorMessage());
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const EffectiveBackend& b : *backends)
            arr.append(QJsonObject{{QStringLiteral("name"), b.name},
                                   {QStringLiteral("kind"), backendKindName(b.kind)},
                                   {QStringLiteral("url"), b.url.toString()},
                                   {QStringLiteral("enabled"), b.enabled},
                                   {QStringLiteral("key"), keyKind(b)},
                                   {QStringLiteral("account"), b.account},
                                   {QStringLiteral("signed_in_until"), b.signedInUntil},
                                   {QStringLiteral("signed_in_at"), b.signedInAt},
                                   {QStringLiteral("source"), valueSourceName(b.source)}});
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const EffectiveBackend& b : *backends)
        rows.append({b.name, backendKindName(b.kind), b.url.toString(),
                     b.enabled ? CliContext::tr("yes") : CliContext::tr("no"), keyText(b),
                     sourceText(b)});
    CliContext::printTable(ctx.out(),
                           {CliContext::tr("NAME"), CliContext::tr("KIND"), CliContext::tr("URL"),
                            CliContext::tr("ENABLED"), CliContext::tr("KEY"),
                            CliContext::tr("SOURCE")},
                           rows);
    return kExitOk;
}

QString readKeyFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll()).trimmed();
}

int backendsAdd(CliContext& ctx, const QStringList& args)
{
    const QString cmd = QStringLiteral("backends add");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(
            ctx, cmd,
            QStringLiteral("backends add --kind ollama|openai|openwebui --name NAME --url URL "
                           "[--key-stdin | --email ADDR [--password-stdin]]"),
            CliContext::tr("Adds a model server. With --key-stdin the API key is read from "
                           "standard input and kept in the system keyring, never in the "
                           "database. An Open WebUI server is signed in to with --email (the "
                           "password is asked for, or read with --password-stdin, and kept "
                           "nowhere; the server's token goes to the keyring), or given an API "
                           "key (sk-...) with --key-stdin.\nExamples: printf '%s' \"$KEY\" | "
                           "lyss-cli backends add --kind openai --name work --url "
                           "https://api.example.com/v1 --key-stdin\n  lyss-cli backends add "
                           "--kind openwebui --name team --url https://chat.example.org "
                           "--email ann@example.org"),
            {{QStringLiteral("kind"), QStringLiteral("KIND"),
              CliContext::tr("ollama (Ollama's own API), openai (any OpenAI-compatible server) "
                             "or openwebui (an Open WebUI server)")},
             {QStringLiteral("name"), QStringLiteral("NAME"),
              CliContext::tr("a short name: letters, digits, . _ -")},
             {QStringLiteral("url"), QStringLiteral("URL"),
              CliContext::tr("the server's base URL, e.g. http://localhost:11434")},
             {QStringLiteral("key-stdin"), {}, CliContext::tr("read the API key from stdin")},
             {QStringLiteral("email"), QStringLiteral("ADDR"),
              CliContext::tr("an Open WebUI account to sign in with")},
             kPasswordStdin,
             {QStringLiteral("disabled"), {}, CliContext::tr("add it switched off")}},
            args, &p, &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("unexpected argument \"%1\"").arg(p.positional[0]), cmd);
    for (const char* required : {"kind", "name", "url"}) {
        if (!p.values.contains(QLatin1String(required)))
            return ctx.usage(CliContext::tr("--%1 is required").arg(QLatin1String(required)), cmd);
    }
    const auto kind = backendKindFromName(p.values.value(QStringLiteral("kind")));
    if (!kind)
        return ctx.usage(CliContext::tr("--kind must be ollama, openai or openwebui, not \"%1\"")
                             .arg(p.values.value(QStringLiteral("kind"))),
                         cmd);
    const QString name = p.values.value(QStringLiteral("name"));
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!validName.match(name).hasMatch())
        return ctx.usage(CliContext::tr("\"%1\" is not a usable name: use up to 64 letters, "
                                        "digits, dots, dashes and underscores")
                             .arg(name),
                         cmd);
    QString problem;
    const QUrl url = normalizeBackendUrl(p.values.value(QStringLiteral("url")), &problem);
    if (!url.isValid())
        return ctx.usage(problem, cmd);

    const QString email = p.values.value(QStringLiteral("email")).trimmed();
    const bool withKey = p.flags.contains(QLatin1String("key-stdin"));
    if (*kind == BackendKind::OpenWebUi && email.isEmpty() == !withKey)
        return ctx.usage(CliContext::tr("an Open WebUI server needs either --email (to sign in) "
                                        "or --key-stdin (an API key), not both"),
                         cmd);
    if (*kind != BackendKind::OpenWebUi && !email.isEmpty())
        return ctx.usage(CliContext::tr("--email is for Open WebUI servers (--kind openwebui)"),
                         cmd);
    if (email.isEmpty() && p.flags.contains(kPasswordStdin.name))
        return ctx.usage(CliContext::tr("--password-stdin goes with --email"), cmd);

    QString key;
    if (withKey) {
        key = readKeyFromStdin();
        if (key.isEmpty())
            return ctx.fail(CliContext::tr("--key-stdin was given but standard input held no "
                                           "key. Nothing was added."));
    }

    AppContext* app = ctx.writableApp();
    if (!app || !ctx.mayChangeInstallation(CliContext::tr("add a backend")))
        return kExitFailed;
    auto existing = app->backends().find(name);
    if (!existing)
        return ctx.fail(existing.errorMessage());
    if (existing->has_value())
        return ctx.fail(CliContext::tr("A backend named \"%1\" already exists. Choose another "
                                       "name, or remove the old one first.")
                            .arg(name));

    BackendRecord record;
    record.name = name;
    record.kind = *kind;
    record.url = url;
    record.enabled = !p.flags.contains(QLatin1String("disabled"));
    if (!email.isEmpty())
        return signInToServer(ctx, record, email, p.flags.contains(kPasswordStdin.name));

    // An Open WebUI key is asked about first: one the server refuses is not kept (a
    // typo would otherwise be found at the first chat). A server that cannot be reached
    // now does not stop the adding.
    QString keyOf;
    if (*kind == BackendKind::OpenWebUi && !key.isEmpty()) {
        QNetworkAccessManager nam;
        const Result<QString> who = ctx.await<QString>([&](auto done) {
            OpenWebUiSignIn::whoseKey(&nam, name, url, key, &nam, std::move(done));
        });
        if (!who && who.errorCode() == ErrorCode::Unauthorised)
            return ctx.fail(
                joinSentences(who.errorMessage(), CliContext::tr("Nothing was added.")));
        if (!who)
            ctx.err() << CliContext::tr("Warning: the key could not be checked: %1")
                             .arg(who.errorMessage())
                      << Qt::endl;
        else
            keyOf = *who;
    }

    // The key goes to the keyring first: if that fails, nothing is added at all.
    if (!key.isEmpty()) {
        if (Status st = app->secrets().write(backendSecretKey(name), key); !st.ok())
            return ctx.fail(
                joinSentences(st.errorMessage(), CliContext::tr("The backend was not added.")));
    }
    record.hasKey = !key.isEmpty();
    auto added = app->backends().add(record);
    if (!added) {
        if (!key.isEmpty())
            (void)app->secrets().remove(backendSecretKey(name));
        return ctx.fail(added.errorMessage());
    }
    ctx.out() << CliContext::tr("Added backend %1 (%2, %3)%4.")
                     .arg(name, backendKindName(*kind), url.toString(),
                          key.isEmpty() ? QString()
                          : keyOf.isEmpty()
                              ? CliContext::tr(", key in the keyring")
                              : CliContext::tr(", %1's key in the keyring").arg(keyOf))
              << Qt::endl;
    return kExitOk;
}

int backendsRemove(CliContext& ctx, const QStringList& args)
{
    const QString cmd = QStringLiteral("backends remove");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, cmd, QStringLiteral("backends remove NAME"),
                   CliContext::tr("Removes a backend you added, and its API key from the "
                                  "keyring. Chats are kept."),
                   {}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("backends remove takes one NAME"), cmd);
    const QString& name = p.positional[0];
    AppContext* app = ctx.writableApp();
    if (!app || !ctx.mayChangeInstallation(CliContext::tr("remove a backend")))
        return kExitFailed;
    auto stored = app->backends().find(name);
    if (!stored)
        return ctx.fail(stored.errorMessage());
    if (!stored->has_value()) {
        auto effective = app->effectiveBackends();
        if (effective) {
            for (const EffectiveBackend& b : *effective) {
                if (b.name.compare(name, Qt::CaseInsensitive) != 0)
                    continue;
                if (b.source == ValueSource::Environment)
                    return ctx.fail(CliContext::tr("The backend \"%1\" comes from the environment "
                                                   "variable %2; unset it to remove the backend.")
                                        .arg(b.name, b.envVar));
                return ctx.fail(CliContext::tr("\"%1\" is the built-in Ollama backend at %2; it "
                                               "goes away by itself once you add an Ollama "
                                               "backend of your own.")
                                    .arg(b.name, b.url.toString()));
            }
        }
        return ctx.fail(CliContext::tr("There is no backend named \"%1\". See lyss-cli backends "
                                       "list.")
                            .arg(name));
    }
    const BackendRecord record = **stored;
    // A sign-in ends at the server too, as when signing out of its web page; the token
    // leaves the keyring whatever the server says.
    if (record.kind == BackendKind::OpenWebUi && !record.account.isEmpty() && record.hasKey) {
        const auto token = app->secrets().read(backendSecretKey(record.name));
        if (token && token->has_value() && endSignIn(ctx, record.url, **token))
            ctx.out() << CliContext::tr("Signed out of %1 as %2.")
                             .arg(record.url.toString(), record.account)
                      << Qt::endl;
    }
    if (Status st = app->backends().remove(record.name); !st.ok())
        return ctx.fail(st.errorMessage());
    if (record.hasKey) {
        if (Status st = app->secrets().remove(backendSecretKey(record.name)); !st.ok())
            ctx.err() << CliContext::tr("Warning: the backend was removed, but its API key is "
                                        "still in the keyring: %1")
                             .arg(st.errorMessage())
                      << Qt::endl;
    }
    ctx.out() << CliContext::tr("Removed backend %1.").arg(oneLine(record.name)) << Qt::endl;
    return kExitOk;
}

} // namespace

int runBackends(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return backendsList(ctx, rest);
    if (sub == QLatin1String("add"))
        return backendsAdd(ctx, rest);
    if (sub == QLatin1String("remove"))
        return backendsRemove(ctx, rest);
    if (sub == QLatin1String("login"))
        return backendsLogin(ctx, rest);
    if (sub == QLatin1String("status"))
        return backendsStatus(ctx, rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        ctx.out() << CliContext::tr(
                         "Usage: lyss-cli [--data-dir DIR] backends list|add|login|status|remove "
                         "...\n"
                         "\n"
                         "  backends list [--json]\n"
                         "  backends add --kind ollama|openai|openwebui --name NAME --url URL\n"
                         "               [--key-stdin | --email ADDR [--password-stdin]]\n"
                         "  backends login NAME [--email ADDR] [--password-stdin]\n"
                         "  backends status [--watch]\n"
                         "  backends remove NAME\n")
                  << Qt::flush;
        return kExitOk;
    }
    return ctx.usage(sub.isEmpty() ? CliContext::tr("backends needs a subcommand")
                                   : CliContext::tr("unknown subcommand \"backends %1\"").arg(sub),
                     QStringLiteral("backends"));
}

} // namespace lyss::cli
