// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/MarkdownText.h"

#include <QRegularExpression>
#include <QStringList>

namespace lyss {

QString MarkdownText::flattened(const QString& markdown)
{
    static const QRegularExpression fence(QStringLiteral("(```|~~~)[A-Za-z0-9_+#.-]*"));
    static const QRegularExpression lineMark(
        QStringLiteral("^\\s*(#{1,6}\\s+|>\\s?|[-*+]\\s+(\\[[ xX]\\]\\s+)?|\\d{1,9}[.)]\\s+)"));
    static const QRegularExpression tableRule(QStringLiteral("^[\\s|:-]*-[\\s|:-]*$"));
    // A link's text may hold the search's marks; its target may be cut off by the snippet.
    static const QRegularExpression link(
        QStringLiteral("\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])+)\\]\\([^()\\s]*\\)?"));
    static const QRegularExpression emphasis(QStringLiteral("\\*\\*|__|~~|`"));
    QStringList words;
    for (QString line : markdown.split(QLatin1Char('\n'))) {
        line.replace(fence, QStringLiteral(" "));
        if (tableRule.match(line).hasMatch() && line.contains(QLatin1Char('|')))
            continue; // |---|---|
        // Quotes and lists nest: their marks go one after another.
        for (int i = 0; i < 4; ++i) {
            const QString before = line;
            line.remove(lineMark);
            if (line == before)
                break;
        }
        line.replace(link, QStringLiteral("\\1"));
        line.remove(emphasis);
        line.replace(QLatin1Char('|'), QLatin1Char(' '));
        words << line;
    }
    return words.join(QLatin1Char(' ')).simplified();
}

} // namespace lyss
