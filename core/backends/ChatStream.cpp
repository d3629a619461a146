// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ChatStream.h"

namespace lyss {

ChatStream::~ChatStream() = default;

} // namespace lyss
