// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <vector>

namespace lyss {

// One step of the schema's history. Statements run in order inside one transaction,
// followed by PRAGMA user_version = version. Never edit a released step: add one.
struct Migration {
    int version;
    QString description;
    QStringList statements;
};

const std::vector<Migration>& migrations();
// The trigger that indexes each new message; bulk imports drop it and index in one pass.
QString messagesFtsInsertTrigger();
int latestSchemaVersion();

// PRAGMA application_id of every Lyss database ("Lyss" in ASCII), so a foreign SQLite
// file is told apart from ours before anything is written.
inline constexpr quint32 kApplicationId = 0x4C797373;

} // namespace lyss
