// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ChatRepository.h"
#include "store/DraftRepository.h"
#include "store/MessageSearch.h"
#include "store/MessageTree.h"

namespace lyss {

class ConnectionSource;

// One person's chats, messages, drafts and search over one connection source: what a
// signed-in session hands to what needs several (the conversation service, the window,
// the command line). Everything it reads and writes is that person's.
class ChatStore {
public:
    ChatStore(ConnectionSource& source, const QString& userId);

    ConnectionSource& source() { return m_source; }
    QString userId() const { return m_chats.userId(); }
    ChatRepository& chats() { return m_chats; }
    MessageTree& messages() { return m_messages; }
    DraftRepository& drafts() { return m_drafts; }
    MessageSearch& search() { return m_search; }

private:
    ConnectionSource& m_source;
    ChatRepository m_chats;
    MessageTree m_messages;
    DraftRepository m_drafts;
    MessageSearch m_search;
};

} // namespace lyss
