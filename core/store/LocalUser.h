// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// The one person of an installation without sign-in: the account the first schema
// creates, who owns every chat until accounts are turned on.
inline QString localUserId()
{
    return QStringLiteral("local");
}

} // namespace lyss
