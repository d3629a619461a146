// SPDX-License-Identifier: GPL-3.0-or-later
// How the window looks: themes switched live (and followed when set elsewhere), icons in
// the theme's colour, every control named for assistive technology, message actions from
// the keyboard, and Settings' servers, options and pulls.
#include "TestSupport.h"
#include "TestWindow.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "chat/Conversations.h"
#include "conversation/Composer.h"
#include "conversation/MessageDelegate.h"
#include "conversation/MessageLayout.h"
#include "conversation/MessageModel.h"
#include "conversation/MessageView.h"
#include "markdown/MarkdownRenderer.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "sidebar/ChatSidebar.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"
#include "theme/ThemeManager.h"
#include "util/Translations.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <functional>

using namespace lyss;

class TestWindowLook : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // Switching theme is instant and complete: the palette, the message view's colours and
    // the stored choice; Ctrl+Shift+L cycles light → dark → OLED dark → system.
    void themesSwitchLive()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Colours")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::User;
            m.content = QStringLiteral("a question in a bubble");
            auto question = app.store().messages().addMessage(m);
            QVERIFY(question.ok());
            Message reply;
            reply.chatId = chat->id;
            reply.parentId = question->id;
            reply.role = Role::Assistant;
            reply.content = QStringLiteral("Some code from [the docs](https://example.org/docs):"
                                           "\n\n```c\nint x = 1;\nint y = 2;\n```");
            QVERIFY(app.store().messages().addMessage(reply).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        w.window->setTheme(QStringLiteral("light"));
        QCoreApplication::processEvents();
        view->viewport()->grab(); // everything laid out
        const int layouts = view->messageDelegate()->layoutsBuilt();
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor("#f4f5f7"));
        QCOMPARE(view->messageDelegate()->colors().userBubble, QColor("#e8effd"));

        w.window->setTheme(QStringLiteral("dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor("#1b1c1f"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor("#232428"));
        QCOMPARE(view->messageDelegate()->colors().userBubble, QColor("#2b3b5c"));
        QCOMPARE(w.app->settings().text(SettingKey::Theme), QStringLiteral("dark"));
        // What is painted next follows: the conversation's background and your bubble.
        QCoreApplication::processEvents();
        QImage shot = view->viewport()->grab().toImage();
        QCOMPARE(QColor(shot.pixel(2, shot.height() - 2)), QColor("#232428"));
        const QRect bubble = view->visualRect(w.model()->index(0));
        bool bubbleSeen = false;
        for (int x = bubble.left(); x < bubble.right() && !bubbleSeen; x += 4)
            bubbleSeen = QColor(shot.pixel(x, bubble.center().y())) == QColor("#2b3b5c");
        QVERIFY(bubbleSeen);
        // The code block is re-coloured in place: no message was laid out again.
        const QRect answer = view->visualRect(w.model()->index(1));
        bool codeSeen = false;
        for (int y = answer.top(); y < answer.bottom() && !codeSeen; y += 2)
            codeSeen = QColor(shot.pixel(answer.center().x(), y)) == QColor("#16171a");
        QVERIFY(codeSeen);
        QCOMPARE(view->messageDelegate()->layoutsBuilt(), layouts);
        // Links already on screen (the text's and the code block's Copy) take the new
        // theme's link colour, which reads on the conversation (WCAG AA).
        // The colours of the reply's pieces of text that `wanted` picks, as laid out.
        const auto inksOf = [&](const std::function<bool(const QTextFragment&)>& wanted) {
            QSet<QRgb> inks;
            const auto layout = view->messageDelegate()->layoutCache().find(w.model()->at(1).id);
            for (const auto& part : layout->parts) {
                if (!part)
                    continue; // not laid out (yet)
                for (QTextBlock b = part->begin(); b.isValid(); b = b.next()) {
                    for (auto it = b.begin(); !it.atEnd(); ++it) {
                        if (wanted(it.fragment()))
                            inks << it.fragment().charFormat().foreground().color().rgb();
                    }
                }
            }
            return inks;
        };
        const auto linkColours = [&] {
            return inksOf([](const QTextFragment& f) { return f.charFormat().isAnchor(); });
        };
        const QColor darkLink = w.window->themes()->current().color(QStringLiteral("link"));
        QCOMPARE(linkColours(), QSet<QRgb>{darkLink.rgb()});
        QVERIFY(Theme::contrast(darkLink, QColor("#232428")) >= 4.5);
        // Documents made after the switch (another width lays the messages out anew) are
        // made with the new theme's style sheet, not the old one's.
        const QSize wide = w.window->size();
        int builtBefore = view->messageDelegate()->layoutsBuilt();
        const auto laidOutAgain = [&] {
            view->viewport()->grab();
            return view->messageDelegate()->layoutsBuilt() > builtBefore;
        };
        w.window->resize(640, w.window->height()); // narrower than the text column
        QTest::qWait(250);                         // the breakpoint settles too
        QTRY_VERIFY_WITH_TIMEOUT(laidOutAgain(), 5000);
        QCOMPARE(linkColours(), QSet<QRgb>{darkLink.rgb()});
        builtBefore = view->messageDelegate()->layoutsBuilt();
        w.window->resize(wide);
        QTest::qWait(250);
        QTRY_VERIFY_WITH_TIMEOUT(laidOutAgain(), 5000);
        // Highlighted code takes the new theme's colours too: the type "int".
        const auto typeColours = [&] {
            return inksOf([](const QTextFragment& f) { return f.text() == QLatin1String("int"); });
        };
        QCOMPARE(typeColours(), QSet<QRgb>{w.window->themes()->current().syntax().at(1).rgb()});
        QCOMPARE(typeColours(), QSet<QRgb>{QColor("#ffa657").rgb()});

        w.window->activateWindow();
        QTest::keyClick(w.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("oled-dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QCoreApplication::processEvents();
        shot = view->viewport()->grab().toImage();
        QCOMPARE(QColor(shot.pixel(2, shot.height() - 2)), QColor(Qt::black));
        QCOMPARE(linkColours(),
                 QSet<QRgb>{w.window->themes()->current().color(QStringLiteral("link")).rgb()});
        QTest::keyClick(w.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("system"));
        QCOMPARE(w.app->settings().text(SettingKey::Theme), QStringLiteral("system"));
        // A theme set anywhere else (the settings, not the window) is worn at once.
        {
            // The window's own choice is worn even when the environment names another.
            Window env(m_server->url(), {}, {},
                       {{QStringLiteral("LYSS_THEME"), QStringLiteral("dark")}});
            QCOMPARE(env.window->themes()->choice(), QStringLiteral("dark"));
            env.window->setTheme(QStringLiteral("light"));
            QCOMPARE(env.window->themes()->choice(), QStringLiteral("light"));
        }
        QVERIFY(w.app->settings().set(SettingKey::Theme, QStringLiteral("oled-dark")).ok());
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("oled-dark"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
        QVERIFY(w.app->settings().unset(QStringLiteral("ui.theme")).ok());
        QCOMPARE(w.window->themes()->choice(), QStringLiteral("system"));
        // The theme menu offers the same, the one in use checked.
        QMenu* menu = w.window->findChild<QToolButton*>(QStringLiteral("themeButton"))->menu();
        QStringList checked;
        for (QAction* a : menu->actions()) {
            if (a->isChecked())
                checked << a->text();
        }
        QCOMPARE(checked, QStringList{QStringLiteral("Same as the system")});
        // And the settings dialog's Appearance page.
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")},
                       {QStringLiteral("dark"), QStringLiteral("Dark")}},
                      QStringLiteral("light"));
        connect(&d, &SettingsDialog::themeChosen, w.window.get(), &MainWindow::setTheme);
        auto* choice = d.findChild<QComboBox*>(QStringLiteral("themeChoice"));
        QVERIFY(choice);
        choice->setCurrentIndex(choice->findData(QStringLiteral("dark")));
        QCOMPARE(w.window->themes()->current().name, QStringLiteral("dark"));
        w.window->setTheme(QStringLiteral("light"));
    }

    // Your own message's code block and table stay inside its bubble, with room on both
    // sides, however long their lines.
    void codeStaysInsideYourBubble()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Bubble")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::User;
            m.content = QStringLiteral("Why does this fail?\n\n```\n") +
                        QStringLiteral("x").repeated(400) +
                        QStringLiteral("\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        w.window->setTheme(QStringLiteral("light"));
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(w.model()->index(0));
        const QColor bubble = view->messageDelegate()->colors().userBubble;
        const QColor code = view->messageDelegate()->colors().codeBackground;
        int bubbleLeft = shot.width(), bubbleRight = -1, codeLeft = shot.width(), codeRight = -1;
        for (int y = std::max(0, row.top()); y <= std::min(row.bottom(), shot.height() - 1); ++y) {
            for (int x = 0; x < shot.width(); ++x) {
                const QColor c(shot.pixel(x, y));
                if (c == bubble) {
                    bubbleLeft = std::min(bubbleLeft, x);
                    bubbleRight = std::max(bubbleRight, x);
                } else if (c == code) {
                    codeLeft = std::min(codeLeft, x);
                    codeRight = std::max(codeRight, x);
                }
            }
        }
        QVERIFY(bubbleRight > 0 && codeRight > 0);
        QVERIFY2(codeLeft >= bubbleLeft + 6 && codeRight <= bubbleRight - 6,
                 qPrintable(QStringLiteral("bubble %1–%2, code %3–%4")
                                .arg(bubbleLeft)
                                .arg(bubbleRight)
                                .arg(codeLeft)
                                .arg(codeRight)));
        w.window->setTheme(QStringLiteral("system"));
    }

    // The top bar's buttons are icons in the theme's text colour, named for screen readers.
    void topBarIconsFollowTheTheme()
    {
        Window w(m_server->url());
        const auto inkOf = [](const QIcon& icon) {
            const QImage image = icon.pixmap(24, 24).toImage();
            QColor ink;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qAlpha(image.pixel(x, y)) == 255)
                        ink = QColor(image.pixel(x, y));
            return ink;
        };
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            w.window->setTheme(theme);
            const QColor text = w.window->themes()->current().color(QStringLiteral("text"));
            for (const char* name : {"sidebarToggle", "themeButton", "settingsButton"}) {
                auto* button = w.window->findChild<QToolButton*>(QLatin1String(name));
                QVERIFY(button);
                QVERIFY2(button->text().isEmpty(), name); // no glyph standing in for an icon
                QVERIFY2(!button->icon().isNull(), name);
                QCOMPARE(inkOf(button->icon()).rgb(), text.rgb());
                // Sharp on a high-DPI screen: drawn at twice the pixels, not scaled.
                const QPixmap sharp = button->icon().pixmap(QSize(24, 24), 2.0);
                QCOMPARE(sharp.size(), QSize(48, 48));
                QCOMPARE(sharp.devicePixelRatio(), 2.0);
                QVERIFY(!button->accessibleName().isEmpty() && !button->toolTip().isEmpty());
            }
        }
        w.window->setTheme(QStringLiteral("system"));
    }

    // Every control a user can reach says what it is to a screen reader, in the window and
    // in the settings dialog, and takes keyboard focus.
    void everyControlHasAnAccessibleName()
    {
        Window w(m_server->url());
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")}},
                      QStringLiteral("light"));
        QStringList unnamed;
        QSet<QWidget*> seen;
        for (QWidget* root : {static_cast<QWidget*>(w.window.get()), static_cast<QWidget*>(&d)}) {
            for (QWidget* widget : root->findChildren<QWidget*>()) {
                const bool control =
                    qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
                    qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
                    qobject_cast<QPlainTextEdit*>(widget) ||
                    qobject_cast<QAbstractItemView*>(widget);
                QWidget* parent = widget->parentWidget();
                // Parts of another control are named through it.
                const bool part =
                    parent &&
                    (qobject_cast<QAbstractSpinBox*>(parent) || qobject_cast<QComboBox*>(parent) ||
                     qobject_cast<QLineEdit*>(parent) || qobject_cast<QAbstractItemView*>(parent) ||
                     parent->inherits("QComboBoxPrivateContainer"));
                if (!control || part || widget->inherits("QTabBar") || seen.contains(widget))
                    continue;
                seen.insert(widget);
                // What a screen reader says: the accessible name, a button's text, or the
                // label of a form row (its buddy).
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(widget);
                const QString name = a ? a->text(QAccessible::Name) : QString();
                // A symbol alone ("⚙", "◐") is no name; words are.
                if (!name.contains(QRegularExpression(QStringLiteral("\\w{2}"))))
                    unnamed << QStringLiteral("%1 %2 \"%3\"")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()),
                                        widget->objectName(), name);
                if (widget->focusPolicy() == Qt::NoFocus)
                    unnamed << QStringLiteral("%1 %2 takes no keyboard focus")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()),
                                        widget->objectName());
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
    }

    // Everything the hover buttons do can be done from the keyboard: Up and Down move a
    // visible focus frame between messages, the Menu key opens the message's menu.
    void keyboardReachesMessageActions()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Keys")});
            Message q;
            q.chatId = chat->id;
            q.role = Role::User;
            q.content = QStringLiteral("plain question");
            auto question = app.store().messages().addMessage(q);
            QVERIFY(question.ok());
            for (const QString& text :
                 {QStringLiteral("first answer"), QStringLiteral("second answer")}) {
                Message a;
                a.chatId = chat->id;
                a.parentId = question->id;
                a.role = Role::Assistant;
                a.content = text;
                QVERIFY(app.store().messages().addMessage(a).ok());
            }
        });
        QVERIFY(w.laidOut());
        w.window->setTheme(QStringLiteral("light"));
        MessageView* view = w.window->messageView();
        QCOMPARE(w.model()->rowCount(), 2);
        view->setFocus();
        QVERIFY(view->hasFocus());
        QCOMPARE(view->currentIndex().row(), 1); // the latest message first
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(view->currentIndex().row(), 0);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);

        // The frame is drawn in the accent colour around the current (the model's) message.
        QCoreApplication::processEvents();
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(view->currentIndex());
        int framePixels = 0;
        for (int y = row.top(); y <= row.bottom(); ++y) {
            for (int x = row.left(); x <= row.right(); ++x) {
                const QColor c(shot.pixel(x, y));
                if (std::abs(c.red() - 0x25) + std::abs(c.green() - 0x63) +
                        std::abs(c.blue() - 0xeb) <
                    40)
                    ++framePixels;
            }
        }
        QVERIFY2(framePixels > 2 * row.height(), qPrintable(QString::number(framePixels)));

        auto texts = [](QMenu* menu) {
            QStringList out;
            for (QAction* a : menu->actions())
                out << a->text();
            delete menu;
            return out;
        };
        // Shift+F10 opens the current message's menu, as the Menu key does (which the
        // platform turns into a context menu event, out of a test's reach).
        {
            QStringList opened;
            QTimer::singleShot(0, this, [&opened] {
                if (auto* popup = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                    for (QAction* a : popup->actions())
                        opened << a->text();
                    popup->close();
                }
            });
            QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
            QVERIFY2(opened.contains(QStringLiteral("Regenerate")), qPrintable(opened.join(',')));
        }
        const QStringList replyMenu = texts(view->menuFor(1));
        QVERIFY2(replyMenu.contains(QStringLiteral("Regenerate")), qPrintable(replyMenu.join(',')));
        QVERIFY(replyMenu.contains(QStringLiteral("Previous version (1 of 2)")));
        QVERIFY(replyMenu.contains(QStringLiteral("Delete…")));
        QVERIFY(!replyMenu.contains(QStringLiteral("Next version (3 of 2)")));
        QVERIFY(texts(view->menuFor(0)).contains(QStringLiteral("Edit and send again")));

        // Its entries do what the buttons do: here, switch to the first answer.
        QMenu* menu = view->menuFor(1);
        for (QAction* a : menu->actions()) {
            if (a->text().startsWith(QLatin1String("Previous version")))
                a->trigger();
        }
        delete menu;
        QTRY_COMPARE(w.model()->at(1).content, QStringLiteral("first answer"));
    }

    void settingsServersOptionsAndPull()
    {
        Window w(m_server->url());
        QVERIFY(w.pick(QStringLiteral("llama3.2:latest")));
        w.type(QStringLiteral("hi"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const QString chatId = w.window->currentChatId();

        SettingsDialog d(*w.app, *w.backends, w.window->models(), chatId, w.window.get());
        QSignalSpy answered(&d, &SettingsDialog::finishedWork);
        // Test with nothing chosen and one server: that one.
        d.testServer({});
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().startsWith(QStringLiteral("✓ ollama answers")),
                 qPrintable(d.lastMessage()));
        // Servers: add, refuse nonsense, test, refuse removing what the environment set.
        QVERIFY(!d.addServer(QStringLiteral("openai"), QStringLiteral("local"),
                             QStringLiteral("localhost:8080"), {}));
        QVERIFY(d.lastMessage().contains(QStringLiteral("not a server address")));
        QVERIFY(d.addServer(QStringLiteral("openai"), QStringLiteral("local"),
                            m_server->url(QStringLiteral("/v1")).toString(), {}));
        QVERIFY((*w.app->backends().find(QStringLiteral("local"))).has_value());
        // "Model for new chats" offers the new server's models a moment later.
        auto* defaultModel = d.findChild<QComboBox*>(QStringLiteral("defaultModel"));
        QCOMPARE(defaultModel->findData(QStringLiteral("local/llama3.2:latest")), -1);
        QTRY_VERIFY_WITH_TIMEOUT(
            defaultModel->findData(QStringLiteral("local/llama3.2:latest")) > 0, 10000);
        d.testServer(QStringLiteral("local"));
        QVERIFY(answered.wait(10000));
        QVERIFY2(d.lastMessage().startsWith(QStringLiteral("✓ local answers")),
                 qPrintable(d.lastMessage()));
        QVERIFY(!d.removeServer(QStringLiteral("ollama")));
        QVERIFY(d.lastMessage().contains(QStringLiteral("environment")));
        QVERIFY(!d.editServer(QStringLiteral("ollama")));

        // Edit: a wrong address is refused and changes nothing; a right one is stored.
        QVERIFY(d.editServer(QStringLiteral("local")));
        QVERIFY(!d.saveServer(QStringLiteral("openai"), QStringLiteral("localhost:1"), {}));
        QCOMPARE((*w.app->backends().find(QStringLiteral("local")))->url,
                 m_server->url(QStringLiteral("/v1")));
        QVERIFY(d.saveServer(QStringLiteral("openai"),
                             m_server->url(QStringLiteral("/v1/")).toString(), {}));
        QVERIFY2(d.lastMessage().startsWith(QStringLiteral("Saved local")),
                 qPrintable(d.lastMessage()));
        QCOMPARE((*w.app->backends().find(QStringLiteral("local")))->kind, BackendKind::OpenAI);
        QVERIFY(!d.saveServer(QStringLiteral("openai"), m_server->url().toString(), {}));

        // The window takes the new server in: two backends, names made unique.
        w.window->rebuildBackends();
        QTRY_VERIFY_WITH_TIMEOUT(w.picker()->findData(QStringLiteral("local/llama3.2:latest")) >= 0,
                                 10000);
        QVERIFY(w.picker()
                    ->itemText(w.picker()->findData(QStringLiteral("local/llama3.2:latest")))
                    .contains(QStringLiteral("local")));

        // This chat's options reach the next request.
        d.findChildren<QDoubleSpinBox*>().first()->setValue(0.4);
        d.findChildren<QSpinBox*>().first()->setValue(4096);
        QVERIFY(d.saveChatOptions());
        QVERIFY(w.pick(QStringLiteral("ollama/llama3.2:latest")));
        w.type(QStringLiteral("again"));
        QTest::keyClick(w.composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(w.last().status, MessageStatus::Complete, 10000);
        const QJsonObject sent = m_server->requests().last()[QLatin1String("body")].toObject();
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("temperature")].toDouble(), 0.4);
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("num_ctx")].toInt(), 4096);

        // Pull a model with a progress bar.
        d.pullModel(QStringLiteral("tinyllama"));
        QVERIFY(answered.wait(20000));
        QCOMPARE(d.lastMessage(), QStringLiteral("Downloaded tinyllama."));
        QCOMPARE(d.findChild<QProgressBar*>(QStringLiteral("pullProgress"))->value(), 1000);

        QVERIFY(d.removeServer(QStringLiteral("local")));
        QVERIFY(!(*w.app->backends().find(QStringLiteral("local"))).has_value());
    }
};

QTEST_MAIN(TestWindowLook)
#include "tst_windowlook.moc"
