// SPDX-License-Identifier: GPL-3.0-or-later
// The person at the keyboard, with a real keyring and a real model server: no person menu
// without accounts; switching person is live (the window is built again for the next
// person, in their theme, with their chats only) while the previous person's reply goes on
// streaming into their chat and is saved whole; signing out ends the session here and in
// the keyring and asks who is there; a session ended elsewhere (an admin disabled the
// person) takes them off the screen at the next check; the password changed from the
// person menu keeps this session and ends the others.
#include "TestSupport.h"
#include "TestWindow.h"

#include "accounts/Accounts.h"
#include "accounts/SessionKeeper.h"
#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "chat/ActiveReply.h"
#include "config/Settings.h"
#include "conversation/Composer.h"
#include "conversation/MessageModel.h"
#include "secrets/SecretStore.h"
#include "shell/ChangePasswordDialog.h"
#include "shell/MainWindow.h"
#include "shell/PersonMenu.h"
#include "shell/PersonShell.h"
#include "sidebar/ChatListModel.h"
#include "sidebar/ChatSidebar.h"
#include "store/ChatStore.h"
#include "store/LocalUser.h"
#include "store/sqlite/Database.h"
#include "theme/ThemeManager.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lyss;

namespace {

struct Installation {
    QTemporaryDir dir;
    std::unique_ptr<AppContext> app;
    std::unique_ptr<BackendSet> backends;
    std::unique_ptr<PersonShell> shell;
    User alice;
    User bob;

    explicit Installation(const QUrl& ollama, bool accounts = true)
    {
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), ollama.toString());
        app = std::move(AppContext::open(o)).value();
        if (accounts) {
            auto in =
                app->accounts().enable(localUserId(), QStringLiteral("alice"), "alice-password");
            if (!in)
                qFatal("%s", qPrintable(in.errorMessage()));
            alice = in->user;
            if (!app->keeper().adopt(*in, true).ok())
                qFatal("the keyring cannot keep a session");
            bob =
                *app->accounts().add(alice, QStringLiteral("bob"), UserRole::User, "bob-password");
            (void)app->settings().set(SettingKey::Theme, QStringLiteral("dark")); // alice's
        }
        backends = std::make_unique<BackendSet>(*app->effectiveBackends(), nullptr, 30000);
        shell = std::make_unique<PersonShell>(*app, *backends);
    }
    ~Installation()
    {
        shell.reset();
        backends.reset();
        app.reset();
    }
    MainWindow* window() { return shell->window(); }
    // What the sign-in dialog does when `name` signs in there: the keyboard's session is
    // theirs; the shell then opens it.
    PersonShell::SignInStep signsIn(const QString& name, const QByteArray& password,
                                    QStringList* reasons)
    {
        return [this, name, password, reasons](const QString& why) -> std::optional<QString> {
            reasons->append(why);
            auto in = app->accounts().signIn(name, password);
            if (!in || !app->keeper().adopt(*in, true).ok())
                return std::nullopt;
            return in->user.id;
        };
    }
    QStringList chatTitles()
    {
        QStringList out;
        for (const ChatSummary& c : *app->store().chats().listChats())
            out << c.chat.title;
        return out;
    }
};

} // namespace

