// SPDX-License-Identifier: GPL-3.0-or-later
// Which filters a reply passes through, against the test model server and real filter
// processes: a filter attached to some models runs only on their chats (a name without a
// tag takes every tag); a toggle filter runs only where the chat switched it on, or, never
// chosen, where its model preselects it; a chat's choice is kept with the chat and
// overrides the preselection; what a filter notifies is said; and a toggle still starting when a
// reply begins is asked whether it is one before it runs.
#include "FilterTestRig.h"
#include "TestSupport.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
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

class TestFilterToggles : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    std::unique_ptr<Conversations> m_conversations;

    const ModelChoice llama{QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")};
    const ModelChoice drip{QStringLiteral("ollama"), QStringLiteral("drip-3")};

    QString folder() const { return QDir(m_dir->path()).filePath(QStringLiteral("filters")); }
    FilterRegistry& filters() { return m_app->filters(); }

    void addFilter(const QString& file, const QString& mode, const QString& arg)
    {
        test::writeHostileFilter(folder(), file, mode, arg);
    }

    void turnOn(const QString& id)
    {
        QVERIFY(filters().setEnabled(id, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ProcessFilter*>(filters().filter(id))->isReady(),
                                 10000);
    }

    Message ask(const QString& prompt, const ModelChoice& model, const QString& chatId = {},
                std::optional<QStringList> switchedOn = std::nullopt)
    {
        Conversations::Send s;
        s.chatId = chatId;
        s.prompt = prompt;
        s.model = model;
        if (switchedOn) {
            ChatOptions o = *m_conversations->planner().optionsOf(chatId);
            o.filterIds = switchedOn;
            s.options = o;
        }
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

    void aFilterAttachedToModelsRunsOnlyOnTheirChats()
    {
        addFilter(QStringLiteral("only-llama"), QStringLiteral("priority"), QStringLiteral("7"));
        filters().reload();
        turnOn(QStringLiteral("only-llama"));
        QVERIFY(
            filters().setModels(QStringLiteral("only-llama"), {QStringLiteral(" llama3.2 ")}).ok());
        QCOMPARE(filters().entry(QStringLiteral("only-llama"))->models,
                 QStringList{QStringLiteral("llama3.2")});
        ask(QStringLiteral("one"), llama); // "llama3.2" takes "llama3.2:latest"
        QCOMPARE(lastSentUserText(), QStringLiteral("one [7]"));
        ask(QStringLiteral("two"), drip);
        QCOMPARE(lastSentUserText(), QStringLiteral("two"));

        QVERIFY(filters().setModels(QStringLiteral("only-llama"), {QStringLiteral("drip-3")}).ok());
        ask(QStringLiteral("three"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("three"));
        ask(QStringLiteral("four"), drip);
        QCOMPARE(lastSentUserText(), QStringLiteral("four [7]"));
        // No models: every model again.
        QVERIFY(filters().setModels(QStringLiteral("only-llama"), {}).ok());
        ask(QStringLiteral("five"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("five [7]"));

        QVERIFY(FilterRegistry::matches({QStringLiteral("qwen3")}, QStringLiteral("qwen3:8b")));
        QVERIFY(!FilterRegistry::matches({QStringLiteral("qwen3")}, QStringLiteral("qwen3-coder")));
        QVERIFY(!FilterRegistry::matches({QStringLiteral("qwen3:4b")}, QStringLiteral("qwen3:8b")));
        QVERIFY(FilterRegistry::matches({QStringLiteral("*")}, QStringLiteral("anything")));
        QVERIFY(!FilterRegistry::matches({}, QStringLiteral("anything")));
    }

    void aToggleRunsOnlyWhereTheChatSwitchedItOn()
    {
        addFilter(QStringLiteral("search"), QStringLiteral("toggle"), QStringLiteral("S"));
        filters().reload();
        turnOn(QStringLiteral("search"));
        QCOMPARE(filters().togglesFor(llama.model).size(), 1);
        QCOMPARE(filters().togglesFor(llama.model).first().id, QStringLiteral("search"));
        QVERIFY(filters().switchedOn(llama.model, std::nullopt).isEmpty());

        Message m = ask(QStringLiteral("plain"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("plain"));
        QCOMPARE(m.content, QStringLiteral("Reply to: plain"));

        // Switched on for a new chat: the chat keeps it. What it notifies is said, as one
        // clean line.
        QStringList notices;
        auto link = connect(m_conversations.get(), &Conversations::replyStarted, this,
                            [&notices](ActiveReply* r) {
                                connect(r, &ActiveReply::notified,
                                        [&notices](const QString& level, const QString& text) {
                                            notices << level + QLatin1Char(':') + text;
                                        });
                            });
        m = ask(QStringLiteral("look it up"), llama, {}, QStringList{QStringLiteral("search")});
        QCOMPARE(lastSentUserText(), QStringLiteral("look it up [S]"));
        QCOMPARE(m.content, QStringLiteral("Reply to: look it up [S] [S]"));
        QCOMPARE(notices, QStringList{QStringLiteral("success:toggle S ran")});
        disconnect(link);
        const QString chatId = m.chatId;
        auto chat = m_app->store().chats().chat(chatId);
        QCOMPARE(ChatOptions::fromJson((*chat)->params).filterIds,
                 std::optional<QStringList>(QStringList{QStringLiteral("search")}));
        ask(QStringLiteral("and again"), llama, chatId);
        QCOMPARE(lastSentUserText(), QStringLiteral("and again [S]"));

        // Switched off in that chat: its next replies go without it.
        QVERIFY(m_conversations->setFilterIds(chatId, {}).ok());
        ask(QStringLiteral("no more"), llama, chatId);
        QCOMPARE(lastSentUserText(), QStringLiteral("no more"));
        // An id the chat names that is no toggle (or not on) changes nothing.
        QVERIFY(m_conversations->setFilterIds(chatId, {QStringLiteral("nothing-such")}).ok());
        ask(QStringLiteral("still"), llama, chatId);
        QCOMPARE(lastSentUserText(), QStringLiteral("still"));
        // Turned off by the admin, a chat's toggle does not run.
        QVERIFY(m_conversations->setFilterIds(chatId, {QStringLiteral("search")}).ok());
        QVERIFY(filters().setEnabled(QStringLiteral("search"), false).ok());
        ask(QStringLiteral("off"), llama, chatId);
        QCOMPARE(lastSentUserText(), QStringLiteral("off"));
    }

    void aModelPreselectsItsTogglesUntilTheChatChooses()
    {
        addFilter(QStringLiteral("search"), QStringLiteral("toggle"), QStringLiteral("S"));
        filters().reload();
        turnOn(QStringLiteral("search"));
        QVERIFY(
            filters().setPreselected(QStringLiteral("search"), {QStringLiteral("llama3.2")}).ok());
        QCOMPARE(filters().switchedOn(llama.model, std::nullopt),
                 QStringList{QStringLiteral("search")});
        QVERIFY(filters().switchedOn(drip.model, std::nullopt).isEmpty());

        Message m = ask(QStringLiteral("hi"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("hi [S]"));
        ask(QStringLiteral("hi"), drip);
        QCOMPARE(lastSentUserText(), QStringLiteral("hi"));
        // The chat switched it off: the preselection no longer counts for it.
        QVERIFY(m_conversations->setFilterIds(m.chatId, {}).ok());
        ask(QStringLiteral("quiet"), llama, m.chatId);
        QCOMPARE(lastSentUserText(), QStringLiteral("quiet"));
        QCOMPARE(filters().switchedOn(llama.model, QStringList{}), QStringList{});
        // A toggle attached to other models is not offered.
        QVERIFY(filters().setModels(QStringLiteral("search"), {QStringLiteral("drip-3")}).ok());
        QVERIFY(filters().togglesFor(llama.model).isEmpty());
        QCOMPARE(filters().togglesFor(drip.model).size(), 1);
    }

    void aToggleStillStartingIsAskedWhatItIsBeforeItRuns()
    {
        // Both start when turned on and take 1.5 s to describe themselves; the replies
        // begin meanwhile. The one not switched on must not run on the first reply.
        addFilter(QStringLiteral("slow-off"), QStringLiteral("slow-toggle"), QStringLiteral("X"));
        addFilter(QStringLiteral("slow-on"), QStringLiteral("slow-toggle"), QStringLiteral("Y"));
        filters().reload();
        QVERIFY(filters().setEnabled(QStringLiteral("slow-off"), true).ok());
        QVERIFY(filters().setEnabled(QStringLiteral("slow-on"), true).ok());
        QVERIFY(filters().filter(QStringLiteral("slow-off"))->settling());
        Message m = ask(QStringLiteral("early"), llama, {}, QStringList{QStringLiteral("slow-on")});
        QCOMPARE(lastSentUserText(), QStringLiteral("early [Y]"));
        QCOMPARE(m.content, QStringLiteral("Reply to: early [Y] [Y]"));
        QVERIFY(!filters().filter(QStringLiteral("slow-off"))->settling());
    }

    void aToggleThatNoLongerStartsStopsOnlyTheChatsThatSwitchedItOn()
    {
        addFilter(QStringLiteral("flaky"), QStringLiteral("toggle"), QStringLiteral("F"));
        filters().reload();
        turnOn(QStringLiteral("flaky")); // it says it is a toggle, and that is remembered
        // Changed into one that exits before saying anything.
        addFilter(QStringLiteral("flaky"), QStringLiteral("exit-at-once"), {});
        QFile::setPermissions(QDir(folder()).filePath(QStringLiteral("flaky")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);
        filters().reload();
        QTRY_VERIFY_WITH_TIMEOUT(!filters().entry(QStringLiteral("flaky"))->problem.isEmpty(),
                                 10000);
        QVERIFY(!filters().filter(QStringLiteral("flaky"))->hasDescribed());
        Message m = ask(QStringLiteral("untouched"), llama);
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(m.content, QStringLiteral("Reply to: untouched"));
        m = ask(QStringLiteral("wanted"), llama, {}, QStringList{QStringLiteral("flaky")});
        QCOMPARE(m.status, MessageStatus::Error); // switched on and broken: it stops them
        QVERIFY2(m.error.contains(QStringLiteral("flaky")), qPrintable(m.error));
    }

    void aReplyWaitingOnAStartingFilterGoesOnWhenItIsTurnedOffOrRemoved()
    {
        addFilter(QStringLiteral("slow-a"), QStringLiteral("slow-toggle"), QStringLiteral("A"));
        addFilter(QStringLiteral("slow-b"), QStringLiteral("slow-toggle"), QStringLiteral("B"));
        filters().reload();
        for (const QString& id : {QStringLiteral("slow-a"), QStringLiteral("slow-b")}) {
            QVERIFY(filters().setEnabled(id, true).ok());
            Conversations::Send s;
            s.prompt = QStringLiteral("wait for ") + id;
            s.model = llama;
            ChatOptions o = *m_conversations->planner().optionsOf({});
            o.filterIds = QStringList{id};
            s.options = o;
            auto r = m_conversations->send(s);
            QVERIFY(r.ok());
            QPointer<ActiveReply> reply = *r;
            QSignalSpy finished(reply, &ActiveReply::finished);
            QTest::qWait(200); // the reply waits for the filter to say what it is
            QVERIFY(filters().filter(id)->settling());
            if (id.endsWith(QLatin1Char('a'))) {
                QVERIFY(filters().setEnabled(id, false).ok()); // turned off while starting
            } else {
                QVERIFY(QFile::remove(QDir(folder()).filePath(id))); // or removed
                filters().reload();
            }
            QVERIFY2(finished.count() > 0 || finished.wait(10000), "the reply hangs");
            QCOMPARE(reply->message().status, MessageStatus::Complete);
            QCOMPARE(reply->message().content, QStringLiteral("Reply to: wait for ") + id);
        }
    }
};

QTEST_GUILESS_MAIN(TestFilterToggles)
#include "tst_filtertoggles.moc"
