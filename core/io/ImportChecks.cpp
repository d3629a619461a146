// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ImportChecks.h"

namespace lyss {

QString ImportChecks::typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("true or false");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("text");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("missing");
}

// Times in exports are seconds, sometimes milliseconds; tell them apart by size. Absent,
// null or 0 is "not known" (0); anything else must be a time between 1990 and 2200.
Result<qint64> ImportChecks::timeMs(const QJsonValue& v, const QString& field)
{
    if (v.isUndefined() || v.isNull())
        return qint64(0);
    if (!v.isDouble())
        return Error{tr("%1 is %2; expected a time in seconds.").arg(field, typeName(v))};
    const double t = v.toDouble();
    if (t == 0)
        return qint64(0);
    const double ms = t > 1e11 ? t : t * 1000.0;
    constexpr double from = 631152000000.0;   // 1990-01-01
    constexpr double until = 7258118400000.0; // 2200-01-01
    if (!(ms >= from && ms < until))
        return Error{tr("%1 is %2, which is no possible time (before 1990 or "
                        "after 2200, in seconds or milliseconds).")
                         .arg(field, QString::number(t, 'g', 12))};
    return static_cast<qint64>(ms);
}

} // namespace lyss
