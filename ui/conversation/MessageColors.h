// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>

class QPalette;
class QTextDocument;

namespace lyss {

struct Theme;

// The colours a message is painted with: the theme's, or shades of a palette when there is
// no theme (a view on its own). Code blocks and tables carry theirs in the laid-out
// document, so a theme switch recolours documents in place instead of laying them out again.
struct MessageColors {
    QColor text, muted, userBubble, userBubbleText, avatar, avatarText, yourAvatar, yourAvatarText,
        codeBackground, codeText, border, danger, link;
    // The colours of highlighted code, one for each of CodeHighlighter::kinds(), in order.
    QList<QColor> syntax;
    bool valid = false;

    static MessageColors fromPalette(const QPalette& palette);
    static MessageColors fromTheme(const Theme& theme);
    // What code blocks and tables are rendered with.
    QString styleSheet() const;
    // The rules that colour highlighted code.
    QString syntaxStyle() const;
    // Changes the colours `from` gave the code blocks, tables and links of `doc` to these.
    void recolour(QTextDocument& doc, const MessageColors& from) const;
};

} // namespace lyss
