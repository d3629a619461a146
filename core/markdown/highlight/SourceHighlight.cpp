// SPDX-License-Identifier: GPL-3.0-or-later
// The module that highlights code with GNU source-highlight, loaded by CodeHighlighter
// at the first code block (HighlightModule): the library and Boost.Regex, which it
// brings, cost about a megabyte and their relocations at every start otherwise.
// Its two functions are the whole interface; it is built with the rest of Lyss and the
// same compiler, so they pass std::string.
#include "markdown/CodeHighlighter.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <QFileInfo>
#include <QLoggingCategory>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace lyss {

namespace {

Q_LOGGING_CATEGORY(lcMarkdown, "lyss.markdown", QtWarningMsg)

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

void escapeInto(std::string& out, std::string_view s)
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

// How many bytes at the end of `s` begin a UTF-8 character they do not finish.
size_t unfinishedTail(const std::string& s)
{
    for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
        const auto c = static_cast<unsigned char>(s[s.size() - back]);
        if ((c & 0xC0) == 0x80)
            continue; // a continuation byte: look further back
        const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// The output of one highlighting: the HTML, and the start of a character a token ended
// in the middle of (a rule matching one byte, as `\\.` does before "é"), which goes with
// the next token so that no span splits a character.
struct Output {
    std::string html;
    std::string carried;
    qint64 tokens = 0;

    void flush()
    {
        escapeInto(html, carried);
        carried.clear();
    }
};

// Writes each token, escaped, into the output, in a span of its kind when it has one.
class SpanFormatter : public srchilite::Formatter {
public:
    SpanFormatter(Output& out, const char* kind)
        : m_out(out)
        , m_kind(kind)
    {
    }
    void format(const std::string& token, const srchilite::FormatterParams* /*params*/) override
    {
        ++m_out.tokens;
        const std::string s = std::move(m_out.carried) + token;
        m_out.carried.clear();
        std::string_view shown(s);
        if (const size_t tail = unfinishedTail(s)) {
            m_out.carried.assign(shown.substr(shown.size() - tail));
            shown.remove_suffix(tail);
        }
        if (shown.empty())
            return;
        if (m_kind) {
            m_out.html += "<span class=\"";
            m_out.html += m_kind;
            m_out.html += "\">";
        }
        escapeInto(m_out.html, shown);
        if (m_kind)
            m_out.html += "</span>";
    }

private:
    Output& m_out;
    const char* m_kind;
};

// What one thread highlights with: the definitions read so far, and the formatters.
class Engine {
public:
    Engine()
        : m_dir(dataDir())
        , m_definitions(&m_rules)
        , m_map(m_dir, "lang.map")
        , m_formatters(srchilite::FormatterPtr(new SpanFormatter(m_out, nullptr)))
    {
        if (!m_usable)
            qCWarning(lcMarkdown) << "no source-highlight definitions in" << m_dir.c_str()
                                  << "(set SOURCE_HIGHLIGHT_DATADIR): code is shown plain";
        for (const auto& [element, kind] : kKinds)
            m_formatters.addFormatter(element,
                                      srchilite::FormatterPtr(new SpanFormatter(m_out, kind)));
    }

    std::string definitionFor(const std::string& language)
    {
        if (!m_usable)
            return {};
        try {
            return m_map.getMappedFileName(aliasOf(language));
        } catch (...) {
            return {};
        }
    }

    // Null when there is no definition (or it cannot be read).
    std::optional<std::string> highlight(const std::string& code, const std::string& language)
    {
        if (!m_usable)
            return std::nullopt;
        const std::string file = definitionFor(language);
        if (file.empty())
            return std::nullopt;
        srchilite::HighlightStatePtr state = definition(file);
        if (!state)
            return std::nullopt;
        try {
            srchilite::SourceHighlighter highlighter(state);
            highlighter.setFormatterManager(&m_formatters);
            highlighter.setOptimize(true); // a run of one kind is one span
            m_out.html.clear();
            m_out.carried.clear();
            m_out.html.reserve(code.size() * 2);
            m_out.tokens = 0;
            qint64 work = 0;
            // Line by line: the highlighter keeps its state (an open comment) between them.
            std::string::size_type at = 0;
            while (at <= code.size()) {
                const std::string::size_type end = code.find('\n', at);
                const std::string::size_type stop = end == std::string::npos ? code.size() : end;
                const qint64 tokensBefore = m_out.tokens;
                highlighter.highlightParagraph(code.substr(at, stop - at));
                m_out.flush();
                work += (m_out.tokens - tokensBefore + 1) * qint64(stop - at + 1);
                if (work > CodeHighlighter::kMaxWork)
                    return std::nullopt; // shown plain: the rest would cost too much
                if (end == std::string::npos)
                    break;
                m_out.html += '\n';
                at = end + 1;
            }
            return m_out.html;
        } catch (const std::exception& e) {
            // This input only (the regular expressions gave up on it): shown plain.
            qCWarning(lcMarkdown) << "highlighting with" << file.c_str() << "failed:" << e.what();
        } catch (...) {
            qCWarning(lcMarkdown) << "highlighting with" << file.c_str() << "failed";
        }
        return std::nullopt;
    }

private:
    static std::string dataDir()
    {
        try {
            return srchilite::Settings::retrieveDataDir(); // SOURCE_HIGHLIGHT_DATADIR too
        } catch (...) {
            return srchilite::Settings::getDefaultDataDir();
        }
    }

    // A language's definition, read once; null (and not read again) when it cannot be.
    srchilite::HighlightStatePtr definition(const std::string& file)
    {
        if (auto found = m_states.find(file); found != m_states.end())
            return found->second;
        srchilite::HighlightStatePtr state;
        try {
            state = m_definitions.getHighlightState(m_dir, file);
        } catch (const std::exception& e) {
            qCWarning(lcMarkdown) << "the definition" << file.c_str()
                                  << "cannot be read:" << e.what();
        } catch (...) {
            qCWarning(lcMarkdown) << "the definition" << file.c_str() << "cannot be read";
        }
        m_states.emplace(file, state);
        return state;
    }

public:
private:
    std::string m_dir;
    // Whether the data files are there at all (said once when they are not).
    bool m_usable = QFileInfo::exists(QString::fromStdString(m_dir + "/lang.map"));
    srchilite::RegexRuleFactory m_rules;
    srchilite::LangDefManager m_definitions;
    srchilite::LangMap m_map;
    Output m_out;
    srchilite::FormatterManager m_formatters;
    std::map<std::string, srchilite::HighlightStatePtr> m_states;
};

// One for the whole program, used by one thread at a time: source-highlight keeps state
// of its own between definitions (ids of states) that is not made for threads. Not
// destroyed at exit, like the library's own state: the window waits for its rendering
// thread before it closes, so nothing highlights then.
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

} // namespace

} // namespace lyss

// Fills `html` with `code` highlighted as `language` (a key of lang.map, or an alias);
// false when there is no definition for it or the block costs too much (shown plain).
extern "C" Q_DECL_EXPORT bool lyss_highlight(const std::string& code, const std::string& language,
                                             std::string& html)
{
    const std::lock_guard<std::mutex> hold(lyss::engineLock());
    auto out = lyss::engine().highlight(code, language);
    if (!out)
        return false;
    html = std::move(*out);
    return true;
}

// The definition file for `language`, empty when none.
extern "C" Q_DECL_EXPORT void lyss_highlight_definition(const std::string& language,
                                                        std::string& file)
{
    const std::lock_guard<std::mutex> hold(lyss::engineLock());
    file = lyss::engine().definitionFor(language);
}
