// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace lyss {

namespace {
// What a folder's filter.json names: {"command": ["python3", "main.py", ...]}.
constexpr auto kManifest = "filter.json";
// Where the host for Open WebUI's filter files is put (skipped by the scan: a dot).
constexpr auto kHostDir = ".lyss";

// A Python file with `class Filter`: one of Open WebUI's.
bool isOpenWebUiFile(const QString& path)
{
    if (!path.endsWith(QLatin1String(".py")))
        return false;
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(512 * 1024).contains("class Filter");
}

// Debian's Python, which sees Debian's python3-pydantic, before whatever is first on the
// PATH.
QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStringLiteral("python3");
}
} // namespace

QHash<QString, FilterFolder::Found> FilterFolder::scan(const QString& dir)
{
    QHash<QString, Found> found;
    const QDir folder(dir);
    for (const QFileInfo& fi :
         folder.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = fi.fileName();
        if (name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('~')))
            continue;
        Found f;
        f.modified = fi.lastModified();
        f.size = fi.size();
        if (fi.isDir()) {
            const QString manifest = QDir(fi.absoluteFilePath()).filePath(QLatin1String(kManifest));
            QFile file(manifest);
            if (!file.open(QIODevice::ReadOnly))
                continue; // a folder without a manifest is not a filter
            f.modified = QFileInfo(manifest).lastModified();
            const QJsonArray command = QJsonDocument::fromJson(file.readAll())
                                           .object()
                                           .value(QLatin1String("command"))
                                           .toArray();
            f.workingDir = fi.absoluteFilePath();
            // A change to any file of the folder is a change of the filter.
            for (const QFileInfo& inside :
                 QDir(f.workingDir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot)) {
                f.modified = std::max(f.modified, inside.lastModified());
                f.size += inside.size();
            }
            if (command.isEmpty() || !command.at(0).isString()) {
                f.problem = tr("its %1 names no command: {\"command\": [\"program\", \"argument\", "
                               "...]}")
                                .arg(QLatin1String(kManifest));
            } else {
                f.program = command.at(0).toString();
                // A program beside the manifest is found there; else on the PATH.
                if (const QString beside = QDir(f.workingDir).filePath(f.program);
                    f.program.contains(QLatin1Char('/')) || QFileInfo::exists(beside))
                    f.program = QDir(f.workingDir).absoluteFilePath(f.program);
                for (qsizetype i = 1; i < command.size(); ++i)
                    f.arguments << command.at(i).toString();
            }
        } else {
            if (name.endsWith(QLatin1String(".json")) || name.endsWith(QLatin1String(".md")) ||
                name.endsWith(QLatin1String(".txt")))
                continue; // notes and settings beside the filters
            f.program = fi.absoluteFilePath();
            f.workingDir = dir;
            if (!fi.isExecutable() && isOpenWebUiFile(fi.absoluteFilePath())) {
                // Open WebUI's own filter file, unchanged: run by the host Lyss ships.
                const QString host = hostProgram(dir);
                f.program = python();
                f.arguments = {host, fi.absoluteFilePath()};
                if (host.isEmpty())
                    f.problem = tr("the host for Open WebUI filters cannot be written to %1")
                                    .arg(QDir(dir).filePath(QLatin1String(kHostDir)));
            } else if (!fi.isExecutable())
                f.problem = tr("it is not executable: make it so (chmod +x %1) and give it a #! "
                               "line")
                                .arg(fi.absoluteFilePath());
        }
        found.insert(name, f);
    }
    return found;
}

QString FilterFolder::hostProgram(const QString& dir)
{
    QFile bundled(QStringLiteral(":/filters/openwebui_host.py"));
    if (!bundled.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = bundled.readAll();
    const QString hostDir = QDir(dir).filePath(QLatin1String(kHostDir));
    const QString path = QDir(hostDir).filePath(QStringLiteral("openwebui_host.py"));
    QFile current(path);
    if (current.open(QIODevice::ReadOnly) && current.readAll() == text)
        return path;
    current.close();
    QDir().mkpath(hostDir);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text) != text.size())
        return {};
    return path;
}

} // namespace lyss
