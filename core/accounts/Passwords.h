// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lyss {

// Passwords and session tokens, through libsodium: a password is kept only as its Argon2id
// hash (crypto_pwhash_str, at least the interactive limits), a session only as a keyed
// hash of its token. Buffers that held a password are wiped by whoever asks here.
class Passwords {
    Q_DECLARE_TR_FUNCTIONS(Passwords)

public:
    static constexpr int kMinLength = 8;    // characters
    static constexpr int kMaxLength = 1024; // characters: long phrases welcome

    // How many characters (code points) a UTF-8 password has.
    static qsizetype characters(const QByteArray& utf8);
    // Why a new password cannot be used (too short, too long), or nothing.
    static QString problemWith(const QByteArray& utf8);
    // The Argon2id string of a password (with its salt and limits), or why not.
    static Result<QByteArray> hash(const QByteArray& utf8);
    // Whether the password matches the hash; the same work for any hash of these limits.
    static bool verify(const QByteArray& hash, const QByteArray& utf8);
    // Whether a hash was made with lower limits than today's (rehash at the next sign-in).
    static bool needsRehash(const QByteArray& hash);
    // A hash of no one's password: what a sign-in with an unknown name is checked against,
    // so that it costs the same as a wrong password.
    static QByteArray dummyHash();
    // Wipes a buffer that held a password.
    static void wipe(QByteArray& buffer);
    static void wipe(QString& buffer);

    // A new session token: 256 random bits, base64url.
    static QByteArray newToken();
    // What the database keeps of a token: a BLAKE2b hash of it bound to the data folder,
    // so that a token copied to another folder's (even a copied) database is refused.
    static QString tokenHash(const QByteArray& token, const QString& dataDir);
};

} // namespace lyss
