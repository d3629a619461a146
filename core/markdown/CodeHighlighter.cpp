// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown/CodeHighlighter.h"

#include "util/Log.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace lyss {

namespace {

// The element names of source-highlight's definitions, with the class they are shown with.
constexpr std::pair<const char*, const char*> kKinds[] = {
    {"keyword", "keyword"},      {"type", "type"},
    {"usertype", "type"},        {"classname", "type"},
    {"string", "string"},        {"regexp", "string"},
    {"specialchar", "string"},   {"comment", "comment"},
    {"todo", "comment"},         {"number", "number"},
    {"preproc", "preprocessor"}, {"function", "function"}};

// Names a fence may give that lang.map does not know.
std::string aliasOf(const std::string& language)
{
    static const std::map<std::string, std::string> aliases{{"c++", "cpp"},
                                                            {"cxx", "cpp"},
                                                            {"cc", "cpp"},
                                                            {"hpp", "cpp"},
                                                            {"h", "c"},
                                                            {"rust", "rs"},
                                                            {"typescript", "js"},
                                                            {"ts", "js"},
                                                            {"tsx", "js"},
                                                            {"jsx", "js"},
                                                            {"mjs", "js"},
                                                            {"node", "js"},
                                                            {"golang", "go"},
                                                            {"python3", "python"},
                                                            {"py3", "python"},
                                                            {"console", "sh"},
                                                            {"shell-session", "sh"},
                                                            {"shellscript", "sh"},
                                                            {"ps1", "bat"},
                                                            {"cmd", "bat"},
                                                            {"batch", "bat"},
                                                            {"toml", "ini"},
                                                            {"cfg", "ini"},
                                                            {"kotlin", "java"},
                                                            {"kt", "java"},
                                                            {"objc", "c"},
                                                            {"make", "makefile"},
                                                            {"postgresql", "sql"},
                                                            {"mysql", "sql"},
                                                            {"sqlite", "sql"},
                                                            {"jsonc", "json"},
                                                            {"svg", "xml"},
                                                            {"xhtml", "html"}};
    const auto it = aliases.find(language);
    return it == aliases.end() ? language : it->second;
}

void escapeInto(std::string& out, const std::string& s)
{
    for (const char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
}

// Writes each token, escaped, into the output, in a span of its kind when it has one.
class SpanFormatter : public srchilite::Formatter {
public:
    SpanFormatter(std::string& out, const char* kind)
        : m_out(out)
        , m_kind(kind)
    {
    }
    void format(const std::string& s, const srchilite::FormatterParams* /*params*/) override
    {
        if (s.empty())
            return;
        if (m_kind) {
            m_out += "<span class=\"";
            m_out += m_kind;
            m_out += "\">";
        }
        escapeInto(m_out, s);
        if (m_kind)
            m_out += "</span>";
    }

private:
    std::string& m_out;
    const char* m_kind;
};

// What one thread highlights with: the definitions read so far, and the formatters.
class Engine {
public:
    Engine()
        : m_dir(srchilite::Settings::getDefaultDataDir())
        , m_definitions(&m_rules)
        , m_map(m_dir, "lang.map")
        , m_formatters(srchilite::FormatterPtr(new SpanFormatter(m_out, nullptr)))
    {
        for (const auto& [element, kind] : kKinds)
            m_formatters.addFormatter(element,
                                      srchilite::FormatterPtr(new SpanFormatter(m_out, kind)));
    }

    std::string definitionFor(const std::string& language)
    {
        try {
            return m_map.getMappedFileName(aliasOf(language));
        } catch (...) {
            return {};
        }
    }

    // Null when there is no definition, or it cannot be read.
    std::optional<std::string> highlight(const std::string& code, const std::string& language)
    {
        const std::string file = definitionFor(language);
        if (file.empty())
            return std::nullopt;
        try {
            auto found = m_states.find(file);
            if (found == m_states.end())
                found = m_states.emplace(file, m_definitions.getHighlightState(m_dir, file)).first;
            if (!found->second)
                return std::nullopt;
            srchilite::SourceHighlighter highlighter(found->second);
            highlighter.setFormatterManager(&m_formatters);
            highlighter.setOptimize(true); // a run of one kind is one span
            m_out.clear();
            m_out.reserve(code.size() * 2);
            // Line by line: the highlighter keeps its state (an open comment) between them.
            std::string::size_type at = 0;
            while (at <= code.size()) {
                const std::string::size_type end = code.find('\n', at);
                const std::string::size_type stop = end == std::string::npos ? code.size() : end;
                highlighter.highlightParagraph(code.substr(at, stop - at));
                if (end == std::string::npos)
                    break;
                m_out += '\n';
                at = end + 1;
            }
            return m_out;
        } catch (const std::exception& e) {
            qCWarning(lcMarkdown) << "highlighting with" << file.c_str() << "failed:" << e.what();
        } catch (...) {
            qCWarning(lcMarkdown) << "highlighting with" << file.c_str() << "failed";
        }
        m_states[file] = nullptr; // not tried again
        return std::nullopt;
    }

private:
    std::string m_dir;
    srchilite::RegexRuleFactory m_rules;
    srchilite::LangDefManager m_definitions;
    srchilite::LangMap m_map;
    std::string m_out;
    srchilite::FormatterManager m_formatters;
    std::map<std::string, srchilite::HighlightStatePtr> m_states;
};

// One for the whole program, used by one thread at a time: source-highlight keeps state
// of its own between definitions (ids of states) that is not made for threads. Never
// destroyed: a thread may still render as the program exits.
std::mutex& engineLock()
{
    static std::mutex lock;
    return lock;
}

Engine& engine()
{
    static Engine* e = new Engine;
    return *e;
}

std::string languageKey(QStringView language)
{
    return language.trimmed().toString().toLower().toStdString();
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
    const std::lock_guard<std::mutex> hold(engineLock());
    return QString::fromStdString(engine().definitionFor(key));
}

QString CodeHighlighter::toHtml(QStringView code, QStringView language)
{
    const std::string key = languageKey(language);
    if (key.empty())
        return {};
    const QByteArray utf8 = code.toUtf8();
    if (utf8.size() > kMaxBlockBytes)
        return {};
    const std::lock_guard<std::mutex> hold(engineLock());
    const auto html = engine().highlight(utf8.toStdString(), key);
    if (!html)
        return {};
    if (html->empty())
        return QStringLiteral(""); // an empty block: highlighted, as nothing
    return QString::fromUtf8(html->data(), qsizetype(html->size()));
}

} // namespace lyss
