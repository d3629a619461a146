// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace lyss {

// What the import formats check the same way: the words for a JSON value's type, and
// times that must be possible.
class ImportChecks {
    Q_DECLARE_TR_FUNCTIONS(ImportChecks)

public:
    // "a number", "text", "an object", ... for "field is %1" messages.
    static QString typeName(const QJsonValue& value);
    // A time in seconds or milliseconds (told apart by size) as ms since the epoch.
    // Absent, null or 0 is "not known" (0); anything else must fall between 1990 and
    // 2200, else the error names `field` and the value.
    static Result<qint64> timeMs(const QJsonValue& value, const QString& field);
};

} // namespace lyss
