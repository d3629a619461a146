// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ShortDate.h"

#include <QRegularExpression>

namespace lyss::shortdate {

QString time(const QTime& time, const QLocale& locale)
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss"));
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(seconds); // seconds are noise here (the C locale has them)
    return locale.toString(time, format);
}

QString day(const QDate& date, const QDate& today, const QLocale& locale)
{
    if (date.year() != today.year())
        return locale.toString(date, QLocale::ShortFormat);
    static const QRegularExpression year(QStringLiteral("[^dM]*y+[^dM]*"));
    QString format = locale.dateFormat(QLocale::ShortFormat);
    format.remove(year);
    return locale.toString(date, format.trimmed());
}

} // namespace lyss::shortdate
