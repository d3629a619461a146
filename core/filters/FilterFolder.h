// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace lyss {

// What <data dir>/filters/ holds: each executable, folder with a filter.json naming its
// command, or Open WebUI filter file (a .py with `class Filter`, run by the host Lyss ships
// under Debian's Python), by the name it goes by, with how to start it or why it cannot be.
class FilterFolder {
    Q_DECLARE_TR_FUNCTIONS(FilterRegistry)

public:
    struct Found {
        QString program;
        QStringList arguments;
        QString workingDir;
        QDateTime modified;
        qint64 size = 0;
        QString problem;
    };
    static QHash<QString, Found> scan(const QString& dir);
    // The host program for Open WebUI's filter files, written beside the filters (and again
    // when Lyss's own changed); empty when it cannot be.
    static QString hostProgram(const QString& dir);
};

} // namespace lyss
