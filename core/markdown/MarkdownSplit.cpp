// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/MarkdownSplit.h"

#include "markdown/CodeHighlighter.h"
#include "markdown/MarkdownRenderer.h"

#include <QByteArray>

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace lyss {

MarkdownSplit::Measure MarkdownSplit::measure(cmark_node* root)
{
    Measure m;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 cmark_iter_free);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node* n = cmark_iter_get_node(iter.get());
        ++m.nodes;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_SOFTBREAK:
            ++m.lines;
            break;
        default:
            break;
        }
        if (const char* literal = cmark_node_get_literal(n)) {
            for (const char* c = literal; *c; ++c) {
                ++m.bytes;
                if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80)
                    ++m.chars;
                if (*c == '\n')
                    ++m.lines;
            }
        }
    }
    return m;
}

namespace {

// A node of the same kind as `node`, empty.
cmark_node* emptyLike(cmark_node* node)
{
    cmark_node* copy = cmark_node_new(cmark_node_get_type(node));
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
        cmark_node_set_heading_level(copy, cmark_node_get_heading_level(node));
        break;
    case CMARK_NODE_LIST:
        cmark_node_set_list_type(copy, cmark_node_get_list_type(node));
        cmark_node_set_list_delim(copy, cmark_node_get_list_delim(node));
        cmark_node_set_list_tight(copy, cmark_node_get_list_tight(node));
        break;
    case CMARK_NODE_LINK:
        cmark_node_set_url(copy, cmark_node_get_url(node));
        cmark_node_set_title(copy, cmark_node_get_title(node));
        break;
    default:
        break;
    }
    if (cmark_syntax_extension* ext = cmark_node_get_syntax_extension(node)) // strikethrough
        cmark_node_set_syntax_extension(copy, ext);
    return copy;
}

bool isInlineFrame(cmark_node* node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
    case CMARK_NODE_LINK:
        return true;
    default:
        return std::strcmp(cmark_node_get_type_string(node), "strikethrough") == 0;
    }
}

// An emphasis, link or strikethrough heavier than a part, unlinked, as a row of copies of
// it with a line break between each: a paragraph is split at its own children only.
std::vector<cmark_node*> explode(cmark_node* frame)
{
    std::vector<cmark_node*> out;
    cmark_node* piece = emptyLike(frame);
    qsizetype bytes = 0;
    while (cmark_node* child = cmark_node_first_child(frame)) {
        cmark_node_unlink(child);
        std::vector<cmark_node*> inner{child};
        if (isInlineFrame(child) &&
            MarkdownSplit::measure(child).weight() > MarkdownRenderer::kPartBytes)
            inner = explode(child);
        for (cmark_node* n : inner) {
            const cmark_node_type t = cmark_node_get_type(n);
            if ((t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_SOFTBREAK) &&
                bytes >= MarkdownRenderer::kPartBytes && cmark_node_first_child(piece)) {
                out.push_back(piece);
                out.push_back(n); // between the copies, where the paragraph may split
                piece = emptyLike(frame);
                bytes = 0;
                continue;
            }
            if (!cmark_node_append_child(piece, n)) { // cannot go inside (never expected)
                out.push_back(piece);
                out.push_back(n);
                piece = emptyLike(frame);
                bytes = 0;
                continue;
            }
            bytes += MarkdownSplit::measure(n).weight();
        }
    }
    if (cmark_node_first_child(piece))
        out.push_back(piece);
    else
        cmark_node_free(piece);
    cmark_node_free(frame);
    return out;
}

