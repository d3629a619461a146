// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/Backend.h"

namespace lyss {

// Any OpenAI-compatible server: llama.cpp's llama-server, LM Studio, vLLM, Ollama's
// /v1, hosted APIs with a Bearer key. The configured URL is the API base (…/v1).
class OpenAIBackend final : public Backend {
    Q_OBJECT

public:
    using Backend::Backend;

    void listModelsNow(Callback<QList<ModelInfo>> done) override;
    void probeNow(Callback<QString> done) override;
    ChatStream* chat(const ChatRequest& request) override;

    static QJsonObject chatBody(const ChatRequest& request);
};

} // namespace lyss
