// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/DataDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace lyss {

QString resolveDataDir(const QString& explicitDir, const QProcessEnvironment& env)
{
    QString dir = explicitDir;
    if (dir.isEmpty())
        dir = env.value(QStringLiteral("LYSS_DATA_DIR"));
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir::cleanPath(QDir(dir).absolutePath());
}

Status ensureDirectory(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return Error{QCoreApplication::translate(
                         "lyss::DataDir", "The data directory %1 exists but is not a directory.")
                         .arg(path)};
    if (!QDir().mkpath(path))
        return Error{QCoreApplication::translate(
                         "lyss::DataDir",
                         "Cannot create the data directory %1. Check its permissions, or choose "
                         "another one with --data-dir.")
                         .arg(path)};
    return {};
}

} // namespace lyss
