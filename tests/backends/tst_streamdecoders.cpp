// SPDX-License-Identifier: GPL-3.0-or-later
// Streams cannot fool the decoders: recorded Ollama (NDJSON) and OpenAI (SSE) streams,
// including a BOM, \r\n and lone \r line ends, comments, multi-line data, split UTF-8,
// inline <think> tags and errors mid-stream, decode to exactly the same text, metrics
// and ending however the bytes are split: whole, one byte at a time, or at random.
#include "TestSupport.h"

#include "backends/LineSplitter.h"
#include "backends/OllamaStreamDecoder.h"
#include "backends/OpenAIStreamDecoder.h"
#include "backends/SseParser.h"
#include "backends/ThinkTagSplitter.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <functional>
#include <memory>

using namespace lyss;

namespace {

// What a user would see from a stream: the texts and how it ended.
struct Decoded {
    QString content;
    QString thinking;
    QString ending; // "done" or "error: <text>"
    QString metrics;

    bool operator==(const Decoded&) const = default;
};

char* toString(const Decoded& d)
{
    return qstrdup(QStringLiteral("content=%1 | thinking=%2 | %3 | %4")
                       .arg(d.content, d.thinking, d.ending, d.metrics)
                       .toUtf8()
                       .constData());
}

using Factory = std::function<std::unique_ptr<StreamDecoder>()>;

Decoded decode(const Factory& make, const QByteArray& bytes, const QList<qsizetype>& cuts)
{
    auto decoder = make();
    StreamEvents events;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        decoder->feed(QByteArrayView(bytes).sliced(start, cut - start), events);
        start = cut;
    }
    decoder->feed(QByteArrayView(bytes).sliced(start), events);
    decoder->finish(events);
    Decoded d;
    int endings = 0;
    for (const StreamEvent& e : events) {
        switch (e.kind) {
        case StreamEvent::Kind::Content:
            d.content += e.text;
            break;
        case StreamEvent::Kind::Thinking:
            d.thinking += e.text;
            break;
        case StreamEvent::Kind::Done:
            ++endings;
            d.ending = QStringLiteral("done");
            d.metrics =
                QString::fromUtf8(QJsonDocument(e.metrics.toJson()).toJson(QJsonDocument::Compact));
            break;
        case StreamEvent::Kind::Error:
            ++endings;
            d.ending = QStringLiteral("error: ") + e.text;
            break;
        }
    }
    if (endings != 1)
        d.ending += QStringLiteral(" (%1 endings)").arg(endings);
    return d;
}

QByteArray fixture(const char* name)
{
    const QByteArray bytes = test::readFile(QStringLiteral(LYSS_SOURCE_DIR "/tests/data/streams/") +
                                            QLatin1String(name));
    if (bytes.isEmpty())
        qFatal("missing fixture %s", name);
    return bytes;
}

Factory ollama()
{
    return [] { return std::make_unique<OllamaStreamDecoder>(); };
}
Factory openai()
{
    return [] { return std::make_unique<OpenAIStreamDecoder>(); };
}

} // namespace

Q_DECLARE_METATYPE(Factory)

