// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/UserSession.h"

namespace lyss {

UserSession::UserSession(ConnectionSource& source, ConfigRepository& installationConfig,
                         const QString& userId, QProcessEnvironment env)
    : m_personal(source, userId)
    , m_store(source, userId)
    , m_settings(installationConfig, m_personal, std::move(env))
{
}

} // namespace lyss
