// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreUnderTest.h"

#include "store/LocalUser.h"
#include "store/Sql.h"
#include "store/sqlite/Database.h"

#include <QDir>
#include <QSqlQuery>

namespace lyss {

Result<std::unique_ptr<StoreUnderTest>> StoreUnderTest::open(const QString& folder)
{
    const QString name = qEnvironmentVariable("LYSS_TEST_STORE", QStringLiteral("sqlite"));
    std::unique_ptr<StoreUnderTest> under(new StoreUnderTest);
    under->m_name = name;
    if (name == QLatin1String("sqlite")) {
        auto db = Database::open(QDir(folder).filePath(QStringLiteral("lyss.db")));
        if (!db)
            return db.error();
        under->m_sqlite = db->get();
        under->m_source = std::move(db).value();
    } else {
        return Error{QStringLiteral("LYSS_TEST_STORE=%1 is not a store Lyss knows (known: sqlite).")
                         .arg(name)};
    }
    under->m_store = std::make_unique<ChatStore>(*under->m_source, localUserId());
    return under;
}

StoreUnderTest::~StoreUnderTest()
{
    m_store.reset(); // its statements before the connections they run on
    m_source.reset();
}

Status StoreUnderTest::exec(const QString& sql)
{
    auto lease = m_source->lease();
    if (!lease)
        return lease.error();
    QSqlQuery q(lease->db());
    q.prepare(sql);
    return sql::exec(q, sql);
}

} // namespace lyss
