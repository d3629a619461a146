// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatStore.h"

namespace lyss {

ChatStore::ChatStore(ConnectionSource& source)
    : m_source(source)
    , m_chats(source)
    , m_messages(source, m_chats)
    , m_drafts(source)
    , m_search(source)
    , m_recovery(source)
{
}

} // namespace lyss
