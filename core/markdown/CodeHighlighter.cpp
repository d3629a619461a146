// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/CodeHighlighter.h"

#include "markdown/HighlightModule.h"

#include <string>

namespace lyss {

namespace {

// A fence's language as lang.map names them; empty for what cannot be one (the map keeps
// every name it is asked for, so a reply's made-up names must not reach it).
std::string languageKey(QStringView language)
{
    const QString key = language.trimmed().toString().toLower();
    const auto alnum = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'); };
    if (key.isEmpty() || key.size() > 32 || !alnum(key.front()))
        return {};
    for (const QChar c : key) {
        if (!alnum(c) && !QStringView(u"+#._-").contains(c))
            return {};
    }
    return key.toStdString();
}

} // namespace

QStringList CodeHighlighter::kinds()
{
    return {QStringLiteral("keyword"), QStringLiteral("type"),   QStringLiteral("string"),
            QStringLiteral("comment"), QStringLiteral("number"), QStringLiteral("preprocessor"),
            QStringLiteral("function")};
}

QString CodeHighlighter::definitionFor(QStringView language)
{
    const std::string key = languageKey(language);
    if (key.empty())
        return {};
    return QString::fromStdString(HighlightModule::definitionFor(key));
}

QString CodeHighlighter::toHtml(QStringView code, QStringView language)
{
    const std::string key = languageKey(language);
    if (key.empty())
        return {};
    const QByteArray utf8 = code.toUtf8();
    if (utf8.size() > kMaxBlockBytes)
        return {};
    // A long line costs the highlighter about its length for each of its tokens.
    for (qsizetype from = 0; from < utf8.size();) {
        qsizetype end = utf8.indexOf('\n', from);
        if (end < 0)
            end = utf8.size();
        if (end - from > kMaxLineBytes)
            return {};
        from = end + 1;
    }
    std::string html;
    if (!HighlightModule::highlight(utf8.toStdString(), key, html))
        return {};
    if (html.empty())
        return QStringLiteral(""); // an empty block: highlighted, as nothing
    return QString::fromUtf8(html.data(), qsizetype(html.size()));
}

} // namespace lyss
