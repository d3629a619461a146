// SPDX-License-Identifier: GPL-3.0-or-later
// The window in another language: every part takes up a live change at once (Chinese, a
// made-up language, and back), Settings included.
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

using namespace lyss;

// A language in which every word of Lyss is written ‹like this›: enough to see that each
// string is looked up again when the language changes.
class BracketTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* = nullptr,
                      int = -1) const override
    {
        if (!QByteArray(context).startsWith("lyss::"))
            return {};
        return QStringLiteral("‹%1›").arg(QString::fromUtf8(source));
    }
};

class TestWindowLanguage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // Another language is taken up at once by every part of the window, and back again.
    void languageChangeRetranslatesTheWindow()
    {
        Window w(m_server->url(), [](AppContext& app) {
            auto chat = app.store().chats().createChat({.title = QStringLiteral("Words")});
            Message m;
            m.chatId = chat->id;
            m.role = Role::Assistant;
            m.content = QStringLiteral("```\ncode\n```");
            QVERIFY(app.store().messages().addMessage(m).ok());
        });
        QVERIFY(w.laidOut());
        MessageView* view = w.window->messageView();
        view->viewport()->grab();
        QVERIFY(view->messageDelegate()
                    ->shownText(w.model()->at(0).id)
                    .contains(QStringLiteral("Copy")));
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        auto* themeMenu = w.window->findChild<QToolButton*>(QStringLiteral("themeButton"))->menu();
        QCOMPARE(send->text(), QStringLiteral("Send"));
        // The welcome page is made for the first empty chat, and then lives as long as the
        // window: it follows the language too.
        const QString words = w.window->currentChatId();
        w.window->newChat();
        QVERIFY(w.window->findChild<QWidget*>(QStringLiteral("downloadHere")));
        w.window->openChat(words);
        QVERIFY(w.laidOut());

        BracketTranslator brackets;
        QVERIFY(QCoreApplication::installTranslator(&brackets));
        QCoreApplication::processEvents(); // the LanguageChange events reach the widgets
        QCOMPARE(w.window->windowTitle(), QStringLiteral("‹Lyss›"));
        QCOMPARE(send->text(), QStringLiteral("‹Send›"));
        QCOMPARE(w.composer()->placeholderText(),
                 QStringLiteral("‹Send a message (Enter to send, Shift+Enter for a new line)›"));
        QCOMPARE(search->placeholderText(), QStringLiteral("‹Search chats (Ctrl+K)›"));
        QCOMPARE(w.window->findChild<QPushButton*>(QStringLiteral("newChat"))->text(),
                 QStringLiteral("‹New chat›"));
        QCOMPARE(w.window->findChild<QToolButton*>(QStringLiteral("jumpToLatest"))->text(),
                 QStringLiteral("‹↓ Jump to latest›"));
        QCOMPARE(w.window->findChild<QPushButton*>(QStringLiteral("retryButton"))->text(),
                 QStringLiteral("‹Retry›"));
        QCOMPARE(themeMenu->actions().first()->text(), QStringLiteral("‹Light›"));
        // The first-start page's download too (it lives as long as the window).
        QCOMPARE(w.window->findChild<QWidget*>(QStringLiteral("downloadHere"))
                     ->findChild<QPushButton*>()
                     ->text(),
                 QStringLiteral("‹Pull›"));
        QCOMPARE(view->accessibleName(), QStringLiteral("‹Messages›"));
        // The messages are laid out again with the new words.
        view->viewport()->grab();
        QVERIFY(view->messageDelegate()
                    ->shownText(w.model()->at(0).id)
                    .contains(QStringLiteral("‹Copy›")));

        QVERIFY(QCoreApplication::removeTranslator(&brackets));
        QCoreApplication::processEvents();
        QCOMPARE(send->text(), QStringLiteral("Send"));
        QCOMPARE(search->placeholderText(), QStringLiteral("Search chats (Ctrl+K)"));
    }

    // English says "1 chat" and "2 chats", not the source's "chat(s)"; so does a language
    // Lyss has no translation for. English is not offered as a translation of its own.
    void englishHasItsPluralForms()
    {
        const auto imported = [](int n) {
            return QCoreApplication::translate("ChatImporter", "Imported %n chat(s)", nullptr, n);
        };
        for (const QString& language :
             {QStringLiteral("en"), QStringLiteral("en_GB"), QStringLiteral("fr_FR"), QString()}) {
            QCOMPARE(Translations::use(language), QString());
            QCOMPARE(imported(1), QStringLiteral("Imported 1 chat"));
            QCOMPARE(imported(3), QStringLiteral("Imported 3 chats"));
            QCOMPARE(imported(0), QStringLiteral("Imported 0 chats"));
        }
        QCOMPARE(Translations::use(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(imported(2), QStringLiteral("已导入 2 个对话"));
        Translations::use(QStringLiteral("en"));
        for (const auto& [name, title] : Translations::available())
            QVERIFY2(!name.startsWith(QLatin1String("en")), qPrintable(name));
    }

    // Chinese from the translation compiled in, switched to and back at run time.
    void switchingToChineseAndBack()
    {
        Window w(m_server->url());
        bool chinese = false;
        for (const auto& [name, title] : Translations::available())
            chinese = chinese || (name == QLatin1String("zh_CN") && !title.isEmpty());
        QVERIFY(chinese);
        auto* send = w.window->findChild<QPushButton*>(QStringLiteral("sendButton"));
        w.window->setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QCOMPARE(w.app->settings().text(SettingKey::Language), QStringLiteral("zh_CN"));
        QCOMPARE(send->text(), QStringLiteral("发送"));
        QCOMPARE(w.composer()->placeholderText(),
                 QStringLiteral("发送消息（Enter 发送，Shift+Enter 换行）"));
        QCOMPARE(w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"))->placeholderText(),
                 QStringLiteral("搜索对话（Ctrl+K）"));
        QCOMPARE(w.window->themes()->titleOf(QStringLiteral("dark")), QStringLiteral("深色"));
        // Qt's own dialogs (the Yes and No of a question) speak it too.
        QVERIFY(
            QCoreApplication::translate("QPlatformTheme", "&Yes").startsWith(QStringLiteral("是")));
        w.window->setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(send->text(), QStringLiteral("Send"));

        // Chosen in an open Settings dialog: the dialog speaks it at once too, on the page
        // that was open, and back.
        SettingsDialog d(*w.app, *w.backends, w.window->models(), {}, w.window.get());
        d.offerThemes({{QStringLiteral("light"), QStringLiteral("Light")}},
                      QStringLiteral("light"));
        connect(&d, &SettingsDialog::languageChosen, w.window.get(), &MainWindow::setLanguage);
        d.show();
        auto* tabs = d.findChild<QTabWidget*>();
        tabs->setCurrentIndex(0);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Appearance"));
        // An edit not saved on another page is not thrown away by the switch.
        d.findChild<QPlainTextEdit*>(QStringLiteral("defaultSystemPrompt"))
            ->setPlainText(QStringLiteral("Be brief."));
        d.findChild<QComboBox*>(QStringLiteral("languageChoice"))->setFocus();
        auto choose = [&d](const QString& language) {
            auto* languages = d.findChild<QComboBox*>(QStringLiteral("languageChoice"));
            languages->setCurrentIndex(languages->findData(language));
        };
        choose(QStringLiteral("zh_CN"));
        QTRY_COMPARE(tabs->tabText(0), QStringLiteral("外观"));
        QCOMPARE(d.windowTitle(), QStringLiteral("设置"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("服务器"));
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(d.findChild<QPlainTextEdit*>(QStringLiteral("defaultSystemPrompt"))->toPlainText(),
                 QStringLiteral("Be brief."));
        QCOMPARE(tabs->tabText(2), QStringLiteral("对话"));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("languageChoice"));
        QCOMPARE(d.findChild<QComboBox*>(QStringLiteral("languageChoice"))->currentData(),
                 QVariant(QStringLiteral("zh_CN")));
        choose(QStringLiteral("en"));
        QTRY_COMPARE(tabs->tabText(0), QStringLiteral("Appearance"));
        QCOMPARE(d.windowTitle(), QStringLiteral("Settings"));
        d.close();
        w.window->setLanguage(QString());
    }
};

QTEST_MAIN(TestWindowLanguage)
#include "tst_windowlanguage.moc"
