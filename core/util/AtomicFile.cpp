// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/AtomicFile.h"

#include <QFileInfo>

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

Status AtomicFile::write(const QString& path, const QByteArray& bytes)
{
    const QByteArray target = QFile::encodeName(path);
    QByteArray temp = target + ".lyss-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return Error{tr("Could not write %1: %2.").arg(path, systemError(errno))};
    const bool existed = QFileInfo::exists(path);
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
    // The new file gets the old one's permissions, or the usual ones for a new file.
    struct stat old {};
    mode_t mode = 0;
    if (::stat(target.constData(), &old) == 0) {
        mode = old.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0)
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
