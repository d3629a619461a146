// SPDX-License-Identifier: GPL-3.0-or-later
// Filters in the chain of real replies, against the test model server and real filter
// processes in a data folder: a filter found is off until turned on; those on run in
// (priority, id) order on the request, each streamed piece and the finished reply; an
// inlet failure sends nothing and keeps the person's message; a stream failure drops that
// piece only; an outlet failure keeps the reply as it came, noted; the built-in content
// guard refuses and masks; and the folder is live: a filter added, changed or removed
// counts without a restart.
#include "FilterTestRig.h"
#include "TestSupport.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "filters/ProcessFilter.h"
#include "store/ChatStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestFilterChain : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    std::unique_ptr<Conversations> m_conversations;

    const ModelChoice llama{QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")};

    QString folder() const { return QDir(m_dir->path()).filePath(QStringLiteral("filters")); }

    // A filter in the folder: a script that runs the hostile filter in `mode`.
    void addFilter(const QString& file, const QString& mode, const QString& arg = {})
    {
        test::writeHostileFilter(folder(), file, mode, arg);
    }

    void turnOn(const QString& id)
    {
        QVERIFY(m_app->filters().setEnabled(id, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ProcessFilter*>(m_app->filters().filter(id))->isReady(), 10000);
    }

    // A reply to `prompt`, finished.
    Message ask(const QString& prompt, const ModelChoice& model)
    {
        Conversations::Send s;
        s.prompt = prompt;
        s.model = model;
        return test::sendAndWait(*m_conversations, s);
    }

    QString lastSentUserText() const { return test::lastSentUserText(*m_server); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void init()
    {
        m_server->reset();
        m_dir = std::make_unique<QTemporaryDir>();
        AppContext::Options o;
        o.dataDir = m_dir->path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), m_server->url().toString());
        m_app = std::move(AppContext::open(o)).value();
        m_backends = std::make_unique<BackendSet>(*m_app->effectiveBackends(), nullptr, 30000);
        m_conversations =
            std::make_unique<Conversations>(m_app->store(), m_app->settings(), *m_backends);
        m_conversations->setStageSource(m_app->filterStages(m_app->session().userId()));
    }

    void cleanup()
    {
        m_conversations.reset();
        m_backends.reset();
        m_app.reset();
        m_dir.reset();
    }

    void foundFiltersAreOffThenRunInTheirOrder()
    {
        addFilter(QStringLiteral("late"), QStringLiteral("priority"), QStringLiteral("5"));
        addFilter(QStringLiteral("early"), QStringLiteral("priority"), QStringLiteral("1"));
        m_app->filters().reload();
        Message m = ask(QStringLiteral("hello"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("hello")); // off: not even run
        QCOMPARE(m.content, QStringLiteral("Reply to: hello"));
        QVERIFY(!qobject_cast<ProcessFilter*>(m_app->filters().filter(QStringLiteral("late")))
                     ->isReady());

        turnOn(QStringLiteral("late"));
        turnOn(QStringLiteral("early"));
        const auto order = m_app->filters().list();
        QCOMPARE(order.at(0).id, QStringLiteral("content"));    // priority 0, off
        QCOMPARE(order.at(1).id, QStringLiteral("rate-limit")); // priority 0, off
        QCOMPARE(order.at(2).id, QStringLiteral("early"));
        QCOMPARE(order.at(3).id, QStringLiteral("late"));
        m = ask(QStringLiteral("again"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("again [1] [5]"));
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(m.content, QStringLiteral("Reply to: again [1] [5] [1] [5]"));
        // What was saved is what the outlets made.
        auto saved = m_app->store().messages().message(m.id);
        QCOMPARE((*saved)->content, m.content);
    }

    void anInletFailureSendsNothingAndKeepsTheMessage()
    {
        addFilter(QStringLiteral("guard"), QStringLiteral("error-inlet"));
        m_app->filters().reload();
        turnOn(QStringLiteral("guard"));
        const qsizetype before = m_server->requests().size();
        Message m = ask(QStringLiteral("a question on Monday"), llama);
        QCOMPARE(m.status, MessageStatus::Error);
        QVERIFY2(m.error.contains(QStringLiteral("The filter Hostile error-inlet stopped the "
                                                 "message: no questions on Mondays")),
                 qPrintable(m.error));
        QVERIFY(m.error.contains(QStringLiteral("lyss-cli filters disable guard")));
        for (qsizetype i = before; i < m_server->requests().size(); ++i)
            QVERIFY(!m_server->requests().at(i)[QLatin1String("path")].toString().contains(
                QStringLiteral("chat")));
        // The person's message is kept, with the refusal as the reply.
        auto branch = m_app->store().messages().currentBranch(m.chatId);
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->first().content, QStringLiteral("a question on Monday"));
    }

    void aStreamFailureDropsThatPieceOnly()
    {
        addFilter(QStringLiteral("picky"), QStringLiteral("bad-stream"), QStringLiteral("d2"));
        m_app->filters().reload();
        turnOn(QStringLiteral("picky"));
        Message m =
            ask(QStringLiteral("drip"), {QStringLiteral("ollama"), QStringLiteral("drip-5")});
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(m.content, QStringLiteral("d0 d1 d3 d4  [checked]"));
    }

    void anOutletFailureKeepsTheReplyAsItCame()
    {
        addFilter(QStringLiteral("checker"), QStringLiteral("error-outlet"));
        m_app->filters().reload();
        turnOn(QStringLiteral("checker"));
        Message m = ask(QStringLiteral("hi"), llama);
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(m.content, QStringLiteral("Reply to: hi [seen]")
                                .replace(QStringLiteral(" [seen]"), QStringLiteral(" [seen]")));
        QVERIFY2(m.error.contains(QStringLiteral("could not check the finished reply: outlet "
                                                 "broke")),
                 qPrintable(m.error));
    }

    void aFilterThatHangsFailsOnlyItsReply()
    {
        addFilter(QStringLiteral("sleepy"), QStringLiteral("hang-inlet"));
        m_app->filters().reload();
        turnOn(QStringLiteral("sleepy"));
        // The limit is the installation's setting (10 s unless set).
        QVERIFY(m_app->settings().set(SettingKey::FilterInletSeconds, 1.5).ok());
        Message m = ask(QStringLiteral("hi"), llama);
        QCOMPARE(m.status, MessageStatus::Error);
        QVERIFY2(m.error.contains(QStringLiteral("no answer to inlet within 1.5 s")),
                 qPrintable(m.error));
    }

    void turnedOffOrRemovedMidReplyItHasNoSayAndTheReplyGoesOn()
    {
        addFilter(QStringLiteral("loud"), QStringLiteral("good"));
        m_app->filters().reload();
        turnOn(QStringLiteral("loud"));
        for (const bool remove : {false, true}) {
            Conversations::Send s;
            s.prompt = QStringLiteral("talk");
            s.model = {QStringLiteral("ollama"), QStringLiteral("slow")};
            auto r = m_conversations->send(s);
            QVERIFY(r.ok());
            QPointer<ActiveReply> reply = *r;
            QTRY_VERIFY_WITH_TIMEOUT(reply && reply->message().content.size() > 20, 10000);
            QVERIFY(reply->message().content.startsWith(QStringLiteral("W0 W1"))); // loud
            if (remove) {
                QVERIFY(QFile::remove(QDir(folder()).filePath(QStringLiteral("loud"))));
                m_app->filters().reload();
            } else {
                QVERIFY(m_app->filters().setEnabled(QStringLiteral("loud"), false).ok());
            }
            QSignalSpy ended(reply.data(), &ActiveReply::finished);
            QVERIFY(ended.wait(20000));
            const Message m = reply->message();
            QCOMPARE(m.status, MessageStatus::Complete);
            QVERIFY2(m.content.trimmed().endsWith(QStringLiteral("w199")),
                     qPrintable(m.content.right(40)));
            QCOMPARE(m.content.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(),
                     200); // no piece lost
            QVERIFY(m.error.isEmpty());
            if (!remove)
                QVERIFY(m_app->filters().setEnabled(QStringLiteral("loud"), true).ok());
        }
    }

    void aFiltersStatusLineIsShownWhileTheReplyComes()
    {
        addFilter(QStringLiteral("busy"), QStringLiteral("good")); // says "looking" on inlet
        m_app->filters().reload();
        turnOn(QStringLiteral("busy"));
        Conversations::Send s;
        s.prompt = QStringLiteral("hi");
        s.model = llama;
        QStringList seen;
        QPointer<ActiveReply> reply;
        connect(m_conversations.get(), &Conversations::replyStarted, this,
                [&seen, &reply](ActiveReply* r) {
                    reply = r;
                    connect(r, &ActiveReply::updated, r, [&seen, r] {
                        if (seen.isEmpty() || seen.last() != r->message().progress)
                            seen << r->message().progress;
                    });
                });
        QVERIFY(m_conversations->send(s).ok());
        QTRY_VERIFY_WITH_TIMEOUT(reply && reply->isFinished(), 10000);
        QVERIFY2(seen.contains(QStringLiteral("looking")), qPrintable(seen.join(QLatin1Char('|'))));
        QCOMPARE(reply->message().progress, QString()); // gone once the reply ends
        QCOMPARE(reply->message().content, QStringLiteral("REPLY TO: HI [SEEN] [checked]"));
    }

    void theContentGuardRefusesAndMasks()
    {
        QVERIFY(m_app->filters().setEnabled(QStringLiteral("content"), true).ok());
        QVERIFY(m_app->filters()
                    .setValve(QStringLiteral("content"), QStringLiteral("words"),
                              QJsonArray{QStringLiteral("secret"), QStringLiteral("Reply")})
                    .ok());
        QCOMPARE(m_app->filters()
                     .setValve(QStringLiteral("content"), QStringLiteral("words"),
                               QStringLiteral("secret"))
                     .errorCode(),
                 ErrorCode::InvalidInput); // the schema says a list
        Message refused = ask(QStringLiteral("the SECRET plan"), llama);
        QCOMPARE(refused.status, MessageStatus::Error);
        QVERIFY2(refused.error.contains(QStringLiteral("\"SECRET\"")), qPrintable(refused.error));
        Message masked = ask(QStringLiteral("fine"), llama);
        QCOMPARE(masked.content, QStringLiteral("***** to: fine"));
        // Whole words only by default: "secretary" passes.
        QCOMPARE(ask(QStringLiteral("a secretary"), llama).status, MessageStatus::Complete);
    }

    void theFolderIsLive()
    {
        m_app->filters().watch();
        QSignalSpy changed(&m_app->filters(), &FilterRegistry::changed);
        addFilter(QStringLiteral("fresh"), QStringLiteral("priority"), QStringLiteral("3"));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->filters().entry(QStringLiteral("fresh")).has_value(), 5000);
        QVERIFY(!m_app->filters().entry(QStringLiteral("fresh"))->enabled); // found: off
        turnOn(QStringLiteral("fresh"));
        QCOMPARE(m_app->filters().entry(QStringLiteral("fresh"))->info.priority, 3);
        QCOMPARE(lastSentUserText(), QString());
        ask(QStringLiteral("one"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("one [3]"));

        // Changed: the old process stops, the new one is described, still on.
        QTest::qWait(1100); // a modification time the file system can tell apart
        addFilter(QStringLiteral("fresh"), QStringLiteral("priority"), QStringLiteral("7"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app->filters().entry(QStringLiteral("fresh"))->info.priority == 7, 10000);
        ask(QStringLiteral("two"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("two [7]"));

        // Removed: gone, and no longer in the chain.
        QVERIFY(QFile::remove(QDir(folder()).filePath(QStringLiteral("fresh"))));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->filters().entry(QStringLiteral("fresh")).has_value(),
                                 5000);
        ask(QStringLiteral("three"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("three"));
        QVERIFY(changed.count() >= 3);
    }

    void openWebUiFilterFilesRunUnchanged()
    {
        QDir().mkpath(folder());
        for (const QString& name :
             {QStringLiteral("owui_sync.py"), QStringLiteral("owui_broken.py")})
            QVERIFY(QFile::copy(QStringLiteral(LYSS_SOURCE_DIR "/tests/filters/") + name,
                                QDir(folder()).filePath(name)));
        QVERIFY(QFile::copy(QStringLiteral(LYSS_SOURCE_DIR "/examples/filters/word_count.py"),
                            QDir(folder()).filePath(QStringLiteral("word_count.py"))));
        m_app->filters().reload();
        turnOn(QStringLiteral("owui_sync.py"));
        auto sync = m_app->filters().entry(QStringLiteral("owui_sync.py"));
        QCOMPARE(sync->info.name, QStringLiteral("Sync sample"));
        QCOMPARE(sync->info.version, QStringLiteral("2.1"));
        QCOMPARE(sync->info.hooks.size(), 3);
        QVERIFY(sync->info.valves.value(QLatin1String("properties"))
                    .toObject()
                    .contains(QStringLiteral("tag")));
        QVERIFY(m_app->filters()
                    .setValve(QStringLiteral("owui_sync.py"), QStringLiteral("shout"), true)
                    .ok());
        Message m = ask(QStringLiteral("hi"), llama);
        // Injected by name: the person, the metadata, its id; the valves as set.
        QCOMPARE(lastSentUserText(),
                 QStringLiteral("hi [sync by Local user in chat as owui_sync.py]"));
        QCOMPARE(
            m.content,
            QStringLiteral("REPLY TO: HI [SYNC BY LOCAL USER IN CHAT AS OWUI_SYNC.PY] [sync]"));
        // An exception in a hook is the filter's failure, in its words.
        m = ask(QStringLiteral("please fail"), llama);
        QVERIFY2(m.error.contains(QStringLiteral("the outlet was told to fail")),
                 qPrintable(m.error));
        QVERIFY(m_app->filters().setEnabled(QStringLiteral("owui_sync.py"), false).ok());

        // The example: async hooks with the event emitter, and user valves.
        turnOn(QStringLiteral("word_count.py"));
        auto* example = m_app->filters().filter(QStringLiteral("word_count.py"));
        QSignalSpy status(example, &Filter::status);
        m = ask(QStringLiteral("count"), llama);
        const QJsonArray sent = m_server->lastChatRequest()
                                    .value(QLatin1String("body"))
                                    .toObject()
                                    .value(QLatin1String("messages"))
                                    .toArray();
        QCOMPARE(sent.at(0).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("The person asking is Local user."));
        QCOMPARE(m.content, QStringLiteral("Reply to: count\n\n(3 words)"));
        QTRY_VERIFY(status.count() >= 2);

        // A file that cannot be loaded says why, with Python's words.
        QVERIFY(m_app->filters().setEnabled(QStringLiteral("owui_broken.py"), true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_app->filters().entry(QStringLiteral("owui_broken.py"))->problem.isEmpty(), 10000);
        const QString why = m_app->filters().entry(QStringLiteral("owui_broken.py"))->problem;
        QVERIFY2(why.contains(QStringLiteral("ZeroDivisionError")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("line 6")), qPrintable(why));
    }

    void aFileThatCannotRunIsListedWithWhy()
    {
        QDir().mkpath(folder());
        QFile plain(QDir(folder()).filePath(QStringLiteral("notes.py")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("print('hi')\n");
        plain.close();
        QDir().mkpath(QDir(folder()).filePath(QStringLiteral("broken")));
        QFile manifest(QDir(folder()).filePath(QStringLiteral("broken/filter.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{\"command\": []}");
        manifest.close();
        m_app->filters().reload();
        QVERIFY(m_app->filters()
                    .entry(QStringLiteral("notes.py"))
                    ->problem.contains(QStringLiteral("not executable")));
        QVERIFY(m_app->filters()
                    .entry(QStringLiteral("broken"))
                    ->problem.contains(QStringLiteral("names no command")));
        QVERIFY(m_app->filters().setEnabled(QStringLiteral("notes.py"), true).ok());
        QCOMPARE(ask(QStringLiteral("still works"), llama).status, MessageStatus::Complete);
    }
};

QTEST_GUILESS_MAIN(TestFilterChain)
#include "tst_filterchain.moc"
