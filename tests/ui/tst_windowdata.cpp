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
#include <QSignalSpy>
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

    // A backup put back from the window: Settings › Data › Restore replaces the database
    // (the one before kept beside it) and Lyss starts again; a broken file, or a reply still
    // coming in, changes nothing and says why.
    void aBackupIsRestoredFromTheWindow()
    {
        Window w(m_server->url());
        auto& chats = w.app->store().chats();
        QVERIFY(chats.createChat({.title = QStringLiteral("Before the backup")}).ok());
        QTemporaryDir dir;
        const QString backup = dir.filePath(QStringLiteral("lyss-backup.db"));
        QVERIFY(w.app->backUp(backup, false).ok());
        QVERIFY(chats.createChat({.title = QStringLiteral("After the backup")}).ok());
        const auto titles = [&] {
            QStringList out;
            for (const ChatSummary& s : *w.app->store().chats().listChats(true))
                out << s.chat.title;
            return out;
        };
        QVERIFY(titles().contains(QStringLiteral("After the backup")));

        // The real dialog, as ⚙ opens it; what each step does is done on its Data page.
        QSignalSpy restart(w.window.get(), &MainWindow::restartRequested);
        QStringList said;
        bool tried = false;
        QTimer driver;
        connect(&driver, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
            if (!dialog || tried)
                return;
            tried = true;
            auto* data = dialog->findChild<DataPage*>();
            connect(data, &DataPage::said, this, [&said](const QString& text) { said << text; });
            // A file that is not a Lyss database.
            const QString broken = dir.filePath(QStringLiteral("broken.db"));
            QFile f(broken);
            if (f.open(QIODevice::WriteOnly))
                f.write("not a database at all");
            f.close();
            if (data->restoreFrom(broken))
                qWarning("a broken file was restored");
            // A reply still coming in.
            ActiveReply* streaming = nullptr;
            Conversations::Send send;
            send.prompt = QStringLiteral("go");
            send.model = {QStringLiteral("ollama"), QStringLiteral("stall")};
            if (auto r = w.conversations->send(send))
                streaming = *r;
            if (streaming && data->restoreFrom(backup))
                qWarning("restored while a reply streamed");
            if (streaming)
                streaming->cancel();
            // And now.
            data->restoreFrom(backup);
        });
        driver.start(20);
        w.window->openSettings();
        driver.stop();
        QVERIFY(tried);
        QCOMPARE(said.size(), 3);
        QVERIFY2(said[0].endsWith(QStringLiteral("Nothing was changed.")), qPrintable(said[0]));
        QVERIFY2(said[1].contains(QStringLiteral("A reply is still coming in")),
                 qPrintable(said[1]));
        QVERIFY2(said[2].startsWith(QStringLiteral("Restored from ")), qPrintable(said[2]));
        // Lyss is asked to start again; the database is the backup's, the one before kept.
        QCOMPARE(restart.count(), 1);
        QVERIFY(titles().contains(QStringLiteral("Before the backup")));
        QVERIFY(!titles().contains(QStringLiteral("After the backup")));
        const QString kept = w.app->databasePath() + QStringLiteral(".before-restore-1");
        QVERIFY2(QFile::exists(kept), qPrintable(kept));
        QVERIFY(DatabaseBackup::check(kept).ok());
    }
};

QTEST_MAIN(TestWindowData)
#include "tst_windowdata.moc"
