// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ProcessIdentity.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSysInfo>

namespace lyss {

namespace {

// Field 22 of /proc/<pid>/stat: start time in clock ticks after boot. Empty when the
// process does not exist (or this is not Linux), or is a zombie (it will never write
// again: only its parent has not collected its exit status yet).
QString startTimeOf(qint64 pid, bool* zombie = nullptr)
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
    if (zombie)
        *zombie = !fields.isEmpty() && (fields[0] == "Z" || fields[0] == "X");
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

bool isProcessTokenAlive(const QString& token, qint64 lastWriteMs, qint64 staleAfterMs)
{
    const QStringList parts = token.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return false;
    if (parts[0] != hostName()) {
        if (lastWriteMs < 0 || staleAfterMs < 0)
            return true;
        return QDateTime::currentMSecsSinceEpoch() - lastWriteMs <= staleAfterMs;
    }
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok)
        return false;
    bool zombie = false;
    const QString start = startTimeOf(pid, &zombie);
    return !zombie && !start.isEmpty() && start == parts[2];
}

} // namespace lyss
