// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/PipelineFilter.h"

#include "backends/Backend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace lyss {

namespace {
// A pipeline's id in a path (QUrl encodes what needs it; listedIn() took only ids that stay
// one segment).
QString pathOf(const QString& pipeline, const QString& rest)
{
    return QLatin1Char('/') + pipeline + rest;
}

// An id that stays one path segment of the server's routes: no separators, no dots alone,
// nothing QUrl would read as its own.
bool isPlainId(const QString& id)
{
    if (id.isEmpty() || id == QLatin1String(".") || id == QLatin1String("..") || id.size() > 200)
        return false;
    for (const QChar c : id) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/') ||
            c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('?') ||
            c == QLatin1Char('#'))
            return false;
    }
    return true;
}
} // namespace

QList<PipelineFilter::Listed> PipelineFilter::listedIn(const QJsonObject& models)
{
    QList<Listed> out;
    if (!models.value(QLatin1String("pipelines")).toBool(false))
        return out; // not a Pipelines server
    for (const QJsonValue& v : models.value(QLatin1String("data")).toArray()) {
        const QJsonObject model = v.toObject();
        const QJsonObject pipeline = model.value(QLatin1String("pipeline")).toObject();
        if (pipeline.value(QLatin1String("type")).toString() != QLatin1String("filter"))
            continue;
        Listed l;
        l.pipeline = model.value(QLatin1String("id")).toString();
        if (!isPlainId(l.pipeline))
            continue; // an id that would leave its route is not called
        l.name = model.value(QLatin1String("name")).toString(l.pipeline);
        for (const QJsonValue& m : pipeline.value(QLatin1String("pipelines")).toArray())
            if (m.isString())
                l.models << m.toString();
        l.priority = pipeline.value(QLatin1String("priority")).toInt(0);
        l.hasValves = pipeline.value(QLatin1String("valves")).toBool(false);
        out << l;
    }
    return out;
}

QString PipelineFilter::idFor(const QString& backend, const QString& pipeline)
{
    return backend + QLatin1Char('/') + pipeline;
}

PipelineFilter::PipelineFilter(Backend* backend, Listed listed, QObject* parent)
    : Filter(parent)
    , m_backend(backend)
    , m_backendName(backend->name())
    , m_listed(std::move(listed))
{
}

FilterInfo PipelineFilter::info() const
{
    FilterInfo i;
    i.id = idFor(m_backendName, m_listed.pipeline);
    i.name = m_listed.name;
    i.description = tr("A filter pipeline of the Pipelines server %1.").arg(m_backendName);
    i.source = m_backend ? tr("Pipelines server %1 (%2)")
                               .arg(m_backendName,
                                    m_backend->config().url.toDisplayString(QUrl::RemoveUserInfo))
                         : tr("Pipelines server %1").arg(m_backendName);
    i.hooks = {FilterHook::Inlet, FilterHook::Outlet};
    i.priority = m_listed.priority;
    i.valves = m_schema;
    return i;
}

bool PipelineFilter::appliesTo(const QString& model) const
{
    return m_listed.models.contains(QStringLiteral("*")) || m_listed.models.contains(model);
}

void PipelineFilter::call(FilterHook hook, const QJsonObject& payload, Done done)
{
    const QJsonObject value = filterValue(hook, payload);
    if (hook == FilterHook::Stream) { // Pipelines filters have no stream hook
        done(value);
        return;
    }
    if (!m_backend) { // the server was removed from the backends meanwhile
        passWithout(tr("the Pipelines server %1 is no longer configured").arg(m_backendName));
        done(value);
        return;
    }
    // The person as Pipelines sees them: no valves of Lyss's in it.
    QJsonObject user = payload.value(QLatin1String("user")).toObject();
    user.remove(QStringLiteral("valves"));
    const bool inlet = hook == FilterHook::Inlet;
    m_backend->requestJson(
        pathOf(m_listed.pipeline,
               inlet ? QStringLiteral("/filter/inlet") : QStringLiteral("/filter/outlet")),
        QJsonObject{{QStringLiteral("body"), value}, {QStringLiteral("user"), user}},
        inlet ? m_limits.inletMs : m_limits.outletMs,
        [self = QPointer<PipelineFilter>(this), value,
         done = std::move(done)](Result<QJsonDocument> answer) {
            if (!answer && answer.errorCode() != ErrorCode::Refused) {
                // Not reached, or no answer in time: as Open WebUI, the message goes on
                // without this filter, and the person is told.
                if (self)
                    self->passWithout(answer.errorMessage());
                done(value);
                return;
            }
            if (self && !self->m_problem.isEmpty()) { // it answers again
                self->m_problem.clear();
                Q_EMIT self->changed();
            }
            if (!answer) {
                done(answer.error()); // the pipeline's own refusal, in its words
                return;
            }
            if (!answer->isObject()) {
                done(Error{tr("its answer is not a JSON object"), ErrorCode::InvalidInput});
                return;
            }
            done(answer->object());
        });
}

