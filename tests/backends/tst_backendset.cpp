// SPDX-License-Identifier: GPL-3.0-or-later
// One model list across backends, the names a user can type for a model, and the
// connection monitor's backoff as a server goes away and comes back.
#include "StreamHelpers.h"
#include "TestSupport.h"

#include "backends/BackendSet.h"
#include "backends/ConnectionMonitor.h"
#include "backends/OllamaBackend.h"
#include "secrets/SecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace lyss;

namespace {
ModelInfo model(const QString& backend, const QString& name)
{
    ModelInfo m;
    m.backendName = backend;
    m.name = name;
    m.displayName = name;
    return m;
}

EffectiveBackend backend(const QString& name, const QUrl& url, bool enabled = true)
{
    EffectiveBackend b;
    b.name = name;
    b.kind = BackendKind::Ollama;
    b.url = url;
    b.enabled = enabled;
    return b;
}
// A keyring that counts how often it is asked.
class CountingSecrets : public SecretStore {
public:
    QHash<QString, QString> keys;
    int reads = 0;
    Result<std::optional<QString>> read(const QString& key) override
    {
        ++reads;
        return keys.contains(key) ? std::optional<QString>(keys.value(key)) : std::nullopt;
    }
    Status write(const QString& key, const QString& secret) override
    {
        keys.insert(key, secret);
        return {};
    }
    Status remove(const QString& key) override
    {
        keys.remove(key);
        return {};
    }
};

BackendSet::ModelList listAll(BackendSet& set)
{
    BackendSet::ModelList list;
    bool done = false;
    set.listModels([&](BackendSet::ModelList l) {
        list = std::move(l);
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        list.errors << QStringLiteral("no answer within 30 s");
    return list;
}
} // namespace

class TestBackendSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolveNames()
    {
        const QList<ModelInfo> models{
            model(QStringLiteral("home"), QStringLiteral("llama3.2:latest")),
            model(QStringLiteral("gpu"), QStringLiteral("llama3.2:latest")),
            model(QStringLiteral("gpu"), QStringLiteral("qwen3:8b")),
            model(QStringLiteral("gpu"), QStringLiteral("hf.co/org/model:Q4"))};
        const QStringList names{QStringLiteral("home"), QStringLiteral("gpu")};
        using P = QPair<QString, QString>;
        QCOMPARE(BackendSet::resolve(models, names, QStringLiteral("qwen3:8b")).value(),
                 (P{QStringLiteral("gpu"), QStringLiteral("qwen3:8b")}));
        QCOMPARE(BackendSet::resolve(models, names, QStringLiteral("gpu/llama3.2")).value(),
                 (P{QStringLiteral("gpu"), QStringLiteral("llama3.2:latest")}));
        QCOMPARE(BackendSet::resolve(models, names, QStringLiteral("HOME/llama3.2:latest")).value(),
                 (P{QStringLiteral("home"), QStringLiteral("llama3.2:latest")}));
        // A slash that is part of the model's own name.
        QCOMPARE(BackendSet::resolve(models, names, QStringLiteral("hf.co/org/model:Q4")).value(),
                 (P{QStringLiteral("gpu"), QStringLiteral("hf.co/org/model:Q4")}));

        auto ambiguous = BackendSet::resolve(models, names, QStringLiteral("llama3.2"));
        QVERIFY(!ambiguous.ok());
        QVERIFY2(ambiguous.errorMessage().contains(
                     QStringLiteral("home/llama3.2:latest, gpu/llama3.2:latest")),
                 qPrintable(ambiguous.errorMessage()));
        auto missing = BackendSet::resolve(models, names, QStringLiteral("phi4"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorMessage().contains(QStringLiteral("lyss-cli pull phi4")));
        QVERIFY(missing.errorMessage().contains(QStringLiteral("qwen3:8b")));
    }

    void oneListAcrossBackends()
    {
        test::FakeServer a;
        test::FakeServer b;
        QVERIFY(a.isRunning() && b.isRunning());
        BackendSet set(
            {backend(QStringLiteral("home"), a.url()), backend(QStringLiteral("gpu"), b.url()),
             backend(QStringLiteral("off"), b.url(), false),
             backend(QStringLiteral("down"),
                     QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort())))},
            nullptr, 30000);
        QCOMPARE(set.backends().size(), 3); // the disabled one is left out
        BackendSet::ModelList list;
        bool done = false;
        set.listModels([&](BackendSet::ModelList l) {
            list = l;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(list.errors.size(), 1);
        QVERIFY(list.errors.first().contains(QStringLiteral("Cannot reach")));
        QStringList names;
        for (const ModelInfo& m : list.models)
            names << m.displayName;
        QVERIFY(names.contains(QStringLiteral("home/llama3.2:latest")));
        QVERIFY(names.contains(QStringLiteral("gpu/llama3.2:latest")));
        QVERIFY(!names.contains(QStringLiteral("llama3.2:latest")));
    }

    // Stored keys are read when a request needs them, not when the backends are built
    // (a locked keyring must not hold up the start), once; a key the keyring cannot give
    // is named in the error of the refused request.
    void keysAreReadOnFirstUse()
    {
        test::FakeServer guarded({QStringLiteral("--api-key"), QStringLiteral("sk-good")});
        EffectiveBackend b = backend(QStringLiteral("cloud"), guarded.url(QStringLiteral("/v1")));
        b.kind = BackendKind::OpenAI;
        b.hasStoredKey = true;
        CountingSecrets secrets;
        secrets.keys.insert(backendSecretKey(QStringLiteral("cloud")), QStringLiteral("sk-good"));
        BackendSet set({b}, &secrets, 30000);
        QCOMPARE(secrets.reads, 0);
        BackendSet::ModelList list = listAll(set);
        QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.join(QLatin1Char('\n'))));
        QVERIFY(!list.models.isEmpty());
        QCOMPARE(secrets.reads, 1);
        list = listAll(set);
        QVERIFY(list.errors.isEmpty());
        QCOMPARE(secrets.reads, 1);

        secrets.keys.clear();
        set.rebuild({b}, &secrets, 30000);
        list = listAll(set);
        QCOMPARE(list.errors.size(), 1);
        QVERIFY2(list.errors.first().contains(QStringLiteral("could not be read from the keyring")),
                 qPrintable(list.errors.first()));
    }

