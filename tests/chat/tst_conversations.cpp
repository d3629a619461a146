// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation rules both front ends use, against two real servers that offer models
// of the same names (the fake Ollama at its /api and its OpenAI side at /v1) and a real
// database: the server picked is the one asked and remembered, Regenerate's model is the
// chat's from then on, and nothing is sent or stored while a reply streams into the chat.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "config/Settings.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestConversations : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppContext> m_app;
    std::unique_ptr<BackendSet> m_backends;
    std::unique_ptr<Conversations> m_conversations;

    const ModelChoice onOllama{QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")};
    const ModelChoice onSecond{QStringLiteral("second"), QStringLiteral("llama3.2:latest")};

    static bool finish(ActiveReply* reply)
    {
        if (reply->isFinished())
            return true;
        QSignalSpy spy(reply, &ActiveReply::finished);
        return spy.wait(30000);
    }

    Chat chat(const QString& id) { return **m_app->store().chats().chat(id); }

    ActiveReply* send(const QString& prompt, const ModelChoice& model, const QString& chatId = {})
    {
        Conversations::Send s;
        s.chatId = chatId;
        s.prompt = prompt;
        s.model = model;
        auto r = m_conversations->send(s);
        if (!r)
            qFatal("send failed: %s", qPrintable(r.errorMessage()));
        return *r;
    }

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
        BackendRecord second;
        second.name = QStringLiteral("second");
        second.kind = BackendKind::OpenAI;
        second.url = m_server->url(QStringLiteral("/v1"));
        QVERIFY(m_app->backends().add(second).ok());
        m_backends = std::make_unique<BackendSet>(*m_app->effectiveBackends(), nullptr, 30000);
        QCOMPARE(m_backends->backends().size(), 2);
        m_conversations =
            std::make_unique<Conversations>(m_app->store(), m_app->settings(), *m_backends);
    }

    void cleanup()
    {
        m_conversations.reset();
        m_backends.reset();
        m_app.reset();
        m_dir.reset();
    }

    void thePickedServerIsAskedAndRemembered()
    {
        ActiveReply* first = send(QStringLiteral("hello"), onSecond);
        QVERIFY(finish(first));
        QCOMPARE(first->message().status, MessageStatus::Complete);
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));
        const QString chatId = first->chatId();
        QCOMPARE(chat(chatId).backend, QStringLiteral("second"));
        QCOMPARE(chat(chatId).model, QStringLiteral("llama3.2:latest"));

        // The same model name on the other server: that server, and the chat follows.
        ActiveReply* next = send(QStringLiteral("and you?"), onOllama, chatId);
        QVERIFY(finish(next));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/api/chat"));
        QCOMPARE(chat(chatId).backend, QStringLiteral("ollama"));
    }

    void regenerateMakesItsModelTheChats()
    {
        ActiveReply* first = send(QStringLiteral("hello"), onOllama);
        QVERIFY(finish(first));
        const QString chatId = first->chatId();
        auto again = m_conversations->regenerate(chatId, first->messageId(), onSecond);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(finish(*again));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE((*again)->message().parentId, first->message().parentId); // a sibling
        const Chat c = chat(chatId);
        QCOMPARE(c.backend, QStringLiteral("second"));
        auto remembered =
            ModelChoice::rememberedBy(c, {}, {QStringLiteral("ollama"), QStringLiteral("second")});
        QVERIFY(remembered.ok());
        QCOMPARE(*remembered, onSecond);

        // Only a reply of this chat can be redone.
        QVERIFY(!m_conversations->regenerate(chatId, first->message().parentId, onSecond).ok());
        QVERIFY(
            !m_conversations->regenerate(QStringLiteral("elsewhere"), first->messageId(), onSecond)
                 .ok());
    }

    void nothingHappensInAChatWhileItsReplyStreams()
    {
        ActiveReply* slow =
            send(QStringLiteral("go"), {QStringLiteral("ollama"), QStringLiteral("slow")});
        const QString chatId = slow->chatId();
        QCOMPARE(m_conversations->replyIn(chatId), slow);
        QVERIFY(m_conversations->anyStreaming());
        const auto before = m_app->store().messages().messageCount(chatId);
        QVERIFY(before.ok());

        Conversations::Send s{chatId, QStringLiteral("more"), onOllama, std::nullopt, {}};
        auto refused = m_conversations->send(s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("still coming")),
                 qPrintable(refused.errorMessage()));
        QVERIFY(!m_conversations->regenerate(chatId, slow->messageId(), onOllama).ok());
        QVERIFY(!m_conversations->deleteMessage(chatId, slow->messageId()).ok());
        QCOMPARE(*m_app->store().messages().messageCount(chatId), *before);

        // Another chat is not held up.
        ActiveReply* other = send(QStringLiteral("elsewhere"), onOllama);
        QVERIFY(other->chatId() != chatId);
        QVERIFY(finish(other));

        QSignalSpy ended(slow, &ActiveReply::finished);
        m_conversations->stop(chatId);
        QVERIFY(ended.count() == 1 || ended.wait(10000));
        QCOMPARE(m_conversations->replyIn(chatId), nullptr);
        QCOMPARE(slow->message().status, MessageStatus::Cancelled);
        QVERIFY(!m_conversations->anyStreaming());
        QVERIFY(m_conversations->deleteMessage(chatId, slow->messageId()).ok());
    }

    void aServerThatIsGoneIsNamed()
    {
        const QString before = QString::number(m_server->requests().size());
        Conversations::Send s;
        s.prompt = QStringLiteral("hello");
        s.model = {QStringLiteral("gone"), QStringLiteral("llama3.2:latest")};
        auto refused = m_conversations->send(s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("\"gone\"")),
                 qPrintable(refused.errorMessage()));
        QCOMPARE(QString::number(m_server->requests().size()), before); // nothing sent
        auto chats = m_app->store().chats().listChats();
        QVERIFY(chats.ok());
        QCOMPARE(chats->size(), 0); // nothing stored
        s.model = {};
        QVERIFY(!m_conversations->send(s).ok());
    }

    void aRememberedModelIsFoundByNameWhenItsServerIsGone()
    {
        const QList<ModelInfo> models{
            {.name = QStringLiteral("llama3.2:latest"), .backendName = QStringLiteral("ollama")},
            {.name = QStringLiteral("mistral:latest"), .backendName = QStringLiteral("second")}};
        const QStringList servers{QStringLiteral("ollama"), QStringLiteral("second")};
        Chat c;
        c.model = QStringLiteral("mistral:latest");
        c.backend = QStringLiteral("renamed");
        auto found = ModelChoice::rememberedBy(c, models, servers);
        QVERIFY(found.ok());
        QCOMPARE(found->backend, QStringLiteral("second"));
        c.backend.clear(); // a chat from before Lyss remembered the server
        QCOMPARE(ModelChoice::rememberedBy(c, models, servers)->backend, QStringLiteral("second"));
        c.backend = QStringLiteral("ollama"); // a configured server has the last word
        QCOMPARE(*ModelChoice::rememberedBy(c, models, servers),
                 (ModelChoice{QStringLiteral("ollama"), QStringLiteral("mistral:latest")}));
        c.model.clear();
        QVERIFY(ModelChoice::rememberedBy(c, models, servers)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversations)
#include "tst_conversations.moc"
