// SPDX-License-Identifier: GPL-3.0-or-later
// The window while a request passes through slow stages: the message and the reply
// coming (its dots) are shown at once, from memory, with Stop; Esc stops it at once; a refusal
// is shown under the message, which is kept.
#include "TestStages.h"
#include "TestWindow.h"

#include "store/ChatStore.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace lyss;
using namespace lyss::test;

class TestPreparing : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void aPreparedReplyIsShownFromTheFirstMoment()
    {
        Window w(m_server->url());
        w.conversations->setStages({std::make_shared<Slow>(400)});
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        w.type(QStringLiteral("hello"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        // Nothing is stored yet, but the window shows the message and a reply coming.
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.model()->at(0).content, QStringLiteral("hello"));
        QCOMPARE(w.last().status, MessageStatus::Streaming);
        QCOMPARE(send->text(), QStringLiteral("Stop"));
        QCOMPARE(w.app->store().chats().listChats()->size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: hello"));
        QCOMPARE(send->text(), QStringLiteral("Send"));
        QCOMPARE(w.app->store().chats().listChats()->size(), 1);

        // The next one in the same chat: shown below at once, Esc stops it at once.
        w.conversations->setStages({std::make_shared<Slow>(3000)});
        w.type(QStringLiteral("and then?"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QCOMPARE(w.model()->rowCount(), 4);
        QCOMPARE(w.model()->at(2).content, QStringLiteral("and then?"));
        QTest::keyClick(w.composer(), Qt::Key_Escape);
        QCOMPARE(w.last().status, MessageStatus::Cancelled);
        QCOMPARE(send->text(), QStringLiteral("Send"));
        auto branch = w.app->store().messages().currentBranch(w.window->currentChatId());
        QVERIFY(branch.ok());
        QCOMPARE(branch->size(), 4);
        QCOMPARE(branch->at(2).content, QStringLiteral("and then?"));
    }

    void aRefusalIsShownUnderTheMessage()
    {
        Window w(m_server->url());
        w.conversations->setStages({std::make_shared<Refuser>()});
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("may I?"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 5000);
        QCOMPARE(w.model()->at(0).content, QStringLiteral("may I?"));
        QCOMPARE(w.last().status, MessageStatus::Error);
        QCOMPARE(w.last().error,
                 QStringLiteral("The filter Guard refused: no questions on Mondays."));
        QCOMPARE(w.window->findChild<QPushButton*>(QStringLiteral("sendButton"))->text(),
                 QStringLiteral("Send"));
    }
};

QTEST_MAIN(TestPreparing)
#include "tst_preparing.moc"
