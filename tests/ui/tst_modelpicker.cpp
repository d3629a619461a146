// SPDX-License-Identifier: GPL-3.0-or-later
// The model picker with two servers that offer one model under names that differ only by
// ":latest" (Ollama's "llama3.2:latest", an OpenAI-style server's "llama3.2"): the model
// picked is asked of the server the picker names, and the picker keeps a model Regenerate
// used, so the next message goes to it too.
#include "TestWindow.h"

#include "shell/ModelPicker.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"

#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

using namespace lyss;

class TestModelPicker : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    QStringList m_dialogs; // what any message box said (each is closed at once)
    QTimer m_closer;

    static void addSecondServer(AppContext& app, const QUrl& url)
    {
        BackendRecord second;
        second.name = QStringLiteral("second");
        second.kind = BackendKind::OpenAI;
        second.url = url;
        if (!app.backends().add(second).ok())
            qFatal("cannot add the second server");
    }

    static QString pickedServer(Window& w)
    {
        return w.picker()->currentText().section(QStringLiteral("  ·  "), -1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server =
            std::make_unique<test::FakeServer>(QStringList{QStringLiteral("--bare-openai-ids")});
        QVERIFY(m_server->isRunning());
        // A refusal is a modal message box: read and close it, so that the test goes on
        // and says what it read.
        m_closer.setInterval(50);
        connect(&m_closer, &QTimer::timeout, this, [this] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                m_dialogs << box->text();
                box->reject();
            }
        });
        m_closer.start();
    }

    void init()
    {
        m_server->reset();
        m_dialogs.clear();
    }

    void theModelIsAskedOfTheServerThePickerNames()
    {
        const QUrl v1 = m_server->url(QStringLiteral("/v1"));
        Window w(m_server->url(), [&](AppContext& app) { addSecondServer(app, v1); });
        QVERIFY(w.pickOn(QStringLiteral("second"), QStringLiteral("llama3.2")));
        w.type(QStringLiteral("hello"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.model()->rowCount() == 2 && w.last().status == MessageStatus::Complete, 10000);
        QVERIFY2(m_dialogs.isEmpty(), qPrintable(m_dialogs.join(QLatin1Char('\n'))));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));

        // The other server's model of the same name, in the same chat.
        QVERIFY(w.pickOn(QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("and again"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.model()->rowCount() == 4 && w.last().status == MessageStatus::Complete, 10000);
        QVERIFY2(m_dialogs.isEmpty(), qPrintable(m_dialogs.join(QLatin1Char('\n'))));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/api/chat"));

        // Opening the chat again shows the server it talks to.
        const QString chatId = w.window->currentChatId();
        QVERIFY(w.pickOn(QStringLiteral("second"), QStringLiteral("llama3.2")));
        w.window->newChat();
        w.window->openChat(chatId);
        QCOMPARE(pickedServer(w), QStringLiteral("ollama"));
    }

    void thePickerKeepsTheModelRegenerateUsed()
    {
        const QUrl v1 = m_server->url(QStringLiteral("/v1"));
        Window w(m_server->url(), [&](AppContext& app) { addSecondServer(app, v1); });
        QVERIFY(w.pickOn(QStringLiteral("ollama"), QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("first question"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.model()->rowCount() == 2 && w.last().status == MessageStatus::Complete, 10000);
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/api/chat"));

        QVERIFY(w.pickOn(QStringLiteral("second"), QStringLiteral("llama3.2")));
        w.window->regenerate(1);
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 2 &&
                                     w.last().status == MessageStatus::Complete &&
                                     !w.window->activeReply(w.window->currentChatId()),
                                 10000);
        QVERIFY2(m_dialogs.isEmpty(), qPrintable(m_dialogs.join(QLatin1Char('\n'))));
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(pickedServer(w), QStringLiteral("second")); // it did not snap back

        w.type(QStringLiteral("next"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.model()->rowCount() == 4 && w.last().status == MessageStatus::Complete, 10000);
        QCOMPARE(m_server->lastChatPath(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(w.last().model, QStringLiteral("llama3.2"));
    }

    void aNameTooLongIsCutWithAnEllipsis()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        auto* picker = qobject_cast<ModelPicker*>(w.picker());
        QVERIFY(picker);
        const QString full = picker->currentText();
        picker->setMinimumContentsLength(1);
        picker->setFixedWidth(picker->width() / 3);
        QTRY_VERIFY(picker->shownText().endsWith(QChar(0x2026)));
        QVERIFY(full.startsWith(picker->shownText().chopped(1)));
        picker->setFixedWidth(1000);
        QTRY_COMPARE(picker->shownText(), full);
        picker->grab(); // it paints what it says
    }
};

QTEST_MAIN(TestModelPicker)
#include "tst_modelpicker.moc"
