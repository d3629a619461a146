// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/SecretStore.h"

namespace lyss {

void SecretStore::readAsync(const QString& key, ReadDone done)
{
    done(read(key));
}

QString configSecretKey(const QString& settingKey)
{
    return QStringLiteral("config/%1").arg(settingKey);
}

QString backendSecretKey(const QString& backendName)
{
    return QStringLiteral("backend/%1/api-key").arg(backendName.toLower());
}

} // namespace lyss
