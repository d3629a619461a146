// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AppearancePage.h"
#include "common/PlainText.h"

#include "app/AppContext.h"
#include "config/Settings.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>

namespace lyss {

AppearancePage::AppearancePage(AppContext& app, const QList<QPair<QString, QString>>& choices,
                               const QString& current, QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    auto* themes = new QComboBox(this);
    themes->setObjectName(QStringLiteral("themeChoice"));
    themes->setAccessibleName(tr("Theme"));
    for (const auto& [name, title] : choices)
        themes->addItem(title, name);
    themes->setCurrentIndex(std::max(0, themes->findData(current)));
    form->addRow(tr("Theme"), themes);
    // Languages: the system's, English, and every translation there is.
    auto* languages = new QComboBox(this);
    languages->setObjectName(QStringLiteral("languageChoice"));
    languages->setAccessibleName(tr("Language"));
    languages->addItem(tr("Same as the system"), QString());
    languages->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const auto& [name, title] : Translations::available())
        languages->addItem(title, name);
    languages->setCurrentIndex(
        std::max(0, languages->findData(app.settings().text(SettingKey::Language))));
    form->addRow(tr("Language"), languages);
    auto* hint = new QLabel(tr("Ctrl+Shift+L switches between them anywhere. Add your own by "
                               "putting a theme file into %1.")
                                .arg(QDir(app.dataDir()).filePath(QStringLiteral("themes"))),
                            this);
    hint->setWordWrap(true);
    makeMuted(hint);                    // as the pages' notes
    hint->setTextFormat(Qt::PlainText); // the folder's name is not markup
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(hint);
    connect(themes, &QComboBox::currentIndexChanged, this,
            [this, themes] { Q_EMIT themeChosen(themes->currentData().toString()); });
    connect(languages, &QComboBox::currentIndexChanged, this,
            [this, languages] { Q_EMIT languageChosen(languages->currentData().toString()); });
}

} // namespace lyss
