// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ProcessIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

namespace lyss {

namespace {

// Field 22 of /proc/<pid>/stat: start time in clock ticks after boot. Empty when the
// process does not exist (or this is not Linux).
QString startTimeOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // After "pid (comm) ", fields[0] is field 3 (state); field 22 is fields[19].
    return fields.size() > 19 ? QString::fromLatin1(fields[19]) : QString();
}

QString hostName()
{
    return QSysInfo::machineHostName();
}

} // namespace

QString currentProcessToken()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("%1:%2:%3").arg(hostName()).arg(pid).arg(startTimeOf(pid));
}

bool isProcessTokenAlive(const QString& token)
{
    const QStringList parts = token.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return false;
    if (parts[0] != hostName())
        return true;
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok)
        return false;
    const QString start = startTimeOf(pid);
    return !start.isEmpty() && start == parts[2];
}

} // namespace lyss
