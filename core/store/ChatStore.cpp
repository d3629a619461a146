// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ChatStore.h"

namespace lyss {

ChatStore::ChatStore(ConnectionSource& source, const QString& userId)
    : m_source(source)
    , m_chats(source, userId)
    , m_messages(source, m_chats)
    , m_drafts(source, userId)
    , m_search(source, userId)
{
}

} // namespace lyss
