// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QTextBlock;

namespace lyss {

class MessageLayout;

// Find in this chat, in what a message shows: where a word occurs in a laid-out body (the
// text of its documents, not the markdown), ignoring case, one occurrence after the other
// (never overlapping); a code block's line with its language and Copy is not the message's
// text and is left out.
class FoundText {
public:
    // The start of each occurrence of `needle` in `text`.
    static QList<int> positions(const QString& text, const QString& needle);
    // A document's raw text with the characters that end paragraphs, lines and cells (and
    // frames' marks) as spaces, each where it was.
    static QString searchable(QString raw);
    // The start of each occurrence in the body (positions in the whole body, as a
    // selection's), in the parts laid out.
    static QList<int> inLayout(const MessageLayout& layout, const QString& needle);
    // The top of the line holding body position `at`, from the body's top; -1 when its
    // part is not laid out.
    static int lineTop(const MessageLayout& layout, int at);
    // A code block's line with its language and Copy link (not the message's text).
    static bool isCodeHeader(const QTextBlock& block);
};

} // namespace lyss
