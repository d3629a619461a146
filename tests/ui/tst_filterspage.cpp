// SPDX-License-Identifier: GPL-3.0-or-later
// Settings › Filters: every filter listed with its state, turned on and off, attached to
// models, its valves edited in a form made from its schema (a list, yes/no, a whole number,
// a choice), saved through the same checks as lyss-cli's; each person's own valves, also for
// someone who is not an admin; and the chips over the composer that switch a toggle filter
// on for a chat.
#include "FilterTestRig.h"
#include "TestSupport.h"
#include "TestWindow.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "conversation/FilterChips.h"
#include "conversation/NoticeBar.h"
#include "filters/FilterRegistry.h"
#include "filters/ProcessFilter.h"
#include "settings/FiltersPage.h"
#include "settings/SettingsDialog.h"
#include "store/ChatStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace lyss;

namespace {
void addFilter(const QString& folder, const QString& id, const QString& mode,
               const QString& arg = {})
{
    test::writeHostileFilter(folder, id, mode, arg);
}
} // namespace

class TestFiltersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listedTurnedOnAndItsValvesEdited()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath(QStringLiteral("filters"));
        QDir().mkpath(folder);
        addFilter(folder, QStringLiteral("hostile"), QStringLiteral("good"));

        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        auto app = std::move(AppContext::open(o)).value();
        BackendSet backends({}, nullptr, 30000);
        SettingsDialog settings(*app, backends, {}, {});
        FiltersPage* page = settings.filtersPage();
        QVERIFY(page);
        QCOMPARE(page->ids(), (QStringList{QStringLiteral("content"), QStringLiteral("hostile"),
                                           QStringLiteral("rate-limit")}));

        // The built-in guard: a list and two yes/no valves.
        page->select(QStringLiteral("content"));
        auto* words = qobject_cast<QLineEdit*>(page->valveEditor(QStringLiteral("words")));
        QVERIFY(words);
        QVERIFY(qobject_cast<QCheckBox*>(page->valveEditor(QStringLiteral("whole_words"))));
        words->setText(QStringLiteral("darn, heck ,"));
        QVERIFY(page->saveValves());
        QCOMPARE(app->filters().valves(QStringLiteral("content")).value(QLatin1String("words")),
                 QJsonValue(QJsonArray{QStringLiteral("darn"), QStringLiteral("heck")}));

        // A process filter found in the folder: off, not run, until turned on here.
        QVERIFY(!qobject_cast<ProcessFilter*>(app->filters().filter(QStringLiteral("hostile")))
                     ->isReady());
        QVERIFY(page->setEnabled(QStringLiteral("hostile"), true));
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ProcessFilter*>(app->filters().filter(QStringLiteral("hostile")))
                ->isReady(),
            10000);
        page->select(QStringLiteral("hostile"));
        QTRY_VERIFY(page->valveEditor(QStringLiteral("mood")));
        auto* level = qobject_cast<QSpinBox*>(page->valveEditor(QStringLiteral("level")));
        auto* mood = qobject_cast<QComboBox*>(page->valveEditor(QStringLiteral("mood")));
        QVERIFY(level && mood);
        QCOMPARE(level->value(), 1); // the schema's default
        level->setValue(4);
        mood->setCurrentIndex(mood->findText(QStringLiteral("loud")));
        QVERIFY(page->saveValves());
        const QJsonObject valves = app->filters().valves(QStringLiteral("hostile"));
        QCOMPARE(valves.value(QLatin1String("level")).toInt(), 4);
        QCOMPARE(valves.value(QLatin1String("mood")).toString(), QStringLiteral("loud"));
        // Where it runs: the models it is attached to (no preselection: not a toggle).
        QVERIFY(page->modelsEdit()->isVisibleTo(page));
        QVERIFY(!page->preselectedEdit()->isVisibleTo(page));
        page->modelsEdit()->setText(QStringLiteral("llama3.2, drip-3 ,"));
        QVERIFY(page->saveModels());
        QCOMPARE(app->filters().entry(QStringLiteral("hostile"))->models,
                 (QStringList{QStringLiteral("llama3.2"), QStringLiteral("drip-3")}));
        QVERIFY(page->setEnabled(QStringLiteral("hostile"), false));
        QVERIFY(page->lastMessage().contains(QStringLiteral("off")));
    }

    void everyoneSetsTheirOwnValvesOnlyAnAdminTheRest()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath(QStringLiteral("filters"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(QStringLiteral(LYSS_SOURCE_DIR "/examples/filters/word_count.py"),
                            QDir(folder).filePath(QStringLiteral("word_count.py"))));
        addFilter(folder, QStringLiteral("hostile"), QStringLiteral("good"));
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        auto app = std::move(AppContext::open(o)).value();
        FilterRegistry& filters = app->filters();
        QVERIFY(filters.setEnabled(QStringLiteral("word_count.py"), true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ProcessFilter*>(filters.filter(QStringLiteral("word_count.py")))
                ->isReady(),
            15000);
        ConfigRepository& mine = app->session().personalConfig();

        // Someone who is not an admin: only the filters that run, none to turn on or off,
        // no installation valves, but their own.
        FiltersPage page(filters, mine, false);
        page.show();
        QCOMPARE(page.ids(), QStringList{QStringLiteral("word_count.py")});
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("toggleFilter"))->isVisible());
        page.select(QStringLiteral("word_count.py"));
        // The installation's valves (greet, priority) are in a form they are not shown.
        QVERIFY(page.valveEditor(QStringLiteral("greet")));
        QVERIFY(!page.valveEditor(QStringLiteral("greet"))->isVisible());
        QVERIFY(!page.modelsEdit()->isVisible());
        auto* count = qobject_cast<QCheckBox*>(page.userValveEditor(QStringLiteral("show_count")));
        QVERIFY(count);
        QVERIFY(count->isVisible());
        QVERIFY(count->isChecked()); // the schema's default
        count->setChecked(false);
        QVERIFY(page.saveUserValves());
        QCOMPARE(filters.userValves(QStringLiteral("word_count.py"), mine)
                     .value(QLatin1String("show_count")),
                 QJsonValue(false));
        // Kept as theirs, not the installation's.
        QVERIFY(
            !app->config().get(QStringLiteral("filters.word_count.py.user_valves"))->has_value());
    }

    void aToggleIsSwitchedOnFromTheChipsOverTheComposer()
    {
        test::FakeServer server;
        QVERIFY(server.isRunning());
        Window w(server.url(), [](AppContext& app) {
            const QString folder = app.filters().folder();
            addFilter(folder, QStringLiteral("search"), QStringLiteral("toggle"),
                      QStringLiteral("S"));
            app.filters().reload();
            QVERIFY(app.filters().setEnabled(QStringLiteral("search"), true).ok());
        });
        w.conversations->setStageSource(w.app->filterStages(w.app->session().userId()));
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        auto* chips = w.window->findChild<FilterChips*>(QStringLiteral("filterChips"));
        QVERIFY(chips);
        // Offered once it has said it is a toggle; off until switched on.
        QTRY_VERIFY_WITH_TIMEOUT(chips->chip(QStringLiteral("search")), 10000);
        QVERIFY(chips->isVisible());
        QToolButton* chip = chips->chip(QStringLiteral("search"));
        QCOMPARE(chip->text(), QStringLiteral("Hostile toggle"));
        QVERIFY(!chip->isChecked());

        w.type(QStringLiteral("plain"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: plain"));

        // Switched on in this chat: its next reply passes through it, and the chat keeps it.
        const QString chatId = w.window->currentChatId();
        chip = chips->chip(QStringLiteral("search"));
        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(chip->isChecked());
        auto chat = w.app->store().chats().chat(chatId);
        QCOMPARE(ChatOptions::fromJson((*chat)->params).filterIds,
                 std::optional<QStringList>(QStringList{QStringLiteral("search")}));
        w.type(QStringLiteral("look"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: look [S] [S]"));
        // What it notified is shown over the composer.
        auto* notices = w.window->findChild<NoticeBar*>(QStringLiteral("noticeBar"));
        QTRY_COMPARE(notices->lines(), QStringList{QStringLiteral("\u2713 toggle S ran")});
        QVERIFY(notices->isVisible());

        // A new chat starts as its model preselects (not at all here); switched on before
        // the first message, the new chat is made with it on.
        w.window->newChat();
        chip = chips->chip(QStringLiteral("search"));
        QVERIFY(chip && !chip->isChecked());
        QTest::mouseClick(chip, Qt::LeftButton);
        // The model list read again (a server came back: the picker says its choice again)
        // keeps what the person chose.
        Q_EMIT w.picker()->currentIndexChanged(w.picker()->currentIndex());
        QVERIFY(chips->chip(QStringLiteral("search"))->isChecked());
        w.type(QStringLiteral("fresh"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("Reply to: fresh [S] [S]"));
        QVERIFY(chips->chip(QStringLiteral("search"))->isChecked());
        // Back in the first chat: it is on there as well (it was switched on there).
        w.window->openChat(chatId);
        QVERIFY(chips->chip(QStringLiteral("search"))->isChecked());
        // Turned off by the admin: no chip.
        QVERIFY(w.app->filters().setEnabled(QStringLiteral("search"), false).ok());
        QVERIFY(!chips->chip(QStringLiteral("search")));
        QVERIFY(!chips->isVisible());
    }
};

QTEST_MAIN(TestFiltersPage)
#include "tst_filterspage.moc"
