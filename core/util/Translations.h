// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace lyss {

// The languages Lyss speaks: English in the source, others from the translations compiled
// in (":/i18n/lyss_<locale>.qm", made from translations/*.ts), with Qt's own translations
// for its dialogs when the system has them.
class Translations {
public:
    // Speaks `language` (a locale name such as "zh_CN"; empty: the system's) from now on,
    // replacing the translators installed before, so open windows retranslate at once
    // (QEvent::LanguageChange). Returns the locale used, or "" for English.
    static QString use(const QString& language);
    // The translations there are: (locale name, the language's own name for itself).
    static QList<QPair<QString, QString>> available();
};

} // namespace lyss
