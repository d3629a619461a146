// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DraftRepository.h"

#include "store/StoreRows.h"

namespace lyss {

using namespace rows;

DraftRepository::DraftRepository(ConnectionSource& source)
    : m_statements(source)
{
}

Status DraftRepository::saveDraft(const QString& chatId, const QString& text)
{
    if (text.trimmed().isEmpty())
        return execute(m_statements, QStringLiteral("DELETE FROM drafts WHERE chat_id = ?"),
                       {notNull(chatId)}, tr("Saving the draft"));
    return execute(m_statements,
                   QStringLiteral("INSERT INTO drafts (chat_id, text, updated_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (chat_id) DO UPDATE SET text = excluded.text, "
                                  "updated_at = excluded.updated_at"),
                   {notNull(chatId), notNull(text), sql::nowMs()}, tr("Saving the draft"));
}

Result<QString> DraftRepository::draft(const QString& chatId)
{
    auto rows = queryRows<QString>(m_statements,
                                   QStringLiteral("SELECT text FROM drafts WHERE chat_id = ?"),
                                   {notNull(chatId)}, tr("Reading the draft"),
                                   [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->first();
}

} // namespace lyss
