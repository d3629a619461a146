// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

namespace lyss {

class AppContext;

// Settings › Appearance: the theme (name, title) and the language; picking one says so at
// once (the window takes it up live).
class AppearancePage : public QWidget {
    Q_OBJECT

public:
    AppearancePage(AppContext& app, const QList<QPair<QString, QString>>& themes,
                   const QString& currentTheme, QWidget* parent = nullptr);

Q_SIGNALS:
    void themeChosen(const QString& name);
    // A locale name, "en" for English, "" for the system's language.
    void languageChosen(const QString& name);
};

} // namespace lyss
