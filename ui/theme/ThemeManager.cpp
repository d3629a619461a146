// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme/ThemeManager.h"

#include "common/SessionBus.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>

namespace lyss {

namespace {

// Both by hand: a regular expression here would be compiled (with PCRE2's pages) at every
// start, for three themes.
// ^[a-z0-9][a-z0-9-]{0,39}$
bool isThemeName(const QString& name)
{
    auto lowerOrDigit = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    };
    if (name.isEmpty() || name.size() > 40 || !lowerOrDigit(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [&](QChar c) { return lowerOrDigit(c) || c == QLatin1Char('-'); });
}

// ^#[0-9a-fA-F]{6}$
bool isHexColour(const QString& text)
{
    if (text.size() != 7 || text.front() != QLatin1Char('#'))
        return false;
    return std::all_of(text.begin() + 1, text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
    });
}

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalSettings = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");

const QStringList kBuiltIn{QStringLiteral("light"), QStringLiteral("dark"),
                           QStringLiteral("oled-dark")};

QJsonObject schema()
{
    static const QJsonObject s = [] {
        QFile f(QStringLiteral(":/themes/theme.schema.json"));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                           : QJsonObject();
    }();
    return s;
}

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// A portal value arrives as a variant in a variant (Read) or as one (ReadOne).
std::optional<uint> schemeFrom(QVariant v)
{
    while (v.canConvert<QDBusVariant>() && v.userType() == qMetaTypeId<QDBusVariant>())
        v = v.value<QDBusVariant>().variant();
    bool ok = false;
    const uint value = v.toUInt(&ok);
    return ok ? std::optional<uint>(value) : std::nullopt;
}

} // namespace

QStringList Theme::tokens()
{
    QStringList out;
    const QJsonArray required = schema()
                                    .value(QLatin1String("properties"))
                                    .toObject()
                                    .value(QLatin1String("colors"))
                                    .toObject()
                                    .value(QLatin1String("required"))
                                    .toArray();
    for (const QJsonValue& v : required)
        out << v.toString();
    return out;
}

QStringList Theme::syntaxTokens()
{
    return {QStringLiteral("codeKeyword"), QStringLiteral("codeType"),
            QStringLiteral("codeString"),  QStringLiteral("codeComment"),
            QStringLiteral("codeNumber"),  QStringLiteral("codePreprocessor"),
            QStringLiteral("codeFunction")};
}

QList<QColor> Theme::syntaxFallback(bool dark)
{
    // The built-in themes' own: 4.5:1 and more on their code backgrounds.
    const QStringList light{QStringLiteral("#cf222e"), QStringLiteral("#953800"),
                            QStringLiteral("#0a3069"), QStringLiteral("#57606a"),
                            QStringLiteral("#0550ae"), QStringLiteral("#116329"),
                            QStringLiteral("#6f42c1")};
    const QStringList night{QStringLiteral("#ff7b72"), QStringLiteral("#ffa657"),
                            QStringLiteral("#a5d6ff"), QStringLiteral("#8b949e"),
                            QStringLiteral("#79c0ff"), QStringLiteral("#7ee787"),
                            QStringLiteral("#d2a8ff")};
    QList<QColor> out;
    for (const QString& c : dark ? night : light)
        out << QColor(c);
    return out;
}

QList<QColor> Theme::syntax() const
{
    // Lyss's own for the code background there is (a light theme may have dark code).
    const QList<QColor> fallback =
        syntaxFallback(colors.value(QStringLiteral("codeBackground")).lightnessF() < 0.5);
    const QStringList names = syntaxTokens();
    QList<QColor> out;
    for (qsizetype i = 0; i < names.size(); ++i)
        out << colors.value(names[i], fallback.value(i));
    return out;
}

