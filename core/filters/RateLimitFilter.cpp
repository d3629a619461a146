// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/RateLimitFilter.h"

#include "accounts/Accounts.h"

#include <QDateTime>

namespace lyss {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

QJsonObject limitSpec(int fallback, const QString& description)
{
    return {{QStringLiteral("type"), QStringLiteral("integer")},
            {QStringLiteral("default"), fallback},
            {QStringLiteral("minimum"), 0},
            {QStringLiteral("description"), description}};
}

} // namespace

RateLimitFilter::RateLimitFilter(QObject* parent, std::function<qint64()> now)
    : Filter(parent)
    , m_now(now ? std::move(now)
                : std::function<qint64()>([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

FilterInfo RateLimitFilter::info() const
{
    FilterInfo i;
    i.id = QString::fromLatin1(kId);
    i.name = tr("Rate limit");
    i.description = tr("How many requests each person may send per minute and per hour.");
    i.version = QStringLiteral("1");
    i.source = tr("built in");
    i.hooks = {FilterHook::Inlet};
    i.valves = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("requests_per_minute"),
              limitSpec(10, tr("Requests a person may send in a minute (0: no limit)."))},
             {QStringLiteral("requests_per_hour"),
              limitSpec(100, tr("Requests a person may send in an hour (0: no limit)."))}}}};
    return i;
}

void RateLimitFilter::call(FilterHook hook, const QJsonObject& payload, Done done)
{
    const QJsonObject body = filterValue(hook, payload);
    if (hook != FilterHook::Inlet) {
        done(body);
        return;
    }
    const QJsonObject valves = payload.value(QLatin1String("valves")).toObject();
    const int perMinute = valves.value(QLatin1String("requests_per_minute")).toInt(10);
    const int perHour = valves.value(QLatin1String("requests_per_hour")).toInt(100);
    const QString person =
        payload.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    const qint64 now = m_now();
    QList<qint64>& sent = m_sent[person];
    while (!sent.isEmpty() && sent.first() <= now - kHour)
        sent.removeFirst();
    const auto inLastMinute =
        std::count_if(sent.begin(), sent.end(), [now](qint64 t) { return t > now - kMinute; });
    if (perMinute > 0 && inLastMinute >= perMinute) {
        // The oldest of the last minute's requests leaves the window first.
        const qint64 oldest = sent.at(sent.size() - inLastMinute);
        done(Error{tr("you have sent as many requests as this installation allows in a minute "
                      "(%1); %2")
                       .arg(perMinute)
                       .arg(Accounts::waitInWords(oldest + kMinute - now)),
                   ErrorCode::Refused});
        return;
    }
    if (perHour > 0 && sent.size() >= perHour) {
        done(Error{tr("you have sent as many requests as this installation allows in an hour "
                      "(%1); %2")
                       .arg(perHour)
                       .arg(Accounts::waitInWords(sent.first() + kHour - now)),
                   ErrorCode::Refused});
        return;
    }
    sent.append(now);
    done(body);
}

} // namespace lyss
