// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/PipelinesSource.h"

#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "filters/PipelineFilter.h"

#include <QJsonDocument>

namespace lyss {

namespace {
// A model list is a short answer: a server that takes longer is skipped this time.
constexpr int kListMs = 10000;
} // namespace

PipelinesSource::PipelinesSource(BackendSet& backends, QObject* parent)
    : QObject(parent)
    , m_backends(backends)
{
    connect(&m_backends, &BackendSet::rebuilt, this, [this] { refresh(); });
    refresh();
}

PipelinesSource::~PipelinesSource()
{
    qDeleteAll(m_filters);
}

QList<PipelineFilter*> PipelinesSource::filters() const
{
    return m_filters.values();
}

void PipelinesSource::setCallLimits(const CallLimits& limits)
{
    m_limits = limits;
    for (PipelineFilter* f : std::as_const(m_filters))
        f->setCallLimits(limits);
}

void PipelinesSource::refresh(std::function<void()> done)
{
    if (done)
        m_done << std::move(done);
    const int round = ++m_round;
    QList<Backend*> asked;
    for (Backend* b : m_backends.backends()) {
        if (b->kind() == BackendKind::OpenAI)
            asked << b;
    }
    // Servers no longer configured take their filters with them.
    QStringList names;
    for (Backend* b : asked)
        names << b->name();
    bool gone = false;
    for (auto it = m_filters.begin(); it != m_filters.end();) {
        if (!names.contains((*it)->backendName())) {
            delete *it;
            it = m_filters.erase(it);
            gone = true;
        } else {
            ++it;
        }
    }
    if (gone)
        Q_EMIT changed();
    m_waiting = int(asked.size());
    if (asked.isEmpty()) {
        m_waiting = 1;
        finishOne(round);
        return;
    }
    for (Backend* b : asked) {
        QPointer<Backend> backend(b);
        QPointer<PipelinesSource> self(this);
        b->requestJson(QStringLiteral("/models"), std::nullopt, kListMs,
                       [this, self, backend, name = b->name(), round](Result<QJsonDocument> r) {
                           if (!self)
                               return; // replaced meanwhile
                           QList<PipelineFilter*> found;
                           if (!r) {
                               m_problems.insert(name, r.errorMessage());
                           } else if (backend) {
                               m_problems.remove(name);
                               for (const PipelineFilter::Listed& l :
                                    PipelineFilter::listedIn(r->object()))
                                   found << new PipelineFilter(backend, l, this);
                           }
                           // An unreachable server keeps what it had: it may be back soon.
                           if (r)
                               take(name, found, round);
                           finishOne(round);
                       });
    }
}

void PipelinesSource::whenKnown(std::function<void()> done)
{
    if (m_waiting > 0)
        m_done << std::move(done);
    else
        done();
}

void PipelinesSource::finishOne(int round)
{
    if (round != m_round || --m_waiting > 0)
        return;
    m_waiting = 0;
    const auto waiting = std::exchange(m_done, {});
    for (const auto& f : waiting)
        f();
}

void PipelinesSource::take(const QString& backend, const QList<PipelineFilter*>& found, int round)
{
    if (round != m_round) { // a newer round asks again
        qDeleteAll(found);
        return;
    }
    for (auto it = m_filters.begin(); it != m_filters.end();) {
        if ((*it)->backendName() == backend) {
            delete *it;
            it = m_filters.erase(it);
        } else {
            ++it;
        }
    }
    for (PipelineFilter* f : found) {
        f->setCallLimits(m_limits);
        m_filters.insert(f->info().id, f);
        connect(f, &Filter::changed, this, &PipelinesSource::changed);
        // Their schema and values, for the settings: known with the rest.
        ++m_waiting;
        f->readValves([this, round](Status) { finishOne(round); });
    }
    Q_EMIT changed();
}

} // namespace lyss
