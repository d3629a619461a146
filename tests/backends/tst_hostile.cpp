// SPDX-License-Identifier: GPL-3.0-or-later
// Backends against servers that misbehave on purpose (tests/servers/hostile.py): a
// redirect to another origin never carries the key or the chat there, a line that
// never ends and a trickle of bytes end the reply with what arrived kept, and a web
// page or a wrong JSON value is named for what it is.
#include "StreamHelpers.h"
#include "TestSupport.h"

#include "backends/LineSplitter.h"
#include "backends/OllamaBackend.h"
#include "backends/OpenAIBackend.h"
#include "util/Sentences.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace lyss;
using test::runStream;
using test::wait;

namespace {

ChatRequest request(const QString& model)
{
    ChatRequest r;
    r.model = model;
    r.messages = {{Role::User, QStringLiteral("the secret plan")}};
    return r;
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<test::FakeServer> m_target; // the origin a redirect points at
    std::unique_ptr<test::FakeServer> m_hostile;

    std::unique_ptr<Backend> backend(BackendKind kind, const QString& scenario, int idleMs = 30000)
    {
        const QString path =
            QLatin1Char('/') + scenario + (kind == BackendKind::OpenAI ? "/v1" : "");
        Backend::Config config{QStringLiteral("hostile"), kind, m_hostile->url(path),
                               QStringLiteral("sk-very-secret"), idleMs};
        if (kind == BackendKind::Ollama)
            return std::make_unique<OllamaBackend>(config, &m_nam);
        return std::make_unique<OpenAIBackend>(config, &m_nam);
    }

    static QString model(BackendKind kind)
    {
        return kind == BackendKind::Ollama ? QStringLiteral("m:latest") : QStringLiteral("m");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_target = std::make_unique<test::FakeServer>();
        QVERIFY(m_target->isRunning());
        m_hostile = std::make_unique<test::FakeServer>(
            QStringList{QStringLiteral("--target"), m_target->url().toString()},
            QStringLiteral("hostile.py"));
        QVERIFY(m_hostile->isRunning());
    }

    void redirectToAnotherOriginIsRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("scenario");
        for (const char* s : {"cross", "cross301", "cross302", "cross308"}) {
            QTest::addRow("ollama %s", s) << int(BackendKind::Ollama) << QString::fromLatin1(s);
            QTest::addRow("openai %s", s) << int(BackendKind::OpenAI) << QString::fromLatin1(s);
        }
    }

