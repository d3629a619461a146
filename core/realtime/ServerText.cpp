// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/ServerText.h"

#include <QList>
#include <QStringView>

namespace lyss {

namespace {

// The reasoning inside a <details type="reasoning"> block: after its <summary>, each line
// without the "> " that quotes it.
QString reasoningIn(QStringView block)
{
    const qsizetype summaryEnd = block.indexOf(QLatin1String("</summary>"));
    QStringView inner =
        summaryEnd >= 0 ? block.mid(summaryEnd + 10) : block.mid(block.indexOf(u'>') + 1);
    QString out;
    for (QStringView line : inner.split(u'\n')) {
        if (line.startsWith(u'>'))
            line = line.mid(line.startsWith(QLatin1String("> ")) ? 2 : 1);
        if (!out.isEmpty() || !line.trimmed().isEmpty())
            out += line.toString() + u'\n';
    }
    return out.trimmed();
}

bool typedBlockAt(const QString& text, qsizetype at)
{
    const qsizetype tagEnd = text.indexOf(u'>', at);
    const QStringView tag = QStringView(text).mid(at, tagEnd < 0 ? -1 : tagEnd - at);
    return tag.contains(QLatin1String(" type=\""));
}

} // namespace

ServerText::Split ServerText::split(const QString& serialised)
{
    Split s;
    const QLatin1String open("<details");
    const QLatin1String close("</details>");
    qsizetype at = 0;
    while (at < serialised.size()) {
        qsizetype start = serialised.indexOf(open, at);
        // Only Open WebUI's own blocks, which carry a type (reasoning, tool_calls,
        // code_interpreter); a <details> the model wrote is part of its answer.
        while (start >= 0 && !typedBlockAt(serialised, start))
            start = serialised.indexOf(open, start + 1);
        if (start < 0) {
            s.answer += QStringView(serialised).mid(at);
            break;
        }
        s.answer += QStringView(serialised).mid(at, start - at);
        const qsizetype end = serialised.indexOf(close, start);
        const qsizetype blockEnd = end < 0 ? serialised.size() : end;
        const QStringView block = QStringView(serialised).mid(start, blockEnd - start);
        const qsizetype tagEnd = block.indexOf(u'>');
        if (tagEnd >= 0 && block.left(tagEnd).contains(QLatin1String("type=\"reasoning\""))) {
            const QString reasoning = reasoningIn(block);
            if (!reasoning.isEmpty())
                s.thinking +=
                    (s.thinking.isEmpty() ? QString() : QStringLiteral("\n\n")) + reasoning;
        }
        at = end < 0 ? serialised.size() : end + close.size();
    }
    // The blocks stand on lines of their own: the answer begins at its first word.
    qsizetype lead = 0;
    while (lead < s.answer.size() && s.answer.at(lead).isSpace())
        ++lead;
    s.answer.remove(0, lead);
    return s;
}

} // namespace lyss
