// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace lyss {

struct Chat;

// A model on one server: what a reply is asked of. The server is named (a backend's name
// is its id), so two servers offering a model of the same name are never confused, and a
// choice once made is not looked up again by the model's name.
struct ModelChoice {
    QString backend; // the backend's name
    QString model;   // the model's name on that server

    bool isEmpty() const { return backend.isEmpty() || model.isEmpty(); }
    // "backend/model", as lyss-cli's --model takes it.
    QString label() const { return backend + QLatin1Char('/') + model; }
    bool operator==(const ModelChoice&) const = default;

    // What a person typed ("llama3.2", "llama3.2:latest", "gpu/llama3.2"), checked
    // against what the servers offer (BackendSet::resolve): one server or an error that
    // says what to write instead.
    static Result<ModelChoice> fromText(const QString& text, const QList<ModelInfo>& models,
                                        const QStringList& backendNames);
    // What a chat remembers: its server and model while that server is configured (its
    // list need not have the model: the server has the last word), else its model's name
    // looked up as if typed. Empty when the chat remembers no model.
    static Result<ModelChoice> rememberedBy(const Chat& chat, const QList<ModelInfo>& models,
                                            const QStringList& backendNames);
};

} // namespace lyss
