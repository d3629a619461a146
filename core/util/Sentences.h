// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// `first` and `second` as two sentences: a full stop is put after `first` when it does
// not end in one already (a server's error text often does not), so "...unexpected EOF"
// and "The partial reply is saved." do not read as one sentence.
QString joinSentences(const QString& first, const QString& second);

// Text from a damaged file or a server can hold any bytes: each character that is not
// printable becomes U+FFFD, and at most 500 characters are kept. Shown as text, never
// as raw binary.
QString printable(const QString& text);

} // namespace lyss
