// SPDX-License-Identifier: GPL-3.0-or-later
// Settings › Models against the fake Ollama: the installed models with their details,
// what is loaded and for how long, delete (asked first), and a download with its size,
// speed and Cancel.
#include "TestSupport.h"
#include "TestWindow.h"

#include "common/ShortDate.h"
#include "settings/InstalledModels.h"
#include "settings/ModelsPage.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace lyss;

namespace {

QTreeWidgetItem* rowOf(QTreeWidget* table, const QString& model)
{
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        if (table->topLevelItem(i)->text(0) == model)
            return table->topLevelItem(i);
    }
    return nullptr;
}

// Answers the next message box with `button` (or closes it), and tells what it said.
QString answerNextBox(QMessageBox::StandardButton button)
{
    auto said = std::make_shared<QString>();
    auto* timer = new QTimer(QApplication::instance());
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, said, button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            *said = box->text();
            if (QAbstractButton* b = box->button(button))
                b->click();
            else
                box->reject();
            timer->stop();
        }
    });
    timer->start();
    (void)QTest::qWaitFor([&] { return !said->isEmpty(); }, 10000);
    timer->deleteLater(); // answered or not, it clicks nothing in a later test
    return *said;
}

} // namespace

class TestModelsPage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void howLongALoadedModelStays()
    {
        const QDateTime now(QDate(2026, 12, 6), QTime(12, 0));
        ModelInfo m;
        m.sizeVram = 2'000'000'000;
        m.expiresAt = now.addSecs(4 * 60 + 10);
        QCOMPARE(InstalledModels::loadedFor(m, now),
                 QStringLiteral("2.0 GB in memory until ") + shortdate::time(QTime(12, 4, 10)));
        m.expiresAt = now.addDays(1);
        QVERIFY(InstalledModels::loadedFor(m, now).contains(
            shortdate::day(QDate(2026, 12, 7), now.date()))); // another day: its date too
        m.sizeBytes = 3'000'000'000;                          // 1 GB of it on the CPU
        m.expiresAt = now.addSecs(60);
        QVERIFY(InstalledModels::loadedFor(m, now).startsWith(
            QStringLiteral("3.0 GB (2.0 GB on the GPU) in memory until ")));
        m.sizeBytes = -1;
        m.expiresAt = now.addYears(290); // keep_alive -1: until Ollama stops
        QCOMPARE(InstalledModels::loadedFor(m, now), QStringLiteral("2.0 GB in memory"));
        m.expiresAt = now.addSecs(-5);
        QCOMPARE(InstalledModels::loadedFor(m, now), QStringLiteral("2.0 GB in memory, unloading"));
        QCOMPARE(ModelsPage::progressText(1'200'000'000, 2'000'000'000, 35e6),
                 QStringLiteral("1.2 GB of 2.0 GB, 35 MB/s"));
        QCOMPARE(ModelsPage::progressText(0, 2'000'000, 0), QStringLiteral("0 B of 2.0 MB"));
    }

    void installedModelsWithTheirDetails()
    {
        Window w(m_server->url());
        ModelsPage page(*w.backends, nullptr, true);
        page.show();
        auto* table = page.findChild<QTreeWidget*>(QStringLiteral("installedModels"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, QStringLiteral("llama3.2:latest")), 10000);
        QTreeWidgetItem* llama = rowOf(table, QStringLiteral("llama3.2:latest"));
        QCOMPARE(llama->text(1), QStringLiteral("2.0 GB"));
        QCOMPARE(llama->text(2), QStringLiteral("llama"));
        QCOMPARE(llama->text(3), QStringLiteral("3.2B"));
        QCOMPARE(llama->text(4), QStringLiteral("Q4_K_M"));
        QVERIFY(!llama->text(5).isEmpty());
        // The fake server has its first model loaded.
        QTRY_VERIFY(llama->text(6).contains(QStringLiteral("in memory")));
        QVERIFY(rowOf(table, QStringLiteral("mistral:latest")));
        QVERIFY(rowOf(table, QStringLiteral("mistral:latest"))->text(6).isEmpty());
        // One server: nothing to choose.
        QVERIFY(!page.findChild<QComboBox*>(QStringLiteral("modelServer"))->isVisible());

        auto* details = page.findChild<QPushButton*>(QStringLiteral("modelDetails"));
        QVERIFY(!details->isEnabled()); // nothing selected
        table->setCurrentItem(llama);
        QVERIFY(details->isEnabled());
        QTimer::singleShot(0, details, &QPushButton::click);
        const QString text = answerNextBox(QMessageBox::Close);
        QVERIFY(!text.isEmpty());
        QVERIFY2(text.contains(QStringLiteral("Family: llama")) &&
                     text.contains(QStringLiteral("Context length: 131072 tokens")) &&
                     text.contains(QStringLiteral("Quantisation: Q4_K_M")),
                 qPrintable(text));
    }

    void deleteAsksFirst()
    {
        Window w(m_server->url());
        ModelsPage page(*w.backends, nullptr, true);
        page.show();
        QSignalSpy changed(&page, &ModelsPage::modelsChanged);
        auto* table = page.findChild<QTreeWidget*>(QStringLiteral("installedModels"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, QStringLiteral("mistral:latest")), 10000);
        table->setCurrentItem(rowOf(table, QStringLiteral("mistral:latest")));
        auto* remove = page.findChild<QPushButton*>(QStringLiteral("deleteModel"));

        QTimer::singleShot(0, remove, &QPushButton::click);
        const QString asked = answerNextBox(QMessageBox::Cancel);
        QVERIFY2(
            asked.contains(QStringLiteral("Delete mistral:latest from ollama? It frees 4.1 GB")),
            qPrintable(asked));
        QTest::qWait(300);
        QVERIFY(rowOf(table, QStringLiteral("mistral:latest"))); // kept
        QCOMPARE(changed.count(), 0);

        table->setCurrentItem(rowOf(table, QStringLiteral("mistral:latest")));
        QTimer::singleShot(0, remove, &QPushButton::click);
        answerNextBox(QMessageBox::Yes);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QTRY_VERIFY(table->topLevelItemCount() > 0 &&
                    !rowOf(table, QStringLiteral("mistral:latest")));
        QTRY_COMPARE(page.findChild<QLabel*>(QStringLiteral("modelsStatus"))->text(),
                     QStringLiteral("Deleted mistral:latest."));
    }

    void aDownloadShowsItsSpeedAndCanBeCancelled()
    {
        Window w(m_server->url());
        ModelsPage page(*w.backends, nullptr, true);
        page.show();
        auto* result = page.findChild<QLabel*>(QStringLiteral("pullResult"));
        auto* cancel = page.findChild<QPushButton*>(QStringLiteral("cancelPull"));
        QVERIFY(!cancel->isEnabled());
        page.pull(QStringLiteral("slowpull-tiny"));
        QVERIFY(page.busy());
        QVERIFY(cancel->isEnabled());
        // Size, and the speed once a second of it is known.
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral(" of 2.0 MB, ")) &&
                                     result->text().endsWith(QStringLiteral("/s")),
                                 10000);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!page.busy());
        QVERIFY2(result->text().contains(QStringLiteral("cancelled")), qPrintable(result->text()));
        QVERIFY(!cancel->isEnabled());
        // Nothing was added.
        auto* table = page.findChild<QTreeWidget*>(QStringLiteral("installedModels"));
        page.findChild<QPushButton*>(QStringLiteral("refreshModels"))->click();
        QTRY_VERIFY(rowOf(table, QStringLiteral("llama3.2:latest")));
        QVERIFY(!rowOf(table, QStringLiteral("slowpull-tiny:latest")));

        // The servers changed mid-download: it stops, said, and a new one can start.
        page.pull(QStringLiteral("slowpull-again"));
        QTRY_VERIFY(result->text().contains(QStringLiteral(" of 2.0 MB")));
        w.backends->rebuild(*w.app->effectiveBackends(), nullptr, 30000);
        QTRY_VERIFY(!page.busy());
        QVERIFY2(result->text().contains(QStringLiteral("server was changed")),
                 qPrintable(result->text()));
        QVERIFY(!cancel->isEnabled());

        // A whole download adds its row.
        page.pull(QStringLiteral("tinyllama"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(table, QStringLiteral("tinyllama:latest")), 10000);
        QCOMPARE(result->text(), QStringLiteral("Downloaded tinyllama."));
    }
};

QTEST_MAIN(TestModelsPage)
#include "tst_modelspage.moc"
