// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QString>

#include <functional>
#include <optional>

namespace lyss {

// Where API keys and tokens live. Never the database, never a log, never an export:
// an implementation either stores the secret safely or fails with a message that says
// so and writes it nowhere else.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    using ReadDone = std::function<void(Result<std::optional<QString>>)>;

    // The secret stored under `key`, or nullopt when there is none. Waits for the keyring:
    // for the CLI, never the window's thread.
    virtual Result<std::optional<QString>> read(const QString& key) = 0;
    // The same without waiting: `done` runs when the keyring answers, on this thread (by
    // default at once, from read(), for stores that never wait).
    virtual void readAsync(const QString& key, ReadDone done);
    // How long an answer may take before the reader stops waiting for it.
    virtual int answerWithinMs() const { return 30000; }
    virtual Status write(const QString& key, const QString& secret) = 0;
    // Removing a key that is not there succeeds.
    virtual Status remove(const QString& key) = 0;
};

// The keyring entry that holds a backend's API key.
QString backendSecretKey(const QString& backendName);
// The keyring entry for a setting that looked like a secret (config.json's "smtp.password").
QString configSecretKey(const QString& settingKey);

} // namespace lyss
