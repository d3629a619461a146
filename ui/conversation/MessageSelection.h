// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>

#include <limits>

namespace lyss {

class MessageModel;

// Text selected across the messages of a conversation: from a character position in one
// message's body (the anchor) to one in another or the same (the focus), either way.
struct MessageSelection {
    // The end of a message's body, as a position.
    static constexpr int kEnd = std::numeric_limits<int>::max();

    int anchorRow = -1;
    int anchorPosition = 0;
    int focusRow = -1;
    int focusPosition = 0;

    bool isEmpty() const;
    // The part of `row`'s body that is selected: [from, to), empty when none.
    QPair<int, int> in(int row) const;
};

} // namespace lyss
