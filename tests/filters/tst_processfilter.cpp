// SPDX-License-Identifier: GPL-3.0-or-later
// A filter in a process of its own against every way a process can misbehave: each fails
// the call it was on (within its time limit), never more, and the process is started again;
// what it writes is bounded; a hook it does not have passes the value on.
#include "TestSupport.h"

#include "filters/ProcessFilter.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace lyss;

namespace {

const QString kScript = QStringLiteral(LYSS_SOURCE_DIR "/tests/filters/hostile_filter.py");

ProcessFilter::Limits quick()
{
    ProcessFilter::Limits l;
    l.describeMs = 3000;
    l.inletMs = 1500;
    l.outletMs = 1500;
    l.streamMs = 1000;
    l.firstRestartMs = 50;
    l.longestRestartMs = 400;
    return l;
}

std::unique_ptr<ProcessFilter> hostile(const QString& mode, const QString& arg = {},
                                       const ProcessFilter::Limits& limits = quick())
{
    QStringList args{mode};
    if (!arg.isEmpty())
        args << arg;
    auto f = std::make_unique<ProcessFilter>(mode, kScript, args, QStringLiteral(LYSS_SOURCE_DIR),
                                             limits);
    f->start(); // as turning it on does
    return f;
}

QJsonObject inletPayload(const QString& text)
{
    const QJsonObject body{{QStringLiteral("model"), QStringLiteral("m")},
                           {QStringLiteral("messages"),
                            QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                   {QStringLiteral("content"), text}}}}};
    return {{QStringLiteral("body"), body}};
}

QJsonObject streamPayload(const QString& text)
{
    return {
        {QStringLiteral("event"),
         QJsonObject{{QStringLiteral("choices"),
                      QJsonArray{QJsonObject{{QStringLiteral("delta"),
                                              QJsonObject{{QStringLiteral("content"), text}}}}}}}}};
}

