// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StatementCache.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace lyss {

class ConnectionSource;

// What one person was typing and has not sent, per chat ("" for a chat not started yet):
// drafts are keyed by (person, chat).
class DraftRepository {
    Q_DECLARE_TR_FUNCTIONS(DraftRepository)

public:
    DraftRepository(ConnectionSource& source, QString userId);

    // Saving empty (or blank) text removes the draft.
    Status saveDraft(const QString& chatId, const QString& text);
    Result<QString> draft(const QString& chatId);

private:
    QString m_user;
    StatementCache m_statements;
};

} // namespace lyss
