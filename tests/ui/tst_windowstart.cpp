// SPDX-License-Identifier: GPL-3.0-or-later
// What the window costs to start beyond what it shows: it loads no image-format or
// icon-engine plugin (a stock clear button or SVG icon loads four libraries and reads
// through each of them), nor the code highlighter before there is code; and its icons
// still draw.
#include "TestWindow.h"

#include "common/Icons.h"
#include "common/SessionBus.h"
#include "markdown/CodeHighlighter.h"
#include "shell/MainWindow.h"
#include "shell/ServerStatus.h"
#include "shell/WelcomePage.h"
#include "store/ChatStore.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonValue>
#include <QLineEdit>
#include <QTest>

using namespace lyss;

class TestWindowStart : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

    // Whether a library whose file name starts with `name` is mapped into this process.
    static bool mapped(const QByteArray& name)
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (!maps.open(QIODevice::ReadOnly))
            return false;
        for (const QByteArray& line : maps.readAll().split('\n')) {
            if (line.mid(line.lastIndexOf('/') + 1).startsWith(name))
                return true;
        }
        return false;
    }

    // The Qt plugins this process has mapped, by their folder and file.
    static QStringList pluginsLoaded()
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (!maps.open(QIODevice::ReadOnly))
            return {QStringLiteral("(cannot read /proc/self/maps)")};
        QStringList out;
        for (const QByteArray& line : maps.readAll().split('\n')) {
            const qsizetype at = line.indexOf("/plugins/");
            if (at >= 0) {
                const QString plugin = QString::fromUtf8(line.mid(at + 9));
                if (!out.contains(plugin))
                    out << plugin;
            }
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::FakeServer>();
        QVERIFY(m_server->isRunning());
    }

    // Where no session bus can be found, the window does not start QtDBus to look for the
    // portal (its thread and 0.6 MiB of pages); first, before anything here has.
    void noSessionBusIsLookedForWhereThereIsNone()
    {
        // No address, no user bus (a login's $XDG_RUNTIME_DIR has one), no display
        // (tests/without-keyring.sh unsets it); all put back however the test ends.
        struct Unset {
            QByteArray name;
            QByteArray value = qgetenv(name.constData());
            bool was = qEnvironmentVariableIsSet(name.constData());
            explicit Unset(const char* n)
                : name(n)
            {
                qunsetenv(name.constData());
            }
            ~Unset()
            {
                if (was)
                    qputenv(name.constData(), value);
            }
        };
        auto address = std::make_unique<Unset>("DBUS_SESSION_BUS_ADDRESS");
        const Unset runtime("XDG_RUNTIME_DIR");
        const Unset display("DISPLAY");
        QVERIFY(!sessionbus::mayExist());
        {
            Window w(m_server->url());
            w.window->setTheme(QStringLiteral("system"));
            w.window->grab();
            QCOMPARE(test::threadsNamed(QStringLiteral("QDBusConnection")), 0);
        }
        address.reset(); // the script's address (a socket that is not there) is back
        QVERIFY(sessionbus::mayExist());
        Window w(m_server->url());
        QTRY_COMPARE(test::threadsNamed(QStringLiteral("QDBusConnection")), 1);
    }

    void noImagePluginIsLoaded()
    {
        Window w(m_server->url());
        w.window->setTheme(QStringLiteral("light"));
        QApplication::setWindowIcon(icons::bundled(QStringLiteral(":/icons/lyss.svg")));
        w.window->grab(); // painted, the search's clear button and every icon included
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        QTest::keyClicks(search, QStringLiteral("x"));
        w.window->grab();
        QStringList wrong;
        for (const QString& plugin : pluginsLoaded()) {
            if (plugin.startsWith(QLatin1String("imageformats/")) ||
                plugin.startsWith(QLatin1String("iconengines/")))
                wrong << plugin;
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char(' '))));
        // Nor the code highlighter: nothing on screen is code.
        QVERIFY(!mapped("lyss_highlight.so"));
        QVERIFY(!mapped("libsource-highlight"));
        QVERIFY(!mapped("libboost_regex"));
        // The search still clears with a button of its own, named, shown while it has text.
        auto* clear = search->findChild<QAction*>(QStringLiteral("clearSearch"));
        QVERIFY(clear && clear->isVisible() && !clear->icon().isNull());
        QCOMPARE(clear->toolTip(), QStringLiteral("Clear the search"));
        clear->trigger();
        QVERIFY(search->text().isEmpty());
        QVERIFY(!clear->isVisible());
    }

    // The search's thread begins with the first search: a start has none.
    void theSearchThreadBeginsWithTheFirstSearch()
    {
        const int before = test::threadsNamed(QStringLiteral("lyss search"));
        Window w(m_server->url());
        w.window->grab();
        QCOMPARE(test::threadsNamed(QStringLiteral("lyss search")), before);
        auto* search = w.window->findChild<QLineEdit*>(QStringLiteral("chatSearch"));
        QTest::keyClicks(search, QStringLiteral("hello"));
        QTRY_COMPARE(test::threadsNamed(QStringLiteral("lyss search")), before + 1);
    }

    // The servers are asked once the first frame is drawn, not before: a first request
    // sets up the network stack, which the first frame would wait for. Meanwhile the top
    // bar says they are being checked.
    void theServersAreAskedAfterTheFirstFrame()
    {
        m_server->reset();
        auto asked = [this] {
            int n = 0;
            for (const QJsonValue& r : m_server->requests())
                n += r[QLatin1String("path")].toString().startsWith(QLatin1String("/api/"));
            return n;
        };
        QTemporaryDir dir;
        AppContext::Options o;
        o.dataDir = dir.path();
        o.env = test::cleanEnvironment();
        o.env.insert(QStringLiteral("OLLAMA_BASE_URL"), m_server->url().toString());
        auto app = std::move(AppContext::open(o)).value();
        BackendSet backends(*app->effectiveBackends(), nullptr, 30000);
        Conversations conversations(app->store(), app->settings(), backends);
        {
            MainWindow window(*app, backends, conversations);
            QTest::qWait(50); // turns of the event loop, no frame
            QCOMPARE(asked(), 0);
            auto* status = window.findChild<ServerStatus*>(QStringLiteral("backendStatus"));
            QVERIFY(status && status->stillChecking());
            window.grab();             // the first frame
            QTRY_VERIFY(asked() >= 2); // the state and the models
            QTRY_VERIFY(window.findChild<QComboBox*>(QStringLiteral("modelPicker"))->count() > 0);
        }
        {
            // A window never shown asks all the same, after a moment.
            m_server->reset();
            MainWindow window(*app, backends, conversations);
            QTRY_VERIFY(asked() >= 2);
        }
    }

    // The welcome page is made for an empty chat, not at the start of every window: a
    // window opening on a chat with messages never makes it (it was 4% of the start's
    // work, made while the first chat was not open yet).
    void theWelcomePageIsMadeOnlyForAnEmptyChat()
    {
        {
            Window w(m_server->url(), [](AppContext& app) {
                auto chat = app.store().chats().createChat({.title = QStringLiteral("Old")});
                Message q;
                q.chatId = chat->id;
                q.role = Role::User;
                q.content = QStringLiteral("Hello");
                QVERIFY(app.store().messages().addMessage(q).ok());
            });
            w.window->grab();
            QTest::qWait(50);
            QCOMPARE(w.model()->rowCount(), 1);
            QVERIFY(!w.window->findChild<WelcomePage*>());
            w.window->newChat(); // an empty chat: now it is made, and shown
            auto* welcome = w.window->findChild<WelcomePage*>();
            QVERIFY(welcome);
            QTRY_VERIFY(welcome->isVisible());
        }
        {
            Window w(m_server->url()); // nothing yet: the first window is a new chat
            w.window->grab();
            auto* welcome = w.window->findChild<WelcomePage*>();
            QVERIFY(welcome);
            QTRY_VERIFY(welcome->isVisible());
        }
    }

    // The highlighter is loaded with the first code block, and highlights it.
    void theHighlighterComesWithTheFirstCodeBlock()
    {
        QVERIFY(!mapped("lyss_highlight.so"));
        const QString html = CodeHighlighter::toHtml(u"def f(): return 1", u"python");
        QVERIFY2(html.contains(QLatin1String("<span class=\"keyword\">def</span>")),
                 qPrintable(html));
        QVERIFY(mapped("lyss_highlight.so"));
        QVERIFY(mapped("libsource-highlight"));
    }

    // The application's icon keeps its own colours, drawn at each size asked.
    void theApplicationIconDraws()
    {
        const QIcon icon = icons::bundled(QStringLiteral(":/icons/lyss.svg"));
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(64, 64)).toImage();
        QCOMPARE(image.size(), QSize(64, 64));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                if (qAlpha(image.pixel(x, y)) == 255)
                    colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() >= 2, "drawn in one colour, or not at all");
    }
};

QTEST_MAIN(TestWindowStart)
#include "tst_windowstart.moc"
