// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lyss {

// A small file beside the database for each process that has it open for writing,
// removed when it closes: one left by a process of this machine that is gone means Lyss
// stopped without closing the database (a crash, a kill, a power cut), the moment to
// check it. Files, not rows: a crash cannot leave them half-written in the database.
class SessionMarker {
public:
    // Leaves this process's marker; `*unclean` tells whether a gone process's was found.
    SessionMarker(const QString& databasePath, bool* unclean);
    // The gone processes' markers are removed: the file was checked and found intact.
    // (Until then they stay, and every open checks again.)
    void checked();
    ~SessionMarker();
    // The processes other than this one that have the database at `databasePath` open
    // now, by their markers ("host:pid:start-time"); another machine's count while their
    // marker is there.
    static QStringList othersOpen(const QString& databasePath);
    SessionMarker(const SessionMarker&) = delete;
    SessionMarker& operator=(const SessionMarker&) = delete;

private:
    QString m_file;
    QStringList m_stale;
};

} // namespace lyss
