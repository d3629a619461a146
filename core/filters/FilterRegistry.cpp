// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterRegistry.h"

#include "filters/ContentFilter.h"
#include "filters/FilterFolder.h"
#include "filters/FilterStage.h"
#include "filters/PipelineFilter.h"
#include "filters/PipelinesSource.h"
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
#include <tuple>

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

void FilterRegistry::reload()
{
    if (m_pipelines)
        m_pipelines->refresh(); // the servers' lists too: one may be back
    const QHash<QString, FilterFolder::Found> now = FilterFolder::scan(m_dir);
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
        f->setCallLimits(m_limits);
        connect(f, &Filter::changed, this, [this, f] {
            remember(f);
            Q_EMIT changed();
        });
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

void FilterRegistry::usePipelinesOf(BackendSet& backends)
{
    delete m_pipelines;
    m_pipelines = new PipelinesSource(backends, this);
    m_pipelines->setCallLimits(m_limits);
    connect(m_pipelines, &PipelinesSource::changed, this, &FilterRegistry::changed);
}

void FilterRegistry::setCallLimits(const CallLimits& limits)
{
    m_limits = limits;
    for (Filter* f : std::as_const(m_filters))
        f->setCallLimits(limits);
    if (m_pipelines)
        m_pipelines->setCallLimits(limits);
}

void FilterRegistry::startIfEnabled(const QString& id)
{
    if (auto* p = qobject_cast<ProcessFilter*>(m_filters.value(id)); p && isEnabled(id))
        p->start(); // described now, so that its order is known before the first reply
}

bool FilterRegistry::isBuiltIn(const QString& id)
{
    return id == QLatin1String(ContentFilter::kId) || id == QLatin1String(RateLimitFilter::kId);
}

bool FilterRegistry::isEnabled(const QString& id) const
{
    // Off until an admin turns it on, a Pipelines server's as well: it will read every chat
    // it applies to, and whoever added the server may not know it is one.
    auto v = m_config.get(enabledKey(id));
    return v && v->has_value() && (*v)->toBool();
}

QList<FilterRegistry::Entry> FilterRegistry::list() const
{
    QList<Entry> out;
    QStringList ids = m_found.keys();
    ids << QString::fromLatin1(ContentFilter::kId) << QString::fromLatin1(RateLimitFilter::kId);
    if (m_pipelines) {
        for (const PipelineFilter* p : m_pipelines->filters())
            ids << p->info().id;
    }
    for (const QString& id : ids) {
        if (auto e = entry(id))
            out << *e;
    }
    // Pipelines servers' filters first (Open WebUI runs their inlets and outlets before
    // its own), then by (priority, id).
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        return std::tuple(!a.fromPipelines, a.info.priority, a.id) <
               std::tuple(!b.fromPipelines, b.info.priority, b.id);
    });
    return out;
}

std::optional<FilterRegistry::Entry> FilterRegistry::entry(const QString& id) const
{
    Entry e;
    e.id = id;
    e.enabled = isEnabled(id);
    if (PipelineFilter* p = m_pipelines ? m_pipelines->filter(id) : nullptr) {
        e.filter = p;
        e.info = p->info();
        e.problem = p->problem();
        e.valves = p->valveValues();
        e.models = storedList(id, QStringLiteral("models"));
        e.fromPipelines = true;
        return e;
    }
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
    if (const PipelineFilter* p = m_pipelines ? m_pipelines->filter(id) : nullptr)
        return p->valveValues();
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
    return setValves(id, QJsonObject{{key, value}});
}

Status FilterRegistry::setValves(const QString& id, const QJsonObject& values,
                                 std::function<void(Status)> saved)
{
    if (m_guard) {
        if (Status st = m_guard(tr("change a filter's valves")); !st.ok())
            return st;
    }
    if (PipelineFilter* p = m_pipelines ? m_pipelines->filter(id) : nullptr) {
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (Status st = ValveSchema::check(p->valveSchema(), id, it.key(), *it); !st.ok())
                return st;
        }
        p->updateValves(
            values, saved ? saved : [](Status) {});
        return {};
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (Status st = storeValve(id, it.key(), *it, false, m_config); !st.ok())
            return st;
    }
    if (saved)
        saved({});
    return {};
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
    if (PipelineFilter* p = m_pipelines ? m_pipelines->filter(id) : nullptr)
        return p;
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

void FilterRegistry::remember(const Filter* f)
{
    if (!f->hasDescribed())
        return;
    const FilterInfo info = f->info();
    const QString key = QStringLiteral("filters.%1.was_toggle").arg(info.id);
    if (rememberedToggle(info.id) != info.toggle)
        (void)m_config.set(key, info.toggle); // a read-only database: remembered next time
}

bool FilterRegistry::rememberedToggle(const QString& id) const
{
    auto v = m_config.get(QStringLiteral("filters.%1.was_toggle").arg(id));
    return v && v->has_value() && (*v)->toBool();
}

Status FilterRegistry::setModels(const QString& id, const QStringList& models)
{
    if (m_pipelines && m_pipelines->filter(id))
        return Error{tr("The models of %1 are set on its Pipelines server, as its valve "
                        "\"pipelines\": lyss-cli filters set %1 pipelines '[\"llama3.2:latest\"]'")
                         .arg(id),
                     ErrorCode::InvalidInput};
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
        if (e.fromPipelines &&
            !static_cast<const PipelineFilter*>(e.filter)->appliesTo(context.model))
            continue; // the Pipelines server attaches it to other models
        // A toggle runs where the chat switched it on (or, never chosen, where its model
        // preselects it). Asked at each call: a filter still starting has not said yet
        // whether it is one.
        // One that has not said what it is this time (it fails to start) is taken to be
        // what it said last time: a broken toggle must not stop the chats that never
        // switched it on.
        auto admits = [id = e.id, chosen = context.switchedOn, model = context.model,
                       preselected = e.preselected, filter = QPointer<Filter>(e.filter),
                       wasToggle = rememberedToggle(e.id)](const FilterInfo& info) {
            const bool toggle = filter && !filter->hasDescribed() ? wasToggle : info.toggle;
            return !toggle || (chosen ? chosen->contains(id) : matches(preselected, model));
        };
        stages << std::make_shared<FilterStage>(
            e.filter, context, e.valves, personal ? userValves(e.id, *personal) : QJsonObject{},
            std::move(admits));
    }
    return stages;
}

} // namespace lyss
