// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/SecretStore.h"

#include <QCoreApplication>

namespace lyss {

// SecretStore over QtKeychain: the Secret Service (GNOME Keyring, KWallet, KeePassXC)
// on Linux, the Keychain on macOS, the Credential Store on Windows. Insecure
// plain-text fallback stays off. read(), write() and remove() wait for the keyring (with
// a time limit): the CLI's way. The window reads with readAsync(), which never waits.
class KeychainSecretStore final : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("lyss"), int timeoutMs = 30000);

    Result<std::optional<QString>> read(const QString& key) override;
    void readAsync(const QString& key, ReadDone done) override;
    int answerWithinMs() const override { return m_timeoutMs; }
    Status write(const QString& key, const QString& secret) override;
    Status remove(const QString& key) override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace lyss
