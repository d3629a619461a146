// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/ProcessFilter.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace lyss {

namespace {
constexpr qsizetype kMostQueued = 1000;
}

ProcessFilter::ProcessFilter(QString id, QString program, QStringList arguments, QString workingDir,
                             QObject* parent)
    : ProcessFilter(std::move(id), std::move(program), std::move(arguments), std::move(workingDir),
                    Limits{}, parent)
{
}

ProcessFilter::ProcessFilter(QString id, QString program, QStringList arguments, QString workingDir,
                             Limits limits, QObject* parent)
    : Filter(parent)
    , m_id(std::move(id))
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
    , m_workingDir(std::move(workingDir))
    , m_limits(limits)
{
    m_info.id = m_id;
    m_info.name = m_id;
    m_info.source = m_program;
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, &ProcessFilter::start);
}

ProcessFilter::~ProcessFilter()
{
    m_closing = true; // those waiting on it hear destroyed(), not a change
    stop();
}

void ProcessFilter::start()
{
    if (m_state == State::Starting || m_state == State::Ready)
        return;
    m_restart.stop();
    m_state = State::Starting;
    ++m_starts;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    m_process->setArguments(m_arguments);
    m_process->setWorkingDirectory(m_workingDir);
    // A group of its own: what it starts in turn (a shell wrapper's children) is stopped
    // with it.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    m_peer = std::make_unique<JsonRpcPeer>(m_process.get());
    QProcess* p = m_process.get();
    connect(p, &QProcess::readyReadStandardOutput, this,
            [this, p] { m_peer->feed(p->readAllStandardOutput()); });
    connect(p, &QProcess::readyReadStandardError, this, &ProcessFilter::readStderr);
    connect(p, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            broke(tr("it cannot be started (%1)").arg(m_process->errorString()));
    });
    connect(p, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        broke(status == QProcess::CrashExit ? tr("it crashed")
                                            : tr("it exited with code %1").arg(code));
    });
    connect(m_peer.get(), &JsonRpcPeer::protocolError, this, &ProcessFilter::broke);
    connect(m_peer.get(), &JsonRpcPeer::stalled, this,
            [this](const QString& why) { broke(tr("it hangs (%1)").arg(why)); });
    connect(m_peer.get(), &JsonRpcPeer::notification, this,
            [this](const QString& method, const QJsonObject& params) {
                if (method == QLatin1String("status"))
                    Q_EMIT status(params);
                else if (method == QLatin1String("notification"))
                    Q_EMIT notification(params);
            });
    m_process->start(QIODevice::ReadWrite);
    describe();
}

void ProcessFilter::describe()
{
    m_peer->call(QStringLiteral("describe"), {{QStringLiteral("protocol"), 1}}, m_limits.describeMs,
                 [self = QPointer<ProcessFilter>(this)](Result<QJsonValue> answer) {
                     // Answered from the event loop after a stop: this may be gone.
                     if (self && self->m_state == State::Starting)
                         self->onDescribed(std::move(answer));
                 });
}

void ProcessFilter::onDescribed(Result<QJsonValue> answer)
{
    if (!answer || !answer->isObject()) {
        broke(answer ? tr("its describe answer is not an object")
                     : tr("it did not describe itself: %1").arg(answer.errorMessage()));
        return;
    }
    const QJsonObject d = answer->toObject();
    FilterInfo info;
    info.id = m_id;
    info.name = d.value(QLatin1String("name")).toString(m_id).trimmed();
    if (info.name.isEmpty())
        info.name = m_id;
    info.description = d.value(QLatin1String("description")).toString();
    info.version = d.value(QLatin1String("version")).toString();
    info.source = m_info.source;
    for (const QJsonValue& h : d.value(QLatin1String("hooks")).toArray()) {
        for (FilterHook hook : {FilterHook::Inlet, FilterHook::Stream, FilterHook::Outlet}) {
            if (h.toString() == filterHookName(hook))
                info.hooks.insert(hook);
        }
    }
    info.priority = d.value(QLatin1String("priority")).toInt(0); // unreadable: 0
    info.toggle = d.value(QLatin1String("toggle")).toBool(false);
    info.valves = d.value(QLatin1String("valves")).toObject();
    info.userValves = d.value(QLatin1String("user_valves")).toObject();
    m_info = info;
    m_described = true;
    m_problem.clear();
    m_state = State::Ready;
    m_pause = 0;
    Q_EMIT changed();
    const QList<Queued> queued = std::exchange(m_queue, {});
    for (const Queued& q : queued)
        send(q.hook, q.payload, q.done);
}

