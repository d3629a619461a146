// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ChatRepository.h"
#include "store/DraftRepository.h"
#include "store/MessageSearch.h"
#include "store/MessageTree.h"
#include "store/ReplyRecovery.h"

namespace lyss {

class ConnectionSource;

// The chat repositories over one connection source, handed as one to what needs several
// (the conversation service, the window's models, the command line).
class ChatStore {
public:
    explicit ChatStore(ConnectionSource& source);

    ConnectionSource& source() { return m_source; }
    ChatRepository& chats() { return m_chats; }
    MessageTree& messages() { return m_messages; }
    DraftRepository& drafts() { return m_drafts; }
    MessageSearch& search() { return m_search; }
    ReplyRecovery& recovery() { return m_recovery; }

private:
    ConnectionSource& m_source;
    ChatRepository m_chats;
    MessageTree m_messages;
    DraftRepository m_drafts;
    MessageSearch m_search;
    ReplyRecovery m_recovery;
};

} // namespace lyss
