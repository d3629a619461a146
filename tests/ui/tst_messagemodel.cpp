// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation's model alone, over a real store: a long branch opens with its end,
// older messages come in above what is selected without moving the selection off its
// message, branches are numbered, streamed text replaces its row, and only the person's
// own chat is shown.
#include "StoreUnderTest.h"
#include "TestSupport.h"

#include "conversation/MessageModel.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestMessageModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreUnderTest> m_under;
    QString m_chatId;
    QStringList m_ids; // the branch shown, root first
    // Two windows of messages and 50 more; the message at kBranch (in the first window
    // the chat opens with) has a sibling.
    static constexpr int kMessages = 2 * MessageModel::kWindow + 50;
    static constexpr int kBranch = kMessages - MessageModel::kWindow + 51;
    static_assert(MessageModel::kWindow > 51, "kBranch is in the first window");
    QString m_otherBranch;

private Q_SLOTS:
    // kMessages messages on one branch, and a second reply to the message before kBranch
    // (an older sibling of the one shown).
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto under = StoreUnderTest::open(m_dir.path());
        QVERIFY2(under.ok(), qPrintable(under.errorMessage()));
        m_under = std::move(under).value();
        ChatStore& store = m_under->store();
        auto chat = store.chats().createChat({.title = QStringLiteral("Long")});
        QVERIFY(chat.ok());
        m_chatId = chat->id;
        Transaction tx(m_under->source());
        QString parent;
        for (int i = 0; i < kMessages; ++i) {
            if (i == kBranch) {
                auto other = store.messages().addMessage({.chatId = m_chatId,
                                                          .parentId = parent,
                                                          .role = Role::Assistant,
                                                          .content = QStringLiteral("other")});
                QVERIFY(other.ok());
                m_otherBranch = other->id;
            }
            auto m = store.messages().addMessage({.chatId = m_chatId,
                                                  .parentId = parent,
                                                  .role = i % 2 ? Role::Assistant : Role::User,
                                                  .content = QStringLiteral("m%1").arg(i)});
            QVERIFY(m.ok());
            parent = m->id;
            m_ids << m->id;
        }
        QVERIFY(tx.commit().ok());
    }

    void cleanupTestCase() { m_under.reset(); }

    void loadsOlderAboveTheSelection()
    {
        MessageModel model;
        QVERIFY(model.loadBranch(m_under->store().messages(), m_chatId));
        constexpr int w = MessageModel::kWindow;
        QCOMPARE(model.rowCount(), w);
        QCOMPARE(model.at(0).id, m_ids.at(w + 50));
        QCOMPARE(model.parentId(0), m_ids.at(w + 49));
        QCOMPARE(model.at(model.rowCount() - 1).content, QStringLiteral("m%1").arg(kMessages - 1));
        QVERIFY(model.hasOlder());

        QItemSelectionModel selection(&model);
        selection.select(model.index(5), QItemSelectionModel::ClearAndSelect);
        const QPersistentModelIndex selected(model.index(5));
        QCOMPARE(model.at(selected.row()).id, m_ids.at(w + 55));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(model.loadOlder());
        QCOMPARE(model.rowCount(), 2 * w);
        QCOMPARE(reset.size(), 0); // rows inserted above, not the model rebuilt
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), w - 1);
        QCOMPARE(selected.row(), w + 5);
        QCOMPARE(model.at(selected.row()).id, m_ids.at(w + 55));
        QCOMPARE(selection.selectedRows(), QModelIndexList{model.index(w + 5)});
        QCOMPARE(model.at(0).id, m_ids.at(50));
        // Message kBranch has a sibling: it is numbered where it now shows.
        const int branchRow = model.rowOf(m_ids.at(kBranch));
        QVERIFY(branchRow >= 0);
        QCOMPARE(model.siblingPosition(branchRow), qMakePair(2, 2));
        QCOMPARE(model.siblingAt(branchRow, -1), m_otherBranch);

        QVERIFY(model.loadOlder());
        QCOMPARE(model.rowCount(), kMessages);
        QVERIFY(!model.hasOlder());
        QCOMPARE(model.at(0).content, QStringLiteral("m0"));
        QCOMPARE(model.parentId(0), QString());
        QCOMPARE(model.at(selected.row()).id, m_ids.at(w + 55));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.at(row).id, m_ids.at(row));
        QVERIFY(!model.loadOlder()); // nothing more: no change
        QCOMPARE(model.rowCount(), kMessages);
    }

    void streamedTextReplacesItsRow()
    {
        MessageModel model;
        QVERIFY(model.loadBranch(m_under->store().messages(), m_chatId, 10));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        Message reply{.id = QStringLiteral("streaming"),
                      .chatId = m_chatId,
                      .parentId = m_ids.last(),
                      .role = Role::Assistant,
                      .content = QStringLiteral("Hel"),
                      .status = MessageStatus::Streaming};
        model.upsert(reply);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(inserted.size(), 1);
        const int revision = model.revision(10);
        reply.content = QStringLiteral("Hello");
        model.upsert(reply);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.at(10).content, QStringLiteral("Hello"));
        QVERIFY(model.revision(10) != revision); // a cached layout of it is stale
    }

    void anotherPersonSeesNothing()
    {
        QVERIFY(m_under
                    ->exec(QStringLiteral("INSERT INTO users (id, name, created_at) VALUES "
                                          "('stranger', 'Stranger', 1)"))
                    .ok());
        ChatStore stranger(m_under->source(), QStringLiteral("stranger"));
        MessageModel model;
        QVERIFY(model.loadBranch(stranger.messages(), m_chatId));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasOlder());
    }
};

QTEST_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
