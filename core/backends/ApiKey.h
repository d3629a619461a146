// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace lyss {

class SecretStore;

// A server's API key, read when the first request needs it rather than when Lyss starts:
// the keyring may be locked and ask for a password. The window reads it without waiting
// (whenRead) before its requests; the CLI waits for it (value). Copies of an HttpClient
// share one.
class ApiKey {
    Q_DECLARE_TR_FUNCTIONS(ApiKey)

public:
    // A key known already (from the environment), or none.
    explicit ApiKey(QString key = {});
    // A key in `store` under `entry`, read once, on first use.
    ApiKey(SecretStore* store, QString entry);

    // The key now. One not read yet is read here, waiting for the keyring (the CLI's
    // way); while a read without waiting is on its way, this is empty, waits for nothing,
    // and problem() says the keyring has not answered yet.
    QString value();
    // Reads the key without waiting, once; `then` runs on `context`'s thread when the
    // key is known or could not be read (at once when that is already so). A keyring
    // that does not answer within its store's limit counts as a failed read.
    void whenRead(QObject* context, std::function<void()> then);
    // Why the key could not be read ("" when it could, or was never needed).
    QString problem() const { return m_state->problem; }
    bool wasRead() const { return !m_state->store || m_state->read; }
    // The server no longer takes the key: it is read from the keyring again (without
    // waiting) before the next request that waits for it, as it may have been renewed
    // there meanwhile (lyss-cli backends login). Until then the one known is used.
    void readAgain();

private:
    struct State {
        SecretStore* store = nullptr;
        QString entry;
        QString value;
        QString problem;
        bool read = false;
        bool reading = false;
        bool late = false;  // the limit passed; the keyring's answer may still come
        bool stale = false; // readAgain(): read anew at the next whenRead()
        QList<std::function<void()>> waiting;
        void settle(const QString& key, const QString& why);
    };
    std::shared_ptr<State> m_state;
};

} // namespace lyss