void ProcessFilter::broke(const QString& why)
{
    if (m_state == State::Waiting || m_state == State::Stopped)
        return;
    qCWarning(lcFilters).noquote() << QStringLiteral("filter %1: %2").arg(m_id, why);
    m_problem = why;
    m_state = State::Waiting;
    let(why);
    m_pause =
        m_pause == 0 ? m_limits.firstRestartMs : std::min(m_pause * 2, m_limits.longestRestartMs);
    m_restart.start(m_pause);
    Q_EMIT changed();
}

void ProcessFilter::stop()
{
    m_restart.stop();
    if (m_state == State::Stopped)
        return;
    const bool wasSettling = settling();
    m_state = State::Stopped;
    let(tr("it was turned off"));
    if (wasSettling && !m_closing)
        Q_EMIT changed(); // those waiting to learn what it is learn it will not say
}

void ProcessFilter::let(const QString& why)
{
    // The process, its calls and the queue leave this object first; their callers hear of it
    // from the event loop, so that nothing they do in answer (another call, deleting this)
    // meets them half gone.
    if (m_process) {
        m_process->disconnect(this);
        if (const qint64 pid = m_process->processId(); pid > 0)
            ::kill(-pid, SIGKILL); // its group: what it started too
        m_process->kill();
        m_process->waitForFinished(500); // killed: it is gone at once
    }
    std::shared_ptr<JsonRpcPeer> peer(m_peer.release());
    std::shared_ptr<QProcess> process(m_process.release());
    QList<Queued> queued = std::exchange(m_queue, {});
    const bool off = m_state == State::Stopped; // then it has no say: values pass on
    QTimer::singleShot(0, QCoreApplication::instance(), [peer, process, queued, why, off] {
        if (peer)
            peer->failAll(why);
        for (const Queued& q : queued) {
            if (off)
                q.done(filterValue(q.hook, q.payload));
            else
                q.done(Error{why});
        }
    });
}

int ProcessFilter::limitFor(FilterHook hook) const
{
    switch (hook) {
    case FilterHook::Inlet:
        return m_limits.inletMs;
    case FilterHook::Stream:
        return m_limits.streamMs;
    case FilterHook::Outlet:
        return m_limits.outletMs;
    }
    return m_limits.inletMs;
}

void ProcessFilter::setCallLimits(const CallLimits& limits)
{
    m_limits.inletMs = limits.inletMs;
    m_limits.streamMs = limits.streamMs;
    m_limits.outletMs = limits.outletMs;
}

void ProcessFilter::call(FilterHook hook, const QJsonObject& payload, Done done)
{
    const auto passOn = [hook, &payload, &done] { done(filterValue(hook, payload)); };
    switch (m_state) {
    case State::Stopped: // turned off: it no longer has a say
        passOn();
        return;
    case State::Ready:
        send(hook, payload, std::move(done));
        return;
    case State::Waiting:
        // A hook it did not have when it last described itself passes on as ever.
        if (m_described && !m_info.hooks.contains(hook)) {
            passOn();
            return;
        }
        done(Error{tr("%1 (it is started again shortly)").arg(m_problem)});
        return;
    case State::Starting:
        if (m_queue.size() >= kMostQueued) {
            done(Error{tr("it is still starting")});
            return;
        }
        m_queue.append({hook, payload, std::move(done)});
        return;
    }
}

void ProcessFilter::send(FilterHook hook, const QJsonObject& payload, Done done)
{
    // A hook it does not have passes the value on as it came; so does every call once it is
    // turned off or removed meanwhile.
    const QJsonObject value = filterValue(hook, payload);
    if (!m_info.hooks.contains(hook)) {
        done(value);
        return;
    }
    const int limit = limitFor(hook);
    const QString method = filterHookName(hook);
    QPointer<ProcessFilter> self(this);
    m_peer->call(
        method, payload, limit,
        [self, method, value, done = std::move(done)](Result<QJsonValue> answer) {
            if (!answer) {
                // Turned off or removed meanwhile: it no longer has a say.
                if (!self || self->m_state == State::Stopped)
                    done(value);
                else
                    done(answer.error());
                return;
            }
            if (!answer->isObject()) {
                done(Error{tr("it answered %1 with something that is not an object").arg(method)});
                return;
            }
            done(answer->toObject());
        });
}

void ProcessFilter::readStderr()
{
    const QByteArray bytes = m_process->readAllStandardError();
    for (const QByteArray& line : bytes.split('\n')) {
        if (!line.trimmed().isEmpty())
            qCInfo(lcFilters).noquote()
                << QStringLiteral("filter %1: %2").arg(m_id, QString::fromUtf8(line.left(1000)));
    }
    m_stderr += bytes;
    if (m_stderr.size() > kStderrKeptBytes)
        m_stderr = m_stderr.right(kStderrKeptBytes);
}

} // namespace lyss
