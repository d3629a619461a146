// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/MessageLayout.h"

#include "markdown/MarkdownBounds.h"

#include <QElapsedTimer>
#include <QFontMetrics>
#include <QTextBlock>

#include <algorithm>
#include <cmath>

namespace lyss {

std::unique_ptr<QTextDocument> MessageLayout::makeDocument(const QString& html) const
{
    Q_ASSERT(style); // MessageLayouts gives every layout its template before its parts
    return style->make(html, textWidth());
}

int MessageLayout::estimate(qsizetype chars, int lines, int lineSpacing, int charWidth) const
{
    const int perLine = std::max(10, textWidth() / std::max(1, charWidth));
    return int(std::min<qsizetype>((lines + chars / perLine + 1) * lineSpacing, 1 << 24));
}

void MessageLayout::setPending(const QList<MarkdownRenderer::Part>& pending, int lineSpacing,
                               int charWidth)
{
    parts.clear();
    m_pendingHtml.clear();
    m_pendingHeight.clear();
    m_pendingChars.clear();
    for (const MarkdownRenderer::Part& part : pending) {
        parts.emplace_back();
        m_pendingHtml.push_back(part.html);
        m_pendingHeight.push_back(estimate(part.textChars, part.lines, lineSpacing, charWidth));
        m_pendingChars.push_back(int(part.textChars + part.lines));
    }
    stack();
}

void MessageLayout::addPending(const QString& html, qsizetype chars, int lines, int lineSpacing,
                               int charWidth)
{
    // Parts laid out before keep their place in the vectors.
    m_pendingHtml.resize(parts.size());
    m_pendingHeight.resize(parts.size());
    m_pendingChars.resize(parts.size());
    parts.emplace_back();
    m_pendingHtml.push_back(html);
    m_pendingHeight.push_back(estimate(chars, lines, lineSpacing, charWidth));
    m_pendingChars.push_back(int(chars + lines));
    stack();
}

QString MessageLayout::withShortLines(const QString& text)
{
    const qsizetype max = MarkdownBounds::kMaxRunBytes;
    QString out;
    qsizetype run = 0;
    qsizetype from = 0; // what is not in `out` yet
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n')) {
            run = 0;
            continue;
        }
        if (++run < max)
            continue;
        // Break after the last space in the second half of the run, or here.
        qsizetype at = i;
        for (qsizetype k = i; k > i - max / 2; --k) {
            if (text[k].isSpace()) {
                at = k + 1;
                break;
            }
        }
        if (at >= text.size())
            at = i;
        if (text[at].isLowSurrogate())
            --at;
        out += QStringView(text).mid(from, at - from);
        out += QLatin1Char('\n');
        from = at;
        run = i - at + 1;
    }
    if (from == 0)
        return text;
    out += QStringView(text).mid(from);
    return out;
}

std::unique_ptr<QTextDocument> MessageLayout::takeLast()
{
    if (parts.empty())
        return nullptr;
    std::unique_ptr<QTextDocument> last = std::move(parts.back());
    parts.pop_back();
    m_pendingHtml.resize(parts.size());
    m_pendingHeight.resize(parts.size());
    m_pendingChars.resize(parts.size());
    return last;
}

void MessageLayout::appendPart(std::unique_ptr<QTextDocument> doc)
{
    parts.push_back(std::move(doc));
    m_pendingHtml.resize(parts.size());
    m_pendingHeight.resize(parts.size());
    m_pendingChars.resize(parts.size());
}

