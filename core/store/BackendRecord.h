// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace lyss {

enum class BackendKind { Ollama, OpenAI };
QString backendKindName(BackendKind kind);
std::optional<BackendKind> backendKindFromName(const QString& name);

// A model server the user added. Its API key, if any, lives in the keyring under the
// backend's name; hasKey only records that one was stored.
struct BackendRecord {
    qint64 id = 0;
    QString name;
    BackendKind kind = BackendKind::Ollama;
    QUrl url;
    bool enabled = true;
    bool hasKey = false;
    qint64 createdAt = 0;
};

} // namespace lyss
