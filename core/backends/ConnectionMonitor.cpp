// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ConnectionMonitor.h"

#include "backends/Backend.h"

#include <QRandomGenerator>

#include <cmath>

namespace lyss {

ConnectionMonitor::ConnectionMonitor(Backend* backend, Policy policy, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_policy(policy)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::probe);
}

ConnectionMonitor::ConnectionMonitor(Backend* backend, QObject* parent)
    : ConnectionMonitor(backend, Policy{}, parent)
{
}

int ConnectionMonitor::delayForAttempt(int attempt, const Policy& policy, double random01)
{
    const double base = std::min(static_cast<double>(policy.maxDelayMs),
                                 policy.firstDelayMs * std::pow(2.0, std::max(0, attempt - 1)));
    const double spread = base * policy.jitter * (2.0 * random01 - 1.0);
    return static_cast<int>(std::lround(base + spread));
}

void ConnectionMonitor::start()
{
    m_timer.stop();
    probe();
}

void ConnectionMonitor::retry()
{
    m_failures = 0;
    m_timer.stop();
    if (m_state == State::Failed)
        setState(State::Disconnected, m_detail);
    probe();
}

void ConnectionMonitor::reportFailure()
{
    if (m_state == State::Failed)
        return; // stays failed until asked again
    m_timer.stop();
    probe();
}

void ConnectionMonitor::probe()
{
    if (!m_backend || m_probing)
        return;
    m_probing = true;
    const quint64 generation = ++m_generation;
    QPointer<ConnectionMonitor> self(this);
    m_backend->probe([self, generation](Result<QString> r) {
        if (!self || generation != self->m_generation)
            return;
        self->m_probing = false;
        if (r) {
            self->m_failures = 0;
            self->setState(State::Connected, *r);
            self->m_timer.start(self->m_policy.healthIntervalMs);
            return;
        }
        ++self->m_failures;
        if (self->m_failures >= self->m_policy.maxAttempts) {
            self->setState(State::Failed, r.errorMessage());
            return;
        }
        self->setState(State::Disconnected, r.errorMessage());
        self->m_timer.start(delayForAttempt(self->m_failures, self->m_policy,
                                            QRandomGenerator::global()->generateDouble()));
    });
}

void ConnectionMonitor::setState(State state, const QString& detail)
{
    const bool changed = state != m_state || detail != m_detail;
    m_state = state;
    m_detail = detail;
    if (changed)
        Q_EMIT stateChanged(state, detail);
}

} // namespace lyss
