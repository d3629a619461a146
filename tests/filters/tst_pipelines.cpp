// SPDX-License-Identifier: GPL-3.0-or-later
// Filters of a Pipelines server (tests/servers/fake_pipelines.py, open-webui/pipelines'
// HTTP face) in the chain of real replies from the test Ollama: a backend whose /models says
// "pipelines": true contributes its filter pipelines (not as chat models); they run on the
// models they name, in priority order, their inlets before Lyss's own and their outlets
// before Lyss's own, with the backend's key and the person; a refusal is what the person
// reads, and nothing is sent; their valves are read and changed on the server; one that does
// not answer in time, or a server that is gone, lets the message through without it and
// says so; turned off here, one does not run.
#include "FilterTestRig.h"
#include "TestSupport.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/Backend.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "filters/FilterRegistry.h"
#include "filters/PipelinesSource.h"
#include "filters/ProcessFilter.h"
#include "store/ChatStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestPipelines : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_ollama;
    std::unique_ptr<test::FakeServer> m_pipelines;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    std::unique_ptr<Conversations> m_conversations;
    QStringList m_notices;

    const ModelChoice llama{QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")};
    const ModelChoice drip{QStringLiteral("ollama"), QStringLiteral("drip-3")};

    FilterRegistry& filters() { return m_app->filters(); }

    void known()
    {
        QEventLoop loop;
        bool done = false;
        filters().pipelines()->whenKnown([&] {
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
    }

    Message ask(const QString& prompt, const ModelChoice& model)
    {
        Conversations::Send s;
        s.prompt = prompt;
        s.model = model;
        return test::sendAndWait(*m_conversations, s);
    }

    QString lastSentUserText() const { return test::lastSentUserText(*m_ollama); }

    // The requests the Pipelines server had for `path`.
    QList<QJsonObject> pipelineCalls(const QString& path) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue& r : m_pipelines->requests())
            if (r[QLatin1String("path")].toString() == path)
                out << r.toObject();
        return out;
    }

    void setValves(const QString& id, const QJsonObject& values)
    {
        std::optional<Status> saved;
        QVERIFY(filters().setValves(id, values, [&saved](Status s) { saved = s; }).ok());
        QTRY_VERIFY(saved.has_value());
        QVERIFY2(saved->ok(), qPrintable(saved->errorMessage()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ollama = std::make_unique<test::FakeServer>();
        QVERIFY(m_ollama->isRunning());
    }

    void init()
    {
        m_pipelines = std::make_unique<test::FakeServer>(
            QStringList{QStringLiteral("--api-key"), QStringLiteral("pipes-key")},
            QStringLiteral("fake_pipelines.py"));
        QVERIFY(m_pipelines->isRunning());
        m_ollama->reset();
        m_dir = std::make_unique<QTemporaryDir>();
        AppContext::Options o;
        o.dataDir = m_dir->path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), m_ollama->url().toString());
        o.env.insert(QStringLiteral("OPENAI_API_BASE_URL"), m_pipelines->url().toString());
        o.env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("pipes-key"));
        m_app = std::move(AppContext::open(o)).value();
        m_backends = std::make_unique<BackendSet>(*m_app->effectiveBackends(), nullptr, 30000);
        m_conversations =
            std::make_unique<Conversations>(m_app->store(), m_app->settings(), *m_backends);
        m_conversations->setStageSource(m_app->filterStages(m_app->session().userId()));
        m_notices.clear();
        connect(m_conversations.get(), &Conversations::replyStarted, this, [this](ActiveReply* r) {
            connect(r, &ActiveReply::notified, this,
                    [this](const QString& level, const QString& text) {
                        m_notices << level + QLatin1Char(':') + text;
                    });
        });
        filters().usePipelinesOf(*m_backends);
        known();
        // Off until an admin turns them on, as every filter found.
        QCOMPARE(filters().entry(QStringLiteral("openai/tagger"))->enabled, false);
        for (const QString& id :
             {QStringLiteral("openai/tagger"), QStringLiteral("openai/llama-only"),
              QStringLiteral("openai/blocker"), QStringLiteral("openai/sleepy")})
            QVERIFY(filters().setEnabled(id, true).ok());
    }

    void cleanup()
    {
        m_conversations.reset();
        m_backends.reset();
        m_app.reset();
        m_dir.reset();
        m_pipelines.reset();
    }

    void itsFilterPipelinesAreListedFirstAndNotAsModels()
    {
        QStringList ids;
        for (const FilterRegistry::Entry& e : filters().list())
            ids << e.id + (e.fromPipelines && e.enabled ? QStringLiteral("*") : QString());
        QCOMPARE(ids, (QStringList{
                          QStringLiteral("openai/tagger*"), QStringLiteral("openai/llama-only*"),
                          QStringLiteral("openai/blocker*"), QStringLiteral("openai/sleepy*"),
                          QStringLiteral("content"), QStringLiteral("rate-limit")}));
        const auto tagger = filters().entry(QStringLiteral("openai/tagger"));
        QCOMPARE(tagger->info.name, QStringLiteral("Tagger"));
        QVERIFY(tagger->info.source.contains(m_pipelines->url().authority()));
        QCOMPARE(tagger->valves.value(QLatin1String("tag")).toString(), QStringLiteral("tagger"));
        QVERIFY(tagger->info.valves.value(QLatin1String("properties"))
                    .toObject()
                    .contains(QStringLiteral("priority")));
        // Its chat models are its pipes only.
        std::optional<QList<ModelInfo>> models;
        m_backends->find(QStringLiteral("openai"))->listModels([&](Result<QList<ModelInfo>> r) {
            models = r ? *r : QList<ModelInfo>{};
        });
        QTRY_VERIFY(models.has_value());
        QCOMPARE(models->size(), 1);
        QCOMPARE(models->first().name, QStringLiteral("echo-pipe"));
    }

    void theyRunOnTheirModelsBeforeLyssOwnWithTheKeyAndThePerson()
    {
        // One of Lyss's own, on as well: it comes after the pipelines, both ways.
        test::writeHostileFilter(filters().folder(), QStringLiteral("own"),
                                 QStringLiteral("priority"), QStringLiteral("-5"));
        filters().reload();
        QVERIFY(filters().setEnabled(QStringLiteral("own"), true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ProcessFilter*>(filters().filter(QStringLiteral("own")))->isReady(),
            10000);

        Message m = ask(QStringLiteral("hi"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("hi [tagger] [llama-only] [-5]"));
        QCOMPARE(m.content,
                 QStringLiteral("Reply to: hi [tagger] [llama-only] [-5] [tagged] [-5]"));
        const QList<QJsonObject> inlets = pipelineCalls(QStringLiteral("/tagger/filter/inlet"));
        QCOMPARE(inlets.size(), 1);
        QCOMPARE(
            inlets.first()[QLatin1String("headers")][QLatin1String("authorization")].toString(),
            QStringLiteral("Bearer pipes-key"));
        const QJsonObject user =
            inlets.first()[QLatin1String("body")][QLatin1String("user")].toObject();
        QCOMPARE(user.value(QLatin1String("id")).toString(), m_app->session().userId());
        QVERIFY(!user.contains(QStringLiteral("valves")));
        QCOMPARE(pipelineCalls(QStringLiteral("/tagger/filter/outlet")).size(), 1);

        // Another model: the pipeline attached to llama3.2:latest alone does not run.
        ask(QStringLiteral("drops"), drip);
        QCOMPARE(lastSentUserText(), QStringLiteral("drops [tagger] [-5]"));
    }

    void aRefusalIsWhatThePersonReadsAndNothingIsSent()
    {
        const qsizetype before = m_ollama->requests().size();
        Message m = ask(QStringLiteral("something forbidden"), llama);
        QCOMPARE(m.status, MessageStatus::Error);
        QVERIFY2(m.error.contains(QStringLiteral("The filter Blocker stopped the message: Blocked "
                                                 "by policy: no forbidden words")),
                 qPrintable(m.error));
        for (qsizetype i = before; i < m_ollama->requests().size(); ++i)
            QVERIFY(!m_ollama->requests().at(i)[QLatin1String("path")].toString().contains(
                QStringLiteral("chat")));
        auto branch = m_app->store().messages().currentBranch(m.chatId);
        QCOMPARE(branch->first().content, QStringLiteral("something forbidden"));
    }

    void theirValvesAreChangedOnTheServer()
    {
        setValves(QStringLiteral("openai/tagger"), {{QStringLiteral("tag"), QStringLiteral("T2")}});
        QCOMPARE(filters().valves(QStringLiteral("openai/tagger")).value(QLatin1String("tag")),
                 QJsonValue(QStringLiteral("T2")));
        // Every valve was sent (the server resets those left out).
        const QJsonObject sent = pipelineCalls(QStringLiteral("/tagger/valves/update"))
                                     .last()[QLatin1String("body")]
                                     .toObject();
        QCOMPARE(sent.value(QLatin1String("pipelines")),
                 QJsonValue(QJsonArray{QStringLiteral("*")}));
        ask(QStringLiteral("x"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("x [T2] [llama-only]"));
        // A value of the wrong type is refused here, the field named.
        const Status wrong = filters().setValve(QStringLiteral("openai/tagger"),
                                                QStringLiteral("priority"), QStringLiteral("high"));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.errorMessage().contains(QStringLiteral("priority")),
                 qPrintable(wrong.errorMessage()));
        // Its models are a valve of its own: attached elsewhere, it no longer runs here.
        setValves(QStringLiteral("openai/llama-only"),
                  {{QStringLiteral("pipelines"), QJsonArray{QStringLiteral("drip-3")}}});
        ask(QStringLiteral("y"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("y [T2]"));
    }

    void turnedOffHereItDoesNotRun()
    {
        QVERIFY(filters().setEnabled(QStringLiteral("openai/tagger"), false).ok());
        ask(QStringLiteral("z"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("z [llama-only]"));
        QVERIFY(filters().setEnabled(QStringLiteral("openai/tagger"), true).ok());
        ask(QStringLiteral("z"), llama);
        QCOMPARE(lastSentUserText(), QStringLiteral("z [tagger] [llama-only]"));
    }

    void oneTooSlowOrAServerGoneLetsTheMessageThroughAndSaysSo()
    {
        QVERIFY(m_app->settings().set(SettingKey::FilterInletSeconds, 1.0).ok());
        setValves(QStringLiteral("openai/sleepy"),
                  {{QStringLiteral("pipelines"), QJsonArray{QStringLiteral("*")}}});
        Message m = ask(QStringLiteral("slow"), llama);
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(lastSentUserText(), QStringLiteral("slow [tagger] [llama-only]"));
        const QStringList sleepy = m_notices.filter(QStringLiteral("warning:Sleepy did not run:"));
        QCOMPARE(sleepy.size(), 1);
        QVERIFY2(sleepy.first().contains(QStringLiteral("within 1 s")), qPrintable(sleepy.first()));

        m_notices.clear();
        m_pipelines->stop();
        m = ask(QStringLiteral("alone"), llama);
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(lastSentUserText(), QStringLiteral("alone"));
        QVERIFY(m_notices.size() >= 1);
        QVERIFY2(m_notices.first().startsWith(QStringLiteral("warning:Tagger did not run:")),
                 qPrintable(m_notices.first()));
        // Its state says why; the server's list is asked again, and that it failed is kept.
        QVERIFY(!filters().entry(QStringLiteral("openai/tagger"))->problem.isEmpty());
        filters().reload();
        known();
        QVERIFY(filters().pipelines()->problems().contains(QStringLiteral("openai")));
    }
};

QTEST_GUILESS_MAIN(TestPipelines)
#include "tst_pipelines.moc"
