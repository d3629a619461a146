// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterRegistry.h"

#include "filters/ContentFilter.h"
#include "filters/FilterStage.h"
#include "filters/ProcessFilter.h"
#include "filters/RateLimitFilter.h"
#include "filters/ValveSchema.h"
#include "store/ConfigRepository.h"
#include "util/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace lyss {

namespace {
QString enabledKey(const QString& id)
{
    return QStringLiteral("filters.%1.enabled").arg(id);
}
QString valvesKey(const QString& id)
{
    return QStringLiteral("filters.%1.valves").arg(id);
}
// What a folder's filter.json names: {"command": ["python3", "main.py", ...]}.
constexpr auto kManifest = "filter.json";
// Where the host for Open WebUI's filter files is put (skipped by the scan: a dot).
constexpr auto kHostDir = ".lyss";

// A Python file with `class Filter`: one of Open WebUI's.
bool isOpenWebUiFile(const QString& path)
{
    if (!path.endsWith(QLatin1String(".py")))
        return false;
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(512 * 1024).contains("class Filter");
}

// Debian's Python, which sees Debian's python3-pydantic, before whatever is first on the
// PATH.
QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStringLiteral("python3");
}
} // namespace

FilterRegistry::FilterRegistry(ConfigRepository& installation, QString filtersDir, QObject* parent)
    : QObject(parent)
    , m_config(installation)
    , m_dir(std::move(filtersDir))
{
    m_filters.insert(QString::fromLatin1(ContentFilter::kId), new ContentFilter(this));
    m_filters.insert(QString::fromLatin1(RateLimitFilter::kId), new RateLimitFilter(this));
    m_settle.setSingleShot(true);
    m_settle.setInterval(300); // an editor writes a file in several steps
    connect(&m_settle, &QTimer::timeout, this, &FilterRegistry::reload);
    reload();
}

FilterRegistry::~FilterRegistry()
{
    qDeleteAll(m_filters); // processes stopped before the rest goes
    m_filters.clear();
}

QHash<QString, FilterRegistry::Found> FilterRegistry::scan() const
{
    QHash<QString, Found> found;
    const QDir dir(m_dir);
    for (const QFileInfo& fi :
         dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = fi.fileName();
        if (name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('~')))
            continue;
        Found f;
        f.modified = fi.lastModified();
        f.size = fi.size();
        if (fi.isDir()) {
            const QString manifest = QDir(fi.absoluteFilePath()).filePath(QLatin1String(kManifest));
            QFile file(manifest);
            if (!file.open(QIODevice::ReadOnly))
                continue; // a folder without a manifest is not a filter
            f.modified = QFileInfo(manifest).lastModified();
            const QJsonArray command = QJsonDocument::fromJson(file.readAll())
                                           .object()
                                           .value(QLatin1String("command"))
                                           .toArray();
            f.workingDir = fi.absoluteFilePath();
            // A change to any file of the folder is a change of the filter.
            for (const QFileInfo& inside :
                 QDir(f.workingDir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot)) {
                f.modified = std::max(f.modified, inside.lastModified());
                f.size += inside.size();
            }
            if (command.isEmpty() || !command.at(0).isString()) {
                f.problem = tr("its %1 names no command: {\"command\": [\"program\", \"argument\", "
                               "...]}")
                                .arg(QLatin1String(kManifest));
            } else {
                f.program = command.at(0).toString();
                // A program beside the manifest is found there; else on the PATH.
                if (const QString beside = QDir(f.workingDir).filePath(f.program);
                    f.program.contains(QLatin1Char('/')) || QFileInfo::exists(beside))
                    f.program = QDir(f.workingDir).absoluteFilePath(f.program);
                for (qsizetype i = 1; i < command.size(); ++i)
                    f.arguments << command.at(i).toString();
            }
        } else {
            if (name.endsWith(QLatin1String(".json")) || name.endsWith(QLatin1String(".md")) ||
                name.endsWith(QLatin1String(".txt")))
                continue; // notes and settings beside the filters
            f.program = fi.absoluteFilePath();
            f.workingDir = m_dir;
            if (!fi.isExecutable() && isOpenWebUiFile(fi.absoluteFilePath())) {
                // Open WebUI's own filter file, unchanged: run by the host Lyss ships.
                const QString host = hostProgram();
                f.program = python();
                f.arguments = {host, fi.absoluteFilePath()};
                if (host.isEmpty())
                    f.problem = tr("the host for Open WebUI filters cannot be written to %1")
                                    .arg(QDir(m_dir).filePath(QLatin1String(kHostDir)));
            } else if (!fi.isExecutable())
                f.problem = tr("it is not executable: make it so (chmod +x %1) and give it a #! "
                               "line")
                                .arg(fi.absoluteFilePath());
        }
        found.insert(name, f);
    }
    return found;
}