class TestPersonShell : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    void withoutAccountsThereIsNoPersonMenu()
    {
        Installation i(m_server->url(), false);
        QVERIFY(i.shell->start());
        QVERIFY(i.window());
        QVERIFY(!i.shell->personMenu());
        QCOMPARE(i.app->session().userId(), localUserId());
    }

    void switchingPersonIsLiveAndTheirReplyKeepsSaving()
    {
        Installation i(m_server->url());
        QVERIFY(i.app->store().chats().createChat({.title = QStringLiteral("Alice's own")}).ok());
        QVERIFY(i.shell->start()); // the session kept in the keyring: alice, asked nothing
        MainWindow* first = i.window();
        first->show();
        QVERIFY(QTest::qWaitForWindowExposed(first));
        QVERIFY(i.shell->personMenu() && i.shell->personMenu()->isVisible());
        QVERIFY(i.shell->personMenu()->text().contains(QStringLiteral("alice")));
        QCOMPARE(first->themes()->choice(), QStringLiteral("dark"));
        const QByteArray alicesToken = i.app->keeper().token();

        // Alice asks the slow model; the reply streams.
        auto* picker = first->findChild<QComboBox*>(QStringLiteral("modelPicker"));
        QVERIFY(
            QTest::qWaitFor([&] { return picker->findData(QStringLiteral("slow")) >= 0; }, 10000));
        picker->setCurrentIndex(picker->findData(QStringLiteral("slow")));
        auto* composer = first->findChild<Composer*>(QStringLiteral("composer"));
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("tell me slowly"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(first->messageModel()->rowCount() == 2 &&
                                     !first->messageModel()->at(1).content.isEmpty(),
                                 10000);
        const QString alicesChat = first->currentChatId();
        const QString replyId = first->messageModel()->at(1).id;
        // Her search finds her words (what bob's must not).
        auto* hersToo = first->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        hersToo->setText(QStringLiteral("slowly"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QAbstractItemModel* rows = chatListOf(first)->model();
                for (int r = 0; r < rows->rowCount(); ++r) {
                    if (rows->index(r, 0).data(ChatListModel::ChatIdRole).toString() == alicesChat)
                        return true; // her chat, not the note that nothing was found
                }
                return false;
            }(),
            5000);
        hersToo->clear();

        // Bob takes over from the person menu.
        QStringList asked;
        i.shell->setSignInStep(i.signsIn(QStringLiteral("bob"), "bob-password", &asked));
        QSignalSpy changed(i.shell.get(), &PersonShell::windowChanged);
        i.shell->personMenu()->switchPersonAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
        QCOMPARE(asked.size(), 1);
        MainWindow* second = i.window();
        QVERIFY(second && second != first);
        QCOMPARE(i.app->session().userId(), i.bob.id);
        QVERIFY(i.shell->personMenu()->text().contains(QStringLiteral("bob")));
        QCOMPARE(second->themes()->choice(), QStringLiteral("system")); // his, not hers
        QVERIFY(i.chatTitles().isEmpty()); // nothing of alice's on screen or in his store
        QCOMPARE(second->messageModel()->rowCount(), 0);
        // Not by searching her words, nor by opening her chat by its exact id.
        second->findChild<QLineEdit*>(QStringLiteral("chatSearch"))
            ->setText(QStringLiteral("slowly"));
        QTRY_VERIFY_WITH_TIMEOUT(
            chatRowsOf(second).join(QString()).startsWith(QStringLiteral("No chat has")), 5000);
        QCOMPARE(chatRowsOf(second).size(), 1); // "No chat has …", and no chat
        QCOMPARE(chatListOf(second)->model()->flags(chatListOf(second)->model()->index(0, 0)),
                 Qt::NoItemFlags);
        second->openChat(alicesChat);
        QCOMPARE(second->messageModel()->rowCount(), 0);
        // Alice's session ended with the switch.
        QCOMPARE(i.app->accounts().resume(alicesToken).errorCode(), ErrorCode::Unauthorised);

        // Her reply streams on, unseen, and is saved whole into her chat.
        QCOMPARE(i.shell->backgroundReplies(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(i.shell->backgroundReplies(), 0, 20000);
        ChatStore hers(i.app->database(), i.alice.id);
        auto reply = hers.messages().message(replyId);
        QVERIFY(reply.ok() && reply->has_value());
        QCOMPARE((*reply)->status, MessageStatus::Complete);
        QCOMPARE((*reply)->content.split(QLatin1Char(' '), Qt::SkipEmptyParts).size(), 200);
        QCOMPARE((*reply)->chatId, alicesChat);
    }

    void signingOutEndsTheSessionAndAsksWhoIsThere()
    {
        Installation i(m_server->url());
        QVERIFY(i.shell->start());
        const QByteArray token = i.app->keeper().token();
        QStringList asked;
        i.shell->setSignInStep(i.signsIn(QStringLiteral("bob"), "bob-password", &asked));
        i.shell->personMenu()->signOutAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 5000);
        QVERIFY2(asked.first().contains(QStringLiteral("signed out")), qPrintable(asked.first()));
        QCOMPARE(i.app->accounts().resume(token).errorCode(), ErrorCode::Unauthorised);
        QTRY_VERIFY(i.window() != nullptr);
        QCOMPARE(i.app->session().userId(), i.bob.id);

        // Bob signs out and nobody signs in: Lyss closes, showing nobody's chats.
        i.shell->setSignInStep([](const QString&) { return std::optional<QString>(); });
        QSignalSpy nobody(i.shell.get(), &PersonShell::nobodySignedIn);
        i.shell->signOut();
        QCOMPARE(nobody.count(), 1);
        QVERIFY(!i.window());
        auto kept = i.app->secrets().read(i.app->sessionSecretKey());
        QVERIFY(kept.ok() && !kept->has_value());
    }

    void aSessionEndedElsewhereLeavesTheScreen()
    {
        Installation i(m_server->url());
        QStringList first;
        i.shell->setSignInStep(i.signsIn(QStringLiteral("bob"), "bob-password", &first));
        QVERIFY(i.app->keeper().signOut().ok());
        QVERIFY(i.shell->start()); // bob, through the "dialog"
        QCOMPARE(i.app->session().userId(), i.bob.id);
        i.shell->checkSession();
        QVERIFY(i.window()); // still good: nothing happens

        // An admin (alice, in lyss-cli say) makes bob an admin: the menu says so at once.
        QVERIFY(i.app->accounts().setRole(i.alice, QStringLiteral("bob"), UserRole::Admin).ok());
        i.shell->checkSession();
        QVERIFY(i.shell->personMenu()->toolTip().contains(QStringLiteral("admin")));
        QVERIFY(i.app->accounts().setRole(i.alice, QStringLiteral("bob"), UserRole::User).ok());

        // Then disables him: at the next check he is off the screen and asked to sign in.
        QVERIFY(i.app->accounts().setDisabled(i.alice, QStringLiteral("bob"), true).ok());
        QStringList asked;
        i.shell->setSignInStep([&asked](const QString& why) {
            asked << why;
            return std::optional<QString>();
        });
        QSignalSpy nobody(i.shell.get(), &PersonShell::nobodySignedIn);
        i.shell->checkSession();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QStringLiteral("session has ended")),
                 qPrintable(asked.first()));
        QCOMPARE(nobody.count(), 1);
        QVERIFY(!i.window());
        QVERIFY(!i.app->keeper().signedIn());
    }

    void changingThePasswordKeepsThisSessionOnly()
    {
        Installation i(m_server->url());
        QVERIFY(i.shell->start());
        auto elsewhere = i.app->accounts().signIn(QStringLiteral("alice"), "alice-password");
        QVERIFY(elsewhere.ok());
        ChangePasswordDialog dialog(*i.app, QStringLiteral("alice"), i.window());
        QVERIFY(!dialog.change("alice-password", "a-new-secret", "another-one"));
        QVERIFY(dialog.message().contains(QStringLiteral("not the same")));
        QVERIFY(!dialog.change("not-her-password", "a-new-secret", "a-new-secret"));
        QCOMPARE(dialog.message(), QStringLiteral("The name or the password is not right."));
        QVERIFY(dialog.change("alice-password", "a-new-secret", "a-new-secret"));
        QVERIFY(i.app->keeper().check().ok()); // this one goes on
        QCOMPARE(i.app->accounts().resume(elsewhere->token).errorCode(), ErrorCode::Unauthorised);
        QVERIFY(i.app->accounts().signIn(QStringLiteral("alice"), "a-new-secret").ok());
        i.shell->checkSession();
        QVERIFY(i.window());
    }

    void aDialogOpenWhenTheSessionEndsIsClosedFirst()
    {
        Installation i(m_server->url());
        QVERIFY(i.shell->start());
        i.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(i.window()));
        QStringList asked;
        i.shell->setSignInStep([&asked](const QString& why) {
            asked << why;
            return std::optional<QString>();
        });
        QSignalSpy nobody(i.shell.get(), &PersonShell::nobodySignedIn);
        // Alice signs out elsewhere while a dialog of the window is open (Settings, say).
        QTimer::singleShot(0, i.shell.get(), [&i] {
            QVERIFY(i.app->accounts().signOut(i.app->keeper().token()).ok());
            i.shell->checkSession();
            QVERIFY(!i.window()->isVisible()); // off the screen at once
        });
        {
            QDialog dialog(i.window()); // on this stack, as the window's dialogs are
            QCOMPARE(dialog.exec(), int(QDialog::Rejected));
        }
        // Once the dialog has returned, the window goes and the person is asked again.
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 5000);
        QVERIFY(asked.first().contains(QStringLiteral("session has ended")));
        QCOMPARE(nobody.count(), 1);
        QVERIFY(!i.window());
    }

    void aWindowGoneBeforeTheServerAnswersIsLeftAlone()
    {
        // A server that takes the connections and answers nothing until told.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket* s = silent.nextPendingConnection())
                held << s;
        });
        Installation i(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        QVERIFY(i.shell->start()); // alice's window asks for the models
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 5000);
        QStringList asked;
        i.shell->setSignInStep(i.signsIn(QStringLiteral("bob"), "bob-password", &asked));
        i.shell->switchPerson(); // her window goes before the answer comes
        QCOMPARE(i.app->session().userId(), i.bob.id);
        const qsizetype before = held.size();
        for (QTcpSocket* s : held)
            s->abort(); // now every request ends, hers included
        QTRY_VERIFY_WITH_TIMEOUT(held.size() > before, 10000); // they asked again: answered
        QVERIFY(i.window());
    }

    void theMenusChangePasswordKeepsThisSession()
    {
        Installation i(m_server->url());
        QVERIFY(i.shell->start());
        auto elsewhere = i.app->accounts().signIn(QStringLiteral("alice"), "alice-password");
        QVERIFY(elsewhere.ok());
        bool changed = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, &poll, [&] {
            if (auto* d = qobject_cast<ChangePasswordDialog*>(QApplication::activeModalWidget())) {
                changed = d->change("alice-password", "a-new-secret", "a-new-secret");
                d->accept();
            }
        });
        poll.start(10);
        i.shell->personMenu()->changePasswordAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(changed, 5000);
        poll.stop();
        QVERIFY(i.app->keeper().check().ok());
        QCOMPARE(i.app->accounts().resume(elsewhere->token).errorCode(), ErrorCode::Unauthorised);
    }
};

QTEST_MAIN(TestPersonShell)
#include "tst_personshell.moc"