    void redirectToAnotherOriginIsRefused()
    {
        QFETCH(int, kind);
        QFETCH(QString, scenario);
        m_target->reset();
        auto b = backend(BackendKind(kind), scenario);
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("tried to send the request on to %1")
                                      .arg(m_target->url().toString())),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("neither the API key nor the chat went there")),
                 qPrintable(r.error));
        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY(!models.ok());
        QVERIFY2(models.errorMessage().contains(QStringLiteral("another server")),
                 qPrintable(models.errorMessage()));
        // The other origin never heard of the request: no key, no chat, nothing.
        QCOMPARE(m_target->requests().size(), 0);
        // The redirecting server did get it (it is the one the user configured).
        bool sawKey = false;
        for (const QJsonValue& req : m_hostile->requests())
            sawKey |= req[QLatin1String("headers")][QLatin1String("authorization")].toString() ==
                      QLatin1String("Bearer sk-very-secret");
        QVERIFY(sawKey);
    }

    void redirectWithinTheOriginIsFollowed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("ollama") << int(BackendKind::Ollama);
        QTest::addRow("openai") << int(BackendKind::OpenAI);
    }

    void redirectWithinTheOriginIsFollowed()
    {
        QFETCH(int, kind);
        auto b = backend(BackendKind(kind), QStringLiteral("same"));
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Complete);
        QCOMPARE(r.content, QStringLiteral("ok"));
    }

    void aShortAnswerThatNeverEndsIsStopped_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("expected");
        for (const auto& [kind, label] :
             {std::pair{BackendKind::Ollama, "ollama"}, std::pair{BackendKind::OpenAI, "openai"}}) {
            QTest::addRow("%s, too large", label)
                << int(kind) << QStringLiteral("bigjson")
                << QStringLiteral("sent more than 1 MiB where a short JSON answer was expected");
            QTest::addRow("%s, too slow", label)
                << int(kind) << QStringLiteral("slowjson")
                << QStringLiteral("had not finished a short answer after 2 s");
        }
    }

    void aShortAnswerThatNeverEndsIsStopped()
    {
        QFETCH(int, kind);
        QFETCH(QString, scenario);
        QFETCH(QString, expected);
        const QString path =
            QLatin1Char('/') + scenario + (BackendKind(kind) == BackendKind::OpenAI ? "/v1" : "");
        Backend::Config config{
            QStringLiteral("hostile"), BackendKind(kind), m_hostile->url(path), {}};
        config.maxJsonBytes = 1024 * 1024;
        config.jsonDeadlineMs = 2000;
        std::unique_ptr<Backend> b;
        if (BackendKind(kind) == BackendKind::Ollama)
            b = std::make_unique<OllamaBackend>(config, &m_nam);
        else
            b = std::make_unique<OpenAIBackend>(config, &m_nam);
        auto models = wait<QList<ModelInfo>>([&](auto done) { b->listModels(done); });
        QVERIFY(!models.ok());
        QVERIFY2(models.errorMessage().contains(expected), qPrintable(models.errorMessage()));
    }

    void lineThatNeverEndsIsCut_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("scenario");
        QTest::addRow("ollama") << int(BackendKind::Ollama) << QStringLiteral("endless");
        QTest::addRow("openai line") << int(BackendKind::OpenAI) << QStringLiteral("endless");
        QTest::addRow("openai data lines")
            << int(BackendKind::OpenAI) << QStringLiteral("endless-data");
    }

    void lineThatNeverEndsIsCut()
    {
        QFETCH(int, kind);
        QFETCH(QString, scenario);
        // A long idle limit: the line limit must be what ends it, however slow the machine.
        auto b = backend(BackendKind(kind), scenario, 120000);
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))), {}, 120000);
        // The cut comes at the limit, so memory stays bounded; the test asserts the words.
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.content == QLatin1String("kept "), qPrintable(r.content + " / " + r.error));
        QVERIFY2(r.error.contains(QStringLiteral("more than 16 MiB without ending it")),
                 qPrintable(r.error));
    }

    void trickleHitsTheIdleLimit_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("ollama") << int(BackendKind::Ollama);
        QTest::addRow("openai") << int(BackendKind::OpenAI);
    }

    void trickleHitsTheIdleLimit()
    {
        // A byte every 250 ms would keep a byte-based idle limit of 1 s waiting forever.
        QFETCH(int, kind);
        auto b = backend(BackendKind(kind), QStringLiteral("trickle"), 1000);
        QElapsedTimer clock;
        clock.start();
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.content == QLatin1String("kept "), qPrintable(r.content + " / " + r.error));
        QVERIFY2(r.error.contains(QStringLiteral("sent nothing usable for 1 seconds")),
                 qPrintable(r.error));
        QVERIFY(clock.elapsed() < 20000); // not the 60 s the server would go on for
    }

    void heldBackTextIsKeptWhenTheReplyIsCut_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("cancel");
        QTest::addRow("ollama idle") << int(BackendKind::Ollama) << false;
        QTest::addRow("openai idle") << int(BackendKind::OpenAI) << false;
        QTest::addRow("ollama stop") << int(BackendKind::Ollama) << true;
    }

    void heldBackTextIsKeptWhenTheReplyIsCut()
    {
        // "<thi" could still become "<think>", so the decoder holds it; the user saw it
        // arrive on the wire all the same, and a cut reply keeps it.
        QFETCH(int, kind);
        QFETCH(bool, cancel);
        // Stopped by hand after a second (with a long idle limit), or by the idle limit.
        auto b = backend(BackendKind(kind), QStringLiteral("held"), cancel ? 60000 : 700);
        ChatStream* stream = b->chat(request(model(BackendKind(kind))));
        if (cancel)
            QTimer::singleShot(1000, stream, &ChatStream::cancel);
        const auto r = runStream(stream);
        QCOMPARE(r.outcome, cancel ? ChatStream::Outcome::Cancelled : ChatStream::Outcome::Failed);
        QCOMPARE(r.content, QStringLiteral("<thi"));
    }

    void webPageIsNamed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("ollama") << int(BackendKind::Ollama);
        QTest::addRow("openai") << int(BackendKind::OpenAI);
    }

    void webPageIsNamed()
    {
        QFETCH(int, kind);
        auto b = backend(BackendKind(kind), QStringLiteral("html"));
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("answered with a web page (text/html) instead "
                                                 "of a model stream")),
                 qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("closed before")));
    }

    void jsonThatIsNotAnObjectSaysWhatWasExpected_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::addRow("ollama") << int(BackendKind::Ollama)
                                << QStringLiteral("a line that is JSON but an array, where a "
                                                  "model stream has one JSON object per line");
        QTest::addRow("openai") << int(BackendKind::OpenAI)
                                << QStringLiteral("an event that is JSON but an array, where a "
                                                  "model stream has one JSON object per event");
    }

    void jsonThatIsNotAnObjectSaysWhatWasExpected()
    {
        QFETCH(int, kind);
        QFETCH(QString, words);
        auto b = backend(BackendKind(kind), QStringLiteral("notobject"));
        const auto r = runStream(b->chat(request(model(BackendKind(kind)))));
        QCOMPARE(r.outcome, ChatStream::Outcome::Failed);
        QVERIFY2(r.error.contains(words), qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("no error occurred")));
    }

    void sentencesAreJoinedWithAFullStop()
    {
        QCOMPARE(joinSentences(QStringLiteral("read tcp: unexpected EOF"),
                               QStringLiteral("The partial reply is saved.")),
                 QStringLiteral("read tcp: unexpected EOF. The partial reply is saved."));
        QCOMPARE(joinSentences(QStringLiteral("It broke (HTTP 500)."), QStringLiteral("Retry.")),
                 QStringLiteral("It broke (HTTP 500). Retry."));
        QCOMPARE(joinSentences(QStringLiteral("He said \"stop.\""), QStringLiteral("Fine.")),
                 QStringLiteral("He said \"stop.\" Fine."));
        QCOMPARE(joinSentences(QStringLiteral("连接已断开"), QStringLiteral("部分回复已保存。")),
                 QStringLiteral("连接已断开。部分回复已保存。"));
        QCOMPARE(joinSentences({}, QStringLiteral("Only this.")), QStringLiteral("Only this."));
    }

    void lineSplitterGivesTheMemoryBack()
    {
        QCOMPARE(LineSplitter::kMaxLineBytes, 16 * 1024 * 1024);
        QCOMPARE(Backend::Config{}.maxLineBytes, LineSplitter::kMaxLineBytes);
        LineSplitter lines(1024);
        QList<QByteArray> out;
        lines.feed("first\nsecond", out);
        QCOMPARE(out, (QList<QByteArray>{"first"}));
        QVERIFY(!lines.overflowed());
        lines.feed(QByteArray(1020, 'x'), out);
        QVERIFY(lines.overflowed());
        QVERIFY(!lines.hasRest());
        lines.feed("\nthird\n", out);
        QCOMPARE(out.size(), 1); // nothing after the overflow
        QCOMPARE(lines.lineCount(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
