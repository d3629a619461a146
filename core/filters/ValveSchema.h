// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>

namespace lyss {

// A filter's valves as its JSON schema describes them (Open WebUI's pydantic models, as a
// process filter's `describe` tells them): the defaults, and whether a value fits.
class ValveSchema {
    Q_DECLARE_TR_FUNCTIONS(ValveSchema)

public:
    // The schema's defaults, with `stored` over them.
    static QJsonObject withDefaults(const QJsonObject& schema, const QJsonObject& stored);
    // Whether `value` fits the valve `key` of `filterId`'s `schema`; a bad value is refused
    // naming the field and what it takes.
    static Status check(const QJsonObject& schema, const QString& filterId, const QString& key,
                        const QJsonValue& value);
    // Whether `schema` has a valve `key`.
    static bool has(const QJsonObject& schema, const QString& key);
};

} // namespace lyss
