// SPDX-License-Identifier: GPL-3.0-or-later
// The window's first start: with no server answering, the page says in two lines what is
// wrong and offers the fix in place (the command that starts Ollama, or a server added right
// there); with a server that has no models, a model downloaded right on the page.
#include "TestWindow.h"

#include "store/BackendRepository.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

using namespace lyss;

class TestFirstStart : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void noServerExplainsWhatToDo()
    {
        const int port = test::closedPort();
        Window w(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto* stack = w.window->findChild<QStackedWidget*>();
        auto* text = w.window->findChild<QLabel*>(QStringLiteral("emptyText"));
        auto* fix = w.window->findChild<QWidget*>(QStringLiteral("serverFix"));
        QTRY_VERIFY_WITH_TIMEOUT(fix->isVisible(), 10000);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
        // In two lines what is wrong (the title, where Lyss looked), then the fix in place:
        // the command that starts Ollama, and a form to add a server; no CLI to go to.
        QCOMPARE(text->text(),
                 QStringLiteral("Lyss asked ollama at http://127.0.0.1:%1.").arg(port));
        QCOMPARE(w.window->findChild<QLabel*>(QStringLiteral("startCommand"))->text(),
                 QStringLiteral("ollama serve"));
        QVERIFY(w.window->findChild<QWidget*>(QStringLiteral("newServerUrl"))->isVisible());
        for (QLabel* label : stack->currentWidget()->findChildren<QLabel*>())
            QVERIFY2(!label->text().contains(QStringLiteral("lyss-cli")),
                     qPrintable(label->text()));
        auto* retry = w.window->findChild<QPushButton*>(QStringLiteral("retryButton"));
        QVERIFY(retry && retry->isVisible());

        // The server comes up; Retry finds it and the models.
        test::FakeServer late({QStringLiteral("--port"), QString::number(port)});
        QTest::mouseClick(w.window->findChild<QPushButton*>(QStringLiteral("retryButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!fix->isVisible(), 10000);
        // Welcomed, with nothing to retry.
        QVERIFY(text->text().contains(QStringLiteral("Ask anything")));
        QVERIFY(!retry->isVisible());
    }

    // With no server answering, one added right on the page is taken up at once; an
    // address that is not one is refused there, in words, and nothing is added.
    void aServerAddedOnTheFirstStartPage()
    {
        const int port = test::closedPort();
        Window w(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto* fix = w.window->findChild<QWidget*>(QStringLiteral("serverFix"));
        QTRY_VERIFY_WITH_TIMEOUT(fix->isVisible(), 10000);
        auto* url = w.window->findChild<QLineEdit*>(QStringLiteral("newServerUrl"));
        auto* add = w.window->findChild<QPushButton*>(QStringLiteral("addServerButton"));
        auto* result = w.window->findChild<QLabel*>(QStringLiteral("addServerResult"));
        QTest::keyClicks(url, QStringLiteral("localhost:80x"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(result->isVisible());
        QVERIFY2(!result->text().isEmpty() && !result->text().startsWith(QStringLiteral("Added")),
                 qPrintable(result->text()));
        QVERIFY(w.app->backends().list()->isEmpty());
        url->clear();
        QTest::keyClicks(url, m_server->url().toString());
        QTest::keyClick(url, Qt::Key_Return);
        QVERIFY2(result->text().startsWith(QStringLiteral("Added ollama-2")),
                 qPrintable(result->text()));
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!fix->isVisible(), 10000);
        QCOMPARE(w.app->backends().list()->size(), 1);
    }

    // A server with no models yet: a model is downloaded right on the page, with its
    // progress, and the window lists it at once.
    void aFirstModelDownloadedOnThePage()
    {
        test::FakeServer bare({QStringLiteral("--no-models")});
        Window w(bare.url());
        auto* download = w.window->findChild<QWidget*>(QStringLiteral("downloadHere"));
        QTRY_VERIFY_WITH_TIMEOUT(download->isVisible(), 10000);
        auto* text = w.window->findChild<QLabel*>(QStringLiteral("emptyText"));
        QVERIFY(!text->text().contains(QStringLiteral("lyss-cli")));
        QCOMPARE(w.picker()->count(), 0);
        QPushButton* pull = download->findChild<QPushButton*>();
        QTest::mouseClick(pull, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->count() > 0, 10000);
        QVERIFY(w.picker()->itemText(0).startsWith(QStringLiteral("llama3.2:latest")));
        QTRY_VERIFY_WITH_TIMEOUT(!download->isVisible(), 10000);
        QVERIFY(text->text().contains(QStringLiteral("Ask anything")));
    }
};

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
