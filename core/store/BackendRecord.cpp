// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BackendRecord.h"

namespace lyss {

QString backendKindName(BackendKind kind)
{
    return kind == BackendKind::Ollama ? QStringLiteral("ollama") : QStringLiteral("openai");
}

std::optional<BackendKind> backendKindFromName(const QString& name)
{
    if (name == QLatin1String("ollama"))
        return BackendKind::Ollama;
    if (name == QLatin1String("openai"))
        return BackendKind::OpenAI;
    return std::nullopt;
}

} // namespace lyss
