// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/ChatStore.h"
#include "store/ConnectionSource.h"
#include "store/Transaction.h"
#include "util/Result.h"

#include <QString>

#include <memory>

namespace lyss {

class Database;

// The database the store's tests run against, written to the interface (a connection
// source and its repositories) so that the same suite runs on every database Lyss can
// keep its chats in. LYSS_TEST_STORE names it: "sqlite" (the default) is a fresh file in
// the given folder; a name Lyss does not know fails the test, saying which it knows.
class StoreUnderTest {
public:
    static Result<std::unique_ptr<StoreUnderTest>> open(const QString& folder);
    ~StoreUnderTest();

    QString name() const { return m_name; }
    ConnectionSource& source() { return *m_source; }
    ChatStore& store() { return *m_store; }
    // Runs a statement through the source (standard SQL only).
    Status exec(const QString& sql);
    // The SQLite file, for tests of what only SQLite has (its search index's integrity
    // check, the indexer thread); null for other databases.
    Database* sqlite() const { return m_sqlite; }

private:
    StoreUnderTest() = default;

    QString m_name;
    std::unique_ptr<ConnectionSource> m_source;
    Database* m_sqlite = nullptr;
    std::unique_ptr<ChatStore> m_store;
};

} // namespace lyss
