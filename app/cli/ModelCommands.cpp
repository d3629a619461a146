// SPDX-License-Identifier: GPL-3.0-or-later
// lyss-cli models, pull, rm, ps: the models on the servers.
#include "CliContext.h"

#include "backends/BackendSet.h"
#include "backends/OllamaBackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lyss::cli {

namespace {

const OptionSpec kBackendOption{QStringLiteral("backend"), QStringLiteral("NAME"),
                                CliContext::tr("use this backend (see lyss-cli backends list)")};

// The Ollama backend a command acts on: --backend, else the first Ollama backend.
OllamaBackend* ollamaFor(CliContext& ctx, const ParsedArgs& p, int* exitCode)
{
    BackendSet* set = ctx.backends();
    if (!set) {
        *exitCode = kExitFailed;
        return nullptr;
    }
    const QString wanted = p.values.value(QStringLiteral("backend"));
    for (Backend* b : set->backends()) {
        if (!wanted.isEmpty() && b->name().compare(wanted, Qt::CaseInsensitive) != 0)
            continue;
        if (auto* o = qobject_cast<OllamaBackend*>(b))
            return o;
        if (!wanted.isEmpty()) {
            *exitCode = ctx.fail(CliContext::tr("The backend \"%1\" is not an Ollama server; only "
                                                "Ollama can pull, remove and list loaded models.")
                                     .arg(wanted));
            return nullptr;
        }
    }
    *exitCode = ctx.fail(
        wanted.isEmpty() ? CliContext::tr("No Ollama backend is configured or enabled.")
                         : CliContext::tr("There is no enabled backend named \"%1\".").arg(wanted));
    return nullptr;
}

QJsonObject modelJson(const ModelInfo& m)
{
    QJsonObject o{{QStringLiteral("name"), m.displayName},
                  {QStringLiteral("model"), m.name},
                  {QStringLiteral("backend"), m.backendName},
                  {QStringLiteral("kind"), backendKindName(m.backendKind)}};
    if (m.sizeBytes >= 0)
        o.insert(QStringLiteral("size"), m.sizeBytes);
    if (!m.family.isEmpty())
        o.insert(QStringLiteral("family"), m.family);
    if (!m.parameterSize.isEmpty())
        o.insert(QStringLiteral("parameter_size"), m.parameterSize);
    if (!m.quantization.isEmpty())
        o.insert(QStringLiteral("quantization"), m.quantization);
    if (m.sizeVram >= 0)
        o.insert(QStringLiteral("size_vram"), m.sizeVram);
    if (m.expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), m.expiresAt.toUTC().toString(Qt::ISODate));
    if (!m.title.isEmpty())
        o.insert(QStringLiteral("title"), m.title);
    QJsonArray tools; // an Open WebUI model's, which lyss-cli chat --tools switches
    for (const QString& id : m.toolIds)
        tools.append(QJsonObject{{QStringLiteral("id"), id},
                                 {QStringLiteral("name"), m.toolNames.value(id, id)}});
    if (!tools.isEmpty())
        o.insert(QStringLiteral("tools"), tools);
    return o;
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

QString progressBar(qint64 completed, qint64 total)
{
    constexpr int kWidth = 24;
    const double f = total > 0 ? std::clamp(double(completed) / double(total), 0.0, 1.0) : 0.0;
    const int filled = static_cast<int>(f * kWidth);
    return QStringLiteral("[%1%2] %3%  %4/%5")
        .arg(QString(filled, QLatin1Char('#')), QString(kWidth - filled, QLatin1Char('.')))
        .arg(static_cast<int>(f * 100), 3)
        .arg(formatBytes(completed), formatBytes(total));
}

} // namespace

int runModels(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("models"),
                   QStringLiteral("models [--json] [--backend NAME]"),
                   CliContext::tr("Lists the models of every enabled backend. A name offered by "
                                  "two backends is shown as backend/model."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")}, kBackendOption},
                   args, &p, &code))
        return code;
    BackendSet* set = ctx.backends();
    if (!set)
        return kExitFailed;
    Backend* only = nullptr;
    if (!ctx.backendOption(p.values, &only))
        return kExitFailed;
    const BackendSet::ModelList list = ctx.listModels(only);
    for (const QString& e : list.errors)
        ctx.err() << CliContext::tr("Warning: %1").arg(e) << Qt::endl;
    if (list.models.isEmpty() && !list.errors.isEmpty())
        return kExitFailed;
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const ModelInfo& m : list.models)
            arr.append(modelJson(m));
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    if (list.models.isEmpty()) {
        ctx.err() << CliContext::tr("No models yet. Download one with: lyss-cli pull llama3.2")
                  << Qt::endl;
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const ModelInfo& m : list.models)
        rows.append({m.displayName, m.backendName, formatBytes(m.sizeBytes), orDash(m.family),
                     orDash(m.parameterSize), orDash(m.quantization)});
    CliContext::printTable(ctx.out(),
                           {CliContext::tr("NAME"), CliContext::tr("BACKEND"),
                            CliContext::tr("SIZE"), CliContext::tr("FAMILY"),
                            CliContext::tr("PARAMETERS"), CliContext::tr("QUANTIZATION")},
                           rows);
    return kExitOk;
}

