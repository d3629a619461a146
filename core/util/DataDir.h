// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QProcessEnvironment>
#include <QString>

namespace lyss {

// Where Lyss keeps its files: --data-dir wins, then LYSS_DATA_DIR, then the platform's
// application data location (~/.local/share/lyss on Linux).
QString resolveDataDir(const QString& explicitDir, const QProcessEnvironment& env);

// Creates the directory when missing; the error names the path.
Status ensureDirectory(const QString& path);

} // namespace lyss