void FilterRegistry::reload()
{
    const QHash<QString, Found> now = scan();
    bool any = false;
    for (auto it = m_found.begin(); it != m_found.end();) {
        const auto next = now.find(it.key());
        const bool same = next != now.end() && next->program == it->program &&
                          next->arguments == it->arguments && next->modified == it->modified &&
                          next->size == it->size && next->problem == it->problem;
        if (same) {
            ++it;
            continue;
        }
        // Removed or changed: the old process stops.
        delete m_filters.take(it.key());
        it = m_found.erase(it);
        any = true;
    }
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (m_found.contains(it.key()) || isBuiltIn(it.key()))
            continue;
        m_found.insert(it.key(), *it);
        any = true;
        if (!it->problem.isEmpty())
            continue;
        auto* f = new ProcessFilter(it.key(), it->program, it->arguments, it->workingDir, this);
        connect(f, &Filter::changed, this, &FilterRegistry::changed);
        m_filters.insert(it.key(), f);
        startIfEnabled(it.key());
    }
    if (m_watcher) {
        // Each file too: a change inside one is not a change of the folder.
        const QStringList watched = m_watcher->files();
        if (!watched.isEmpty())
            m_watcher->removePaths(watched);
        for (const QString& name : m_found.keys())
            m_watcher->addPath(QDir(m_dir).filePath(name));
    }
    if (any)
        Q_EMIT changed();
}

void FilterRegistry::watch()
{
    if (m_watcher)
        return;
    QDir().mkpath(m_dir);
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(m_dir);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    reload();
}

void FilterRegistry::startIfEnabled(const QString& id)
{
    if (auto* p = qobject_cast<ProcessFilter*>(m_filters.value(id)); p && isEnabled(id))
        p->start(); // described now, so that its order is known before the first reply
}

QString FilterRegistry::hostProgram() const
{
    QFile bundled(QStringLiteral(":/filters/openwebui_host.py"));
    if (!bundled.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = bundled.readAll();
    const QString dir = QDir(m_dir).filePath(QLatin1String(kHostDir));
    const QString path = QDir(dir).filePath(QStringLiteral("openwebui_host.py"));
    QFile current(path);
    if (current.open(QIODevice::ReadOnly) && current.readAll() == text)
        return path;
    current.close();
    QDir().mkpath(dir);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text) != text.size())
        return {};
    return path;
}

bool FilterRegistry::isBuiltIn(const QString& id)
{
    return id == QLatin1String(ContentFilter::kId) || id == QLatin1String(RateLimitFilter::kId);
}

bool FilterRegistry::isEnabled(const QString& id) const
{
    auto v = m_config.get(enabledKey(id));
    return v && v->has_value() && (*v)->toBool();
}

QList<FilterRegistry::Entry> FilterRegistry::list() const
{
    QList<Entry> out;
    QStringList ids = m_found.keys();
    ids << QString::fromLatin1(ContentFilter::kId) << QString::fromLatin1(RateLimitFilter::kId);
    for (const QString& id : ids) {
        if (auto e = entry(id))
            out << *e;
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        return std::pair(a.info.priority, a.id) < std::pair(b.info.priority, b.id);
    });
    return out;
}