void PipelineFilter::passWithout(const QString& why)
{
    Q_EMIT notification(
        {{QStringLiteral("type"), QStringLiteral("warning")},
         {QStringLiteral("content"), tr("%1 did not run: %2").arg(m_listed.name, why)}});
    if (m_problem != why) {
        m_problem = why;
        Q_EMIT changed();
    }
}

void PipelineFilter::readValves(std::function<void(Status)> done)
{
    if (!m_listed.hasValves || !m_backend) {
        done({});
        return;
    }
    QPointer<PipelineFilter> self(this);
    m_backend->requestJson(
        pathOf(m_listed.pipeline, QStringLiteral("/valves/spec")), std::nullopt, m_limits.outletMs,
        [self, done](Result<QJsonDocument> spec) {
            if (!self) {
                done(Error{tr("The filter was removed meanwhile.")});
                return;
            }
            if (!spec || !spec->isObject()) {
                done(Error{spec ? tr("its valves' schema is not a JSON object")
                                : spec.errorMessage()});
                return;
            }
            self->m_schema = spec->object();
            self->m_backend->requestJson(
                pathOf(self->m_listed.pipeline, QStringLiteral("/valves")), std::nullopt,
                self->m_limits.outletMs, [self, done](Result<QJsonDocument> values) {
                    if (!self) {
                        done(Error{tr("The filter was removed meanwhile.")});
                        return;
                    }
                    if (!values || !values->isObject()) {
                        done(Error{values ? tr("its valves are not a JSON object")
                                          : values.errorMessage()});
                        return;
                    }
                    self->m_values = values->object();
                    Q_EMIT self->changed();
                    done({});
                });
        });
}

void PipelineFilter::updateValves(const QJsonObject& values, std::function<void(Status)> done)
{
    if (!m_backend) {
        done(Error{tr("The Pipelines server %1 is no longer configured.").arg(m_backendName)});
        return;
    }
    if (m_values.isEmpty()) {
        done(Error{tr("The valves of %1 could not be read from its server yet, so they are not "
                      "changed (the server would set every valve not sent back to its default).")
                       .arg(m_listed.name)});
        return;
    }
    // The server makes its valves from what is posted alone (a key left out goes back to
    // its default), so every value goes, the changed ones over the current.
    QJsonObject all = m_values;
    for (auto it = values.begin(); it != values.end(); ++it)
        all.insert(it.key(), *it);
    QPointer<PipelineFilter> self(this);
    m_backend->requestJson(
        pathOf(m_listed.pipeline, QStringLiteral("/valves/update")), all, m_limits.outletMs,
        [self, done](Result<QJsonDocument> answer) {
            if (!self) {
                done(Error{tr("The filter was removed meanwhile.")});
                return;
            }
            if (!answer) {
                done(answer.error());
                return;
            }
            if (answer->isObject()) {
                self->m_values = answer->object();
                // Where it runs and its order are valves of its own.
                const QJsonObject& v = self->m_values;
                if (v.value(QLatin1String("priority")).isDouble())
                    self->m_listed.priority = v.value(QLatin1String("priority")).toInt();
                if (v.value(QLatin1String("pipelines")).isArray()) {
                    self->m_listed.models.clear();
                    for (const QJsonValue& m : v.value(QLatin1String("pipelines")).toArray())
                        self->m_listed.models << m.toString();
                }
            }
            Q_EMIT self->changed();
            done({});
        });
}

} // namespace lyss
