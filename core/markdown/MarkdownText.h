// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace lyss {

// Markdown read as the words it says, on one line: what a search result shows of a
// message. Code fences and their language, heading, quote and list marks, emphasis,
// inline code ticks, table pipes and link targets go; a link keeps its text. Square
// brackets that are not a link's (the search's marks around a match) stay.
class MarkdownText {
public:
    static QString flattened(const QString& markdown);
};

} // namespace lyss
