// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace lyss::space {

// The window's one spacing scale, in device-independent pixels: margins, paddings and
// gaps take these values and no others.
inline constexpr int xs = 4;
inline constexpr int s = 8;
inline constexpr int m = 12;
inline constexpr int l = 16;
inline constexpr int xl = 24;
inline constexpr int radius = 6; // rounded corners of rows and bubbles' hover

} // namespace lyss::space
