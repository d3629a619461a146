// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/Filter.h"

#include <QPointer>

namespace lyss {

class Backend;

// A filter pipeline of a Pipelines server (open-webui/pipelines): a configured
// OpenAI-compatible backend whose /models says "pipelines": true lists its pipelines there,
// those of type "filter" with the models they apply to ("*": all) and their priority. Lyss
// calls it at /{id}/filter/inlet and /{id}/filter/outlet with the backend's key, as
// {"body", "user"}; its answer is the new body, and the {"detail"} of a refusal is what the
// person reads. Its valves live on the server (/{id}/valves, /valves/spec, /valves/update).
class PipelineFilter : public Filter {
    Q_OBJECT

public:
    // What /models says of one filter pipeline.
    struct Listed {
        QString pipeline; // its id on the server
        QString name;
        QStringList models; // the models it applies to; "*": all
        int priority = 0;
        bool hasValves = false;
    };
    // The filter pipelines of a /models answer; none when it is not a Pipelines server's.
    static QList<Listed> listedIn(const QJsonObject& models);
    // The id it has in Lyss: "<backend>/<pipeline>".
    static QString idFor(const QString& backend, const QString& pipeline);

    PipelineFilter(Backend* backend, Listed listed, QObject* parent = nullptr);

    FilterInfo info() const override;
    QString problem() const override { return m_problem; }
    void call(FilterHook hook, const QJsonObject& payload, Done done) override;
    void setCallLimits(const CallLimits& limits) override { m_limits = limits; }

    QString backendName() const { return m_backendName; }
    const Listed& listed() const { return m_listed; }
    // Whether it applies to `model` by the server's own word ("*" or the model's id).
    bool appliesTo(const QString& model) const;

    // Its valves on the server: the schema and values read (readValves() asks again), and
    // a change sent (the server answers the valves as they now are, or why not).
    void readValves(std::function<void(Status)> done);
    QJsonObject valveSchema() const { return m_schema; }
    QJsonObject valveValues() const { return m_values; }
    void updateValves(const QJsonObject& values, std::function<void(Status)> done);

private:
    // Not reached: the message goes on without it; the person is told, the state says why.
    void passWithout(const QString& why);

    QPointer<Backend> m_backend;
    QString m_backendName;
    Listed m_listed;
    CallLimits m_limits;
    QString m_problem;
    QJsonObject m_schema;
    QJsonObject m_values;
};

} // namespace lyss
