// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/MarkdownExport.h"

#include <QDateTime>
#include <QRegularExpression>

namespace lyss {

namespace {
QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QString MarkdownExport::chat(const Chat& chat, const QList<Message>& branch)
{
    QString out;
    const QString title = chat.title.isEmpty() ? tr("Untitled chat") : chat.title;
    out += QStringLiteral("# ") + title + QStringLiteral("\n\n");
    QStringList details;
    if (!chat.model.isEmpty())
        details << tr("Model: %1").arg(chat.model);
    details << tr("Started: %1").arg(when(chat.createdAt));
    if (!chat.tags.isEmpty())
        details << tr("Tags: %1").arg(chat.tags.join(QStringLiteral(", ")));
    out += QStringLiteral("*") + details.join(QStringLiteral(" · ")) + QStringLiteral("*\n");
    for (const Message& m : branch) {
        QString who;
        switch (m.role) {
        case Role::User:
            who = tr("You");
            break;
        case Role::Assistant:
            who = m.model.isEmpty() ? tr("Assistant") : m.model;
            break;
        case Role::System:
            who = tr("System");
            break;
        case Role::Tool:
            who = tr("Tool");
            break;
        }
        out += QStringLiteral("\n## ") + who + QStringLiteral(" · ") + when(m.createdAt) +
               QStringLiteral("\n\n");
        if (!m.thinking.isEmpty()) {
            QString quoted = m.thinking.trimmed();
            quoted.replace(QLatin1Char('\n'), QStringLiteral("\n> "));
            out += QStringLiteral("> **") + tr("Thinking") + QStringLiteral(":** ") + quoted +
                   QStringLiteral("\n\n");
        }
        out += m.content.trimmed() + QLatin1Char('\n');
        if (m.status == MessageStatus::Error)
            out += QStringLiteral("\n*") + tr("Error: %1").arg(m.error) + QStringLiteral("*\n");
        else if (m.status == MessageStatus::Cancelled)
            out += QStringLiteral("\n*") + tr("Stopped before the end.") + QStringLiteral("*\n");
        else if (m.status == MessageStatus::Interrupted)
            out += QStringLiteral("\n*") + tr("Cut off when Lyss stopped.") + QStringLiteral("*\n");
    }
    return out;
}

QString MarkdownExport::fileName(const Chat& chat)
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString title = chat.title.isEmpty() ? tr("Untitled chat") : chat.title;
    title.replace(unsafe, QStringLiteral(" "));
    title = title.simplified().left(80);
    return QDateTime::fromMSecsSinceEpoch(chat.createdAt).toString(QStringLiteral("yyyy-MM-dd")) +
           QLatin1Char(' ') + title + QLatin1Char(' ') + chat.id.left(8) + QStringLiteral(".md");
}

} // namespace lyss
