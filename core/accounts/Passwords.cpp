// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/Passwords.h"

#include <QDir>
#include <QFileInfo>

#include <sodium.h>

namespace lyss {

namespace {
bool ready()
{
    static const bool ok = sodium_init() >= 0; // idempotent and thread-safe
    return ok;
}
} // namespace

qsizetype Passwords::characters(const QByteArray& utf8)
{
    // Code points, counted on the bytes: no copy of the password in another encoding.
    qsizetype n = 0;
    for (const char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

QString Passwords::problemWith(const QByteArray& utf8)
{
    const qsizetype chars = characters(utf8);
    if (chars < kMinLength)
        return tr("A password needs at least %1 characters.").arg(kMinLength);
    if (chars > kMaxLength)
        return tr("A password may have at most %1 characters.").arg(kMaxLength);
    return {};
}

Result<QByteArray> Passwords::hash(const QByteArray& utf8)
{
    if (!ready())
        return Error{tr("The password library could not start.")};
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(
            out.data(), utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{tr("There was not enough memory to hash the password (Argon2id needs "
                        "64 MiB)."),
                     ErrorCode::Io};
    out.truncate(static_cast<qsizetype>(qstrlen(out.constData())));
    return out;
}

bool Passwords::verify(const QByteArray& hash, const QByteArray& utf8)
{
    if (!ready() || hash.isEmpty())
        return false;
    const QByteArray terminated = hash + '\0';
    return crypto_pwhash_str_verify(terminated.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool Passwords::needsRehash(const QByteArray& hash)
{
    // "$argon2id$v=19$m=65536,t=2,p=1$salt$hash": made again when it is not Argon2id or
    // when its memory or time is below today's limits. A stronger hash stays as it is
    // (libsodium's own check would say "rehash" for any difference, lowering it).
    const QList<QByteArray> parts = hash.split('$');
    if (parts.size() != 6 || parts[1] != "argon2id")
        return true;
    qint64 memoryKiB = 0, passes = 0;
    for (const QByteArray& setting : parts[3].split(',')) {
        if (setting.startsWith("m="))
            memoryKiB = setting.mid(2).toLongLong();
        else if (setting.startsWith("t="))
            passes = setting.mid(2).toLongLong();
    }
    return memoryKiB < qint64(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024) ||
           passes < qint64(crypto_pwhash_OPSLIMIT_INTERACTIVE);
}

QByteArray Passwords::dummyHash()
{
    // Made once with the interactive limits from 32 random bytes nobody kept.
    return QByteArrayLiteral("$argon2id$v=19$m=65536,t=2,p=1$aXTG1wbs/eJXRqXJkKL3Lg$"
                             "rRp7+Uikv2iV+ur/tFAM6Xpvioyyi/Nkz2R7HUn5O9k");
}

void Passwords::wipe(QByteArray& buffer)
{
    if (!buffer.isEmpty() && ready())
        sodium_memzero(buffer.data(), static_cast<size_t>(buffer.size()));
    buffer.clear();
}

void Passwords::wipe(QString& buffer)
{
    // Only when nothing else shares the characters: detaching would wipe a fresh copy.
    if (!buffer.isEmpty() && ready() && !buffer.isDetached())
        buffer.clear();
    if (!buffer.isEmpty() && ready())
        sodium_memzero(buffer.data(), static_cast<size_t>(buffer.size()) * sizeof(QChar));
    buffer.clear();
}

QByteArray Passwords::newToken()
{
    QByteArray raw(32, '\0');
    if (ready())
        randombytes_buf(raw.data(), static_cast<size_t>(raw.size()));
    const QByteArray token =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    wipe(raw);
    return token;
}

QString Passwords::tokenHash(const QByteArray& token, const QString& dataDir)
{
    const QString canonical = QFileInfo(dataDir).canonicalFilePath();
    const QByteArray message =
        token + '\n' + QDir::cleanPath(canonical.isEmpty() ? dataDir : canonical).toUtf8();
    unsigned char out[crypto_generichash_BYTES];
    ready();
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<unsigned long long>(message.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex());
}

} // namespace lyss
