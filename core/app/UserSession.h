// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"
#include "store/ChatStore.h"
#include "store/ConfigRepository.h"

#include <QProcessEnvironment>

namespace lyss {

class ConnectionSource;

// What belongs to the person signed in: their chats, messages, drafts and search, and
// their view of the settings (their own where a setting is a person's). AppContext opens
// one for the local user at start-up; with accounts, one is opened at each sign-in.
class UserSession {
public:
    UserSession(ConnectionSource& source, ConfigRepository& installationConfig,
                const QString& userId, QProcessEnvironment env);
    UserSession(const UserSession&) = delete;
    UserSession& operator=(const UserSession&) = delete;

    QString userId() const { return m_store.userId(); }
    ChatStore& store() { return m_store; }
    Settings& settings() { return m_settings; }
    ConfigRepository& personalConfig() { return m_personal; }

private:
    ConfigRepository m_personal;
    ChatStore m_store;
    Settings m_settings;
};

} // namespace lyss
