// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QUrl>

namespace lyss {

// Decides which settings hold credentials, so they go to the keyring and never into the
// database or `config list`: keys named like a password, secret, token, credential,
// API key, authorization header, cookie or webhook (any case, any part of the dotted
// name), values that are an Authorization header ("Bearer ...", "Basic ...") or a
// webhook address, and the password inside a URL (https://user:pass@host).
class SecretFilter {
public:
    enum class Kind {
        Plain,   // nothing secret: store as it is
        Secret,  // a credential: the keyring, or nowhere
        Cleaned, // URLs that carried a password: `cleaned` is safe to store
    };
    struct Verdict {
        Kind kind = Kind::Plain;
        QJsonValue cleaned; // for Cleaned: the value with every URL password removed
    };

    static Verdict classify(const QString& key, const QJsonValue& value);
    // Whether a setting of this name holds a credential (a token count such as max_tokens
    // does not, when it is a number).
    static bool nameLooksSecret(const QString& key);
    // `url` without its user name and password; `*stripped` says whether it had them.
    static QUrl withoutCredentials(const QUrl& url, bool* stripped = nullptr);

private:
    static bool nameLooksSecretIgnoringCounts(const QString& key);
    static bool isTokenCountOnly(const QString& key);
};

} // namespace lyss
