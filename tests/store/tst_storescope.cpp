// SPDX-License-Identifier: GPL-3.0-or-later
// The store's seams and its people, against the interface (StoreUnderTest): an import
// and a chat written message by message keep the same fields (one row binding), units of
// work nest and roll back their own part, and two people in one database neither read
// nor change each other's chats, messages, drafts, search results or personal settings.
#include "StoreUnderTest.h"
#include "TestSupport.h"

#include "config/Settings.h"
#include "store/ChatBulkWriter.h"
#include "store/ConfigRepository.h"
#include "store/LocalUser.h"
#include "store/Transaction.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestStoreScope : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreUnderTest> m_under;
    ChatStore* m_store = nullptr;

    Message add(const QString& chatId, const QString& parentId, Role role, const QString& content)
    {
        auto added = m_store->messages().addMessage(
            {.chatId = chatId, .parentId = parentId, .role = role, .content = content});
        if (!added.ok())
            qFatal("addMessage failed: %s", qPrintable(added.errorMessage()));
        return *added;
    }

    void exec(const QString& sql)
    {
        const Status st = m_under->exec(sql);
        QVERIFY2(st.ok(), qPrintable(st.errorMessage()));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_under.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("lyss.db")));
        auto under = StoreUnderTest::open(m_dir.path());
        QVERIFY2(under.ok(), qPrintable(under.errorMessage()));
        m_under = std::move(under).value();
        m_store = &m_under->store();
    }

    void cleanup()
    {
        m_store = nullptr;
        m_under.reset();
        for (const char* file : {"lyss.db", "lyss.db-wal", "lyss.db-shm"})
            QFile::remove(m_dir.filePath(QString::fromLatin1(file)));
    }

    // An import (ChatBulkWriter) and a chat written one message at a time store every field
    // the same way: they share one row binding, so a field added to Chat or Message cannot be
    // kept by one and dropped by the other.
    void importedAndWrittenChatsKeepTheSameFields()
    {
        Chat chat{.title = QStringLiteral("Every field — 全部"),
                  .model = QStringLiteral("qwen2.5:7b"),
                  .backend = QStringLiteral("lab server"),
                  .params = QJsonObject{{QStringLiteral("temperature"), 0.25}},
                  .pinned = true,
                  .archived = true,
                  .createdAt = 1000,
                  .updatedAt = 2000,
                  .tags = {QStringLiteral("work"), QStringLiteral("日本")},
                  .source = QStringLiteral("open-webui"),
                  .sourceId = QStringLiteral("owui-1")};
        Message message{.role = Role::Assistant,
                        .content = QStringLiteral("Answer 😀"),
                        .thinking = QStringLiteral("Reasoning"),
                        .model = QStringLiteral("qwen2.5:7b"),
                        .status = MessageStatus::Interrupted,
                        .error = QStringLiteral("Cut off"),
                        .metrics = QJsonObject{{QStringLiteral("eval_count"), 7}},
                        .createdAt = 1500,
                        .updatedAt = 1600};

        Chat written = chat;
        written.id = QStringLiteral("written");
        QVERIFY(m_store->chats().createChat(written).ok());
        Message writtenMessage = message;
        writtenMessage.id = QStringLiteral("written-1");
        writtenMessage.chatId = written.id;
        QVERIFY(m_store->messages().addMessage(writtenMessage).ok());

        Chat imported = chat;
        imported.id = QStringLiteral("imported");
        imported.sourceId = QStringLiteral("owui-2");
        Message importedMessage = message;
        importedMessage.id = QStringLiteral("imported-1");
        importedMessage.chatId = imported.id;
        {
            Transaction tx(m_under->source());
            ChatBulkWriter writer(m_under->source(), localUserId());
            QVERIFY(writer.begin().ok());
            QVERIFY(writer.insertChat(imported).ok());
            QVERIFY(writer.insertMessage(importedMessage).ok());
            QVERIFY(writer.setCurrentLeaf(imported.id, importedMessage.id).ok());
            QVERIFY(writer.finish().ok());
            QVERIFY(tx.commit().ok());
        }

        const Chat a = m_store->chats().chat(written.id).value().value();
        const Chat b = m_store->chats().chat(imported.id).value().value();
        for (const Chat* c : {&a, &b}) {
            QCOMPARE(c->title, chat.title);
            QCOMPARE(c->userId, QStringLiteral("local"));
            QCOMPARE(c->model, chat.model);
            QCOMPARE(c->backend, chat.backend);
            QCOMPARE(c->params, chat.params);
            QCOMPARE(c->pinned, true);
            QCOMPARE(c->archived, true);
            QCOMPARE(c->createdAt, chat.createdAt);
            QCOMPARE(c->tags, chat.tags);
            QCOMPARE(c->source, chat.source);
        }
        QCOMPARE(a.currentLeafId, writtenMessage.id);
        QCOMPARE(b.currentLeafId, importedMessage.id);
        const Message x = m_store->messages().message(writtenMessage.id).value().value();
        const Message y = m_store->messages().message(importedMessage.id).value().value();
        for (const Message* m : {&x, &y}) {
            QCOMPARE(m->role, message.role);
            QCOMPARE(m->content, message.content);
            QCOMPARE(m->thinking, message.thinking);
            QCOMPARE(m->model, message.model);
            QCOMPARE(m->status, message.status);
            QCOMPARE(m->error, message.error);
            QCOMPARE(m->metrics, message.metrics);
            QCOMPARE(m->createdAt, message.createdAt);
            QCOMPARE(m->updatedAt, message.updatedAt);
        }
    }

    // A unit of work: repository calls made inside a transaction join it, and savepoints
    // inside it undo only their own part.
    void transactionsNestAndRollBackTheirOwnPart()
    {
        {
            Transaction outer(m_under->source());
            QVERIFY(outer.status().ok());
            auto kept = m_store->chats().createChat({.id = QStringLiteral("kept")});
            QVERIFY(kept.ok());
            {
                Transaction inner(m_under->source());
                QVERIFY(inner.status().ok());
                QVERIFY(m_store->chats().createChat({.id = QStringLiteral("undone")}).ok());
                add(QStringLiteral("kept"), {}, Role::User, QStringLiteral("undone too"));
                inner.rollback();
            }
            {
                Transaction inner(m_under->source());
                QVERIFY(m_store->chats().createChat({.id = QStringLiteral("released")}).ok());
                QVERIFY(inner.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        QVERIFY(m_store->chats().chat(QStringLiteral("kept"))->has_value());
        QVERIFY(!m_store->chats().chat(QStringLiteral("undone"))->has_value());
        QVERIFY(m_store->chats().chat(QStringLiteral("released"))->has_value());
        QCOMPARE(*m_store->messages().messageCount(QStringLiteral("kept")), 0);
        QVERIFY(m_store->chats().chat(QStringLiteral("kept")).value()->currentLeafId.isEmpty());

        // The outer one rolled back takes its committed savepoints with it, and the
        // repository's own transactions (addMessage's) inside it.
        {
            Transaction outer(m_under->source());
            {
                Transaction inner(m_under->source());
                QVERIFY(m_store->chats().createChat({.id = QStringLiteral("gone")}).ok());
                QVERIFY(inner.commit().ok());
            }
            add(QStringLiteral("gone"), {}, Role::User, QStringLiteral("gone too"));
            QVERIFY(m_store->chats().deleteChat(QStringLiteral("kept")).ok());
        }
        QVERIFY(!m_store->chats().chat(QStringLiteral("gone"))->has_value());
        QVERIFY(m_store->chats().chat(QStringLiteral("kept"))->has_value());
        QVERIFY(m_store->search().search(QStringLiteral("gone")).value().isEmpty());

        // A finished transaction says so instead of committing twice.
        Transaction once(m_under->source());
        QVERIFY(once.commit().ok());
        QVERIFY(!once.commit().ok());
    }

    // Two people in one database: through the repositories neither reads nor changes the
    // other's chats, messages, drafts, search results or personal settings; the
    // installation's settings are everyone's.
    void twoPeopleSeeOnlyTheirOwn()
    {
        exec(QStringLiteral("INSERT INTO users (id, name, role, created_at) VALUES "
                            "('alice', 'Alice', 'user', 1), ('bob', 'Bob', 'user', 1)"));
        ChatStore alice(m_under->source(), QStringLiteral("alice"));
        ChatStore bob(m_under->source(), QStringLiteral("bob"));
        auto chat = alice.chats().createChat(
            {.id = QStringLiteral("alice-chat-1"), .title = QStringLiteral("Alice's plans")});
        QVERIFY(chat.ok());
        QCOMPARE(chat->userId, QStringLiteral("alice"));
        auto question = alice.messages().addMessage(
            {.chatId = chat->id, .role = Role::User, .content = QStringLiteral("wombat secret")});
        QVERIFY(question.ok());
        auto reply = alice.messages().addMessage({.chatId = chat->id,
                                                  .parentId = question->id,
                                                  .role = Role::Assistant,
                                                  .content = QStringLiteral("kept wombat")});
        QVERIFY(reply.ok());
        auto second = alice.messages().addMessage({.chatId = chat->id,
                                                   .parentId = question->id,
                                                   .role = Role::Assistant,
                                                   .content = QStringLiteral("other branch")});
        QVERIFY(second.ok());
        QVERIFY(alice.drafts().saveDraft(chat->id, QStringLiteral("alice's draft")).ok());
        QVERIFY(alice.drafts().saveDraft({}, QStringLiteral("alice's new chat")).ok());
        QVERIFY(bob.drafts().saveDraft({}, QStringLiteral("bob's new chat")).ok());

        // Bob reads nothing of it.
        QVERIFY(bob.chats().listChats(true)->isEmpty());
        QVERIFY(!bob.chats().chat(chat->id)->has_value());
        auto prefix = bob.chats().resolveChatId(QStringLiteral("alice-chat"));
        QCOMPARE(prefix.errorCode(), ErrorCode::NotFound);
        QVERIFY(!bob.messages().message(question->id)->has_value());
        QVERIFY(bob.messages().currentBranch(chat->id)->isEmpty());
        QVERIFY(bob.messages().pathTo(reply->id)->isEmpty());
        QVERIFY(bob.messages().allMessages(chat->id)->isEmpty());
        QCOMPARE(*bob.messages().messageCount(chat->id), 0);
        QVERIFY(bob.messages().siblings(chat->id)->isEmpty());
        QVERIFY(bob.messages().siblingsUnder(chat->id, {question->id})->isEmpty());
        QVERIFY(bob.search().search(QStringLiteral("wombat"))->isEmpty());
        QCOMPARE(*bob.drafts().draft(chat->id), QString());
        QCOMPARE(*bob.drafts().draft({}), QStringLiteral("bob's new chat"));

        // Nor changes it.
        QCOMPARE(bob.chats().renameChat(chat->id, QStringLiteral("mine")).errorCode(),
                 ErrorCode::NotFound);
        QCOMPARE(bob.chats().setPinned(chat->id, true).errorCode(), ErrorCode::NotFound);
        QCOMPARE(bob.chats().setChatModel(chat->id, {}, QStringLiteral("m")).errorCode(),
                 ErrorCode::NotFound);
        QCOMPARE(bob.chats().deleteChat(chat->id).errorCode(), ErrorCode::NotFound);
        QCOMPARE(bob.messages().setCurrentLeaf(chat->id, question->id).errorCode(),
                 ErrorCode::NotFound);
        QCOMPARE(bob.messages().deleteMessage(question->id).errorCode(), ErrorCode::NotFound);
        auto intruder = bob.messages().addMessage(
            {.chatId = chat->id, .parentId = reply->id, .content = QStringLiteral("hi")});
        QCOMPARE(intruder.errorCode(), ErrorCode::NotFound);
        QVERIFY(bob.messages()
                    .checkpointMessage(reply->id, QStringLiteral("overwritten"), {})
                    .ok()); // nothing to save: no error, nothing changed
        QVERIFY(
            bob.messages()
                .finishMessage(
                    {.id = reply->id, .chatId = chat->id, .content = QStringLiteral("overwritten")})
                .ok());

        // Nor hangs his messages under hers, from a chat of his own: a path up from a
        // message never leaves its chat.
        auto bobs = bob.chats().createChat({.title = QStringLiteral("Bob's")});
        QVERIFY(bobs.ok());
        auto grafted = bob.messages().addMessage(
            {.chatId = bobs->id, .parentId = reply->id, .content = QStringLiteral("graft")});
        QCOMPARE(grafted.errorCode(), ErrorCode::InvalidInput);
        QCOMPARE(*bob.messages().messageCount(bobs->id), 0);
        auto own = alice.chats().createChat({.title = QStringLiteral("Alice's other")});
        QCOMPARE(
            alice.messages().addMessage({.chatId = own->id, .parentId = reply->id}).errorCode(),
            ErrorCode::InvalidInput); // not even between one person's chats
        // A draft Bob keeps under the id of her chat is his: her deleting it keeps it.
        QVERIFY(bob.drafts().saveDraft(chat->id, QStringLiteral("bob's note")).ok());

        // Alice has all of it, unchanged.
        QCOMPARE(alice.chats().listChats()->size(), 2); // hers and "Alice's other"
        QCOMPARE(alice.chats().chat(chat->id).value()->title, QStringLiteral("Alice's plans"));
        QVERIFY(!alice.chats().chat(chat->id).value()->pinned);
        QCOMPARE(*alice.messages().messageCount(chat->id), 3);
        QCOMPARE(alice.messages().message(reply->id).value()->content,
                 QStringLiteral("kept wombat"));
        QCOMPARE(alice.chats().chat(chat->id).value()->currentLeafId, second->id);
        QCOMPARE(alice.messages().siblings(chat->id)->value(question->id).size(), 2);
        QCOMPARE(alice.search().search(QStringLiteral("wombat"))->size(), 2);
        QCOMPARE(*alice.drafts().draft(chat->id), QStringLiteral("alice's draft"));
        QCOMPARE(*alice.drafts().draft({}), QStringLiteral("alice's new chat"));
        QVERIFY(alice.chats().deleteChat(own->id).ok());
        QCOMPARE(alice.chats().deleteChat(own->id).errorCode(), ErrorCode::NotFound);
        QVERIFY(alice.chats().deleteChat(chat->id).ok());
        QCOMPARE(*bob.drafts().draft(chat->id), QStringLiteral("bob's note"));
        QCOMPARE(*alice.drafts().draft(chat->id), QString());

        // Settings: the personal ones are each person's, the installation's everyone's.
        ConfigRepository installation(m_under->source());
        ConfigRepository aliceConfig(m_under->source(), QStringLiteral("alice"));
        ConfigRepository bobConfig(m_under->source(), QStringLiteral("bob"));
        Settings aliceSettings(installation, aliceConfig, QProcessEnvironment());
        Settings bobSettings(installation, bobConfig, QProcessEnvironment());
        QSignalSpy changed(&aliceSettings, &Settings::changed);
        QVERIFY(aliceSettings.set(SettingKey::Theme, QStringLiteral("dark")).ok());
        QVERIFY(aliceSettings.set(SettingKey::SystemPrompt, QStringLiteral("Be brief")).ok());
        QVERIFY(aliceSettings.set(SettingKey::IdleTimeoutSeconds, 30).ok());
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.first().first().value<SettingKey>(), SettingKey::Theme);
        QCOMPARE(bobSettings.text(SettingKey::Theme), QStringLiteral("system"));
        QCOMPARE(bobSettings.text(SettingKey::SystemPrompt), QString());
        QCOMPARE(bobSettings.number(SettingKey::IdleTimeoutSeconds), 30.0);
        QCOMPARE(aliceSettings.text(SettingKey::Theme), QStringLiteral("dark"));
    }
};

QTEST_GUILESS_MAIN(TestStoreScope)
#include "tst_storescope.moc"
