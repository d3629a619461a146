// SPDX-License-Identifier: GPL-3.0-or-later
// The settings pages look like forms: lists without row numbers or a grid, fields of a
// readable width that line up across a page's sections, buttons as wide as their words,
// section headings, notes in the muted colour, and one margin around every page.
#include "TestWindow.h"

#include "app/AppContext.h"
#include "settings/PageStyle.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace lyss;

class TestSettingsLook : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    static QStringList labelsOf(QWidget* page)
    {
        QStringList out;
        for (QLabel* label : page->findChildren<QLabel*>())
            out << label->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void everyPageIsAForm()
    {
        Window w(m_server->url());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")}},
                      QStringLiteral("light"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* tabs = d.findChild<QTabWidget*>();
        QVERIFY(tabs && tabs->count() >= 6);
        QStringList wrong;
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QWidget* page = tabs->widget(i);
            QCoreApplication::processEvents();
            const QString name = tabs->tabText(i);
            // One margin around every page.
            const QMargins m = page->layout()->contentsMargins();
            if (m != QMargins(pagestyle::kMargin, pagestyle::kMargin, pagestyle::kMargin,
                              pagestyle::kMargin))
                wrong << name + QStringLiteral(": margins");
            // Lists: no row numbers, no grid, a line of room per row.
            for (QTableView* table : page->findChildren<QTableView*>()) {
                if (table->verticalHeader()->isVisible() || table->showGrid())
                    wrong << name + QStringLiteral(": a table with row numbers or a grid");
                if (table->verticalHeader()->defaultSectionSize() <
                    table->fontMetrics().height() + 8)
                    wrong << name + QStringLiteral(": cramped rows");
            }
            for (QTreeView* tree : page->findChildren<QTreeView*>()) {
                if (tree->rootIsDecorated())
                    wrong << name + QStringLiteral(": a list drawn as a tree");
            }
            // Forms: fields no wider than reads well, buttons as wide as their words.
            for (QFormLayout* form : page->findChildren<QFormLayout*>()) {
                for (int r = 0; r < form->rowCount(); ++r) {
                    QLayoutItem* item = form->itemAt(r, QFormLayout::FieldRole);
                    QWidget* field = item ? item->widget() : nullptr;
                    if (!field || !field->isVisible())
                        continue;
                    if (field->width() > pagestyle::kFieldWidth)
                        wrong << name + QStringLiteral(": a field %1 px wide").arg(field->width());
                    if (qobject_cast<QAbstractButton*>(field) &&
                        field->width() > field->sizeHint().width() + 4)
                        wrong << name + QStringLiteral(": a button stretched across the form");
                }
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    // The Chat page has two sections with headings, and their fields line up.
    void chatSectionsLineUp()
    {
        Window w(m_server->url());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* tabs = d.findChild<QTabWidget*>();
        QWidget* chat = nullptr;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QStringLiteral("Chat")) {
                tabs->setCurrentIndex(i);
                chat = tabs->widget(i);
            }
        }
        QVERIFY(chat);
        QCoreApplication::processEvents();
        const QStringList labels = labelsOf(chat);
        QVERIFY(labels.contains(QStringLiteral("New chats")));
        QVERIFY(labels.contains(QStringLiteral("This chat")));
        // With no chat open, the second section says why it is off, in the muted colour.
        bool noted = false;
        for (QLabel* label : chat->findChildren<QLabel*>()) {
            if (label->text() == QStringLiteral("Start a chat to set its options.")) {
                noted = label->foregroundRole() == QPalette::PlaceholderText;
            }
        }
        QVERIFY(noted);
        auto* model = chat->findChild<QComboBox*>(QStringLiteral("defaultModel"));
        auto* temperature = chat->findChild<QDoubleSpinBox*>();
        QVERIFY(model && temperature);
        QCOMPARE(model->mapTo(chat, QPoint()).x(), temperature->mapTo(chat, QPoint()).x());
        // The first section's fields sit above the second's, the headings above both.
        QVERIFY(model->mapTo(chat, QPoint()).y() < temperature->mapTo(chat, QPoint()).y());
    }
};

QTEST_MAIN(TestSettingsLook)
#include "tst_settingslook.moc"
