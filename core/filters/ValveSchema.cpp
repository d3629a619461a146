// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/ValveSchema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace lyss {

namespace {
QJsonObject propertiesOf(const QJsonObject& schema)
{
    return schema.value(QLatin1String("properties")).toObject();
}
} // namespace

QJsonObject ValveSchema::withDefaults(const QJsonObject& schema, const QJsonObject& stored)
{
    QJsonObject out;
    const QJsonObject properties = propertiesOf(schema);
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonValue d = it->toObject().value(QLatin1String("default"));
        if (!d.isUndefined())
            out.insert(it.key(), d);
    }
    for (auto it = stored.begin(); it != stored.end(); ++it)
        out.insert(it.key(), *it);
    return out;
}

bool ValveSchema::has(const QJsonObject& schema, const QString& key)
{
    return propertiesOf(schema).value(key).isObject();
}

Status ValveSchema::check(const QJsonObject& schema, const QString& filterId, const QString& key,
                          const QJsonValue& value)
{
    const QJsonObject spec = propertiesOf(schema).value(key).toObject();
    if (spec.isEmpty())
        return Error{tr("The filter %1 has no valve %2.").arg(filterId, key),
                     ErrorCode::InvalidInput};
    const QString type = spec.value(QLatin1String("type")).toString();
    const double number = value.toDouble();
    const bool fits = (type == QLatin1String("string") && value.isString()) ||
                      (type == QLatin1String("boolean") && value.isBool()) ||
                      (type == QLatin1String("number") && value.isDouble()) ||
                      (type == QLatin1String("integer") && value.isDouble() &&
                       std::abs(number) < 9e15 && number == std::floor(number)) ||
                      (type == QLatin1String("array") && value.isArray()) ||
                      (type == QLatin1String("object") && value.isObject()) || type.isEmpty();
    if (!fits)
        return Error{tr("The valve %1 of %2 takes a %3.").arg(key, filterId, type),
                     ErrorCode::InvalidInput};
    if (const QJsonArray choices = spec.value(QLatin1String("enum")).toArray();
        !choices.isEmpty() && !choices.contains(value))
        return Error{
            tr("The valve %1 of %2 takes one of: %3.")
                .arg(key, filterId,
                     QString::fromUtf8(QJsonDocument(choices).toJson(QJsonDocument::Compact))),
            ErrorCode::InvalidInput};
    return {};
}

} // namespace lyss
