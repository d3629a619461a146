// SPDX-License-Identifier: GPL-3.0-or-later
// What the window costs to start beyond what it shows: it loads no image-format or
// icon-engine plugin (a stock clear button or SVG icon loads four libraries and reads
// through each of them), and its icons still draw.
#include "TestWindow.h"

#include "common/Icons.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QTest>

using namespace lyss;

class TestWindowStart : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;

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
        // The search still clears with a button of its own, named, shown while it has text.
        auto* clear = search->findChild<QAction*>(QStringLiteral("clearSearch"));
        QVERIFY(clear && clear->isVisible() && !clear->icon().isNull());
        QCOMPARE(clear->toolTip(), QStringLiteral("Clear the search"));
        clear->trigger();
        QVERIFY(search->text().isEmpty());
        QVERIFY(!clear->isVisible());
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
