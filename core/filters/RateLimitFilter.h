// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/Filter.h"

#include <QHash>
#include <QList>

#include <functional>

namespace lyss {

// Built in: how many requests each person may send, per minute and per hour (valves
// "requests_per_minute", "requests_per_hour"; 0 is no limit). Inlet refuses one over the
// limit and says how long to wait. Counted in this process, per person.
class RateLimitFilter : public Filter {
    Q_OBJECT

public:
    static constexpr const char* kId = "rate-limit";
    explicit RateLimitFilter(QObject* parent = nullptr, std::function<qint64()> now = {});

    FilterInfo info() const override;
    void call(FilterHook hook, const QJsonObject& payload, Done done) override;

private:
    std::function<qint64()> m_now;
    QHash<QString, QList<qint64>> m_sent; // person → times of their requests, oldest first
};

} // namespace lyss
