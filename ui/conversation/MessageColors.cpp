// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageColors.h"
#include "conversation/BlockDecor.h"
#include "markdown/CodeHighlighter.h"
#include "theme/ThemeManager.h"

#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace lyss {

namespace {
// The colours of the kinds of code, each told apart from the others and from the colours
// a document already carries (code text, links, the muted line over a block): a theme
// switch finds each by its colour, so two alike would take one colour after it. A
// duplicate is moved by the smallest step, which no eye sees.
QList<QColor> distinct(QList<QColor> syntax, QList<QColor> taken)
{
    for (QColor& c : syntax) {
        for (int step = 1; taken.contains(c) && step < 64; ++step)
            c = QColor(c.red(), c.green(), (c.blue() + (step % 2 ? step : 256 - step)) % 256);
        taken << c;
    }
    return syntax;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}
} // namespace

MessageColors MessageColors::fromPalette(const QPalette& pal)
{
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    MessageColors c;
    c.text = text;
    c.muted = mix(text, base, 0.45);
    c.userBubble = mix(base, pal.color(QPalette::Highlight), 0.12);
    c.userBubbleText = text;
    c.avatar = mix(text, base, 0.3);
    c.avatarText = base;
    c.yourAvatar = pal.color(QPalette::Highlight);
    c.yourAvatarText = pal.color(QPalette::HighlightedText);
    c.codeBackground = mix(base, text, 0.08);
    c.codeText = text;
    c.border = mix(base, text, 0.3);
    c.danger = QColor(0xb9, 0x1c, 0x1c);
    c.link = pal.color(QPalette::Link);
    c.syntax = distinct(Theme::syntaxFallback(c.codeBackground.lightnessF() < 0.5),
                        {c.codeText, c.link, c.muted});
    return c;
}

MessageColors MessageColors::fromTheme(const Theme& t)
{
    const auto c = [&t](const char* token) { return t.color(QLatin1String(token)); };
    MessageColors colors;
    colors.text = c("text");
    colors.muted = c("mutedText");
    colors.userBubble = c("userBubble");
    colors.userBubbleText = c("userBubbleText");
    colors.avatar = c("avatar");
    colors.avatarText = c("avatarText");
    colors.yourAvatar = c("primary");
    colors.yourAvatarText = c("primaryText");
    colors.codeBackground = c("codeBackground");
    colors.codeText = c("codeText");
    colors.border = c("border");
    colors.danger = c("danger");
    colors.link = c("link");
    colors.syntax = distinct(t.syntax(), {colors.codeText, colors.link, colors.muted});
    colors.valid = true;
    return colors;
}

QString MessageColors::syntaxStyle() const
{
    QString out;
    const QStringList kinds = CodeHighlighter::kinds();
    for (qsizetype i = 0; i < kinds.size() && i < syntax.size(); ++i) {
        out += QStringLiteral(" span.%1 { color: %2; }").arg(kinds[i], syntax[i].name());
        if (kinds[i] == QLatin1String("comment"))
            out.insert(out.size() - 2, QStringLiteral(" font-style: italic;"));
    }
    return out;
}

QString MessageColors::styleSheet() const
{
    // Code wraps: a long line never crosses the column (or your bubble) and is all there.
    // Code and quotes step in as far as BlockDecor paints their frames and bars; headings
    // stay near the text's size (QTextDocument's double size outshouts a chat reply).
    return QStringLiteral(
               "pre { background-color: %1; color: %2; font-family: monospace; "
               "white-space: pre-wrap; margin-left: %6px; margin-right: %6px; }"
               "code { font-family: monospace; } table { border-color: %3; }"
               "blockquote { margin-left: %7px; margin-right: 0px; }"
               " blockquote.rtl { margin-left: 0px; margin-right: %7px; } a { color: %4; }"
               " p.codehead { background-color: %1; color: %5; margin-left: %6px;"
               " margin-right: %6px; }"
               " h1 { font-size: x-large; margin-top: 16px; margin-bottom: 8px; }"
               " h2 { font-size: large; margin-top: 14px; margin-bottom: 6px; }"
               " h3, h4, h5, h6 { font-size: medium; margin-top: 12px;"
               " margin-bottom: 4px; }")
               .arg(codeBackground.name(), codeText.name(), border.name(), link.name(),
                    muted.name(), QString::number(BlockDecor::kCodeInset),
                    QString::number(BlockDecor::kQuoteIndent)) +
           syntaxStyle();
}

void MessageColors::recolour(QTextDocument& doc, const MessageColors& from) const
{
    doc.setDefaultStyleSheet(styleSheet()); // for what is rendered next
    QTextCursor cursor(&doc);
    cursor.beginEditBlock();
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat block = b.blockFormat();
        if (block.background().style() != Qt::NoBrush &&
            block.background().color() == from.codeBackground) {
            block.setBackground(codeBackground);
            cursor.setPosition(b.position());
            cursor.setBlockFormat(block);
        }
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat format = f.charFormat();
            const QBrush ink = format.foreground();
            if (ink.style() == Qt::NoBrush)
                continue;
            // A link (a code block's Copy too) and code carry their colour.
            QColor to = format.isAnchor() && ink.color() == from.link ? link
                        : ink.color() == from.codeText                ? codeText
                        : ink.color() == from.muted                   ? muted // a code block's line
                                                                      : QColor();
            // Highlighted code: each kind's colour becomes the new theme's.
            for (qsizetype i = 0; !to.isValid() && i < from.syntax.size() && i < syntax.size();
                 ++i) {
                if (ink.color() == from.syntax[i])
                    to = syntax[i];
            }
            if (!to.isValid() || to == ink.color())
                continue;
            QTextCharFormat change;
            change.setForeground(to);
            cursor.setPosition(f.position());
            cursor.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(change);
        }
    }
    for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
        if (auto* table = qobject_cast<QTextTable*>(frame)) {
            QTextTableFormat format = table->format();
            if (format.borderBrush().color() == from.border) {
                format.setBorderBrush(border);
                table->setFormat(format);
            }
        }
    }
    cursor.endEditBlock();
}

} // namespace lyss