    void backoffDelays()
    {
        ConnectionMonitor::Policy p; // 1 s doubling to 5 s, ±10 %
        QCOMPARE(ConnectionMonitor::delayForAttempt(1, p, 0.5), 1000);
        QCOMPARE(ConnectionMonitor::delayForAttempt(2, p, 0.5), 2000);
        QCOMPARE(ConnectionMonitor::delayForAttempt(3, p, 0.5), 4000);
        QCOMPARE(ConnectionMonitor::delayForAttempt(4, p, 0.5), 5000);
        QCOMPARE(ConnectionMonitor::delayForAttempt(9, p, 0.5), 5000);
        QCOMPARE(ConnectionMonitor::delayForAttempt(1, p, 0.0), 900);
        QCOMPARE(ConnectionMonitor::delayForAttempt(3, p, 0.999999), 4400);
    }

    void monitorFollowsTheServer()
    {
        const int port = test::closedPort();
        QNetworkAccessManager nam;
        OllamaBackend b(Backend::Config{QStringLiteral("ollama"),
                                        BackendKind::Ollama,
                                        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                        {},
                                        30000},
                        &nam);
        ConnectionMonitor::Policy fast{40, 160, 4, 0.1, 60000};
        ConnectionMonitor monitor(&b, fast);
        QList<ConnectionMonitor::State> states;
        connect(&monitor, &ConnectionMonitor::stateChanged, this,
                [&](ConnectionMonitor::State s, const QString&) { states << s; });
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), ConnectionMonitor::State::Failed, 20000);
        QCOMPARE(monitor.failedAttempts(), 4);
        QCOMPARE(states.first(), ConnectionMonitor::State::Disconnected);
        QVERIFY(monitor.detail().contains(QStringLiteral("Cannot reach the Ollama server")));
        // Failed stays failed, even when something else reports trouble...
        monitor.reportFailure();
        QTest::qWait(300);
        QCOMPARE(monitor.state(), ConnectionMonitor::State::Failed);

        // ...until asked again, and then it finds the server that came up meanwhile.
        test::FakeServer server({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(server.isRunning());
        monitor.retry();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), ConnectionMonitor::State::Connected, 20000);
        QCOMPARE(monitor.detail(), QStringLiteral("0.9.0-fake"));
        QCOMPARE(monitor.failedAttempts(), 0);

        // The server goes away: a failure report makes it look again at once.
        server.stop();
        monitor.reportFailure();
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), ConnectionMonitor::State::Disconnected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), ConnectionMonitor::State::Failed, 20000);
    }
};

QTEST_GUILESS_MAIN(TestBackendSet)
#include "tst_backendset.moc"
