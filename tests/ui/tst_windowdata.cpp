// SPDX-License-Identifier: GPL-3.0-or-later
// Your chats in and out from the window: Settings › Data imports (with the report lyss-cli
// gives), exports as Open WebUI's export and backs up; an export file dropped on the window
// is imported.
#include "TestWindow.h"

#include "io/ChatImporter.h"
#include "settings/DataPage.h"
#include "settings/SettingsDialog.h"
#include "sidebar/ChatSidebar.h"
#include "store/ChatStore.h"
#include "store/sqlite/DatabaseBackup.h"

#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lyss;

class TestWindowData : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // Chats imported from the window: in Settings › Data (with the report lyss-cli gives;
    // twice is once; a broken file imports nothing), and by dropping the file on the window.
    void chatsImportedFromTheWindow()
    {
        Window w(m_server->url());
        const int before = w.chatRows().size();
        const QString file =
            QStringLiteral(LYSS_SOURCE_DIR "/tests/data/import/openwebui-export.json");
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        connect(&d, &SettingsDialog::chatsImported, w.window.get(),
                [&] { w.window->findChild<ChatSidebar*>()->reload(); });
        auto* data = d.findChild<DataPage*>();
        QVERIFY(data);
        QVERIFY(data->importFile(file));
        auto* result = d.findChild<QLabel*>(QStringLiteral("importResult"));
        QVERIFY2(result->text().startsWith(QStringLiteral("Imported ")),
                 qPrintable(result->text()));
        QTRY_VERIFY(w.chatRows().size() > before);
        const int imported = int(w.chatRows().size());
        QVERIFY(data->importFile(file));
        QVERIFY2(result->text().contains(QStringLiteral("skipped")), qPrintable(result->text()));
        QCOMPARE(w.chatRows().size(), imported);
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("[{\"id\": 1, \"chat\": ");
        out.close();
        QVERIFY(!data->importFile(broken));
        QVERIFY2(result->text().endsWith(QStringLiteral(". Nothing was imported.")) &&
                     result->text().count(QStringLiteral("Nothing was imported")) == 1,
                 qPrintable(result->text()));

        // Out again: an Open WebUI export with every chat, which imports as the same chats;
        // and a backup SQLite checks as an intact Lyss database.
        const QString exported = dir.filePath(QStringLiteral("chat-export.json"));
        QVERIFY(data->exportTo(exported));
        QVERIFY2(result->text().startsWith(QStringLiteral("Exported ")),
                 qPrintable(result->text()));
        auto again = ChatImporter::read(exported);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(again->chats.size(), w.app->store().chats().listChats(true)->size());
        const QString backup = dir.filePath(QStringLiteral("lyss-backup.db"));
        QVERIFY(data->backUpTo(backup));
        QVERIFY(DatabaseBackup::check(backup).ok());

        // Dropped on the window (here on the composer, which would otherwise take the file's
        // address as text): the ChatGPT export comes in, and the box says so.
        Window fresh(m_server->url());
        const int empty = fresh.chatRows().size();
        QMimeData mime;
        const QUrl dropped = QUrl::fromLocalFile(
            QStringLiteral(LYSS_SOURCE_DIR "/tests/data/import/chatgpt-conversations.json"));
        mime.setUrls({dropped});
        mime.setText(dropped.toString()); // as file managers offer it too
        QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QWidget* target = fresh.composer()->viewport();
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QStringList boxes;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&boxes] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                boxes << box->text();
                box->accept();
            }
        });
        closer.start(20);
        QCoreApplication::sendEvent(target, &drop);
        QTRY_VERIFY(fresh.chatRows().size() > empty);
        QTRY_COMPARE(boxes.size(), 1);
        QVERIFY2(boxes[0].startsWith(QStringLiteral("Imported ")), qPrintable(boxes[0]));
        QVERIFY(fresh.composer()->toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestWindowData)
#include "tst_windowdata.moc"
