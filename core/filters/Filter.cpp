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

} // namespace lyss
