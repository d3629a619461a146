// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/DraftRepository.h"

#include "store/StoreRows.h"

namespace lyss {

using namespace rows;

DraftRepository::DraftRepository(ConnectionSource& source, QString userId)
    : m_user(std::move(userId))
    , m_statements(source)
{
}

Status DraftRepository::saveDraft(const QString& chatId, const QString& text)
{
    if (text.trimmed().isEmpty())
        return execute(m_statements,
                       QStringLiteral("DELETE FROM drafts WHERE user_id = ? AND chat_id = ?"),
                       {m_user, notNull(chatId)}, tr("Saving the draft"));
    return execute(
        m_statements,
        QStringLiteral(
            "INSERT INTO drafts (user_id, chat_id, text, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (user_id, chat_id) DO UPDATE SET text = excluded.text, "
            "updated_at = excluded.updated_at"),
        {m_user, notNull(chatId), notNull(text), sql::nowMs()}, tr("Saving the draft"));
}

Result<QString> DraftRepository::draft(const QString& chatId)
{
    auto rows = queryRows<QString>(
        m_statements, QStringLiteral("SELECT text FROM drafts WHERE user_id = ? AND chat_id = ?"),
        {m_user, notNull(chatId)}, tr("Reading the draft"),
        [](const QSqlQuery& q) { return q.value(0).toString(); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : rows->first();
}

} // namespace lyss
