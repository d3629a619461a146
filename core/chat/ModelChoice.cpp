// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ModelChoice.h"

#include "backends/BackendSet.h"
#include "store/Chat.h"

namespace lyss {

Result<ModelChoice> ModelChoice::fromText(const QString& text, const QList<ModelInfo>& models,
                                          const QStringList& backendNames)
{
    auto resolved = BackendSet::resolve(models, backendNames, text.trimmed());
    if (!resolved)
        return resolved.error();
    return ModelChoice{resolved->first, resolved->second};
}

Result<ModelChoice> ModelChoice::rememberedBy(const Chat& chat, const QList<ModelInfo>& models,
                                              const QStringList& backendNames)
{
    if (chat.model.isEmpty())
        return ModelChoice{};
    if (!chat.backend.isEmpty() && backendNames.contains(chat.backend))
        return ModelChoice{chat.backend, chat.model};
    return fromText(chat.model, models, backendNames);
}

} // namespace lyss
