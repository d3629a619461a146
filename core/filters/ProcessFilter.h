// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/Filter.h"
#include "filters/JsonRpcPeer.h"

#include <QCoreApplication>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace lyss {

// A filter in a process of its own, in any language, speaking JSON-RPC 2.0 one message a
// line on stdin/stdout (docs/FILTERS.md): `describe` once started, then `inlet`, `stream`
// and `outlet` calls, and `status`/`notification` notifications. Started once (start(), by
// whoever turned it on) and kept; until then, and once stopped, it has no say.
// Whatever the process does — hang, crash, exit, write garbage, flood, answer the wrong
// id, start slowly — fails the call it was on (never more than its time limit) and the
// process is started again with a growing pause; it never blocks the caller's thread and
// what it writes is bounded (a line at most JsonRpcPeer::kMaxLineBytes, stderr kept to its
// last lines and sent to the log).
class ProcessFilter : public Filter {
    Q_OBJECT

public:
    struct Limits {
        int describeMs = 10000;
        int inletMs = 10000;
        int outletMs = 10000;
        int streamMs = 2000;
        int firstRestartMs = 1000;
        int longestRestartMs = 60000;
    };
    static constexpr qsizetype kStderrKeptBytes = 16 * 1024;

    // `id` names it in Lyss (the file's name); `program` and `arguments` start it, in
    // `workingDir`.
    ProcessFilter(QString id, QString program, QStringList arguments, QString workingDir,
                  QObject* parent = nullptr);
    ProcessFilter(QString id, QString program, QStringList arguments, QString workingDir,
                  Limits limits, QObject* parent = nullptr);
    ~ProcessFilter() override;

    FilterInfo info() const override { return m_info; }
    QString problem() const override { return m_problem; }
    bool settling() const override { return m_state == State::Starting && !m_described; }
    bool hasDescribed() const override { return m_described; }
    void call(FilterHook hook, const QJsonObject& payload, Done done) override;
    void setCallLimits(const CallLimits& limits) override;

    // Starts it (and describes it) now rather than at the first call.
    void start();
    // Turned off: the process stops; calls made meanwhile, and those it was on, pass the
    // value on unchanged.
    void stop();
    // How many times it was started; for tests and the settings page.
    int starts() const { return m_starts; }
    bool isReady() const { return m_state == State::Ready; }
    // The last of what it wrote to stderr.
    QByteArray stderrTail() const { return m_stderr; }

private:
    enum class State { Stopped, Starting, Ready, Waiting };
    struct Queued {
        FilterHook hook;
        QJsonObject payload;
        Done done;
    };
    void describe();
    void onDescribed(Result<QJsonValue> answer);
    // Something went wrong with the process: calls fail with `why`, it is stopped and
    // started again after a pause.
    void broke(const QString& why);
    // Lets go of the process, its calls and the queue (see let() for how).
    void let(const QString& why);
    void send(FilterHook hook, const QJsonObject& payload, Done done);
    int limitFor(FilterHook hook) const;
    void readStderr();

    QString m_id;
    QString m_program;
    QStringList m_arguments;
    QString m_workingDir;
    Limits m_limits;
    bool m_closing = false;
    FilterInfo m_info;
    QString m_problem;
    State m_state = State::Stopped;
    bool m_described = false; // m_info is what it said of itself
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<JsonRpcPeer> m_peer;
    QList<Queued> m_queue; // calls that came while it was starting
    QTimer m_restart;
    int m_pause = 0;
    int m_starts = 0;
    QByteArray m_stderr;
};

} // namespace lyss
