// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lyss {

class Backend;

// Watches whether a backend answers: Connected, Disconnected (re-probing with
// exponential backoff: 1 s doubling to 5 s, a little jitter) and Failed after the
// last try, until retry() is called. While connected it checks now and then.
class ConnectionMonitor : public QObject {
    Q_OBJECT

public:
    enum class State { Unknown, Connected, Disconnected, Failed };
    Q_ENUM(State)

    struct Policy {
        int firstDelayMs = 1000;
        int maxDelayMs = 5000;
        int maxAttempts = 5;
        double jitter = 0.1; // ± this fraction of the delay
        int healthIntervalMs = 30000;
    };

    ConnectionMonitor(Backend* backend, Policy policy, QObject* parent = nullptr);
    explicit ConnectionMonitor(Backend* backend, QObject* parent = nullptr);

    void start();
    // After Failed (or any time): forget the failures and probe now.
    void retry();
    // Something else (a chat) could not reach the server: probe now.
    void reportFailure();

    State state() const { return m_state; }
    QString detail() const { return m_detail; }
    int failedAttempts() const { return m_failures; }
    Backend* backend() const { return m_backend; }

    // The delay before re-probe number `attempt` (1-based), `random01` in [0, 1).
    static int delayForAttempt(int attempt, const Policy& policy, double random01);

Q_SIGNALS:
    void stateChanged(lyss::ConnectionMonitor::State state, const QString& detail);

private:
    void probe();
    void setState(State state, const QString& detail);

    QPointer<Backend> m_backend;
    Policy m_policy;
    QTimer m_timer;
    State m_state = State::Unknown;
    QString m_detail;
    int m_failures = 0;
    bool m_probing = false;
    quint64 m_generation = 0;
};

} // namespace lyss
