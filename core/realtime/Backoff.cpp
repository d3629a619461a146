// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace lyss {

Backoff::Backoff(int baseMs, int maxMs, double jitter, std::function<double()> random)
    : m_baseMs(baseMs)
    , m_maxMs(maxMs)
    , m_jitter(jitter)
    , m_random(random ? std::move(random)
                      : [] { return QRandomGenerator::global()->generateDouble(); })
{
}

int Backoff::delayMs(int attempt) const
{
    double ms = double(m_baseMs) * std::pow(2.0, std::min(attempt, 30));
    if (m_jitter > 0) {
        const double r = m_random();
        const double deviation = std::floor(r * m_jitter * ms);
        // As backo2: the low bit of the same draw picks the side.
        ms = (int(std::floor(r * 10)) & 1) == 0 ? ms - deviation : ms + deviation;
    }
    return int(std::clamp(ms, 0.0, double(m_maxMs)));
}

} // namespace lyss
