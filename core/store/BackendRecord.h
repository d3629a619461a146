// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace lyss {

enum class BackendKind { Ollama, OpenAI, OpenWebUi };
QString backendKindName(BackendKind kind);
std::optional<BackendKind> backendKindFromName(const QString& name);

// A model server the user added. Its API key (or an Open WebUI server's sign-in token),
// if any, lives in the keyring under the backend's name; hasKey only records that one
// was stored.
struct BackendRecord {
    qint64 id = 0;
    QString name;
    BackendKind kind = BackendKind::Ollama;
    QUrl url;
    bool enabled = true;
    bool hasKey = false;
    qint64 createdAt = 0;
    // An Open WebUI server signed in to with an email and password: the email (the token
    // is the "key" in the keyring; the password is never kept), and when the server said
    // the token ends (ms since the epoch; 0: it did not say, or a key is used instead).
    QString account;
    qint64 signedInUntil = 0;
    qint64 signedInAt = 0; // when that sign-in began (0: not known, before schema 13)
};

} // namespace lyss