int runPull(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("pull"), QStringLiteral("pull MODEL [--backend NAME]"),
                   CliContext::tr("Downloads MODEL into Ollama, showing progress. Ctrl-C stops; "
                                  "pulling again continues where it stopped."),
                   {kBackendOption}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("pull takes one MODEL"), QStringLiteral("pull"));
    OllamaBackend* ollama = ollamaFor(ctx, p, &code);
    if (!ollama)
        return code;
    const QString model = p.positional[0];
    PullOperation* op = ollama->pull(model);
    ctx.onInterrupt([op] { op->cancel(); });
    const bool tty = ctx.stderrIsTerminal();
    QString lastStatus;
    QObject::connect(op, &PullOperation::progress, op,
                     [&](const QString& serverStatus, qint64 completed, qint64 total) {
                         const QString status = oneLine(serverStatus);
                         if (tty && total > 0) {
                             ctx.progressLineStart();
                             ctx.err() << status << "  "
                                       << progressBar(std::max<qint64>(completed, 0), total)
                                       << "   " << Qt::flush;
                             lastStatus = status;
                             return;
                         }
                         if (status != lastStatus) {
                             if (tty)
                                 ctx.err() << '\n';
                             ctx.err() << status << Qt::endl;
                             lastStatus = status;
                         }
                     });
    QEventLoop loop;
    QObject::connect(op, &PullOperation::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (tty)
        ctx.err() << '\n';
    if (!op->succeeded())
        return ctx.fail(op->errorText());
    ctx.out() << CliContext::tr("Pulled %1.").arg(model) << Qt::endl;
    return kExitOk;
}

int runRemoveModel(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("rm"), QStringLiteral("rm MODEL [--backend NAME]"),
                   CliContext::tr("Deletes MODEL from Ollama."), {kBackendOption}, args, &p, &code))
        return code;
    if (p.positional.size() != 1)
        return ctx.usage(CliContext::tr("rm takes one MODEL"), QStringLiteral("rm"));
    OllamaBackend* ollama = ollamaFor(ctx, p, &code);
    if (!ollama)
        return code;
    const QString model = p.positional[0];
    auto r = ctx.await<bool>([&](auto done) { ollama->deleteModel(model, done); });
    if (!r)
        return ctx.fail(r.errorMessage());
    ctx.out() << CliContext::tr("Deleted %1.").arg(model) << Qt::endl;
    return kExitOk;
}

int runPs(CliContext& ctx, const QStringList& args)
{
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, QStringLiteral("ps"), QStringLiteral("ps [--json] [--backend NAME]"),
                   CliContext::tr("Lists the models Ollama has loaded in memory."),
                   {{QStringLiteral("json"), {}, CliContext::tr("one JSON array")}, kBackendOption},
                   args, &p, &code))
        return code;
    OllamaBackend* ollama = ollamaFor(ctx, p, &code);
    if (!ollama)
        return code;
    auto r = ctx.await<QList<ModelInfo>>([&](auto done) { ollama->loadedModels(done); });
    if (!r)
        return ctx.fail(r.errorMessage());
    if (p.flags.contains(QLatin1String("json"))) {
        QJsonArray arr;
        for (const ModelInfo& m : *r)
            arr.append(modelJson(m));
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented) << Qt::flush;
        return kExitOk;
    }
    if (r->isEmpty()) {
        ctx.err() << CliContext::tr("No model is loaded.") << Qt::endl;
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const ModelInfo& m : *r)
        rows.append({m.name, formatBytes(m.sizeBytes), formatBytes(m.sizeVram),
                     m.expiresAt.isValid()
                         ? m.expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QStringLiteral("-")});
    CliContext::printTable(ctx.out(),
                           {CliContext::tr("NAME"), CliContext::tr("SIZE"),
                            CliContext::tr("IN VRAM"), CliContext::tr("UNLOADS AT")},
                           rows);
    return kExitOk;
}

} // namespace lyss::cli
