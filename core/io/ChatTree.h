// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/ImportedChat.h"
#include "util/Result.h"

namespace lyss {

// Checks an imported chat's tree and puts parents before children. Every parent must
// be one of the chat's messages and no message may be its own ancestor. A current id
// that is missing or unknown falls back to the newest leaf. The error names the
// message and what is wrong with it.
Status orderChatTree(ImportedChat& chat);

} // namespace lyss
