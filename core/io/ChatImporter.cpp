// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ChatImporter.h"
#include "util/Sentences.h"

#include "io/ChatGptFormat.h"
#include "io/OpenWebUiFormat.h"
#include "store/ChatBulkWriter.h"
#include "store/ChatRepository.h"
#include "store/ConnectionSource.h"
#include "store/Transaction.h"
#include "util/Json.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace lyss {

QString ChatImporter::Summary::text() const
{
    QString s = tr("Imported %n chat(s)", nullptr, chats) + QLatin1Char(' ') +
                tr("with %n message(s) from %1", nullptr, messages).arg(formatName);
    if (duplicates > 0)
        s += QStringLiteral("; ") + tr("skipped %n chat(s) imported before", nullptr, duplicates);
    s += QLatin1Char('.');
    for (const QString& n : notes)
        s += QLatin1Char('\n') + n;
    return s;
}

ChatImporter::ChatImporter(ConnectionSource& source, QString userId)
    : m_source(source)
    , m_user(std::move(userId))
{
}

Result<ImportFile> ChatImporter::read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read %1: %2.").arg(path, f.errorString())};
    return parse(f.readAll(), path);
}

Result<ImportFile> ChatImporter::parse(const QByteArray& json, const QString& name)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition pos = positionOfOffset(json, parseError.offset);
        return Error{tr("%1 is not valid JSON: %2 at line %3, column %4. Nothing was imported.")
                         .arg(name, parseError.errorString())
                         .arg(pos.line)
                         .arg(pos.column)};
    }
    const QString expected =
        tr("Lyss imports Open WebUI's chat export (chat-export-….json) and ChatGPT's "
           "conversations.json.");
    if (!doc.isArray())
        return Error{tr("%1 is not a list of chats. %2 Nothing was imported.").arg(name, expected)};
    const QJsonArray rows = doc.array();
    if (rows.isEmpty()) {
        ImportFile empty;
        empty.formatName = tr("an empty export");
        return empty;
    }
    const QJsonObject first = rows.first().toObject();
    Result<ImportFile> file =
        ChatGptFormat::looksLike(first) ? ChatGptFormat::parse(rows)
        : OpenWebUiFormat::looksLike(first)
            ? OpenWebUiFormat::parse(rows)
            : Result<ImportFile>(Error{
                  tr("%1 is neither an Open WebUI nor a ChatGPT export. %2 Nothing was imported.")
                      .arg(name, expected)});
    if (!file && !file.errorMessage().endsWith(tr("Nothing was imported.")))
        return Error{joinSentences(file.errorMessage(), tr("Nothing was imported."))};
    if (!file)
        return file;
    // A chat with nothing to show (no messages, or only hidden ones and tool output) would
    // come in as an empty chat: it is left out, and the report says which.
    QStringList empty;
    ImportFile kept = std::move(file).value();
    kept.chats.removeIf([&](const ImportedChat& c) {
        if (!c.messages.isEmpty())
            return false;
        empty << (c.title.isEmpty() ? c.sourceId : c.title);
        return true;
    });
    if (!empty.isEmpty())
        kept.notes << tr("Left out %n chat(s) with no messages: %1.", nullptr,
                         static_cast<int>(empty.size()))
                          .arg(empty.join(QStringLiteral(", ")));
    return kept;
}

Result<ChatImporter::Summary> ChatImporter::write(const ImportFile& file, const Progress& progress)
{
    Summary summary;
    summary.formatName = file.formatName;
    summary.notes = file.notes;
    Transaction tx(m_source);
    if (!tx.status().ok())
        return tx.status().error();
    ChatBulkWriter writer(m_source, m_user);
    if (Status st = writer.begin(); !st.ok())
        return st.error();
    ChatRepository chats(m_source, m_user);
    const int total = static_cast<int>(file.chats.size());
    const int step = std::max(1, total / 100);
    for (int i = 0; i < total; ++i) {
        const ImportedChat& c = file.chats[i];
        if (progress && (i % step == 0))
            progress(i, total);
        auto existing = chats.chatFromSource(file.format, c.sourceId, /*orOwnId=*/true);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            ++summary.duplicates;
            continue;
        }
        Chat chat;
        chat.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        chat.title = c.title;
        chat.model = c.model;
        chat.params = c.params;
        chat.pinned = c.pinned;
        chat.archived = c.archived;
        chat.createdAt = c.createdAtMs;
        chat.updatedAt = std::max(c.updatedAtMs, c.createdAtMs);
        chat.tags = c.tags;
        chat.source = file.format;
        chat.sourceId = c.sourceId;
        chat.backend = file.backend;
        if (Status st = writer.insertChat(chat); !st.ok())
            return st.error();
        QHash<QString, QString> ids;
        ids.reserve(c.messages.size());
        for (const ImportedMessage& im : c.messages) {
            Message m;
            m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            ids.insert(im.sourceId, m.id);
            m.chatId = chat.id;
            m.parentId = ids.value(im.parentSourceId);
            m.role = im.role;
            m.content = im.content;
            m.thinking = im.thinking;
            m.model = im.model;
            m.status = im.status;
            m.error = im.error;
            m.metrics = im.metrics;
            m.createdAt = im.createdAtMs;
            m.updatedAt = im.createdAtMs;
            if (Status st = writer.insertMessage(m); !st.ok())
                return st.error();
        }
        if (Status st = writer.setCurrentLeaf(chat.id, ids.value(c.currentSourceId)); !st.ok())
            return st.error();
        ++summary.chats;
        summary.messages += static_cast<int>(c.messages.size());
    }
    if (Status st = writer.finish(); !st.ok())
        return st.error();
    if (Status st = tx.commit(); !st.ok())
        return st.error();
    if (progress)
        progress(total, total);
    return summary;
}

} // namespace lyss
