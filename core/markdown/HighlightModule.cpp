// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/HighlightModule.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>

#include <mutex>

namespace lyss {

namespace {

using HighlightFn = bool (*)(const std::string&, const std::string&, std::string&);
using DefinitionFn = void (*)(const std::string&, std::string&);

struct Loaded {
    HighlightFn highlight = nullptr;
    DefinitionFn definition = nullptr;
    QString why; // when it could not be loaded
};

// Opened once, on first use, and never unloaded (the library keeps static state).
const Loaded& loaded()
{
    static const Loaded module = [] {
        Loaded m;
        QLibrary library(QDir(HighlightModule::directory()).filePath(HighlightModule::fileName()));
        if (!library.load()) {
            m.why = library.errorString();
        } else {
            m.highlight = reinterpret_cast<HighlightFn>(library.resolve("lyss_highlight"));
            m.definition =
                reinterpret_cast<DefinitionFn>(library.resolve("lyss_highlight_definition"));
            if (!m.highlight || !m.definition) {
                m.why = library.errorString();
                m.highlight = nullptr;
                m.definition = nullptr;
            }
        }
        if (!m.why.isEmpty())
            qCWarning(lcMarkdown).noquote()
                << "code is shown plain: the highlighter cannot be loaded:" << m.why;
        return m;
    }();
    return module;
}

} // namespace

QString HighlightModule::directory()
{
    const QString set = qEnvironmentVariable("LYSS_MODULE_DIR");
    if (!set.isEmpty())
        return set;
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../lib/lyss"));
}

QString HighlightModule::fileName()
{
    return QStringLiteral("lyss_highlight.so");
}

bool HighlightModule::available(QString* why)
{
    const Loaded& m = loaded();
    if (why)
        *why = m.why;
    return m.highlight != nullptr;
}

bool HighlightModule::highlight(const std::string& code, const std::string& language,
                                std::string& html)
{
    const Loaded& m = loaded();
    return m.highlight && m.highlight(code, language, html);
}

std::string HighlightModule::definitionFor(const std::string& language)
{
    const Loaded& m = loaded();
    std::string file;
    if (m.definition)
        m.definition(language, file);
    return file;
}

} // namespace lyss
