// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageSelection.h"

namespace lyss {

bool MessageSelection::isEmpty() const
{
    return anchorRow < 0 || focusRow < 0 ||
           (anchorRow == focusRow && anchorPosition == focusPosition);
}

QPair<int, int> MessageSelection::in(int row) const
{
    if (isEmpty())
        return {0, 0};
    // Start and end in reading order, whichever way the selection was made.
    const bool forward =
        anchorRow < focusRow || (anchorRow == focusRow && anchorPosition <= focusPosition);
    const int firstRow = forward ? anchorRow : focusRow;
    const int firstPosition = forward ? anchorPosition : focusPosition;
    const int lastRow = forward ? focusRow : anchorRow;
    const int lastPosition = forward ? focusPosition : anchorPosition;
    if (row < firstRow || row > lastRow)
        return {0, 0};
    return {row == firstRow ? firstPosition : 0, row == lastRow ? lastPosition : kEnd};
}

} // namespace lyss
