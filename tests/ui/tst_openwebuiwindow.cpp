// SPDX-License-Identifier: GPL-3.0-or-later
// An Open WebUI server from the window, as a person adds one: Settings › Servers with the
// kind "Open WebUI server", email and password (the password field empties whatever
// happens, a wrong one adds nothing), the sign-in in the list, the chats brought over
// into the chat list; the server's preset by its name in the model picker; the top bar
// asking to sign in again before the sign-in ends.
#include "TestWindow.h"

#include "app/ServerSignIn.h"
#include "backends/OpenWebUiSignIn.h"
#include "conversation/MessageLayouts.h"
#include "conversation/NoticeBar.h"
#include "conversation/ServerToolChips.h"
#include "realtime/ServerChannel.h"
#include "secrets/SecretStore.h"
#include "settings/ServerAdder.h"
#include "settings/ServersPage.h"
#include "settings/SettingsDialog.h"
#include "shell/ModelPicker.h"
#include "shell/ServerQuestionDialog.h"
#include "shell/ServerStatus.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>

using namespace lyss;

class TestOpenWebUiWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    QUrl nowhere() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
    }

    // A window with only `server` (Ann signed in to it as "team"), its servers rebuilt.
    std::unique_ptr<Window> signedInWindow(const test::FakeServer& server) const
    {
        auto w = std::make_unique<Window>(
            nowhere(), std::function<void(AppContext&)>{}, QString{},
            QList<QPair<QString, QString>>{
                {QStringLiteral("OPENAI_API_BASE_URL"), QStringLiteral("http://127.0.0.1:9")}});
        if (!keepSignedIn(*w->app, server.url()))
            return nullptr;
        w->window->rebuildBackends();
        return w;
    }

    // Ann signed in to `server` as "team", as Settings › Servers leaves it.
    static bool keepSignedIn(AppContext& app, const QUrl& server)
    {
        QNetworkAccessManager nam;
        std::optional<Result<OpenWebUiSession>> session;
        QObject context;
        OpenWebUiSignIn::signIn(&nam, server, QStringLiteral("ann@example.org"),
                                QStringLiteral("correct horse"), &context,
                                [&](Result<OpenWebUiSession> r) { session = std::move(r); });
        if (!QTest::qWaitFor([&] { return session.has_value(); }, 10000) || !*session)
            return false;
        BackendRecord record;
        record.name = QStringLiteral("team");
        record.kind = BackendKind::OpenWebUi;
        record.url = server;
        return ServerSignIn::keep(app.backends(), app.secrets(), record, **session).ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        QVERIFY2(m_server->isRunning(), "fake_openwebui.py did not start (python3-aiohttp?)");
    }

    // An API key given in Settings › Servers is asked about first: one the server refuses
    // is not kept and nothing is added; one it takes is, with whose key it is.
    void anApiKeyIsAskedAboutFirst()
    {
        Window w(nowhere());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        auto* page = d.findChild<ServersPage*>();
        QVERIFY(page);
        auto* kind = page->findChild<QComboBox*>(QStringLiteral("serverKind"));
        auto* name = page->findChild<QLineEdit*>(QStringLiteral("serverName"));
        auto* url = page->findChild<QLineEdit*>(QStringLiteral("serverAddress"));
        auto* key = page->findChild<QLineEdit*>(QStringLiteral("serverKey"));
        auto* save = page->findChild<QPushButton*>(QStringLiteral("addOrSaveServer"));
        QVERIFY(kind && name && url && key && save);
        kind->setCurrentIndex(kind->findData(QStringLiteral("openwebui")));
        QSignalSpy answered(page, &ServersPage::finishedWork);
        const auto add = [&](const QString& apiKey) {
            name->setText(QStringLiteral("keyed"));
            url->setText(m_server->url().toString());
            key->setText(apiKey);
            save->click();
            QVERIFY(key->text().isEmpty()); // at once, whatever the server says
            QVERIFY(answered.wait(10000));
        };
        add(QStringLiteral("sk-0123456789abcdef0123456789abcdeX"));
        QVERIFY2(d.lastMessage().contains(QLatin1String("refused this API key")) &&
                     d.lastMessage().contains(QLatin1String("Nothing was added.")),
                 qPrintable(d.lastMessage()));
        QVERIFY(!(*w.app->backends().find(QStringLiteral("keyed"))).has_value());
        QVERIFY(!w.app->secrets().read(backendSecretKey(QStringLiteral("keyed")))->has_value());

        add(QStringLiteral("sk-0123456789abcdef0123456789abcdef"));
        QVERIFY2(d.lastMessage().startsWith(QLatin1String("Added keyed")) &&
                     d.lastMessage().contains(QLatin1String("The key is ann@example.org's.")),
                 qPrintable(d.lastMessage()));
        auto stored = w.app->backends().find(QStringLiteral("keyed"));
        QVERIFY(stored && stored->has_value() && (*stored)->hasKey);
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("keyed"))).ok());
    }

    void signInAndBringTheChatsOver()
    {
        Window w(nowhere());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        auto* page = d.findChild<ServersPage*>();
        QVERIFY(page);
        auto* kind = page->findChild<QComboBox*>(QStringLiteral("serverKind"));
        auto* email = page->findChild<QLineEdit*>(QStringLiteral("serverEmail"));
        auto* password = page->findChild<QLineEdit*>(QStringLiteral("serverPassword"));
        auto* save = page->findChild<QPushButton*>(QStringLiteral("addOrSaveServer"));
        QVERIFY(kind && email && password && save);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(!email->isVisible()); // Ollama first: no account
        kind->setCurrentIndex(kind->findData(QStringLiteral("openwebui")));
        QVERIFY(email->isVisible() && password->isVisible());
        QCOMPARE(password->echoMode(), QLineEdit::Password);

        auto* name = page->findChild<QLineEdit*>(QStringLiteral("serverName"));
        auto* url = page->findChild<QLineEdit*>(QStringLiteral("serverAddress"));
        QVERIFY(name && url);
        name->setText(QStringLiteral("team"));
        url->setText(m_server->url().toString());
        email->setText(QStringLiteral("ann@example.org"));

        QSignalSpy answered(page, &ServersPage::finishedWork);
        password->setText(QStringLiteral("wrong horse"));
        save->click();
        QVERIFY(password->text().isEmpty()); // at once, whatever the server says
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().contains(QLatin1String("did not take that email and password")),
                 qPrintable(d.lastMessage()));
        QVERIFY(!(*w.app->backends().find(QStringLiteral("team"))).has_value());

        password->setText(QStringLiteral("correct horse"));
        save->click();
        QVERIFY(!save->isEnabled()); // one sign-in at a time: a second click does nothing
        QVERIFY(answered.wait(10000));
        QVERIFY(save->isEnabled());
        QVERIFY2(d.lastMessage().startsWith(QLatin1String("Added team, signed in as "
                                                          "ann@example.org until")),
                 qPrintable(d.lastMessage()));
        auto stored = w.app->backends().find(QStringLiteral("team"));
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->account, QStringLiteral("ann@example.org"));
        auto* table = page->findChild<QTableWidget*>(QStringLiteral("serverTable"));
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == QLatin1String("team"))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("openwebui"));
        QVERIFY2(table->item(row, 3)->text().startsWith(QLatin1String("ann@example.org until")),
                 qPrintable(table->item(row, 3)->text()));

        // The chats come over, into the chat list.
        QSignalSpy imported(&d, &SettingsDialog::chatsImported);
        connect(&d, &SettingsDialog::chatsImported, w.window.get(),
                [&w] { w.window->findChild<ChatSidebar*>()->reload(); });
        auto* importButton = page->findChild<QPushButton*>(QStringLiteral("importFromServer"));
        table->selectRow(row == 0 ? 1 : 0); // the built-in Ollama: nothing to import
        QVERIFY(!importButton->isEnabled());
        table->selectRow(row);
        QVERIFY(importButton->isEnabled());
        auto* progress = page->findChild<QProgressBar*>(QStringLiteral("serverImportProgress"));
        QVERIFY(progress->isHidden());
        importButton->click();
        QVERIFY(!progress->isHidden()); // while the server is read
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().startsWith(QLatin1String("From team: Imported 2 chat(s)")),
                 qPrintable(d.lastMessage()));
        QCOMPARE(imported.count(), 1);
        // The bar went as far as the chats written, and is gone once they are.
        QCOMPARE(progress->maximum(), 2);
        QCOMPARE(progress->value(), 2);
        QVERIFY(progress->isHidden());
        auto* list = w.window->findChild<QListView*>(QStringLiteral("chatList"));
        QStringList titles;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            titles << list->model()->index(r, 0).data().toString();
        QVERIFY2(titles.contains(QStringLiteral("Sorting in Python")),
                 qPrintable(titles.join(QLatin1Char('|'))));

        // A signed-in server's address is not changed without a new sign-in: the token would
        // go to whatever was typed.
        QVERIFY(page->editServer(QStringLiteral("team")));
        QVERIFY(!page->saveServer(QStringLiteral("openwebui"),
                                  QStringLiteral("http://elsewhere:8080"), {},
                                  QStringLiteral("ann@example.org"), {}));
        QVERIFY2(d.lastMessage().contains(QLatin1String("give your password (or an API key) to "
                                                        "change its address")),
                 qPrintable(d.lastMessage()));
        QCOMPARE((*w.app->backends().find(QStringLiteral("team")))->url, m_server->url());

        // Edit: the password again signs in again. The sign-in it replaces is not ended: the
        // window may still use its token until it reads the new one.
        const auto tokenOfTeam = [&w] {
            auto token = w.app->secrets().read(backendSecretKey(QStringLiteral("team")));
            return token && token->has_value() ? **token : QString();
        };
        const auto signOuts = [this] {
            QStringList tokens;
            for (const QJsonValue& r : m_server->requests()) {
                if (r[QLatin1String("path")].toString() == QLatin1String("/api/v1/auths/signout"))
                    tokens << r[QLatin1String("headers")][QLatin1String("Authorization")]
                                  .toString()
                                  .mid(7);
            }
            return tokens;
        };
        const QString first = tokenOfTeam();
        QVERIFY(!first.isEmpty());
        m_server->get(QStringLiteral("/_test/reset"));
        QVERIFY(page->editServer(QStringLiteral("team")));
        QCOMPARE(email->text(), QStringLiteral("ann@example.org"));
        password->setText(QStringLiteral("correct horse"));
        save->click();
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().startsWith(QLatin1String("Signed in to team as ann@example.org")),
                 qPrintable(d.lastMessage()));
        const QString second = tokenOfTeam();
        QVERIFY(second != first);
        QVERIFY(signOuts().isEmpty());
        // Neither in the database nor in its write-ahead log.
        QVERIFY(!(test::readFile(w.dir.filePath(QStringLiteral("lyss.db"))) +
                  test::readFile(w.dir.filePath(QStringLiteral("lyss.db-wal"))))
                     .contains("correct horse"));
        // Removed: the server ends the sign-in first; the token leaves the keyring.
        QVERIFY(page->removeServer(QStringLiteral("team")));
        QVERIFY2(answered.wait(10000), qPrintable(d.lastMessage()));
        QCOMPARE(d.lastMessage(),
                 QStringLiteral("Removed team and signed out of it as ann@example.org."));
        QCOMPARE(signOuts(), QStringList{second});
        QVERIFY(tokenOfTeam().isEmpty());
    }

    // The server's real-time channel in the top bar: connected, then waiting to reconnect
    // (with its countdown) when the server goes.
    void theLiveChannelInTheTopBar()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        auto made = signedInWindow(*server);
        QVERIFY(made);
        Window& w = *made;
        auto* status = w.window->findChild<ServerStatus*>(QStringLiteral("backendStatus"));
        w.window->resize(1400, 800);
        QTRY_VERIFY_WITH_TIMEOUT(status->accessibleDescription().contains(
                                     QLatin1String("Live updates: connected (websocket)")),
                                 10000);
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(
            status->accessibleDescription().contains(QLatin1String("Live updates: reconnecting")),
            10000);
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // The server's events in the window: the reply run by the server with its status line,
    // a tool's question in a dialog (the server's words as text) answered by the person,
    // a notification over the composer, a chat brought over renamed by the server.
    void theServersEventsInTheWindow()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        auto made = signedInWindow(*server);
        QVERIFY(made);
        Window& w = *made;
        w.window->resize(1400, 800);
        auto* status = w.window->findChild<ServerStatus*>(QStringLiteral("backendStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(
            status->accessibleDescription().contains(QLatin1String("Live updates: connected")),
            10000);
        QVERIFY(w.pickOn(QStringLiteral("team"), QStringLiteral("llama3.2:latest")));

        w.type(QStringLiteral("ask: may I"));
        w.window->send();
        ServerQuestionDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = w.window->findChild<ServerQuestionDialog*>()), 10000);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("team asks"));
        QVERIFY(!dialog->isModal()); // the window stays usable: Stop, other chats
        auto* message = dialog->findChild<QLabel*>(QStringLiteral("questionMessage"));
        QCOMPARE(message->text(), QStringLiteral("It reads <b>your</b> files."));
        QCOMPARE(message->textFormat(), Qt::PlainText);
        // Meanwhile the reply shows what the server said it did.
        QCOMPARE(MessageLayouts::statusLine(w.last()), QStringLiteral("⋯ Searched 3 sites"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(w.last().content, QStringLiteral("You said yes. Reply to: ask: may I"));
        const QJsonObject body = server->lastChatRequest()[QLatin1String("body")].toObject();
        QVERIFY(body[QLatin1String("chat_id")].toString().startsWith(QLatin1String("local:")));

        // Stopped while the tool asks: the server stops, and its question goes away.
        w.type(QStringLiteral("ask: and now?"));
        w.window->send();
        QPointer<ServerQuestionDialog> asked;
        QTRY_VERIFY_WITH_TIMEOUT((asked = w.window->findChild<ServerQuestionDialog*>()), 10000);
        w.window->stop();
        QCOMPARE(w.last().status, MessageStatus::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(asked.isNull() || !asked->isVisible(), 10000);

        server->post(QStringLiteral("/_test/emit"),
                     R"({"data":{"type":"notification","data":{"type":"info",
                         "content":"Maintenance at noon"}}})");
        auto* notices = w.window->findChild<NoticeBar*>();
        QTRY_VERIFY(notices->lines()
                        .join(QLatin1Char('|'))
                        .contains(QLatin1String("team: Maintenance at noon")));

        Chat imported;
        imported.title = QStringLiteral("Sorting in Python");
        imported.source = QStringLiteral("open-webui");
        imported.sourceId = QStringLiteral("c-two");
        imported.backend = QStringLiteral("team"); // brought over from it
        QVERIFY(w.app->store().chats().createChat(imported));
        w.window->findChild<ChatSidebar*>()->reload();
        server->post(QStringLiteral("/_test/emit"),
                     R"({"chat_id":"c-two","data":{"type":"chat:title","data":"Sorting, again"}})");
        QTRY_VERIFY_WITH_TIMEOUT(w.chatRows().contains(QStringLiteral("Sorting, again")), 10000);
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // The tools an admin attached to a model are chips over the composer, on; one switched
    // off is left out of the chat's requests and kept with the chat (a new chat keeps the
    // choice made before its first message, and the next new chat starts afresh).
    void theServersToolsSwitchedPerChat()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        auto made = signedInWindow(*server);
        QVERIFY(made);
        Window& w = *made; // over the live channel or not, the requests name the tools alike
        auto* tools = w.window->findChild<ServerToolChips*>();
        QVERIFY(w.pickOn(QStringLiteral("team"), QStringLiteral("llama3.2:latest")));
        QVERIFY(!tools->isVisible()); // a model without tools
        auto* picker = w.window->findChild<ModelPicker*>();
        const int preset =
            picker->findText(QStringLiteral("Code helper (code-helper)"), Qt::MatchStartsWith);
        QVERIFY(preset >= 0);
        picker->setCurrentIndex(preset);
        QCOMPARE(tools->offered(), QStringList{QStringLiteral("web_search")});
        QToolButton* chip = tools->chip(QStringLiteral("web_search"));
        QVERIFY(tools->isVisible() && chip->isChecked());
        QCOMPARE(chip->text(), QStringLiteral("Web search"));

        auto asked = [&] {
            return server->lastChatRequest()[QLatin1String("body")].toObject().value(
                QLatin1String("tool_ids"));
        };
        auto stored = [&] {
            auto chat = w.app->store().chats().chat(w.window->currentChatId());
            return chat && chat->has_value() ? ChatOptions::fromJson((**chat).params).serverToolsOff
                                             : QStringList{QStringLiteral("(no chat)")};
        };
        chip->click(); // off, before the chat's first message
        w.type(QStringLiteral("without the web"));
        w.window->send();
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QVERIFY2(asked().isUndefined(), qPrintable(QString::number(asked().type())));
        QCOMPARE(stored(), QStringList{QStringLiteral("web_search")});
        chip = tools->chip(QStringLiteral("web_search"));
        QVERIFY(!chip->isChecked()); // as the chat keeps it

        chip->click(); // on again, for this chat's next replies
        QCOMPARE(stored(), QStringList{});
        w.type(QStringLiteral("with the web"));
        w.window->send();
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        QCOMPARE(asked().toArray(), QJsonArray({QStringLiteral("web_search")}));

        tools->chip(QStringLiteral("web_search"))->click();
        QCOMPARE(stored(), QStringList{QStringLiteral("web_search")});
        w.window->newChat();
        QVERIFY(tools->chip(QStringLiteral("web_search"))->isChecked());
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // A channel that gave up says so in the top bar, with Retry, which tries again.
    void theChannelStoppedWithRetry()
    {
        auto server =
            std::make_unique<test::FakeServer>(QStringList{}, QStringLiteral("fake_openwebui.py"));
        auto made = signedInWindow(*server);
        QVERIFY(made);
        Window& w = *made;
        w.window->resize(1400, 800);
        auto* status = w.window->findChild<ServerStatus*>(QStringLiteral("backendStatus"));
        auto* channel = status->findChild<ServerChannel*>();
        QVERIFY(channel);
        channel->client().setTiming({50, 100, 0.5, 2000, 2, 60000}); // a shortened clock
        QTRY_VERIFY_WITH_TIMEOUT(
            status->accessibleDescription().contains(QLatin1String("Live updates: connected")),
            10000);
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("live updates stopped")),
                                 10000);
        QVERIFY2(status->text().contains(QLatin1String("href=\"retry:team\"")),
                 qPrintable(status->text()));
        Q_EMIT status->linkActivated(QStringLiteral("retry:team"));
        QVERIFY(channel->client().state() != SocketIoClient::State::Failed);
        QVERIFY(!status->text().contains(QLatin1String("live updates stopped")));
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }

    // A tool's input: the line it asks for, typed and sent back; cancelled is false.
    void anInputQuestion()
    {
        ServerEvent input;
        input.kind = ServerEvent::Kind::Input;
        input.title = QStringLiteral("Your name?");
        input.text = QStringLiteral("For the <i>report</i>");
        input.placeholder = QStringLiteral("Ann");
        input.value = QStringLiteral("A");
        for (const bool accept : {true, false}) {
            ServerQuestionDialog dialog(QStringLiteral("team"), input);
            std::optional<QJsonValue> answer;
            connect(&dialog, &ServerQuestionDialog::answered, this,
                    [&answer](const QJsonValue& a) { answer = a; });
            auto* line = dialog.findChild<QLineEdit*>(QStringLiteral("questionAnswer"));
            QVERIFY(line);
            QCOMPARE(line->text(), QStringLiteral("A"));
            QCOMPARE(line->placeholderText(), QStringLiteral("Ann"));
            QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("questionMessage"))->textFormat(),
                     Qt::PlainText);
            line->setText(QStringLiteral("Ann Example"));
            auto* buttons = dialog.findChild<QDialogButtonBox*>();
            buttons->button(accept ? QDialogButtonBox::Ok : QDialogButtonBox::Cancel)->click();
            QVERIFY(answer.has_value());
            QCOMPARE(*answer,
                     accept ? QJsonValue(QStringLiteral("Ann Example")) : QJsonValue(false));
        }
    }

    // A preset shows by the server's name for it, with the id it is asked by.
    void presetsByTheirNames()
    {
        Window w(nowhere());
        auto* picker = w.window->findChild<ModelPicker*>();
        QVERIFY(picker);
        ModelInfo preset;
        preset.name = QStringLiteral("code-helper");
        preset.displayName = preset.name;
        preset.title = QStringLiteral("Code helper");
        preset.backendName = QStringLiteral("team");
        preset.backendKind = BackendKind::OpenWebUi;
        picker->setModels({preset}, std::nullopt, {});
        QCOMPARE(picker->itemText(0), QStringLiteral("Code helper (code-helper)"));
    }

    // Before the sign-in ends, the top bar asks to sign in again: in its last quarter, for
    // a sign-in the server lets last a day (not at once), three days before for a long one.
    void askedToSignInBeforeTheSignInEnds_data()
    {
        QTest::addColumn<qint64>("signedInHoursAgo");
        QTest::addColumn<bool>("asked");
        QTest::addRow("just signed in") << qint64(0) << false;
        QTest::addRow("in its last quarter") << qint64(20) << true;
    }

    void askedToSignInBeforeTheSignInEnds()
    {
        QFETCH(qint64, signedInHoursAgo);
        QFETCH(bool, asked);
        test::FakeServer shortLived({QStringLiteral("--token-seconds"), QStringLiteral("86400")},
                                    QStringLiteral("fake_openwebui.py"));
        QVERIFY(shortLived.isRunning());
        QNetworkAccessManager nam;
        Window w(nowhere(), [&](AppContext& app) {
            std::optional<Result<OpenWebUiSession>> session;
            QObject context;
            OpenWebUiSignIn::signIn(&nam, shortLived.url(), QStringLiteral("ann@example.org"),
                                    QStringLiteral("correct horse"), &context,
                                    [&](Result<OpenWebUiSession> r) { session = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), 10000);
            BackendRecord record;
            record.name = QStringLiteral("team");
            record.kind = BackendKind::OpenWebUi;
            record.url = shortLived.url();
            auto kept = ServerSignIn::keep(app.backends(), app.secrets(), record, **session);
            QVERIFY(kept);
            QVERIFY(qAbs(kept->signedInAt - QDateTime::currentMSecsSinceEpoch()) < 60000);
            // As if it had begun earlier, ending as the server said.
            kept->signedInAt -= signedInHoursAgo * 3600 * 1000;
            kept->signedInUntil -= signedInHoursAgo * 3600 * 1000;
            QVERIFY(app.backends().update(*kept).ok());
        });
        auto* status = w.window->findChild<ServerStatus*>(QStringLiteral("backendStatus"));
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(
            status->accessibleDescription().contains(QLatin1String("sign in again in Settings")),
            10000);
        w.window->resize(1400, 800);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("team")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("connected")) ||
                                     status->text().contains(QLatin1String("sign in again soon")),
                                 10000);
        QCOMPARE(status->text().contains(QLatin1String("sign in again soon")), asked);
        QVERIFY(w.app->secrets().remove(backendSecretKey(QStringLiteral("team"))).ok());
    }
};

QTEST_MAIN(TestOpenWebUiWindow)
#include "tst_openwebuiwindow.moc"