class TestStreamDecoders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordedStreams_data()
    {
        QTest::addColumn<Factory>("make");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("thinking");
        QTest::addColumn<QString>("ending");

        QTest::newRow("ollama: thinking, split UTF-8, metrics")
            << ollama() << fixture("ollama-chat.ndjson")
            << QStringLiteral("Grüße, 世界! 👋🏽 Schön.")
            << QStringLiteral("The user greets in German — 挨拶.") << QStringLiteral("done");
        QTest::newRow("ollama: inline <think> split across lines")
            << ollama() << fixture("ollama-inline-think.ndjson") << QStringLiteral("Answer here.")
            << QStringLiteral("Hmm, ok.") << QStringLiteral("done");
        QTest::newRow("ollama: error line inside a 200 stream")
            << ollama() << fixture("ollama-error-mid.ndjson") << QStringLiteral("Partial text")
            << QString()
            << QStringLiteral(
                   "error: an error was encountered while running the model: CUDA out of memory");
        QTest::newRow("ollama: connection cut mid-line")
            << ollama() << fixture("ollama-cut.ndjson") << QStringLiteral("Cut off") << QString()
            << QStringLiteral("error: The connection closed before the reply was complete; what "
                              "arrived is kept.");
        QTest::newRow("openai: BOM, CRLF, lone CR, comments, multi-line data, usage")
            << openai() << fixture("openai-chat.sse")
            << QStringLiteral("Grüße, 世界! 👋🏽 Schön.")
            << QStringLiteral("Thinking — done.") << QStringLiteral("done");
        QTest::newRow("openai: event: error")
            << openai() << fixture("openai-event-error.sse") << QStringLiteral("Par") << QString()
            << QStringLiteral("error: upstream guardrail refused");
        QTest::newRow("openai: llama.cpp error: field")
            << openai() << fixture("openai-llamacpp-error-field.sse") << QStringLiteral("Par")
            << QString() << QStringLiteral("error: slot unavailable");
        QTest::newRow("openai: finish_reason but no [DONE]")
            << openai() << fixture("openai-no-done.sse") << QStringLiteral("All here") << QString()
            << QStringLiteral("done");
        QTest::newRow("openai: cut inside an event")
            << openai() << fixture("openai-cut.sse") << QStringLiteral("Cut ") << QString()
            << QStringLiteral("error: The connection closed before the reply was complete; what "
                              "arrived is kept.");
        QTest::newRow("openai: inline <think>")
            << openai() << fixture("openai-inline-think.sse") << QStringLiteral("Because.")
            << QStringLiteral("why") << QStringLiteral("done");
    }

    void recordedStreams()
    {
        QFETCH(Factory, make);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, content);
        QFETCH(QString, thinking);
        QFETCH(QString, ending);

        const Decoded whole = decode(make, bytes, {});
        QCOMPARE(whole.content, content);
        QCOMPARE(whole.thinking, thinking);
        QCOMPARE(whole.ending, ending);

        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < bytes.size(); ++i)
            everyByte << i;
        QCOMPARE(decode(make, bytes, everyByte), whole);

        QRandomGenerator rng(20261126);
        for (int round = 0; round < 300; ++round) {
            QList<qsizetype> cuts;
            const int n = 1 + static_cast<int>(rng.bounded(12));
            for (int i = 0; i < n; ++i)
                cuts << 1 + rng.bounded(bytes.size() - 1);
            std::sort(cuts.begin(), cuts.end());
            cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
            const Decoded d = decode(make, bytes, cuts);
            if (!(d == whole)) {
                QStringList at;
                for (auto c : cuts)
                    at << QString::number(c);
                QFAIL(qPrintable(
                    QStringLiteral("split at %1 gave %2")
                        .arg(at.join(QLatin1Char(',')), QString::fromUtf8(toString(d)))));
            }
        }
    }

    void ollamaMetricsAreKept()
    {
        const Decoded d = decode(ollama(), fixture("ollama-chat.ndjson"), {});
        const QJsonObject m = QJsonDocument::fromJson(d.metrics.toUtf8()).object();
        QCOMPARE(m.value(QStringLiteral("eval_count")).toInt(), 4);
        QCOMPARE(m.value(QStringLiteral("eval_duration")).toInteger(), 4535599000LL);
        QCOMPARE(m.value(QStringLiteral("prompt_eval_count")).toInt(), 26);
        QCOMPARE(m.value(QStringLiteral("done_reason")).toString(), QStringLiteral("stop"));
    }

    void openAiUsageIsKept()
    {
        const Decoded d = decode(openai(), fixture("openai-chat.sse"), {});
        const QJsonObject m = QJsonDocument::fromJson(d.metrics.toUtf8()).object();
        QCOMPARE(m.value(QStringLiteral("prompt_eval_count")).toInt(), 9);
        QCOMPARE(m.value(QStringLiteral("eval_count")).toInt(), 4);
        QCOMPARE(m.value(QStringLiteral("done_reason")).toString(), QStringLiteral("stop"));
        QCOMPARE(decode(openai(), fixture("openai-no-done.sse"), {}).metrics,
                 QStringLiteral("{\"done_reason\":\"length\"}"));
    }

    void notJsonIsAnError()
    {
        const Decoded d = decode(ollama(), "<html>502 Bad Gateway</html>\n", {});
        QVERIFY2(
            d.ending.startsWith(QStringLiteral("error: The server sent a line that is not JSON")),
            qPrintable(d.ending));
    }

    void nothingAfterTheEnd()
    {
        QByteArray bytes = fixture("ollama-error-mid.ndjson");
        bytes += "{\"message\":{\"content\":\"ghost\"},\"done\":false}\n";
        const Decoded d = decode(ollama(), bytes, {});
        QCOMPARE(d.content, QStringLiteral("Partial text"));
    }

    void sseFieldRules()
    {
        SseParser p;
        QList<SseEvent> events;
        p.feed("data:no space\n\ndata:  two spaces\n\nevent: custom\ndata\ndata: x\nid: 42\nretry: "
               "10\nfoo: bar\n\n: only a comment\n\ndata: dropped at EOF",
               events);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].data, QByteArray("no space"));
        QCOMPARE(events[1].data, QByteArray(" two spaces"));
        QCOMPARE(events[2].type, QByteArray("custom"));
        QCOMPARE(events[2].data, QByteArray("\nx")); // a bare "data" line is an empty value
        QCOMPARE(events[2].id, QByteArray("42"));
    }

    void lineEndsSplitAcrossReads()
    {
        LineSplitter s;
        QList<QByteArray> lines;
        s.feed("a\r", lines);
        s.feed("\nb\r", lines);
        s.feed("c\n\n", lines);
        QCOMPARE(lines, (QList<QByteArray>{"a", "b", "c", ""}));
    }

    void thinkTagOnlyAtTheStart()
    {
        ThinkTagSplitter t;
        StreamEvents out;
        t.feed(QStringLiteral("Use the <think> tag like this: <think>x</think>"), out);
        t.finish(out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].kind, StreamEvent::Kind::Content);
        QCOMPARE(out[0].text, QStringLiteral("Use the <think> tag like this: <think>x</think>"));

        ThinkTagSplitter unfinished;
        StreamEvents out2;
        unfinished.feed(QStringLiteral("  <think>still thinking when the stream ended</th"), out2);
        unfinished.finish(out2);
        QString thinking;
        for (const auto& e : out2)
            thinking += e.text;
        QCOMPARE(thinking, QStringLiteral("still thinking when the stream ended</th"));
    }

    void errorBodyShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("ollama") << QByteArray(R"({"error":"model 'x' not found"})")
                                << QStringLiteral("model 'x' not found");
        QTest::newRow("openai nested")
            << QByteArray(
                   R"({"error":{"message":"Bad key","type":"invalid_request_error","param":null,"code":null}})")
            << QStringLiteral("Bad key");
        QTest::newRow("llama.cpp int code")
            << QByteArray(
                   R"({"error":{"code":400,"message":"too long","type":"exceed_context_size_error","n_ctx":256}})")
            << QStringLiteral("too long");
        QTest::newRow("old vllm flat")
            << QByteArray(
                   R"({"object":"error","message":"bad","type":"BadRequestError","param":null,"code":400})")
            << QStringLiteral("bad");
        QTest::newRow("open webui")
            << QByteArray(R"({"error":{"content":"oops"}})") << QStringLiteral("oops");
        QTest::newRow("not an error") << QByteArray(R"({"choices":[]})") << QString();
    }

    void errorBodyShapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QCOMPARE(errorMessageFromJson(QJsonDocument::fromJson(json).object()), message);
    }
};

QTEST_GUILESS_MAIN(TestStreamDecoders)
#include "tst_streamdecoders.moc"
