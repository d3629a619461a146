// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

struct cmark_node;

namespace lyss {

// How a long parsed text is split in parts for MarkdownRenderer::toParts: top-level blocks
// grouped up to about MarkdownRenderer::kPartBytes of weight, and a paragraph, heading,
// code block, quote or list heavier than that split in several of its kind.
class MarkdownSplit {
public:
    // What a node shows, roughly: its characters and its line and paragraph breaks.
    struct Measure {
        qsizetype bytes = 0;
        qsizetype chars = 0;
        int lines = 0;
        // What laying it out costs, roughly: its text, and each element (an emphasis, a
        // cell) as much as 16 bytes of text.
        qsizetype weight() const { return bytes + 16 * nodes; }
        qsizetype nodes = 0;
    };
    static Measure measure(cmark_node* root);

    // Top-level nodes shown as one part; a code block split in several is continued in the
    // next part (`codeContinues`), which holds only the rest of it (`continuedCode`).
    struct Group {
        std::vector<cmark_node*> nodes;
        bool continuedCode = false;
        bool codeContinues = false;
        // A piece of a code block too long to highlight (CodeHighlighter::kMaxBlockBytes in
        // all): shown plain, as the whole block would be.
        bool plainCode = false;
        // The same for a paragraph split in several: they join without a gap.
        bool continuedText = false;
        bool textContinues = false;
    };
    // The document's top-level blocks in groups, taken out of it (the caller frees them).
    static std::vector<Group> groups(cmark_node* document);
};

} // namespace lyss
