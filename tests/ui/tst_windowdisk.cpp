// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a disk that fills while a reply streams (a real small tmpfs; needs
// root, skipped otherwise): the reply stays on screen, the window says at once that it
// is not saved, and Retry saving stores all of it once there is room again.
#include "TestSupport.h"
#include "TestWindow.h"

#include "conversation/UnsavedReplies.h"
#include "settings/SettingsDialog.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>

using namespace lyss;

class TestWindowDisk : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void replyOnAFullDiskIsKeptAndSavedOnRetry()
    {
        auto disk = test::Mount::tmpfs(4 * 1024 * 1024);
        if (!disk->ok())
            QSKIP(qPrintable(disk->why()));
        Window w(m_server->url(), {}, disk->filePath(QStringLiteral("data")));
        QVERIFY(w.pick(QStringLiteral("long-80000")));
        auto* bar = w.window->findChild<UnsavedReplies*>(QStringLiteral("unsavedReplies"));
        QVERIFY(bar);
        QVERIFY(bar->isHidden());

        disk->fill(160 * 1024); // room for the question, not for 600 KB of answer
        w.type(QStringLiteral("write at length"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w.last().status == MessageStatus::Complete, 60000);
        QVERIFY(w.last().content.trimmed().endsWith(QStringLiteral("tok79999")));

        // Said at once, in words, with the way out.
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
        const QString said = bar->findChild<QLabel*>(QStringLiteral("unsavedText"))->text();
        QVERIFY2(said.contains(QStringLiteral("could not be saved")) &&
                     said.contains(QStringLiteral("the disk is full")),
                 qPrintable(said));
        QCOMPARE(bar->unsavedCount(), 1);

        // Room again: Retry saving stores the whole reply, and the bar goes.
        disk->makeRoom();
        QTest::mouseClick(bar->findChild<QPushButton*>(QStringLiteral("retrySaving")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), 5000);
        auto branch = w.app->store().messages().currentBranch(w.window->currentChatId());
        QVERIFY2(branch.ok(), qPrintable(branch.errorMessage()));
        QCOMPARE(branch->size(), 2);
        QCOMPARE(branch->at(1).status, MessageStatus::Complete);
        QVERIFY(branch->at(1).content.trimmed().endsWith(QStringLiteral("tok79999")));
    }

    void aReadOnlyDatabaseOpensToBeRead()
    {
        QTemporaryDir data;
        {
            Window made(
                m_server->url(),
                [](AppContext& app) {
                    auto chat = app.store().chats().createChat({.title = QStringLiteral("Kept")});
                    Message m;
                    m.chatId = chat->id;
                    m.role = Role::User;
                    m.content = QStringLiteral("a question kept on a read-only disk");
                    QVERIFY(app.store().messages().addMessage(m).ok());
                },
                data.path());
        }
        auto view = test::Mount::readOnlyView(data.path());
        if (!view->ok())
            QSKIP(qPrintable(view->why()));
        Window w(m_server->url(), {}, view->path());
        // The chats are there, and the window says why nothing can be sent.
        QTRY_COMPARE(w.model()->rowCount(), 1);
        QCOMPARE(w.last().content, QStringLiteral("a question kept on a read-only disk"));
        auto* notices = w.window->findChild<QLabel*>(QStringLiteral("startupNotices"));
        QVERIFY(notices && notices->isVisible());
        QVERIFY2(notices->text().contains(QStringLiteral("is open read only: it is on a "
                                                         "read-only file system")),
                 qPrintable(notices->text()));
        QVERIFY(w.composer()->isReadOnly());
        QVERIFY(w.composer()->placeholderText().contains(QStringLiteral("Read only")));
        w.type(QStringLiteral("hello"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QVERIFY(!w.window->findChild<QPushButton*>(QStringLiteral("sendButton"))->isEnabled());
        QCOMPARE(w.model()->rowCount(), 1);
        // Nothing offers a change: not the chat's menu, not the message's.
        auto* sidebar = w.window->findChild<ChatSidebar*>();
        QVERIFY(sidebar);
        auto chatMenu = sidebar->menuFor(w.window->currentChatId());
        QVERIFY(chatMenu);
        QCOMPARE(chatMenu->actions().size(), 1);
        QVERIFY(!chatMenu->actions().first()->isEnabled());
        QVERIFY2(chatMenu->actions().first()->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(chatMenu->actions().first()->toolTip()));
        std::unique_ptr<QMenu> messageMenu(w.window->messageView()->menuFor(0));
        QStringList offered;
        for (QAction* a : messageMenu->actions())
            offered << a->text();
        QVERIFY2(!offered.join(QLatin1Char('|')).contains(QStringLiteral("Edit")) &&
                     !offered.join(QLatin1Char('|')).contains(QStringLiteral("Delete")),
                 qPrintable(offered.join(QLatin1Char('|'))));
        QVERIFY(!w.window->messageView()->messageDelegate()->writable());
        // Its messages can be searched (the search's connection opens it as read only too).
        w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"))
            ->setText(QStringLiteral("question"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.chatRows().isEmpty() &&
                                     w.chatRows().first().startsWith(QStringLiteral("Kept\n")),
                                 5000);
        // Settings › Servers says why nothing can be added, and touches no keyring.
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        QVERIFY(!d.addServer(QStringLiteral("openai"), QStringLiteral("more"),
                             QStringLiteral("http://127.0.0.1:9/v1"), QStringLiteral("sk-new")));
        auto more = w.app->backends().find(QStringLiteral("more"));
        QVERIFY(more.ok() && !more->has_value());
    }
};

QTEST_MAIN(TestWindowDisk)
#include "tst_windowdisk.moc"
