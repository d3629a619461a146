// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/WriteAccess.h"

#include "store/sqlite/SessionMarker.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <sys/statvfs.h>
#include <unistd.h>

namespace lyss {

namespace {

bool onReadOnlyFileSystem(const QString& path)
{
    struct statvfs fs {};
    return statvfs(QFile::encodeName(path).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY);
}

bool mayWrite(const QString& path)
{
    return access(QFile::encodeName(path).constData(), W_OK) == 0;
}

} // namespace

QString WriteAccess::blocker(const QString& path)
{
    const QFileInfo file(path);
    const QString dir = file.absolutePath();
    if (onReadOnlyFileSystem(file.exists() ? path : dir))
        return tr("it is on a read-only file system");
    if (file.exists() && !mayWrite(path))
        return tr("you have no permission to write it");
    for (const QString& beside : {path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFileInfo::exists(beside)) {
            if (!mayWrite(beside))
                return tr("you have no permission to write %1").arg(beside);
        } else if (!mayWrite(dir)) {
            return tr("you have no permission to write in its folder %1, where SQLite keeps "
                      "files beside it while it writes")
                .arg(QDir::toNativeSeparators(dir));
        }
    }
    return {};
}

bool WriteAccess::diskFull(const QString& path)
{
    struct statvfs fs {};
    if (statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &fs) != 0)
        return false;
    return quint64(fs.f_bavail) * fs.f_frsize < 256 * 1024;
}

QByteArray WriteAccess::readOnlyUri(const QString& path)
{
    // Immutable only when no write-ahead log waits to be read: then the file itself holds
    // everything, and SQLite needs nothing beside it.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const QString dir = QFileInfo(path).absolutePath();
    const bool noRoomBeside = !mayWrite(dir) || diskFull(path) || onReadOnlyFileSystem(dir);
    // Only while no other Lyss has it open: one that writes would change it under a reader
    // that takes no locks. (Files left by a failed open of our own, an empty log and a
    // shared-memory file SQLite could not fill, do not count.)
    const bool immutable = noRoomBeside && (!wal.exists() || wal.size() == 0) &&
                           SessionMarker::othersOpen(path).isEmpty();
    return QByteArrayLiteral("file:") + QUrl::toPercentEncoding(path, "/") +
           (immutable ? QByteArrayLiteral("?mode=ro&immutable=1") : QByteArrayLiteral("?mode=ro"));
}

} // namespace lyss
