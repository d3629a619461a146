// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation's layout cache alone: it keeps the most recently used layouts within
// its budget of bytes, lets the least recently used go first, measures a layout again when
// it grew, and after an invalidation serves nothing stale while letting the
// stale go before anything current.
#include "TestSupport.h"

#include "conversation/LayoutCache.h"
#include "conversation/MessageLayout.h"

#include <QTest>
#include <QTextDocument>

using namespace lyss;

namespace {
// A layout holding `chars` characters laid out.
std::shared_ptr<MessageLayout> layoutOf(int chars)
{
    auto layout = std::make_shared<MessageLayout>();
    auto doc = std::make_unique<QTextDocument>();
    doc->setPlainText(QString(chars, QLatin1Char('x')));
    layout->parts.push_back(std::move(doc));
    return layout;
}

qint64 bytesOf(int chars)
{
    return layoutOf(chars)->approximateBytes();
}
} // namespace

class TestLayoutCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsTheRecentlyUsedWithinItsBudget()
    {
        const qint64 one = bytesOf(10000);
        QVERIFY(one > 10000 * MessageLayout::kBytesPerLaidOutChar);
        LayoutCache cache(one * 3 + one / 2); // room for three
        for (const char* id : {"a", "b", "c"})
            cache.put(QString::fromLatin1(id), layoutOf(10000));
        QCOMPARE(cache.size(), 3);
        QVERIFY(cache.use(QStringLiteral("a"))); // a is now the most recent: b goes next
        cache.put(QStringLiteral("d"), layoutOf(10000));
        QCOMPARE(cache.size(), 3);
        QCOMPARE(cache.evictions(), 1);
        QVERIFY(!cache.find(QStringLiteral("b")));
        for (const char* id : {"a", "c", "d"})
            QVERIFY(cache.find(QString::fromLatin1(id)));
        QVERIFY(cache.bytes() <= cache.budget());

        // One layout bigger than the whole budget is kept while it is the one in use.
        cache.put(QStringLiteral("huge"), layoutOf(50000));
        QCOMPARE(cache.size(), 1);
        QVERIFY(cache.find(QStringLiteral("huge")));
        QVERIFY(!cache.find(QStringLiteral("a")));
    }

    void aLayoutThatGrewIsMeasuredAgain()
    {
        const qint64 one = bytesOf(10000);
        LayoutCache cache(one * 3 + one / 2);
        for (const char* id : {"a", "b", "c"})
            cache.put(QString::fromLatin1(id), layoutOf(10000));
        // "c" lays out another part as it comes into view.
        auto c = cache.find(QStringLiteral("c"));
        for (int i = 0; i < 1; ++i) {
            auto doc = std::make_unique<QTextDocument>();
            doc->setPlainText(QString(10000, QLatin1Char('y')));
            c->parts.push_back(std::move(doc));
        }
        cache.measureAgain(QStringLiteral("c"));
        QVERIFY(cache.bytes() <= cache.budget());
        QVERIFY(!cache.find(QStringLiteral("a"))); // the least recently used
        QVERIFY(cache.find(QStringLiteral("b")));
        QVERIFY(cache.find(QStringLiteral("c")));
    }

    void invalidatedLayoutsAreNotServedAndGoFirst()
    {
        const qint64 one = bytesOf(10000);
        LayoutCache cache(one * 3 + one / 2);
        cache.put(QStringLiteral("old1"), layoutOf(10000));
        cache.put(QStringLiteral("old2"), layoutOf(10000));
        cache.invalidate(); // another language: every layout holds the old words
        QVERIFY(!cache.use(QStringLiteral("old1")));
        QVERIFY(!cache.find(QStringLiteral("old2")));
        QCOMPARE(cache.size(), 2); // not freed all at once
        int visited = 0;
        cache.forEach([&](MessageLayout&) { ++visited; });
        QCOMPARE(visited, 0);

        cache.put(QStringLiteral("new1"), layoutOf(10000));
        QVERIFY(cache.use(QStringLiteral("new1")));
        cache.put(QStringLiteral("new2"), layoutOf(10000));
        // Over budget now: the stale go before the current, even the recently stale.
        cache.put(QStringLiteral("old1"), layoutOf(10000)); // built again: current
        QVERIFY(cache.find(QStringLiteral("old1")));
        QVERIFY(cache.find(QStringLiteral("new1")));
        QVERIFY(cache.find(QStringLiteral("new2")));
        QCOMPARE(cache.size(), 3); // old2, stale, went
        QVERIFY(cache.bytes() <= cache.budget());
    }
};

QTEST_MAIN(TestLayoutCache)
#include "tst_layoutcache.moc"
