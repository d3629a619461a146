// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace lyss::shortdate {

// The time of day in the language's short format, without seconds.
QString time(const QTime& time, const QLocale& locale = QLocale());
// The day and month in the language's order, and the year only when it is not `today`'s.
QString day(const QDate& date, const QDate& today, const QLocale& locale = QLocale());

} // namespace lyss::shortdate
