// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <list>
#include <memory>

namespace lyss {

class MessageLayout;

// The laid-out messages of a conversation by message id, the most recently used kept
// within a budget of bytes (one long reply's layout can hold tens of megabytes, a short
// one a few kilobytes: a count of layouts bounds neither). A change that makes every
// layout stale (another language, another density) moves the generation on instead of
// freeing them all at once: a stale layout is built again when its row is next shown, and
// until then it is only the first to go.
class LayoutCache {
public:
    static constexpr qint64 kDefaultBudget = 48ll * 1024 * 1024;

    explicit LayoutCache(qint64 budgetBytes = kDefaultBudget);

    // The layout of `id` from this generation, now the most recently used; null if none.
    std::shared_ptr<MessageLayout> use(const QString& id);
    // The same, without counting as a use (what tests and hit tests look at).
    std::shared_ptr<MessageLayout> find(const QString& id) const;
    // Keeps `layout` for `id` as the most recently used, with its size as it is now, and
    // lets the least recently used go while the whole is over budget (never `id`).
    void put(const QString& id, std::shared_ptr<MessageLayout> layout);
    // The layout of `id` grew (parts laid out as they came into view): its size is taken
    // again, and the least recently used go while the whole is over budget. Called when
    // it grew, not on every use: measuring walks its parts.
    void measureAgain(const QString& id);
    // Every layout is stale from now on.
    void invalidate() { ++m_generation; }

    // Calls `visit` for each layout of this generation.
    void forEach(const std::function<void(MessageLayout&)>& visit) const;
    bool anyOf(const std::function<bool(const MessageLayout&)>& test) const;

    qint64 bytes() const { return m_bytes; }
    qint64 budget() const { return m_budget; }
    int size() const { return static_cast<int>(m_entries.size()); }
    int evictions() const { return m_evictions; }

private:
    struct Entry {
        std::shared_ptr<MessageLayout> layout;
        int generation = 0;
        qint64 bytes = 0;
        std::list<QString>::iterator recent;
    };
    void evictOver(const QString& keep);

    qint64 m_budget;
    qint64 m_bytes = 0;
    int m_generation = 0;
    int m_evictions = 0;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_recent; // most recently used first
};

} // namespace lyss
