// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/Filter.h"

namespace lyss {

QString filterHookName(FilterHook hook)
{
    switch (hook) {
    case FilterHook::Inlet:
        return QStringLiteral("inlet");
    case FilterHook::Stream:
        return QStringLiteral("stream");
    case FilterHook::Outlet:
        return QStringLiteral("outlet");
    }
    return {};
}

QStringList filterHookNames(const QSet<FilterHook>& hooks)
{
    QStringList names;
    for (FilterHook h : {FilterHook::Inlet, FilterHook::Stream, FilterHook::Outlet}) {
        if (hooks.contains(h))
            names << filterHookName(h);
    }
    return names;
}

QJsonObject filterValue(FilterHook hook, const QJsonObject& payload)
{
    return payload
        .value(hook == FilterHook::Stream ? QLatin1String("event") : QLatin1String("body"))
        .toObject();
}

} // namespace lyss
