// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ChatGptFormat.h"

#include "io/ChatTree.h"
#include "io/ImportChecks.h"

#include <QHash>
#include <QSet>

namespace lyss {

namespace {

struct NodeText {
    bool keep = false;
    QString text;
    int leftOut = 0; // parts that were not text
};

NodeText textOf(const QJsonObject& message)
{
    NodeText out;
    const QJsonObject content = message.value(QLatin1String("content")).toObject();
    const QString type = content.value(QLatin1String("content_type")).toString();
    if (type == QLatin1String("text") || type == QLatin1String("multimodal_text")) {
        QStringList parts;
        for (const QJsonValue& p : content.value(QLatin1String("parts")).toArray()) {
            if (p.isString())
                parts << p.toString();
            else
                ++out.leftOut; // an image or a file pointer
        }
        out.text = parts.join(QStringLiteral("\n\n"));
        out.keep = true;
    } else if (type == QLatin1String("code")) {
        out.text = QStringLiteral("```\n") + content.value(QLatin1String("text")).toString() +
                   QStringLiteral("\n```");
        out.keep = true;
    } else {
        ++out.leftOut; // tool output, browsing, reasoning summaries, ...
    }
    return out;
}

} // namespace

bool ChatGptFormat::looksLike(const QJsonObject& first)
{
    return first.value(QLatin1String("mapping")).isObject();
}

Result<ImportFile> ChatGptFormat::parse(const QJsonArray& conversations)
{
    ImportFile file;
    file.format = QStringLiteral("chatgpt");
    file.formatName = QStringLiteral("ChatGPT");
    int leftOut = 0;
    for (qsizetype i = 0; i < conversations.size(); ++i) {
        const QJsonObject conv = conversations[i].toObject();
        ImportedChat c;
        c.sourceId = conv.value(QLatin1String("id"))
                         .toString(conv.value(QLatin1String("conversation_id")).toString());
        c.title = conv.value(QLatin1String("title")).toString();
        const QString where = tr("Chat %1 of %2 (\"%3\", id %4): ")
                                  .arg(i + 1)
                                  .arg(conversations.size())
                                  .arg(c.title, c.sourceId.isEmpty() ? tr("none") : c.sourceId);
        if (!conversations[i].isObject())
            return Error{where + tr("not a JSON object.")};
        if (c.sourceId.isEmpty())
            return Error{where + tr("it has no id.")};
        if (!conv.value(QLatin1String("mapping")).isObject())
            return Error{where + tr("\"mapping\" is missing, so there are no messages to import.")};
        auto created = ImportChecks::timeMs(conv.value(QLatin1String("create_time")),
                                            QStringLiteral("create_time"));
        if (!created)
            return Error{where + created.errorMessage()};
        auto updated = ImportChecks::timeMs(conv.value(QLatin1String("update_time")),
                                            QStringLiteral("update_time"));
        if (!updated)
            return Error{where + updated.errorMessage()};
        c.createdAtMs = *created;
        c.updatedAtMs = *updated;
        c.archived = conv.value(QLatin1String("is_archived")).toBool();
        c.model = conv.value(QLatin1String("default_model_slug")).toString();

        const QJsonObject mapping = conv.value(QLatin1String("mapping")).toObject();
        QHash<QString, QString> parentOf;
        QSet<QString> kept;
        for (auto it = mapping.begin(); it != mapping.end(); ++it) {
            const QJsonObject node = it.value().toObject();
            const QString id = node.value(QLatin1String("id")).toString(it.key());
            const QJsonValue parent = node.value(QLatin1String("parent"));
            if (!parent.isNull() && !parent.isUndefined() && !parent.isString())
                return Error{where + tr("mapping.%1.parent must be a node id or null.").arg(id)};
            parentOf.insert(id, parent.toString());
            const QJsonObject message = node.value(QLatin1String("message")).toObject();
            if (message.isEmpty())
                continue; // the empty root and other structural nodes
            const QString role = message.value(QLatin1String("author"))
                                     .toObject()
                                     .value(QLatin1String("role"))
                                     .toString();
            const auto r = roleFromName(role);
            const QJsonObject metadata = message.value(QLatin1String("metadata")).toObject();
            NodeText text = textOf(message);
            leftOut += text.leftOut;
            if (!r || !text.keep ||
                metadata.value(QLatin1String("is_visually_hidden_from_conversation")).toBool() ||
                (*r == Role::System && text.text.trimmed().isEmpty()) || *r == Role::Tool)
                continue;
            ImportedMessage m;
            m.sourceId = id;
            m.role = *r;
            m.content = text.text;
            m.model = metadata.value(QLatin1String("model_slug")).toString();
            auto at =
                ImportChecks::timeMs(message.value(QLatin1String("create_time")),
                                     QStringLiteral("mapping.%1.message.create_time").arg(id));
            if (!at)
                return Error{where + at.errorMessage()};
            m.createdAtMs = *at;
            if (m.createdAtMs == 0)
                m.createdAtMs = c.createdAtMs;
            c.messages << m;
            kept.insert(id);
        }
        // A kept message hangs under its nearest kept ancestor.
        auto nearestKept = [&](QString id) {
            QSet<QString> seen;
            while (!id.isEmpty() && !kept.contains(id) && !seen.contains(id)) {
                seen.insert(id);
                id = parentOf.value(id);
            }
            return kept.contains(id) ? id : QString();
        };
        for (ImportedMessage& m : c.messages) {
            const QString parent = parentOf.value(m.sourceId);
            if (!parent.isEmpty() && !parentOf.contains(parent))
                return Error{where +
                             tr("mapping.%1.parent: \"%2\" is not one of this chat's nodes.")
                                 .arg(m.sourceId, parent)};
            m.parentSourceId = nearestKept(parent);
        }
        c.currentSourceId = nearestKept(conv.value(QLatin1String("current_node")).toString());
        if (Status st = orderChatTree(c); !st.ok())
            return Error{where + st.errorMessage()};
        file.chats << c;
    }
    if (leftOut > 0)
        file.notes << tr("Left out %n part(s) that were not text (images, files, tool output, "
                         "reasoning summaries).",
                         nullptr, leftOut);
    return file;
}

} // namespace lyss