std::optional<FilterRegistry::Entry> FilterRegistry::entry(const QString& id) const
{
    Entry e;
    e.id = id;
    e.enabled = isEnabled(id);
    Filter* f = m_filters.value(id);
    if (f) {
        e.filter = f;
        e.info = f->info();
        e.problem = f->problem();
        if (const auto it = m_found.find(id); it != m_found.end())
            e.info.source =
                QStringList(QStringList{it->program} + it->arguments).join(QLatin1Char(' '));
    } else if (const auto it = m_found.find(id); it != m_found.end()) {
        e.info.id = id;
        e.info.name = id;
        e.info.source = it->program.isEmpty() ? QDir(m_dir).filePath(id) : it->program;
        e.problem = it->problem;
    } else {
        return std::nullopt;
    }
    // Open WebUI orders by the priority valve; the filter's own word counts without one.
    e.valves = valves(id);
    e.models = storedList(id, QStringLiteral("models"));
    e.preselected = storedList(id, QStringLiteral("preselected"));
    if (const QJsonValue p = e.valves.value(QLatin1String("priority")); p.isDouble())
        e.info.priority = p.toInt();
    return e;
}

Status FilterRegistry::setEnabled(const QString& id, bool on)
{
    if (m_guard) {
        if (Status st = m_guard(on ? tr("turn a filter on") : tr("turn a filter off")); !st.ok())
            return st;
    }
    if (!entry(id))
        return Error{tr("There is no filter %1 (lyss-cli filters list shows them).").arg(id),
                     ErrorCode::NotFound};
    if (Status st = m_config.set(enabledKey(id), on); !st.ok())
        return st;
    if (auto* p = qobject_cast<ProcessFilter*>(m_filters.value(id))) {
        if (on)
            p->start();
        else
            p->stop();
    }
    Q_EMIT changed();
    return {};
}

namespace {
QString userValvesKey(const QString& id)
{
    return QStringLiteral("filters.%1.user_valves").arg(id);
}

// The schema's defaults, with what is stored over them.
QJsonObject valvesFrom(const QJsonObject& schema, ConfigRepository& config, const QString& key)
{
    QJsonObject stored;
    if (auto v = config.get(key); v && v->has_value())
        stored = (*v)->toObject();
    return ValveSchema::withDefaults(schema, stored);
}
} // namespace

QJsonObject FilterRegistry::valves(const QString& id) const
{
    const Filter* f = m_filters.value(id);
    return valvesFrom(f ? f->info().valves : QJsonObject(), m_config, valvesKey(id));
}

QJsonObject FilterRegistry::userValves(const QString& id, ConfigRepository& personal) const
{
    const Filter* f = m_filters.value(id);
    return valvesFrom(f ? f->info().userValves : QJsonObject(), personal, userValvesKey(id));
}

Status FilterRegistry::setValve(const QString& id, const QString& key, const QJsonValue& value)
{
    if (m_guard) {
        if (Status st = m_guard(tr("change a filter's valves")); !st.ok())
            return st;
    }
    return storeValve(id, key, value, false, m_config);
}

Status FilterRegistry::setUserValve(const QString& id, const QString& key, const QJsonValue& value,
                                    ConfigRepository& personal)
{
    return storeValve(id, key, value, true, personal); // each person's own: no admin needed
}

Status FilterRegistry::storeValve(const QString& id, const QString& key, const QJsonValue& value,
                                  bool personal, ConfigRepository& config)
{
    const auto e = entry(id);
    if (!e)
        return Error{tr("There is no filter %1 (lyss-cli filters list shows them).").arg(id),
                     ErrorCode::NotFound};
    const QJsonObject schema = personal ? e->info.userValves : e->info.valves;
    if (!ValveSchema::has(schema, key)) {
        auto* process = qobject_cast<ProcessFilter*>(e->filter);
        if (process && !process->isReady() && !e->enabled)
            return Error{
                tr("The filter %1 tells its valves once it runs: turn it on first.").arg(id),
                ErrorCode::InvalidInput};
    }
    if (Status st = ValveSchema::check(schema, id, key, value); !st.ok())
        return st;
    const QString where = personal ? userValvesKey(id) : valvesKey(id);
    QJsonObject set;
    if (auto stored = config.get(where); stored && stored->has_value())
        set = (*stored)->toObject();
    set.insert(key, value);
    return config.set(where, set);
}

