// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BackendRecord.h"

namespace lyss {

QString backendKindName(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Ollama:
        return QStringLiteral("ollama");
    case BackendKind::OpenAI:
        return QStringLiteral("openai");
    case BackendKind::OpenWebUi:
        return QStringLiteral("openwebui");
    }
    return {};
}

std::optional<BackendKind> backendKindFromName(const QString& name)
{
    if (name == QLatin1String("ollama"))
        return BackendKind::Ollama;
    if (name == QLatin1String("openai"))
        return BackendKind::OpenAI;
    if (name == QLatin1String("openwebui"))
        return BackendKind::OpenWebUi;
    return std::nullopt;
}

} // namespace lyss
