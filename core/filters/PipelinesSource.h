// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/Filter.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace lyss {

class BackendSet;
class PipelineFilter;

// The filter pipelines of the configured Pipelines servers: each OpenAI-compatible backend
// is asked for /models; one that answers "pipelines": true contributes its filters. Asked
// again when the servers change, and on refresh(). A server that cannot be reached
// contributes nothing until it can (its filters are not run, as Open WebUI skips them).
class PipelinesSource : public QObject {
    Q_OBJECT

public:
    explicit PipelinesSource(BackendSet& backends, QObject* parent = nullptr);
    ~PipelinesSource() override;

    // Asks every server again; `done` once all have answered (or failed).
    void refresh(std::function<void()> done = {});
    bool refreshing() const { return m_waiting > 0; }
    // Runs `done` once what is being asked now (the lists, then the valves) is known.
    void whenKnown(std::function<void()> done);
    // By id ("<backend>/<pipeline>").
    QList<PipelineFilter*> filters() const;
    PipelineFilter* filter(const QString& id) const { return m_filters.value(id); }
    // Why a server's pipelines are not known (it could not be asked), by backend.
    QHash<QString, QString> problems() const { return m_problems; }
    void setCallLimits(const CallLimits& limits);

Q_SIGNALS:
    void changed();

private:
    void take(const QString& backend, const QList<PipelineFilter*>& found, int round);
    void finishOne(int round);

    BackendSet& m_backends;
    QHash<QString, PipelineFilter*> m_filters; // owned (children)
    QHash<QString, QString> m_problems;
    CallLimits m_limits;
    int m_waiting = 0;
    int m_round = 0;
    QList<std::function<void()>> m_done;
};

} // namespace lyss
