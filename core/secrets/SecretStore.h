// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QString>

#include <optional>

namespace lyss {

// Where API keys and tokens live. Never the database, never a log, never an export:
// an implementation either stores the secret safely or fails with a message that says
// so and writes it nowhere else.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    // The secret stored under `key`, or nullopt when there is none.
    virtual Result<std::optional<QString>> read(const QString& key) = 0;
    virtual Status write(const QString& key, const QString& secret) = 0;
    // Removing a key that is not there succeeds.
    virtual Status remove(const QString& key) = 0;
};

// The keyring entry that holds a backend's API key.
QString backendSecretKey(const QString& backendName);
// The keyring entry for a setting that looked like a secret (config.json's "smtp.password").
QString configSecretKey(const QString& settingKey);

} // namespace lyss