namespace {
// How much of a streaming text can be shown as finished. One paragraph, fenced code
// block, list or quote that goes on and on (a model repeating itself, a line without end,
// a long file, a list of thousands) is cut too, so that the open part, rendered again on
// every frame, stays short.
struct FinishedCut {
    qsizetype done = 0;
    bool midParagraph = false;
    QString fence; // cut inside a code block that has this fence
};

FinishedCut finishedCut(QStringView text)
{
    FinishedCut cut;
    cut.done = MarkdownRenderer::finishedLength(text);
    if (cut.done >= MessageLayout::kMinFinishedPart ||
        text.size() <= MessageLayout::kMaxRenderStep / 2)
        return cut;
    // The last block (after a few short ones that do not make a part yet) may be cut.
    const QStringView last = text.mid(cut.done);
    const qsizetype limit = last.size() - MessageLayout::kMinFinishedPart / 4;
    if (const qsizetype at = MarkdownRenderer::paragraphCut(last, limit); at > 0) {
        cut.done += at;
        cut.midParagraph = true;
    } else if (const qsizetype in = MarkdownRenderer::codeCut(last, limit, &cut.fence); in > 0) {
        cut.done += in;
    } else if (const qsizetype item = MarkdownRenderer::blockCut(last, limit); item > 0) {
        cut.fence.clear();
        cut.done += item;
    } else {
        cut.fence.clear();
    }
    return cut;
}

// The margin of the last code block in `html` taken away: the next part goes on with it.
void joinLastCodeBlock(QString& html)
{
    const qsizetype at = html.lastIndexOf(QStringLiteral("<pre"));
    if (at < 0)
        return;
    // Into the style it has (a block that goes on from the part before has one).
    const QString styled = QStringLiteral("<pre style=\"");
    if (QStringView(html).mid(at).startsWith(styled))
        html.insert(at + styled.size(), QStringLiteral("margin-bottom: 0; "));
    else
        html.insert(at + 4, QStringLiteral(" style=\"margin-bottom: 0;\""));
}
} // namespace

qint64 MessageLayout::continueParts(const QString& fullMarkdown, bool streaming, quint64 frame)
{
    qint64 chars = 0;
    QStringView markdown(fullMarkdown);
    // Inside a code block the last part began: its fence goes in front of what is
    // rendered now, which carries on the block without a header of its own.
    auto lead = [this] { return openFence.isEmpty() ? QString() : openFence + QLatin1Char('\n'); };
    if (markdown.size() - finishedChars > kMaxRenderStep) {
        // Far behind: this paint renders the next step only, if it ends a finished part
        // (a single block longer than a step has to be rendered whole).
        const QStringView step = markdown.left(finishedChars + kMaxRenderStep);
        const QString front = lead();
        if (finishedCut(front + step.mid(finishedChars).toString()).done - front.size() >=
            kMinFinishedPart)
            markdown = step;
    }
    behind = markdown.size() < fullMarkdown.size();
    steppedInFrame = frame;
    streaming = streaming || behind;
    auto render = [this](const QString& text, bool open) {
        return openFence.isEmpty()
                   ? MarkdownRenderer::toHtml(text, open, finishedCodeBlocks)
                   : MarkdownRenderer::toHtmlContinuingCode(text, open, finishedCodeBlocks);
    };
    // The open part's document is rendered again, not made anew. Below the room of a row,
    // parts are kept as HTML and not laid out: they are not shown.
    const bool below = bodyHeight > room();
    std::unique_ptr<QTextDocument> open = takeLast();
    const QFontMetrics fm(style->font());
    auto add = [&](const QString& html, QStringView source) {
        if (below)
            addPending(html, source.size(), int(source.count(QLatin1Char('\n'))), fm.lineSpacing(),
                       fm.averageCharWidth());
        else
            appendPart(makeDocument(html));
    };
    QString front = lead();
    QString text = front + markdown.mid(finishedChars).toString();
    if (streaming) {
        const FinishedCut found = finishedCut(text);
        if (found.done - front.size() >= kMinFinishedPart) {
            chars += found.done;
            QString html = render(text.left(found.done), false);
            // A paragraph or code block cut in two still reads as one.
            MarkdownRenderer::joinParagraphs(html, continuesParagraph, found.midParagraph);
            if (!found.fence.isEmpty())
                joinLastCodeBlock(html);
            continuesParagraph = found.midParagraph;
            finishedCodeBlocks += static_cast<int>(html.count(QStringLiteral("href=\"lyss-copy:")));
            add(html, QStringView(text).left(found.done));
            finishedChars += found.done - front.size();
            finishedHash = qHash(markdown.left(finishedChars));
            if (found.fence.isEmpty())
                openFence.clear();
            else if (openFence.isEmpty())
                openFence = found.fence;
            front = lead();
            text = front + markdown.mid(finishedChars).toString();
        }
    }
    chars += text.size();
    QString html = render(text, streaming);
    MarkdownRenderer::joinParagraphs(html, continuesParagraph, false);
    if (open && !below) {
        open->setHtml(html);
        open->setTextWidth(textWidth());
        appendPart(std::move(open));
    } else {
        add(html, text);
    }
    stack();
    return chars;
}

