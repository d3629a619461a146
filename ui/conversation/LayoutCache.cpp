// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/LayoutCache.h"

#include "conversation/MessageLayout.h"

namespace lyss {

LayoutCache::LayoutCache(qint64 budgetBytes)
    : m_budget(budgetBytes)
{
}

std::shared_ptr<MessageLayout> LayoutCache::use(const QString& id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->generation != m_generation)
        return {};
    m_recent.splice(m_recent.begin(), m_recent, it->recent);
    return it->layout;
}

std::shared_ptr<MessageLayout> LayoutCache::find(const QString& id) const
{
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend() || it->generation != m_generation)
        return {};
    return it->layout;
}

void LayoutCache::put(const QString& id, std::shared_ptr<MessageLayout> layout)
{
    const qint64 bytes = layout->approximateBytes();
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        m_recent.push_front(id);
        it = m_entries.insert(id, Entry{std::move(layout), m_generation, bytes, m_recent.begin()});
    } else {
        m_bytes -= it->bytes;
        it->layout = std::move(layout);
        it->generation = m_generation;
        it->bytes = bytes;
        m_recent.splice(m_recent.begin(), m_recent, it->recent);
    }
    m_bytes += bytes;
    evictOver(id);
}

void LayoutCache::measureAgain(const QString& id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    const qint64 now = it->layout->approximateBytes();
    m_bytes += now - it->bytes;
    it->bytes = now;
    evictOver(id);
}

void LayoutCache::evictOver(const QString& keep)
{
    // Stale layouts go first, the least recently used first; then the least recently used.
    for (const bool staleOnly : {true, false}) {
        for (auto r = m_recent.end(); m_bytes > m_budget && r != m_recent.begin();) {
            --r;
            auto it = m_entries.find(*r);
            if (*r == keep || (staleOnly && it->generation == m_generation))
                continue;
            m_bytes -= it->bytes;
            m_entries.erase(it);
            r = m_recent.erase(r);
            ++m_evictions;
        }
    }
}

void LayoutCache::forEach(const std::function<void(MessageLayout&)>& visit) const
{
    for (const Entry& e : m_entries) {
        if (e.generation == m_generation)
            visit(*e.layout);
    }
}

bool LayoutCache::anyOf(const std::function<bool(const MessageLayout&)>& test) const
{
    for (const Entry& e : m_entries) {
        if (e.generation == m_generation && test(*e.layout))
            return true;
    }
    return false;
}

} // namespace lyss
