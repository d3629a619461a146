// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ShortDate.h"

namespace lyss::shortdate {

// Both formats are trimmed by hand: every message's header is painted with them, and a
// regular expression would bring PCRE2 into every start.

QString time(const QTime& time, const QLocale& locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    // Seconds are noise here (the C locale has them): ":ss" or ".ss" goes.
    format.remove(QLatin1String(":ss"));
    format.remove(QLatin1String(".ss"));
    return locale.toString(time, format);
}

QString day(const QDate& date, const QDate& today, const QLocale& locale)
{
    if (date.year() != today.year())
        return locale.toString(date, QLocale::ShortFormat);
    // This year's dates go without the year: each run of characters between the day and
    // month fields that holds a y goes with its separators ("dd/MM/yyyy" is "dd/MM",
    // "yyyy-MM-dd" is "MM-dd", "d. MMMM yyyy" is "d. MMMM").
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    QString kept;
    qsizetype i = 0;
    while (i < format.size()) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('d') || c == QLatin1Char('M')) {
            kept += c;
            ++i;
            continue;
        }
        qsizetype end = i;
        bool year = false;
        for (; end < format.size() && format.at(end) != QLatin1Char('d') &&
               format.at(end) != QLatin1Char('M');
             ++end) {
            if (format.at(end) == QLatin1Char('y'))
                year = true;
        }
        if (!year)
            kept += QStringView(format).mid(i, end - i);
        i = end;
    }
    return locale.toString(date, kept.trimmed());
}

} // namespace lyss::shortdate