Result<Theme> Theme::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    const auto wrong = [&origin](const QString& what) {
        return Error{tr("The theme %1 is not usable: %2").arg(origin, what)};
    };
    if (parse.error != QJsonParseError::NoError)
        return wrong(
            tr("it is not valid JSON (%1 at byte %2).").arg(parse.errorString()).arg(parse.offset));
    if (!doc.isObject())
        return wrong(tr("it must be a JSON object."));
    const QJsonObject o = doc.object();
    const QJsonObject properties = schema().value(QLatin1String("properties")).toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!properties.contains(it.key()))
            return wrong(tr("\"%1\" is not a field of a theme.").arg(it.key()));
    }
    Theme t;
    t.origin = origin;
    if (!o.value(QLatin1String("name")).isString() ||
        !isThemeName(o.value(QLatin1String("name")).toString()))
        return wrong(tr("\"name\" must be a short name of lowercase letters, digits and dashes."));
    t.name = o.value(QLatin1String("name")).toString();
    if (o.value(QLatin1String("title")).toString().isEmpty())
        return wrong(tr("\"title\" must be the text a menu shows."));
    t.title = o.value(QLatin1String("title")).toString();
    if (!o.value(QLatin1String("dark")).isBool())
        return wrong(tr("\"dark\" must be true or false."));
    t.dark = o.value(QLatin1String("dark")).toBool();
    if (!o.value(QLatin1String("colors")).isObject())
        return wrong(tr("\"colors\" must be an object of colours."));
    const QJsonObject colors = o.value(QLatin1String("colors")).toObject();
    const QStringList known = tokens();
    const QStringList optional = syntaxTokens();
    for (auto it = colors.begin(); it != colors.end(); ++it) {
        if (!known.contains(it.key()) && !optional.contains(it.key()))
            return wrong(tr("\"colors.%1\" is not a colour a theme has.").arg(it.key()));
    }
    for (const QString& token : known + optional) {
        const QJsonValue v = colors.value(token);
        if (v.isUndefined() && optional.contains(token))
            continue; // syntax() falls back
        if (v.isUndefined())
            return wrong(tr("\"colors.%1\" is missing.").arg(token));
        if (!v.isString() || !isHexColour(v.toString()))
            return wrong(tr("\"colors.%1\" must be a colour written #RRGGBB.").arg(token));
        t.colors.insert(token, QColor(v.toString()));
    }
    return t;
}

Result<Theme> Theme::fromFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("The theme %1 cannot be read: %2").arg(path, f.errorString())};
    return fromJson(f.readAll(), path);
}

double Theme::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QList<QPair<QString, QString>> Theme::contrastPairs()
{
    const auto p = [](const char* text, const char* background) {
        return QPair<QString, QString>{QLatin1String(text), QLatin1String(background)};
    };
    return {p("text", "window"),
            p("text", "surface"),
            p("mutedText", "window"),
            p("mutedText", "surface"),
            p("mutedText", "userBubble"),
            p("userBubbleText", "userBubble"),
            p("avatarText", "avatar"),
            p("primaryText", "primary"),
            p("inputText", "input"),
            p("codeText", "codeBackground"),
            p("link", "surface"),
            p("link", "userBubble"),
            p("link", "codeBackground"),
            p("selectionText", "selection"),
            p("danger", "surface"),
            p("mutedText", "codeBackground"),
            p("codeKeyword", "codeBackground"),
            p("codeType", "codeBackground"),
            p("codeString", "codeBackground"),
            p("codeComment", "codeBackground"),
            p("codeNumber", "codeBackground"),
            p("codePreprocessor", "codeBackground"),
            p("codeFunction", "codeBackground")};
}

QPalette Theme::palette() const
{
    const auto c = [this](const char* token) { return color(QLatin1String(token)); };
    QPalette p;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, c("window"));
        p.setColor(group, QPalette::WindowText, c("text"));
        p.setColor(group, QPalette::Base, c("surface"));
        p.setColor(group, QPalette::AlternateBase, c("input"));
        p.setColor(group, QPalette::Text, c("text"));
        p.setColor(group, QPalette::PlaceholderText, c("mutedText"));
        p.setColor(group, QPalette::Button, c("input"));
        p.setColor(group, QPalette::ButtonText, c("inputText"));
        p.setColor(group, QPalette::BrightText, c("danger"));
        p.setColor(group, QPalette::Highlight, c("selection"));
        p.setColor(group, QPalette::HighlightedText, c("selectionText"));
        p.setColor(group, QPalette::Link, c("link"));
        p.setColor(group, QPalette::LinkVisited, c("link"));
        p.setColor(group, QPalette::ToolTipBase, c("surface"));
        p.setColor(group, QPalette::ToolTipText, c("text"));
        // The frame and bevel shades Fusion draws with.
        p.setColor(group, QPalette::Light, c("window").lighter(dark ? 130 : 105));
        p.setColor(group, QPalette::Midlight, c("border").lighter(110));
        p.setColor(group, QPalette::Mid, c("border"));
        p.setColor(group, QPalette::Dark, c("border").darker(130));
        p.setColor(group, QPalette::Shadow, dark ? QColor(Qt::black) : c("border").darker(160));
    }
    p.setColor(QPalette::Disabled, QPalette::Window, c("window"));
    p.setColor(QPalette::Disabled, QPalette::Base, c("window"));
    p.setColor(QPalette::Disabled, QPalette::Button, c("window"));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, c("mutedText"));
    p.setColor(QPalette::Disabled, QPalette::Highlight, c("border"));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c("text"));
    return p;
}

namespace {
// The palette the platform gave the application, before any theme replaced it.
QPalette platformPalette()
{
    static const QPalette first = QApplication::palette();
    return first;
}
} // namespace

