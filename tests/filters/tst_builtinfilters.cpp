// SPDX-License-Identifier: GPL-3.0-or-later
// The filters built into Lyss: the content guard (whole words or not, case or not, the
// newest message checked, the reply masked) and the rate limit (per person, per minute and
// per hour, the wait told in words), on a clock the test moves.
#include "filters/ContentFilter.h"
#include "filters/RateLimitFilter.h"

#include <QJsonArray>
#include <QTest>

using namespace lyss;

namespace {
QJsonObject body(const QString& role, const QString& text)
{
    return {{QStringLiteral("messages"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                             {QStringLiteral("content"), QStringLiteral("earlier: darn")}},
                 QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), text}}}}};
}

Result<QJsonObject> run(Filter& f, FilterHook hook, const QJsonObject& payload)
{
    std::optional<Result<QJsonObject>> answer;
    f.call(hook, payload, [&answer](Result<QJsonObject> r) { answer = std::move(r); });
    return *answer; // built-in filters answer at once
}

QJsonObject payload(const QJsonObject& b, const QJsonObject& valves, const QString& person = {})
{
    return {{QStringLiteral("body"), b},
            {QStringLiteral("valves"), valves},
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), person}}}};
}
} // namespace

class TestBuiltInFilters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theContentGuard()
    {
        ContentFilter f;
        const QJsonObject valves{{QStringLiteral("words"), QJsonArray{QStringLiteral("darn")}}};
        // The newest message is what is checked; an older one was let through before.
        QVERIFY(run(f, FilterHook::Inlet,
                    payload(body(QStringLiteral("user"), QStringLiteral("fine")), valves))
                    .ok());
        auto refused =
            run(f, FilterHook::Inlet,
                payload(body(QStringLiteral("user"), QStringLiteral("Darn it")), valves));
        QCOMPARE(refused.errorCode(), ErrorCode::Refused);
        QVERIFY(refused.errorMessage().contains(QStringLiteral("\"Darn\"")));
        // Whole words: "darning" passes; not whole words, it does not.
        QVERIFY(run(f, FilterHook::Inlet,
                    payload(body(QStringLiteral("user"), QStringLiteral("darning socks")), valves))
                    .ok());
        QJsonObject partial = valves;
        partial.insert(QStringLiteral("whole_words"), false);
        QVERIFY(
            !run(f, FilterHook::Inlet,
                 payload(body(QStringLiteral("user"), QStringLiteral("darning socks")), partial))
                 .ok());
        QJsonObject strict = valves;
        strict.insert(QStringLiteral("case_sensitive"), true);
        QVERIFY(run(f, FilterHook::Inlet,
                    payload(body(QStringLiteral("user"), QStringLiteral("Darn it")), strict))
                    .ok());
        // Outlet: masked in the reply, the rest as it was.
        auto masked =
            run(f, FilterHook::Outlet,
                payload(body(QStringLiteral("assistant"), QStringLiteral("darn, darn!")), valves));
        QCOMPARE(masked->value(QLatin1String("messages"))
                     .toArray()
                     .last()[QLatin1String("content")]
                     .toString(),
                 QStringLiteral("****, ****!"));
    }

    void theRateLimitIsEachPersons()
    {
        qint64 now = 1'000'000;
        RateLimitFilter f(nullptr, [&now] { return now; });
        const QJsonObject valves{{QStringLiteral("requests_per_minute"), 2},
                                 {QStringLiteral("requests_per_hour"), 3}};
        const QJsonObject b = body(QStringLiteral("user"), QStringLiteral("hi"));
        QVERIFY(run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("alice"))).ok());
        now += 10'000;
        QVERIFY(run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("alice"))).ok());
        now += 5'000;
        auto third = run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("alice")));
        QCOMPARE(third.errorCode(), ErrorCode::Refused);
        QVERIFY2(third.errorMessage().contains(QStringLiteral("try again in 45 seconds")),
                 qPrintable(third.errorMessage()));
        // Nobody else waits.
        QVERIFY(run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("bob"))).ok());
        now += 46'000; // the first has left the minute
        QVERIFY(run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("alice"))).ok());
        now += 61'000;
        auto hourly = run(f, FilterHook::Inlet, payload(b, valves, QStringLiteral("alice")));
        QVERIFY2(hourly.errorMessage().contains(QStringLiteral("an hour")),
                 qPrintable(hourly.errorMessage()));
        QVERIFY(hourly.errorMessage().contains(QStringLiteral("minutes")));
        // Replies and streamed pieces are not counted.
        QVERIFY(run(f, FilterHook::Outlet, payload(b, valves, QStringLiteral("alice"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestBuiltInFilters)
#include "tst_builtinfilters.moc"