// `node` (unlinked), larger than a part, as several nodes of at most about a part each:
// a paragraph or heading split at line breaks, a quote or list between its children, a
// code block between lines (its later pieces are `continued`).
std::vector<cmark_node*> split(cmark_node* node, std::vector<bool>& continued)
{
    std::vector<cmark_node*> pieces;
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK) {
        const QByteArray code(cmark_node_get_literal(node));
        qsizetype from = 0;
        while (from < code.size()) {
            qsizetype to = std::min(code.size(), from + MarkdownRenderer::kPartBytes);
            if (to < code.size()) {
                const qsizetype newline = code.lastIndexOf('\n', to);
                if (newline > from + MarkdownRenderer::kPartBytes / 2)
                    to = newline + 1;
                while (to > from + 1 && (static_cast<unsigned char>(code[to]) & 0xC0) == 0x80)
                    --to;
            }
            QByteArray piece = code.mid(from, to - from);
            if (piece.endsWith('\n'))
                piece.chop(1); // between two parts, the break; at the end, no empty line
            cmark_node* n = pieces.empty() ? node : cmark_node_new(CMARK_NODE_CODE_BLOCK);
            cmark_node_set_literal(n, piece.constData());
            if (n != node) // its language, to be highlighted as the first piece is
                cmark_node_set_fence_info(n, cmark_node_get_fence_info(node));
            pieces.push_back(n);
            continued.push_back(n != node);
            from = to;
        }
        return pieces;
    }
    const bool inline_ = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING;
    if (!inline_ && type != CMARK_NODE_BLOCK_QUOTE && type != CMARK_NODE_LIST &&
        type != CMARK_NODE_ITEM) {
        continued.push_back(false);
        return {node};
    }
    if (inline_) {
        // An emphasis or link heavier than a part is made a row of copies first.
        for (cmark_node* child = cmark_node_first_child(node); child;) {
            cmark_node* const next = cmark_node_next(child);
            if (isInlineFrame(child) &&
                MarkdownSplit::measure(child).weight() > MarkdownRenderer::kPartBytes) {
                cmark_node_unlink(child);
                for (cmark_node* n : explode(child)) {
                    if (next)
                        cmark_node_insert_before(next, n);
                    else
                        cmark_node_append_child(node, n);
                }
            }
            child = next;
        }
    }
    const bool ordered =
        type == CMARK_NODE_LIST && cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(node);
    cmark_node* piece = nullptr;
    qsizetype bytes = 0;
    auto close = [&] {
        if (piece)
            pieces.push_back(piece);
        piece = nullptr;
    };
    auto open = [&] {
        piece = emptyLike(node);
        bytes = 0;
        if (ordered)
            cmark_node_set_list_start(piece, number);
    };
    while (cmark_node* child = cmark_node_first_child(node)) {
        const cmark_node_type t = cmark_node_get_type(child);
        const bool lineBreak = t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_SOFTBREAK;
        const qsizetype weight = MarkdownSplit::measure(child).weight();
        if (!inline_ && weight > MarkdownRenderer::kPartBytes) {
            // One child heavier than a part (a long item, a paragraph in a quote): split
            // too, each piece in a frame of its own kind.
            close();
            cmark_node_unlink(child);
            std::vector<bool> inner;
            for (cmark_node* n : split(child, inner)) {
                open();
                cmark_node_append_child(piece, n);
                close();
            }
            ++number;
            continue;
        }
        if (piece && bytes >= MarkdownRenderer::kPartBytes && (!inline_ || lineBreak)) {
            close();
            if (lineBreak) { // the next paragraph is that break
                cmark_node_free(child);
                continue;
            }
        }
        if (!piece)
            open();
        bytes += weight;
        cmark_node_append_child(piece, child);
        ++number;
    }
    close();
    cmark_node_free(node);
    // The pieces of a paragraph are one paragraph to the eye: the later ones continue it.
    for (size_t i = 0; i < pieces.size(); ++i)
        continued.push_back(inline_ && i > 0);
    return pieces;
}

} // namespace

// The document's top-level blocks in parts, taken out of it.
std::vector<MarkdownSplit::Group> MarkdownSplit::groups(cmark_node* document)
{
    std::vector<Group> out;
    Group current;
    qsizetype bytes = 0;
    auto flush = [&] {
        if (!current.nodes.empty())
            out.push_back(std::move(current));
        current = {};
        bytes = 0;
    };
    while (cmark_node* node = cmark_node_first_child(document)) {
        cmark_node_unlink(node);
        const qsizetype size = measure(node).weight();
        if (size <= MarkdownRenderer::kPartBytes) {
            if (bytes + size > MarkdownRenderer::kPartBytes)
                flush();
            current.nodes.push_back(node);
            bytes += size;
            continue;
        }
        flush();
        const bool longCode =
            cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK &&
            qsizetype(std::strlen(cmark_node_get_literal(node))) > CodeHighlighter::kMaxBlockBytes;
        std::vector<bool> continued;
        const std::vector<cmark_node*> pieces = split(node, continued);
        for (size_t i = 0; i < pieces.size(); ++i) {
            current.nodes.push_back(pieces[i]);
            const bool code = cmark_node_get_type(pieces[i]) == CMARK_NODE_CODE_BLOCK;
            const bool next = i + 1 < pieces.size() && continued[i + 1];
            current.continuedCode = code && continued[i];
            current.codeContinues = code && next;
            current.plainCode = code && longCode;
            current.continuedText = !code && continued[i];
            current.textContinues = !code && next;
            flush();
        }
    }
    flush();
    return out;
}

} // namespace lyss
