// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageLayout.h"

#include "markdown/MarkdownBounds.h"

#include <QElapsedTimer>
#include <QTextBlock>

#include <algorithm>
#include <cmath>

namespace lyss {

std::unique_ptr<QTextDocument> MessageLayout::makeDocument(const QString& html) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setDefaultStyleSheet(styleSheet);
    doc->setHtml(html);
    doc->setTextWidth(bodyWidth);
    doc->size(); // laid out now, while the time is counted, not at the next question
    return doc;
}

int MessageLayout::estimate(qsizetype chars, int lines, int lineSpacing, int charWidth) const
{
    const int perLine = std::max(10, bodyWidth / std::max(1, charWidth));
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
    cut = chrome + bodyHeight > kMaxRowHeight;
    shownHeight = cut ? room() : bodyHeight;
    height = std::max(chrome + shownHeight + (cut ? noteHeight : 0), minHeight);
}

} // namespace lyss
