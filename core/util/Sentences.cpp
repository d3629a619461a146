// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Sentences.h"

namespace lyss {

QString joinSentences(const QString& first, const QString& second)
{
    const QString a = first.trimmed();
    const QString b = second.trimmed();
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    static const QString enders = QStringLiteral(".!?:;\u2026\u3002\uFF01\uFF1F");
    // Closing quotes and brackets after a full stop still end the sentence.
    qsizetype i = a.size() - 1;
    while (i > 0 && QStringLiteral("\"')]\u201D\u2019\uFF09").contains(a.at(i)))
        --i;
    const bool ended = enders.contains(a.at(i));
    // Chinese sentences are not separated by a space.
    const bool cjk = b.front().unicode() >= 0x2E80;
    if (ended)
        return a + (cjk ? QString() : QStringLiteral(" ")) + b;
    return a + (cjk ? QStringLiteral("\u3002") : QStringLiteral(". ")) + b;
}

QString printable(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (!c.isPrint() && c != QLatin1Char(' '))
            c = QChar(0xFFFD);
    }
    return out.left(500);
}

} // namespace lyss
