// SPDX-License-Identifier: GPL-3.0-or-later
// Settings › Filters: every filter listed with its state, turned on and off, and its valves
// edited in a form made from its schema (a list, yes/no, a whole number, a choice), saved
// through the same checks as lyss-cli's.
#include "TestSupport.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "filters/FilterRegistry.h"
#include "filters/ProcessFilter.h"
#include "settings/FiltersPage.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

class TestFiltersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listedTurnedOnAndItsValvesEdited()
    {
        QTemporaryDir dir;
        const QString folder = QDir(dir.path()).filePath(QStringLiteral("filters"));
        QDir().mkpath(folder);
        QFile script(QDir(folder).filePath(QStringLiteral("hostile")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\nexec '%1' good\n")
                         .arg(QStringLiteral(LYSS_SOURCE_DIR "/tests/filters/hostile_filter.py"))
                         .toUtf8());
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));

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
        QVERIFY(page->setEnabled(QStringLiteral("hostile"), false));
        QVERIFY(page->lastMessage().contains(QStringLiteral("off")));
    }
};

QTEST_MAIN(TestFiltersPage)
#include "tst_filterspage.moc"
