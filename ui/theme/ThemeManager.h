// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QStringList>

#include <optional>

class QDBusVariant;

namespace lyss {

// A colour theme: named colour tokens (themes/theme.schema.json lists them), read from
// JSON. Built-in themes are compiled in (":/themes/"); a user adds one by dropping a
// file into <data dir>/themes/.
struct Theme {
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    QString name;  // what ui.theme is set to
    QString title; // what a menu shows
    bool dark = false;
    QHash<QString, QColor> colors;
    QString origin; // the file it came from

    QColor color(const QString& token) const { return colors.value(token); }

    // The theme in `json`, checked against the schema; an error names `origin` and the
    // field that is wrong.
    static Result<Theme> fromJson(const QByteArray& json, const QString& origin);
    static Result<Theme> fromFile(const QString& path);
    // The colour tokens every theme defines, from the schema.
    static QStringList tokens();
    // The colours of highlighted code (codeKeyword, ...), one for each of
    // CodeHighlighter::kinds(): a theme may leave them out (themes written before them do),
    // and then has syntaxFallback()'s for its code background, light or dark.
    static QStringList syntaxTokens();
    static QList<QColor> syntaxFallback(bool dark);
    QList<QColor> syntax() const;
    // WCAG 2 contrast ratio of two colours (1 to 21).
    static double contrast(const QColor& a, const QColor& b);
    // The text/background pairs that must reach 4.5:1 (WCAG AA).
    static QList<QPair<QString, QString>> contrastPairs();

    // The palette the widgets paint with.
    QPalette palette() const;
};

// Which theme the window wears, and switching it live. `system` follows the desktop's
// light/dark preference: the XDG desktop portal's org.freedesktop.appearance
// color-scheme setting and its change signal, or, with no portal, the palette the
// platform gave Qt.
class ThemeManager : public QObject {
    Q_OBJECT

public:
    static constexpr const char* kSystem = "system";

    // `userThemeDir`: where user themes are read from (<data dir>/themes); may not exist.
    explicit ThemeManager(const QString& userThemeDir, QObject* parent = nullptr);

    // light, dark, oled-dark, system, then the user's themes by name.
    QStringList choices() const;
    QString titleOf(const QString& choice) const;
    // What went wrong reading the user's theme files or the chosen theme, in words.
    QStringList problems() const { return m_problems; }

    QString choice() const { return m_choice; }
    const Theme& current() const { return m_current; }
    // Applies a theme (or `system`) to the whole application, at once. An unknown name
    // falls back to light and says so in problems().
    void setChoice(const QString& choice);
    // The next of light → dark → OLED dark → system → light.
    QString nextChoice() const;

    // The desktop prefers dark (portal answer, or the platform palette without one).
    bool systemPrefersDark() const;
    // The portal's color-scheme value: 1 prefers dark, 2 prefers light, 0 no preference.
    void setPortalColorScheme(std::optional<uint> value);

Q_SIGNALS:
    // The theme in use changed (colours to take up: MessageDelegate, style sheets).
    void changed();

public Q_SLOTS:
    // The portal's SettingChanged signal (QtDBus connects only to public slots).
    void onPortalSettingChanged(const QString& nameSpace, const QString& key,
                                const QDBusVariant& value);

private:
    void apply();
    void askPortal();

    QList<Theme> m_builtIn;
    QList<Theme> m_user;
    QStringList m_problems;
    QString m_choice = QStringLiteral("light");
    Theme m_current;
    QPalette m_platformPalette;
    std::optional<uint> m_portalScheme;
};

} // namespace lyss
