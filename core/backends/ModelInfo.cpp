// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ModelInfo.h"

namespace lyss {

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("-");
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1000.0 && u < 4) {
        v /= 1000.0;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(bytes)
                  : QStringLiteral("%1 %2")
                        .arg(v, 0, 'f', v < 10 ? 1 : 0)
                        .arg(QLatin1String(units[u]));
}

} // namespace lyss
