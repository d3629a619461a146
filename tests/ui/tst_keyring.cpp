// SPDX-License-Identifier: GPL-3.0-or-later
// A keyring that never answers (locked, waiting for a password nobody types): the window
// still repaints and takes input while a server's key is being read, nothing reads the
// keyring by waiting on the window's thread, and a message to that server fails after
// the keyring's time limit with words that say why.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/ApiKey.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/Composer.h"
#include "secrets/SecretStore.h"
#include "shell/MainWindow.h"
#include "store/BackendRepository.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace lyss;

namespace {

// Takes every read and answers none: a read that waits waits for the whole limit, as a
// locked keyring would, and is counted.
class SilentKeyring : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString&) override
    {
        ++waitingReads;
        QThread::msleep(static_cast<unsigned long>(answerWithinMs()));
        return Error{QStringLiteral("the keyring did not answer")};
    }
    void readAsync(const QString&, ReadDone) override { ++asked; }
    Status write(const QString&, const QString&) override { return {}; }
    Status remove(const QString&) override { return {}; }
    int answerWithinMs() const override { return 1500; }

    int waitingReads = 0;
    int asked = 0;
};

// Answers `ms` after it is asked, from the event loop.
class SlowKeyring : public SecretStore {
public:
    explicit SlowKeyring(int ms)
        : m_ms(ms)
    {
    }
    Result<std::optional<QString>> read(const QString&) override
    {
        return std::optional<QString>(QStringLiteral("sk-right"));
    }
    void readAsync(const QString&, ReadDone done) override
    {
        QTimer::singleShot(m_ms,
                           [done] { done(std::optional<QString>(QStringLiteral("sk-right"))); });
    }
    Status write(const QString&, const QString&) override { return {}; }
    Status remove(const QString&) override { return {}; }
    int answerWithinMs() const override { return 100; }

private:
    int m_ms;
};

} // namespace

class TestKeyring : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aKeyringUnlockedLateServesTheNextRequests()
    {
        SlowKeyring keyring(400);
        ApiKey key(&keyring, QStringLiteral("backend/x/api-key"));
        QObject context;
        bool ready = false;
        key.whenRead(&context, [&] { ready = true; });
        QCOMPARE(key.value(), QString()); // asked meanwhile: nothing, and no wait
        QCOMPARE(key.problem(), QStringLiteral("the keyring has not answered yet"));
        QTRY_VERIFY_WITH_TIMEOUT(ready, 2000); // the limit passed
        QVERIFY(key.problem().contains(QStringLiteral("did not answer")));
        QTRY_COMPARE_WITH_TIMEOUT(key.value(), QStringLiteral("sk-right"), 2000);
        QCOMPARE(key.problem(), QString());
    }

    void aSilentKeyringHoldsNothingUp()
    {
        test::FakeServer server({QStringLiteral("--api-key"), QStringLiteral("sk-right")});
        QVERIFY(server.isRunning());
        QTemporaryDir dir;
        auto keyring = std::make_shared<SilentKeyring>();
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"),
                     QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
        o.secrets = keyring;
        auto app = std::move(AppContext::open(o)).value();
        BackendRecord locked;
        locked.name = QStringLiteral("locked");
        locked.kind = BackendKind::OpenAI;
        locked.url = server.url(QStringLiteral("/v1"));
        locked.hasKey = true;
        QVERIFY(app->backends().add(locked).ok());
        BackendSet backends(*app->effectiveBackends(), keyring.get(), 30000);
        Conversations conversations(app->store(), app->settings(), backends);
        MainWindow window(*app, backends, conversations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // While the key is asked for: a timer keeps its time, typing reaches the composer.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
        tick.start(20);
        auto* composer = window.findChild<Composer*>(QStringLiteral("composer"));
        composer->setFocus();
        QElapsedTimer clock;
        clock.start();
        QTest::keyClicks(composer, QStringLiteral("still here"));
        QTest::qWait(500);
        QVERIFY(keyring->asked >= 1);
        QCOMPARE(composer->toPlainText(), QStringLiteral("still here"));
        QVERIFY2(ticks >= 500 / 20 / 2, qPrintable(QString::number(ticks)));
        QVERIFY(clock.elapsed() < 1500); // none of it waited for the keyring

        // A message to that server: prepared, then sent once the keyring's limit passes,
        // without the key; the server's refusal says why there was none.
        Conversations::Send s;
        s.prompt = QStringLiteral("hello");
        s.model = {QStringLiteral("locked"), QStringLiteral("llama3.2:latest")};
        auto reply = conversations.send(s);
        QVERIFY2(reply.ok(), qPrintable(reply.errorMessage()));
        QSignalSpy finished(*reply, &ActiveReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE((*reply)->message().status, MessageStatus::Error);
        QVERIFY2((*reply)->message().error.contains(QStringLiteral("keyring did not answer")),
                 qPrintable((*reply)->message().error));
        QCOMPARE(keyring->waitingReads, 0);
    }
};

QTEST_MAIN(TestKeyring)
#include "tst_keyring.moc"
