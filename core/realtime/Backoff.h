// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>

namespace lyss {

// socket.io-client's reconnection delays (contrib/backo2): the base doubled at each
// attempt, up to the maximum, then moved by up to `jitter` of itself either way, and
// kept within the maximum. `random` gives a number in [0, 1) (tests fix it).
class Backoff {
public:
    Backoff(int baseMs = 1000, int maxMs = 5000, double jitter = 0.5,
            std::function<double()> random = {});
    // The delay before attempt `attempt` (0 for the first), in ms.
    int delayMs(int attempt) const;

private:
    int m_baseMs;
    int m_maxMs;
    double m_jitter;
    std::function<double()> m_random;
};

} // namespace lyss