ThemeManager::ThemeManager(const QString& userThemeDir, QObject* parent)
    : QObject(parent)
    , m_platformPalette(platformPalette())
{
    for (const QString& name : kBuiltIn) {
        auto theme = Theme::fromFile(QStringLiteral(":/themes/%1.json").arg(name));
        if (theme)
            m_builtIn << *theme;
        else
            qWarning("%s", qPrintable(theme.errorMessage())); // a build without the themes
    }
    const QDir dir(userThemeDir);
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        // Not a name filter (no regular expression); any case, as AppContext takes them.
        if (!file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            continue;
        auto theme = Theme::fromFile(dir.filePath(file));
        if (!theme) {
            m_problems << theme.errorMessage();
            continue;
        }
        if (choices().contains(theme->name)) {
            m_problems << tr("The theme %1 is not used: a theme named \"%2\" exists already.")
                              .arg(theme->origin, theme->name);
            continue;
        }
        m_user << *theme;
    }
    m_current = m_builtIn.value(0);

    if (!sessionbus::mayExist())
        return; // no portal to ask: the platform palette decides
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // QtDBus matches the slot's parameter types by name: QDBusVariant must be known.
        qRegisterMetaType<QDBusVariant>();
        bus.connect(kPortalService, kPortalPath, kPortalSettings, QStringLiteral("SettingChanged"),
                    this, SLOT(onPortalSettingChanged(QString, QString, QDBusVariant)));
        askPortal();
    }
}

void ThemeManager::askPortal()
{
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalSettings,
                                                       QStringLiteral("Read"));
    call << kAppearance << kColorScheme;
    auto* watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        const QDBusPendingReply<QVariant> reply = *w;
        if (!reply.isError()) // no portal: the platform palette decides
            setPortalColorScheme(schemeFrom(reply.value()));
        w->deleteLater();
    });
}

void ThemeManager::onPortalSettingChanged(const QString& nameSpace, const QString& key,
                                          const QDBusVariant& value)
{
    if (nameSpace == kAppearance && key == kColorScheme)
        setPortalColorScheme(schemeFrom(value.variant()));
}

void ThemeManager::setPortalColorScheme(std::optional<uint> value)
{
    const bool before = systemPrefersDark();
    m_portalScheme = value;
    if (m_choice == QLatin1String(kSystem) && systemPrefersDark() != before)
        apply();
}

bool ThemeManager::systemPrefersDark() const
{
    if (m_portalScheme == 1u)
        return true;
    if (m_portalScheme == 2u)
        return false;
    return m_platformPalette.color(QPalette::Window).lightness() < 128;
}

QStringList ThemeManager::choices() const
{
    QStringList out;
    for (const Theme& t : m_builtIn)
        out << t.name;
    out << QLatin1String(kSystem);
    for (const Theme& t : m_user)
        out << t.name;
    return out;
}

QString ThemeManager::titleOf(const QString& choice) const
{
    if (choice == QLatin1String(kSystem))
        return tr("Same as the system");
    for (const QList<Theme>* list : {&m_builtIn, &m_user}) {
        for (const Theme& t : *list) {
            if (t.name == choice)
                return t.name == QLatin1String("light")       ? tr("Light")
                       : t.name == QLatin1String("dark")      ? tr("Dark")
                       : t.name == QLatin1String("oled-dark") ? tr("OLED dark")
                                                              : t.title;
        }
    }
    return choice;
}

QString ThemeManager::nextChoice() const
{
    const QStringList cycle{QStringLiteral("light"), QStringLiteral("dark"),
                            QStringLiteral("oled-dark"), QLatin1String(kSystem)};
    const auto at = cycle.indexOf(m_choice);
    return cycle.at(at < 0 ? 0 : (at + 1) % cycle.size());
}

void ThemeManager::setChoice(const QString& choice)
{
    if (!choices().contains(choice)) {
        m_problems << tr("There is no theme named \"%1\" (ui.theme); Lyss uses the light theme.")
                          .arg(choice);
        m_choice = QStringLiteral("light");
    } else {
        m_choice = choice;
    }
    apply();
}

void ThemeManager::apply()
{
    QString name = m_choice;
    if (name == QLatin1String(kSystem))
        name = systemPrefersDark() ? QStringLiteral("dark") : QStringLiteral("light");
    for (const QList<Theme>* list : {&m_builtIn, &m_user}) {
        for (const Theme& t : *list) {
            if (t.name == name)
                m_current = t;
        }
    }
    // Fusion paints everything from the palette: one palette, every widget follows.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(m_current.palette());
    Q_EMIT changed();
}

} // namespace lyss
