// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ReplyStage.h"

namespace lyss {

ReplyStage::~ReplyStage() = default;

void ReplyStage::prepare(ChatRequest request, std::function<void(Result<ChatRequest>)> done)
{
    done(std::move(request));
}

void ReplyStage::stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done)
{
    done(std::move(events));
}

void ReplyStage::complete(Message reply, std::function<void(Result<Message>)> done)
{
    done(std::move(reply));
}

} // namespace lyss
