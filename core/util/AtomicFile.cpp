// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/AtomicFile.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lyss {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Status AtomicFile::write(const QString& requested, const QByteArray& bytes)
{
    // A symbolic link stays a link: the file it points to is the one replaced.
    const QFileInfo info(requested);
    const QString path = info.isSymLink() ? info.canonicalFilePath() : requested;
    const bool existed = QFileInfo::exists(path);
    if (existed && ::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return Error{tr("Could not write %1: %2. The file is as it was before.")
                         .arg(path, systemError(errno))};
    const QByteArray target = QFile::encodeName(path);
    // A short name in the same folder (a long title is already near the name limit),
    // created by us alone; a new file gets the usual permissions through the umask.
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    QByteArray temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = folder + "/.lyss-" +
               QByteArray::number(QRandomGenerator::global()->generate64(), 36) + ".tmp";
        fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        return Error{(existed ? tr("Could not write %1: %2. The file is as it was before.")
                              : tr("Could not write %1: %2. Nothing was written."))
                         .arg(path, systemError(errno))};
    auto failed = [&](int error) -> Status {
        ::unlink(temp.constData());
        return Error{(existed ? tr("Could not write %1: %2. The file is as it was before.")
                              : tr("Could not write %1: %2. Nothing was written."))
                         .arg(path, systemError(error))};
    };
    auto fail = [&](int error) -> Status {
        ::close(fd);
        return failed(error);
    };
    // The new file keeps the old one's permissions.
    struct stat old {};
    if (existed && ::stat(target.constData(), &old) == 0 && ::fchmod(fd, old.st_mode & 07777) != 0)
        return fail(errno);
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errno);
        }
        data += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0)
        return failed(errno);
    if (::rename(temp.constData(), target.constData()) != 0)
        return failed(errno);
    return {};
}

Status AtomicFile::replace(const QString& from, const QString& to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error{tr("Could not put %1 in place of %2: %3.").arg(from, to, systemError(errno))};
    return {};
}

} // namespace lyss
