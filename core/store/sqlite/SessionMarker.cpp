// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/SessionMarker.h"

#include "util/ProcessIdentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>

namespace lyss {

namespace {
std::atomic<int> g_markers{0};

// Each marker beside the database: its file and the process token in it.
QList<QPair<QString, QString>> markersOf(const QString& databasePath)
{
    const QFileInfo db(databasePath);
    const QDir dir = db.absoluteDir();
    const QString prefix = db.fileName() + QStringLiteral(".open-");
    QList<QPair<QString, QString>> out;
    // Filtered here: a name filter would compile a regular expression on every start.
    for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden)) {
        if (!name.startsWith(prefix))
            continue;
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.append({f.fileName(), QString::fromUtf8(f.read(512)).trimmed()});
    }
    return out;
}
} // namespace

SessionMarker::SessionMarker(const QString& databasePath, bool* unclean)
{
    *unclean = false;
    const QString token = currentProcessToken();
    const QString host = token.section(QLatin1Char(':'), 0, 0);
    for (const auto& [file, owner] : markersOf(databasePath)) {
        // Another machine's (a shared folder): whether it is gone cannot be told here.
        if (owner.section(QLatin1Char(':'), 0, 0) != host || isProcessTokenAlive(owner))
            continue;
        *unclean = true;
        m_stale << file;
    }
    const QFileInfo db(databasePath);
    m_file = db.absoluteDir().filePath(
        db.fileName() +
        QStringLiteral(".open-%1-%2").arg(QCoreApplication::applicationPid()).arg(++g_markers));
    QFile mine(m_file);
    if (mine.open(QIODevice::WriteOnly | QIODevice::Truncate))
        mine.write(token.toUtf8());
    else
        m_file.clear(); // without it, a crash goes unnoticed; nothing else changes
}

QStringList SessionMarker::othersOpen(const QString& databasePath)
{
    const QString mine = currentProcessToken();
    QStringList out;
    for (const auto& [file, owner] : markersOf(databasePath)) {
        if (!owner.isEmpty() && owner != mine && isProcessTokenAlive(owner) && !out.contains(owner))
            out << owner;
    }
    return out;
}

void SessionMarker::checked()
{
    for (const QString& file : std::as_const(m_stale))
        QFile::remove(file);
    m_stale.clear();
}

SessionMarker::~SessionMarker()
{
    if (!m_file.isEmpty())
        QFile::remove(m_file);
}

} // namespace lyss
