// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace lyss {

namespace {
std::unique_ptr<QTranslator>& ours()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

std::unique_ptr<QTranslator>& qts()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
} // namespace

QString Translations::use(const QString& language)
{
    for (auto* slot : {&ours(), &qts()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto lyss = std::make_unique<QTranslator>();
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    // (A system that lists English after a language Lyss lacks finds lyss_en here too.)
    if (english ||
        !lyss->load(locale, QStringLiteral("lyss"), QStringLiteral("_"),
                    QStringLiteral(":/i18n")) ||
        QFileInfo(lyss->filePath()).completeBaseName() == QLatin1String("lyss_en")) {
        // English is the source language; its translation has only the plural forms
        // ("1 chat", "2 chats"), which the source's "%n chat(s)" cannot say.
        if (!lyss->isEmpty() || lyss->load(QStringLiteral(":/i18n/lyss_en.qm"))) {
            QCoreApplication::installTranslator(lyss.get());
            ours() = std::move(lyss);
        }
        return {};
    }
    // Qt's own words (standard buttons and dialogs), where the system has them.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qts() = std::move(qt);
    }
    QCoreApplication::installTranslator(lyss.get());
    const QString used = QFileInfo(lyss->filePath()).completeBaseName().mid(5); // "lyss_"
    ours() = std::move(lyss);
    return used;
}

QList<QPair<QString, QString>> Translations::available()
{
    QList<QPair<QString, QString>> out;
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("lyss_*.qm")}, QDir::Files);
    for (const QString& file : files) {
        const QString name = QFileInfo(file).completeBaseName().mid(5);
        if (name == QLatin1String("en"))
            continue; // the plural forms of the source language, not a language of its own
        out.append({name, QLocale(name).nativeLanguageName()});
    }
    return out;
}

} // namespace lyss
