// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace lyss {

// A model a backend offers.
struct ModelInfo {
    QString name; // as the server names it, e.g. "llama3.2:latest"
    QString backendName;
    BackendKind backendKind = BackendKind::Ollama;
    QString displayName;   // name, or "backend/name" when two backends offer the name
    QString title;         // the server's own name for it, when it has one (Open WebUI's
                           // presets: "Code helper" for "code-helper"), else empty
    qint64 sizeBytes = -1; // -1: unknown (OpenAI-style servers do not say)
    QString family;
    QString parameterSize;
    QString quantization;
    QDateTime modifiedAt;
    // Ollama /api/ps only: memory in use and when it will be unloaded.
    qint64 sizeVram = -1;
    QDateTime expiresAt;
    // Open WebUI only: what its web page turns on for this model unless the person turns
    // it off, and so Lyss sends with every request: the tools its admin attached (those
    // this person may use) and the switchable filters that are on by default.
    QStringList toolIds;
    QStringList filterIds;
    // The server's names of those tools ("Web search" for web_search), where it said them.
    QHash<QString, QString> toolNames;
};

// "2.0 GB", "512 MB": sizes as people read them (decimal units, as Ollama prints them).
QString formatBytes(qint64 bytes);

} // namespace lyss
