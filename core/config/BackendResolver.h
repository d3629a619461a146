// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"
#include "store/BackendRecord.h"

#include <QList>
#include <QProcessEnvironment>
#include <QUrl>

namespace lyss {

// A backend as Lyss will use it in this run, whatever defined it.
struct EffectiveBackend {
    QString name;
    BackendKind kind = BackendKind::Ollama;
    QUrl url;
    bool enabled = true;
    ValueSource source = ValueSource::Default;
    QString envVar; // the variable that defined it, for ValueSource::Environment
    bool hasStoredKey = false;
    QString envKey;           // an API key from the environment; used, never stored
    QString account;          // an Open WebUI server's sign-in, see BackendRecord
    qint64 signedInUntil = 0; // ms since the epoch; 0: not said
    qint64 signedInAt = 0;    // when the sign-in began; 0: not known
};

// The backend list for this run: the database's backends, then those the environment
// defines with Open WebUI's variable names (an environment backend replaces a stored
// one of the same name), and Ollama at http://localhost:11434 when nothing else names
// an Ollama server.
QList<EffectiveBackend> resolveBackends(const QList<BackendRecord>& stored,
                                        const QProcessEnvironment& env);

// OLLAMA_HOST as Ollama reads it ("[scheme://]host[:port][/path]", port 11434 by
// default), made connectable: 0.0.0.0 and :: are bind addresses, so they become the
// loopback address.
QUrl ollamaUrlFromHost(const QString& value);

// "http://host:port/path" without a trailing slash, or an invalid QUrl with a reason.
QUrl normalizeBackendUrl(const QString& text, QString* problem = nullptr);

// Open WebUI's default OpenAI base URL, used when only a key is given.
inline constexpr const char* kDefaultOpenAIUrl = "https://api.openai.com/v1";
inline constexpr const char* kDefaultOllamaUrl = "http://localhost:11434";

} // namespace lyss
