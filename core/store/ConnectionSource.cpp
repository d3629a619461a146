// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ConnectionSource.h"

#include <utility>

namespace lyss {

ConnectionLease::ConnectionLease(QSqlDatabase db, const SqlDialect& dialect,
                                 std::function<void()> giveBack)
    : m_db(std::move(db))
    , m_dialect(&dialect)
    , m_giveBack(std::move(giveBack))
{
}

ConnectionLease::~ConnectionLease()
{
    if (m_giveBack)
        m_giveBack();
}

ConnectionLease::ConnectionLease(ConnectionLease&& other) noexcept
    : m_db(std::move(other.m_db))
    , m_dialect(other.m_dialect)
    , m_giveBack(std::exchange(other.m_giveBack, {}))
{
}

ConnectionLease& ConnectionLease::operator=(ConnectionLease&& other) noexcept
{
    if (this != &other) {
        if (m_giveBack)
            m_giveBack();
        m_db = std::move(other.m_db);
        m_dialect = other.m_dialect;
        m_giveBack = std::exchange(other.m_giveBack, {});
    }
    return *this;
}

} // namespace lyss
