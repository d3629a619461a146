// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchReport.h"

#include <sys/resource.h>

#include "store/sqlite/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QSysInfo>
#include <QThread>

#include <sqlite3.h>

namespace lyss::bench {

QString option(const QString& name, const QString& fallback)
{
    const QStringList args = QCoreApplication::arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--") + name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

QString startTestServer(QProcess& server, const QString& sourceDir)
{
    server.start(QStringLiteral("python3"),
                 {sourceDir + QStringLiteral("/tests/servers/fake_llm.py")});
    if (!server.waitForReadyRead(10000))
        qFatal("the test server did not start");
    const QByteArray port = server.readAllStandardOutput().mid(5).trimmed();
    return QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(port);
}

QString freshDatabase(const QString& dir, const QString& name)
{
    const QString path = QDir(dir).filePath(name);
    if (auto db = Database::open(path); !db)
        qFatal("cannot create %s: %s", qPrintable(path), qPrintable(db.errorMessage()));
    return path;
}

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec)) * 1e3 +
           (double(u.ru_utime.tv_usec) + double(u.ru_stime.tv_usec)) / 1e3;
}

QString machineDescription()
{
    QString cpu = QStringLiteral("unknown CPU");
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        const QStringList lines = QString::fromUtf8(info.readAll()).split(QLatin1Char('\n'));
        for (const QString& l : lines) {
            if (l.startsWith(QLatin1String("model name"))) {
                cpu = l.section(QLatin1Char(':'), 1).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1, %2 cores, %3, Qt %4, SQLite %5")
        .arg(cpu)
        .arg(QThread::idealThreadCount())
        .arg(QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()),
             QString::fromLatin1(sqlite3_libversion()));
}

bool writeSection(const QString& file, const QString& name, const QString& section)
{
    const QString begin = QStringLiteral("<!-- bench:%1:begin -->").arg(name);
    const QString end = QStringLiteral("<!-- bench:%1:end -->").arg(name);
    QString text;
    {
        QFile in(file);
        if (in.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(in.readAll());
    }
    const qsizetype b = text.indexOf(begin);
    const qsizetype e = text.indexOf(end);
    const QString block = begin + QLatin1Char('\n') + section.trimmed() + QLatin1Char('\n') + end;
    if (b >= 0 && e > b)
        text.replace(b, e + end.size() - b, block);
    else
        text += (text.isEmpty() || text.endsWith(QLatin1Char('\n')) ? QString()
                                                                    : QStringLiteral("\n")) +
                QLatin1Char('\n') + block + QLatin1Char('\n');
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    out.write(text.toUtf8());
    return true;
}

} // namespace lyss::bench
