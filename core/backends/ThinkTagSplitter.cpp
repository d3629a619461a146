// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/ThinkTagSplitter.h"

namespace lyss {

namespace {
const QString kOpen = QStringLiteral("<think>");
const QString kClose = QStringLiteral("</think>");

// How many characters at the end of `text` could be the start of `tag`.
qsizetype partialSuffix(const QString& text, const QString& tag)
{
    for (qsizetype n = std::min(text.size(), tag.size() - 1); n > 0; --n) {
        if (QStringView(text).right(n) == QStringView(tag).left(n))
            return n;
    }
    return 0;
}
} // namespace

void ThinkTagSplitter::push(StreamEvent::Kind kind, const QString& text, StreamEvents& out)
{
    if (!text.isEmpty())
        out.append({kind, text, {}});
}

void ThinkTagSplitter::feed(const QString& content, StreamEvents& out)
{
    if (content.isEmpty())
        return;
    if (m_state == State::Answer && !m_afterClose) {
        push(StreamEvent::Kind::Content, content, out);
        return;
    }
    m_pending += content;
    if (m_state == State::Start) {
        const qsizetype firstNonSpace = [&] {
            for (qsizetype i = 0; i < m_pending.size(); ++i) {
                if (!m_pending[i].isSpace())
                    return i;
            }
            return m_pending.size();
        }();
        const QStringView head = QStringView(m_pending).mid(firstNonSpace);
        if (head.isEmpty())
            return; // only whitespace so far
        if (head.startsWith(kOpen)) {
            m_state = State::Thinking;
            m_pending = head.mid(kOpen.size()).toString();
        } else if (QStringView(kOpen).startsWith(head)) {
            return; // could still become <think>
        } else {
            m_state = State::Answer;
            push(StreamEvent::Kind::Content, std::exchange(m_pending, QString()), out);
            return;
        }
    }
    if (m_state == State::Thinking) {
        const qsizetype close = m_pending.indexOf(kClose);
        if (close < 0) {
            const qsizetype keep = partialSuffix(m_pending, kClose);
            push(StreamEvent::Kind::Thinking, m_pending.left(m_pending.size() - keep), out);
            m_pending = m_pending.right(keep);
            return;
        }
        push(StreamEvent::Kind::Thinking, m_pending.left(close), out);
        m_pending = m_pending.mid(close + kClose.size());
        m_state = State::Answer;
        m_afterClose = true;
    }
    if (m_state == State::Answer && m_afterClose) {
        qsizetype i = 0;
        while (i < m_pending.size() && m_pending[i].isSpace())
            ++i;
        if (i == m_pending.size()) {
            m_pending.clear();
            return;
        }
        m_afterClose = false;
        push(StreamEvent::Kind::Content, m_pending.mid(i), out);
        m_pending.clear();
    }
}

void ThinkTagSplitter::finish(StreamEvents& out)
{
    if (m_state == State::Start)
        push(StreamEvent::Kind::Content, m_pending, out);
    else if (m_state == State::Thinking)
        push(StreamEvent::Kind::Thinking, m_pending, out);
    m_pending.clear();
}

} // namespace lyss