Filter* FilterRegistry::filter(const QString& id)
{
    return m_filters.value(id);
}

QStringList FilterRegistry::storedList(const QString& id, const QString& key) const
{
    QStringList out;
    if (auto v = m_config.get(QStringLiteral("filters.%1.%2").arg(id, key)); v && v->has_value())
        for (const QJsonValue& name : (*v)->toArray())
            if (name.isString())
                out << name.toString();
    return out;
}

Status FilterRegistry::storeList(const QString& id, const QString& key, const QStringList& list)
{
    if (m_guard) {
        if (Status st = m_guard(tr("change which models a filter applies to")); !st.ok())
            return st;
    }
    if (!entry(id))
        return Error{tr("There is no filter %1 (lyss-cli filters list shows them).").arg(id),
                     ErrorCode::NotFound};
    QStringList clean;
    for (const QString& name : list)
        if (const QString t = name.trimmed(); !t.isEmpty() && !clean.contains(t))
            clean << t;
    const QString where = QStringLiteral("filters.%1.%2").arg(id, key);
    Status st = clean.isEmpty() ? m_config.remove(where)
                                : m_config.set(where, QJsonArray::fromStringList(clean));
    if (st.ok())
        Q_EMIT changed();
    return st;
}

Status FilterRegistry::setModels(const QString& id, const QStringList& models)
{
    return storeList(id, QStringLiteral("models"), models);
}

Status FilterRegistry::setPreselected(const QString& id, const QStringList& models)
{
    return storeList(id, QStringLiteral("preselected"), models);
}

bool FilterRegistry::matches(const QStringList& patterns, const QString& model)
{
    for (const QString& p : patterns) {
        if (p == QLatin1String("*") || p == model)
            return true;
        // "llama3.2" takes "llama3.2:latest" and "llama3.2:1b"
        if (!p.contains(QLatin1Char(':')) && model.startsWith(p) &&
            model.mid(p.size()).startsWith(QLatin1Char(':')))
            return true;
    }
    return false;
}

QList<FilterRegistry::Entry> FilterRegistry::togglesFor(const QString& model) const
{
    QList<Entry> out;
    for (const Entry& e : list()) {
        if (e.enabled && e.filter && e.problem.isEmpty() && e.info.toggle &&
            (e.models.isEmpty() || matches(e.models, model)))
            out << e;
    }
    return out;
}

QStringList FilterRegistry::switchedOn(const QString& model,
                                       const std::optional<QStringList>& chosen) const
{
    QStringList out;
    for (const Entry& e : togglesFor(model)) {
        if (chosen ? chosen->contains(e.id) : matches(e.preselected, model))
            out << e.id;
    }
    return out;
}

ReplyStages FilterRegistry::stagesFor(const FilterContext& context,
                                      ConfigRepository* personal) const
{
    ReplyStages stages;
    for (const Entry& e : list()) {
        if (!e.enabled || !e.filter)
            continue;
        if (!e.models.isEmpty() && !matches(e.models, context.model))
            continue; // attached to other models
        // A toggle runs where the chat switched it on (or, never chosen, where its model
        // preselects it). Asked at each call: a filter still starting has not said yet
        // whether it is one.
        auto admits = [id = e.id, chosen = context.switchedOn, model = context.model,
                       preselected = e.preselected](const FilterInfo& info) {
            return !info.toggle || (chosen ? chosen->contains(id) : matches(preselected, model));
        };
        stages << std::make_shared<FilterStage>(
            e.filter, context, e.valves, personal ? userValves(e.id, *personal) : QJsonObject{},
            std::move(admits));
    }
    return stages;
}

} // namespace lyss
