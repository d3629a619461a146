// SPDX-License-Identifier: GPL-3.0-or-later
// Themes as data: the built-in files against their schema and WCAG AA contrast, user
// theme files (good and broken), and `system` following the desktop portal's light/dark
// setting as it changes. Runs on a private D-Bus session where this test plays the portal.
#include "TestSupport.h"

#include "conversation/MessageColors.h"
#include "theme/ThemeManager.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lyss;

namespace {

// The part of xdg-desktop-portal that says whether the desktop prefers dark.
class FakePortal : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    uint scheme = 1; // prefers dark
    int reads = 0;

public Q_SLOTS:
    QDBusVariant Read(const QString& nameSpace, const QString& key)
    {
        ++reads;
        if (nameSpace != QLatin1String("org.freedesktop.appearance") ||
            key != QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant(0u))));
        // As the portal answers Read: the value is a variant in a variant.
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant(scheme))));
    }
};

QString themeFile(const QString& name)
{
    return QStringLiteral(LYSS_SOURCE_DIR "/themes/%1.json").arg(name);
}

QJsonObject builtIn(const QString& name)
{
    QFile f(themeFile(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

} // namespace

class TestThemes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInThemesFitTheSchemaAndReachWcagAA_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("light") << "light";
        QTest::newRow("dark") << "dark";
        QTest::newRow("oled-dark") << "oled-dark";
    }

    void builtInThemesFitTheSchemaAndReachWcagAA()
    {
        QFETCH(QString, name);
        auto theme = Theme::fromFile(themeFile(name));
        QVERIFY2(theme.ok(), qPrintable(theme.errorMessage()));
        QCOMPARE(theme->name, name);
        // Every colour, those of highlighted code too.
        QCOMPARE(theme->colors.size(), Theme::tokens().size() + Theme::syntaxTokens().size());
        for (const auto& [text, background] : Theme::contrastPairs()) {
            const double ratio = Theme::contrast(theme->color(text), theme->color(background));
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1 in %4")
                                                  .arg(text, background)
                                                  .arg(ratio, 0, 'f', 2)
                                                  .arg(name)));
        }
        // The compiled-in copy is the file in the source tree.
        auto compiled = Theme::fromFile(QStringLiteral(":/themes/%1.json").arg(name));
        QVERIFY(compiled.ok());
        QCOMPARE(compiled->colors, theme->colors);
    }

    // A theme written before code was highlighted has no colours for it: it still loads,
    // and its code gets Lyss's own colours for a light or dark theme, which keep their
    // contrast on every built-in code background of that kind.
    void aThemeWithoutCodeColoursHasLyssOwn()
    {
        for (const QString& name :
             {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("oled-dark")}) {
            QJsonObject older = builtIn(name);
            QJsonObject colors = older[QLatin1String("colors")].toObject();
            for (const QString& token : Theme::syntaxTokens())
                colors.remove(token);
            older[QLatin1String("colors")] = colors;
            auto theme = Theme::fromJson(QJsonDocument(older).toJson(), QStringLiteral("older"));
            QVERIFY2(theme.ok(), qPrintable(theme.errorMessage()));
            const QList<QColor> syntax = theme->syntax();
            QCOMPARE(syntax, Theme::syntaxFallback(theme->dark));
            QCOMPARE(syntax.size(), Theme::syntaxTokens().size());
            for (const QColor& c : syntax)
                QVERIFY(Theme::contrast(c, theme->color(QStringLiteral("codeBackground"))) >= 4.5);
        }
        // One of its own is kept, the rest fall back.
        QJsonObject mixed = builtIn(QStringLiteral("dark"));
        QJsonObject colors = mixed[QLatin1String("colors")].toObject();
        colors[QLatin1String("codeKeyword")] = QStringLiteral("#ff00ff");
        colors.remove(QStringLiteral("codeString"));
        mixed[QLatin1String("colors")] = colors;
        auto theme = Theme::fromJson(QJsonDocument(mixed).toJson(), QStringLiteral("mixed"));
        QVERIFY(theme.ok());
        QCOMPARE(theme->syntax().at(0), QColor(QStringLiteral("#ff00ff")));
        QCOMPARE(theme->syntax().at(2), Theme::syntaxFallback(true).at(2));

        // Two kinds alike (or like the code's text): told apart for the window, so that a
        // theme switch, which finds each by its colour, keeps them apart.
        QJsonObject alike = builtIn(QStringLiteral("dark"));
        QJsonObject same = alike[QLatin1String("colors")].toObject();
        same[QLatin1String("codeType")] = same[QLatin1String("codeKeyword")];
        same[QLatin1String("codeFunction")] = same[QLatin1String("codeText")];
        alike[QLatin1String("colors")] = same;
        auto twins = Theme::fromJson(QJsonDocument(alike).toJson(), QStringLiteral("twins"));
        QVERIFY(twins.ok());
        const MessageColors shown = MessageColors::fromTheme(*twins);
        QList<QRgb> seen{shown.codeText.rgb(), shown.link.rgb()};
        for (const QColor& c : shown.syntax) {
            QVERIFY2(!seen.contains(c.rgb()), qPrintable(c.name()));
            seen << c.rgb();
        }
        // A light theme whose code is dark gets the colours made for dark code.
        QJsonObject lightDark = builtIn(QStringLiteral("light"));
        QJsonObject ld = lightDark[QLatin1String("colors")].toObject();
        for (const QString& token : Theme::syntaxTokens())
            ld.remove(token);
        ld[QLatin1String("codeBackground")] = QStringLiteral("#1e1e1e");
        ld[QLatin1String("codeText")] = QStringLiteral("#e0e0e0");
        lightDark[QLatin1String("colors")] = ld;
        auto mixedUp = Theme::fromJson(QJsonDocument(lightDark).toJson(), QStringLiteral("ld"));
        QVERIFY(mixedUp.ok());
        QCOMPARE(mixedUp->syntax(), Theme::syntaxFallback(true));
    }

    void contrastIsComputedAsWcagSaysIt()
    {
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrast(Qt::white, Qt::white), 1.0);
        QVERIFY(std::abs(Theme::contrast(QColor("#767676"), Qt::white) - 4.54) < 0.01);
    }

    void oledDarkIsTrueBlackWhereDarkIsGrey()
    {
        auto oled = Theme::fromFile(themeFile(QStringLiteral("oled-dark")));
        auto dark = Theme::fromFile(themeFile(QStringLiteral("dark")));
        QVERIFY(oled.ok() && dark.ok());
        QCOMPARE(oled->color(QStringLiteral("window")), QColor(Qt::black));
        QCOMPARE(oled->color(QStringLiteral("surface")), QColor(Qt::black));
        QVERIFY(dark->color(QStringLiteral("window")) != QColor(Qt::black));
        QVERIFY(oled->dark && dark->dark);
    }

    // A user's theme is used; a broken one is named with its field, left out, and asking
    // for it gives the light theme rather than garbage.
    void userThemesGoodAndBroken()
    {
        QTemporaryDir dir;
        QJsonObject sepia = builtIn(QStringLiteral("light"));
        sepia[QLatin1String("name")] = QStringLiteral("sepia");
        sepia[QLatin1String("title")] = QStringLiteral("Sepia");
        QJsonObject colors = sepia[QLatin1String("colors")].toObject();
        colors[QLatin1String("surface")] = QStringLiteral("#f6efe0");
        sepia[QLatin1String("colors")] = colors;
        write(dir.filePath(QStringLiteral("sepia.json")), QJsonDocument(sepia).toJson());

        QJsonObject missing = sepia;
        missing[QLatin1String("name")] = QStringLiteral("holes");
        colors.remove(QStringLiteral("link"));
        missing[QLatin1String("colors")] = colors;
        write(dir.filePath(QStringLiteral("holes.json")), QJsonDocument(missing).toJson());

        QJsonObject badColour = sepia;
        badColour[QLatin1String("name")] = QStringLiteral("mauve");
        QJsonObject mauve = sepia[QLatin1String("colors")].toObject();
        mauve[QLatin1String("text")] = QStringLiteral("mauve");
        badColour[QLatin1String("colors")] = mauve;
        write(dir.filePath(QStringLiteral("mauve.json")), QJsonDocument(badColour).toJson());

        write(dir.filePath(QStringLiteral("truncated.json")), "{\"name\": \"cut\", \"colors\": {");
        QJsonObject clash = sepia;
        clash[QLatin1String("name")] = QStringLiteral("dark");
        write(dir.filePath(QStringLiteral("clash.json")), QJsonDocument(clash).toJson());
        QJsonObject extra = sepia;
        extra[QLatin1String("name")] = QStringLiteral("extra");
        extra[QLatin1String("font")] = QStringLiteral("Comic Sans");
        write(dir.filePath(QStringLiteral("extra.json")), QJsonDocument(extra).toJson());
        // A file's suffix in any case, as a name filter took it; a name and a colour with a
        // line break after them, which a regular expression's $ let through, are refused.
        QJsonObject upper = sepia;
        upper[QLatin1String("name")] = QStringLiteral("upper");
        write(dir.filePath(QStringLiteral("Upper.JSON")), QJsonDocument(upper).toJson());
        QJsonObject newline = sepia;
        newline[QLatin1String("name")] = QStringLiteral("newline\n");
        write(dir.filePath(QStringLiteral("newline.json")), QJsonDocument(newline).toJson());
        QJsonObject colourBreak = sepia;
        colourBreak[QLatin1String("name")] = QStringLiteral("colourbreak");
        QJsonObject broken = sepia[QLatin1String("colors")].toObject();
        broken[QLatin1String("text")] = QStringLiteral("#102030\n");
        colourBreak[QLatin1String("colors")] = broken;
        write(dir.filePath(QStringLiteral("colourbreak.json")),
              QJsonDocument(colourBreak).toJson());
        write(dir.filePath(QStringLiteral("notes.txt")), "not a theme");

        ThemeManager themes(dir.path());
        const QString said = themes.problems().join(QLatin1Char('\n'));
        QVERIFY2(themes.choices().contains(QStringLiteral("sepia")), qPrintable(said));
        QVERIFY2(themes.choices().contains(QStringLiteral("upper")), qPrintable(said));
        for (const QString& refused :
             {QStringLiteral("holes"), QStringLiteral("mauve"), QStringLiteral("cut"),
              QStringLiteral("extra"), QStringLiteral("newline\n"), QStringLiteral("colourbreak")})
            QVERIFY2(!themes.choices().contains(refused), qPrintable(refused));
        QCOMPARE(themes.problems().size(), 7);
        QVERIFY2(said.contains(QStringLiteral("holes.json")) &&
                     said.contains(QStringLiteral("\"colors.link\" is missing")),
                 qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("mauve.json")) &&
                said.contains(QStringLiteral("\"colors.text\" must be a colour written #RRGGBB")));
        QVERIFY(said.contains(QStringLiteral("truncated.json")) &&
                said.contains(QStringLiteral("not valid JSON")));
        QVERIFY(said.contains(QStringLiteral("clash.json")) &&
                said.contains(QStringLiteral("named \"dark\" exists already")));
        QVERIFY(said.contains(QStringLiteral("extra.json")) &&
                said.contains(QStringLiteral("\"font\" is not a field")));

        QSignalSpy changed(&themes, &ThemeManager::changed);
        themes.setChoice(QStringLiteral("sepia"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor("#f6efe0"));
        themes.setChoice(QStringLiteral("mauve"));
        QCOMPARE(themes.current().name, QStringLiteral("light"));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor("#ffffff"));
        QVERIFY(themes.problems().last().contains(QStringLiteral("no theme named \"mauve\"")));
    }

    // `system` asks the portal, and follows it when the desktop switches.
    void systemFollowsThePortal()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "this test runs on a private D-Bus session");
        // The portal on a connection of its own, as another process would be.
        QDBusConnection bus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("portal"));
        QVERIFY(bus.isConnected());
        FakePortal portal;
        QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &portal,
                                   QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));

        ThemeManager themes(QString{});
        themes.setChoice(QStringLiteral("light"));
        themes.setChoice(QString::fromLatin1(ThemeManager::kSystem));
        QTRY_COMPARE(themes.current().name, QStringLiteral("dark")); // the portal said dark
        QVERIFY(portal.reads >= 1);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor("#1b1c1f"));

        // The desktop switches to light: the portal says so with SettingChanged.
        QSignalSpy changed(&themes, &ThemeManager::changed);
        QDBusMessage signal = QDBusMessage::createSignal(
            QStringLiteral("/org/freedesktop/portal/desktop"),
            QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("SettingChanged"));
        signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
               << QVariant::fromValue(QDBusVariant(QVariant(2u)));
        QVERIFY(bus.send(signal));
        QTRY_COMPARE(themes.current().name, QStringLiteral("light"));
        QCOMPARE(changed.size(), 1);

        // Other settings, and a theme chosen by name, are not moved by the portal.
        themes.setChoice(QStringLiteral("oled-dark"));
        signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/portal/desktop"),
                                            QStringLiteral("org.freedesktop.portal.Settings"),
                                            QStringLiteral("SettingChanged"));
        signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
               << QVariant::fromValue(QDBusVariant(QVariant(1u)));
        QVERIFY(bus.send(signal));
        QTest::qWait(200);
        QCOMPARE(themes.current().name, QStringLiteral("oled-dark"));

        bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
        bus.unregisterObject(QStringLiteral("/org/freedesktop/portal/desktop"));
        QDBusConnection::disconnectFromBus(QStringLiteral("portal"));
    }

    // No portal: the palette the platform gave decides (here a light one).
    void systemWithoutPortalUsesThePlatformPalette()
    {
        ThemeManager themes(QString{});
        themes.setPortalColorScheme(std::nullopt);
        themes.setChoice(QString::fromLatin1(ThemeManager::kSystem));
        QCOMPARE(themes.systemPrefersDark(), false);
        QCOMPARE(themes.current().name, QStringLiteral("light"));
        // "no preference" from a portal also leaves it to the palette.
        themes.setPortalColorScheme(0u);
        QCOMPARE(themes.current().name, QStringLiteral("light"));
        themes.setPortalColorScheme(1u);
        QCOMPARE(themes.current().name, QStringLiteral("dark"));
    }

    void cycleOrder()
    {
        ThemeManager themes(QString{});
        QStringList seen;
        themes.setChoice(QStringLiteral("light"));
        for (int i = 0; i < 4; ++i) {
            themes.setChoice(themes.nextChoice());
            seen << themes.choice();
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("dark"), QStringLiteral("oled-dark"),
                                    QStringLiteral("system"), QStringLiteral("light")}));
    }
};

QTEST_MAIN(TestThemes)
#include "tst_themes.moc"