qint64 MessageLayout::approximateBytes() const
{
    qint64 bytes = 1024 + thinking.characterCount() * kBytesPerLaidOutChar;
    for (const auto& part : parts) {
        if (part)
            bytes += part->characterCount() * kBytesPerLaidOutChar;
    }
    for (const QString& html : m_pendingHtml)
        bytes += html.size() * qint64(sizeof(QChar));
    if (rendered) {
        for (const MarkdownRenderer::Part& part : *rendered)
            bytes += part.html.size() * qint64(sizeof(QChar));
    }
    return bytes;
}

bool MessageLayout::hasPending() const
{
    // Only what a row can show counts: the rest waits for a selection.
    for (size_t i = 0; i < parts.size() && i < partTop.size() && partTop[i] < room(); ++i) {
        if (!parts[i])
            return true;
    }
    return false;
}

void MessageLayout::layOut(size_t i)
{
    parts[i] = makeDocument(m_pendingHtml[i]);
    m_pendingHtml[i].clear();
}

bool MessageLayout::layOutVisible(int top, int bottom, qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    bool any = false;
    bottom = std::min(bottom, room());
    // New heights may bring other parts into view: they are laid out too while the budget
    // lasts, and in the next frames otherwise (at least one part is, each time).
    for (int round = 0; round < 8; ++round) {
        bool built = false;
        for (size_t i = 0; i < parts.size(); ++i) {
            if (any && clock.elapsed() >= budgetMs)
                break;
            const int partBottom =
                i + 1 < parts.size() ? partTop[i + 1] : std::max(bodyHeight, partTop[i] + 1);
            if (!parts[i] && partTop[i] < bottom && partBottom > top) {
                layOut(i);
                built = any = true;
            }
        }
        if (!built)
            break;
        stack();
    }
    return any;
}

bool MessageLayout::layOutMore(int top, int bottom, qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    bool any = false;
    const int first = partAt(top);
    const int last = partAt(bottom);
    // Below what is shown first: a part laid out there does not move what is on screen.
    // Parts below the room of a row are never shown.
    for (int i = last; i < int(parts.size()) && partTop[i] < room() && clock.elapsed() < budgetMs;
         ++i) {
        if (!parts[i]) {
            layOut(i);
            any = true;
        }
    }
    for (int i = first; i >= 0 && clock.elapsed() < budgetMs; --i) {
        if (!parts[i]) {
            layOut(i);
            any = true;
        }
    }
    if (any)
        stack();
    return any;
}

void MessageLayout::layOutAll()
{
    layOutRange(0, parts.size());
}

void MessageLayout::layOutRange(size_t from, size_t to)
{
    bool any = false;
    for (size_t i = from; i < std::min(to, parts.size()); ++i) {
        if (!parts[i]) {
            layOut(i);
            any = true;
        }
    }
    if (any)
        stack();
}

int MessageLayout::partAt(qreal y) const
{
    int i = 0;
    while (i + 1 < int(parts.size()) && y >= partTop[i + 1])
        ++i;
    return i;
}

void MessageLayout::stack()
{
    // QTextDocument leaves out the first block's top margin and the last block's bottom
    // margin; between two parts the larger of the two keeps the spacing of one document.
    partTop.resize(parts.size());
    partStart.resize(parts.size());
    qreal y = 0;
    int start = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        const QTextDocument* doc = parts[i].get();
        if (i > 0) {
            const QTextDocument* above = parts[i - 1].get();
            const qreal below = doc ? doc->firstBlock().blockFormat().topMargin() : 0;
            y += std::max(above ? above->lastBlock().blockFormat().bottomMargin() : 0, below);
        }
        partTop[i] = static_cast<int>(std::round(y));
        partStart[i] = start;
        y += doc ? doc->size().height() : m_pendingHeight[i];
        start += doc ? doc->characterCount() : m_pendingChars[i];
    }
    setBodyHeight(static_cast<int>(std::ceil(y)));
}

void MessageLayout::setBodyHeight(int h)
{
    bodyHeight = h;
    cut = textCut || chrome + bodyHeight > kMaxRowHeight;
    shownHeight = cut ? std::min(room(), bodyHeight) : bodyHeight;
    height = std::max(chrome + shownHeight + (cut ? noteHeight : 0), minHeight);
}

} // namespace lyss
