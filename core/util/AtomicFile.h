// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lyss {

// Writing a file so that it is either the whole new content or what it was before:
// the bytes go to a temporary file in the same folder, every write, the flush to disk
// and the close are checked, and only then is it renamed over the target. A full disk,
// a read-only folder or a missing permission fails with the file named and the cause in
// the system's words, and the previous file is untouched.
//
// (QSaveFile is not enough: on Qt 6.4 a small file whose buffered write fails for lack
// of space still commits, as an empty file over the old one.)
class AtomicFile {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    static Status write(const QString& path, const QByteArray& bytes);
    // Renames `from` over `to` in one step (never a moment without `to`).
    static Status replace(const QString& from, const QString& to);
};

} // namespace lyss