// Calls and waits for the answer (the event loop runs meanwhile, as in the app).
Result<QJsonObject> ask(Filter& f, FilterHook hook, const QJsonObject& payload)
{
    std::optional<Result<QJsonObject>> answer;
    f.call(hook, payload, [&answer](Result<QJsonObject> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return Error{QStringLiteral("the test waited in vain")};
    return *answer;
}

QString firstUserText(const Result<QJsonObject>& r)
{
    return r ? r->value(QLatin1String("messages"))
                   .toArray()
                   .at(0)
                   .toObject()
                   .value(QLatin1String("content"))
                   .toString()
             : QString();
}

} // namespace

class TestProcessFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aGoodFilterIsStartedOnceAndKept()
    {
        auto f = hostile(QStringLiteral("good"));
        QSignalSpy status(f.get(), &Filter::status);
        auto r = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(firstUserText(r), QStringLiteral("hi [seen]"));
        QCOMPARE(f->info().name, QStringLiteral("Hostile good"));
        QVERIFY(f->info().hooks.contains(FilterHook::Stream));
        QTRY_COMPARE(status.count(), 1);
        QCOMPARE(status.first().first().toJsonObject().value(QLatin1String("description")),
                 QJsonValue(QStringLiteral("looking")));
        auto s = ask(*f, FilterHook::Stream, streamPayload(QStringLiteral("quiet")));
        QCOMPARE(
            s->value(QLatin1String("choices"))[0][QLatin1String("delta")][QLatin1String("content")]
                .toString(),
            QStringLiteral("QUIET"));
        QCOMPARE(f->starts(), 1);
    }

    void anErrorIsTheFiltersWordsAndTheProcessStays()
    {
        auto f = hostile(QStringLiteral("error-inlet"));
        auto r = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QCOMPARE(r.errorMessage(), QStringLiteral("no questions on Mondays"));
        QVERIFY(ask(*f, FilterHook::Outlet, inletPayload(QStringLiteral("hi"))).ok());
        QCOMPARE(f->starts(), 1);
    }

    void eachMisbehaviourFailsTheCallAndTheFilterIsStartedAgain_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("said");
        QTest::newRow("hang") << "hang-inlet"
                              << "no answer to inlet";
        QTest::newRow("crash") << "crash-inlet"
                               << "exited with code 3";
        QTest::newRow("killed") << "kill-inlet"
                                << "crashed";
        QTest::newRow("garbage") << "garbage"
                                 << "not JSON-RPC 2.0";
        QTest::newRow("flood") << "flood"
                               << "longer than 8 MiB";
        QTest::newRow("wrong id") << "wrong-id"
                                  << "a call that was not made";
        QTest::newRow("notifications") << "notify-flood"
                                       << "more than 1000 notifications";
    }

    void eachMisbehaviourFailsTheCallAndTheFilterIsStartedAgain()
    {
        QFETCH(QString, mode);
        QFETCH(QString, said);
        // Only a hang waits for the limit: the others get time enough to misbehave in full
        // on a loaded machine (8 MiB of flood, read by a sanitized build, took over 1.5 s).
        ProcessFilter::Limits limits = quick();
        if (mode != QLatin1String("hang-inlet"))
            limits.inletMs = 10000;
        auto f = hostile(mode, {}, limits);
        QSignalSpy changed(f.get(), &Filter::changed);
        auto r = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorMessage().contains(said), qPrintable(r.errorMessage()));
        QVERIFY2(f->problem().contains(said) || mode == QLatin1String("hang-inlet"),
                 qPrintable(f->problem()));
        // Started again after a pause, and the hooks that work, work.
        QTRY_COMPARE_WITH_TIMEOUT(f->starts(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(f->isReady(), 5000);
        auto s = ask(*f, FilterHook::Stream, streamPayload(QStringLiteral("x")));
        QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    }

    void aSlowStartIsWaitedFor()
    {
        auto f = hostile(QStringLiteral("slow-start"), QStringLiteral("0.5"));
        auto r = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(f->starts(), 1);
    }

    void oneThatNeverStartsFailsEveryCallAndWaitsLongerEachTime()
    {
        auto f = hostile(QStringLiteral("exit-at-once"));
        auto r = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY(!r.ok());
        QVERIFY2(f->problem().contains(QStringLiteral("exited with code 2")),
                 qPrintable(f->problem()));
        // Meanwhile a call fails at once with the reason, and is not queued.
        auto again = ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY(again.errorMessage().contains(QStringLiteral("started again shortly")));
        QTRY_VERIFY_WITH_TIMEOUT(f->starts() >= 3, 5000); // 50 ms, then 100, then 200 ...

        auto silent = hostile(QStringLiteral("no-describe"));
        r = ask(*silent, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY2(r.errorMessage().contains(QStringLiteral("did not describe itself")),
                 qPrintable(r.errorMessage()));

        ProcessFilter missing(QStringLiteral("missing"), QStringLiteral("/nonexistent/filter"), {},
                              QStringLiteral("/"), quick());
        missing.start();
        r = ask(missing, FilterHook::Inlet, inletPayload(QStringLiteral("hi")));
        QVERIFY2(r.errorMessage().contains(QStringLiteral("cannot be started")),
                 qPrintable(r.errorMessage()));
    }

    void aCallsTimeStartsWhenItsTurnComes()
    {
        // The inlet takes 1.2 s of its 1.5; the stream call sent meanwhile has 1 s from when
        // the filter gets to it, not from when it was sent.
        auto f = hostile(QStringLiteral("slow-inlet"), QStringLiteral("1.2"));
        std::optional<Result<QJsonObject>> inlet, stream;
        f->call(FilterHook::Inlet, inletPayload(QStringLiteral("hi")),
                [&inlet](Result<QJsonObject> r) { inlet = std::move(r); });
        f->call(FilterHook::Stream, streamPayload(QStringLiteral("x")),
                [&stream](Result<QJsonObject> r) { stream = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(inlet && stream, 10000);
        QVERIFY2(inlet->ok(), qPrintable(inlet->errorMessage()));
        QVERIFY2(stream->ok(), qPrintable(stream->errorMessage()));
        QCOMPARE(f->starts(), 1);
    }

    void turnedOffItHasNoSayEvenMidCall()
    {
        auto f = hostile(QStringLiteral("hang-inlet"));
        QVERIFY(ask(*f, FilterHook::Stream, streamPayload(QStringLiteral("warm"))).ok());
        std::optional<Result<QJsonObject>> pending;
        const QJsonObject payload = inletPayload(QStringLiteral("hi"));
        f->call(FilterHook::Inlet, payload,
                [&pending](Result<QJsonObject> r) { pending = std::move(r); });
        f->stop();
        QTRY_VERIFY(pending.has_value()); // answered, from the event loop
        QVERIFY(pending->ok());
        QCOMPARE(**pending, payload.value(QLatin1String("body")).toObject());
        // And it is not started again by a call.
        QVERIFY(ask(*f, FilterHook::Inlet, payload).ok());
        QCOMPARE(f->starts(), 1);
        // Deleted mid-call, the caller hears too.
        auto g = hostile(QStringLiteral("hang-inlet"));
        std::optional<Result<QJsonObject>> orphan;
        g->call(FilterHook::Inlet, payload,
                [&orphan](Result<QJsonObject> r) { orphan = std::move(r); });
        QTRY_VERIFY(g->isReady());
        g.reset();
        QTRY_VERIFY(orphan.has_value());
        QVERIFY(orphan->ok());
    }

    void aHookItDoesNotHavePassesTheValueOn()
    {
        auto f = hostile(QStringLiteral("inlet-only"));
        const QJsonObject payload = streamPayload(QStringLiteral("as it was"));
        auto s = ask(*f, FilterHook::Stream, payload);
        QCOMPARE(*s, payload.value(QLatin1String("event")).toObject());
    }

    void whatItWritesIsBounded()
    {
        auto f = hostile(QStringLiteral("stderr-flood"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(ask(*f, FilterHook::Inlet, inletPayload(QStringLiteral("hi"))).ok());
        // 3 MiB written; the last 16 KiB kept.
        QTRY_COMPARE(f->stderrTail().size(), ProcessFilter::kStderrKeptBytes);
        QCOMPARE(f->starts(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProcessFilter)
#include "tst_processfilter.moc"
