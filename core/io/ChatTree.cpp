// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ChatTree.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace lyss {

Status orderChatTree(ImportedChat& chat)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < chat.messages.size(); ++i) {
        const QString& id = chat.messages[i].sourceId;
        if (index.contains(id))
            return Error{
                QCoreApplication::translate("lyss::ChatTree", "message \"%1\" appears twice.")
                    .arg(id)};
        index.insert(id, i);
    }
    QHash<QString, QList<qsizetype>> children;
    QList<qsizetype> roots;
    for (qsizetype i = 0; i < chat.messages.size(); ++i) {
        const ImportedMessage& m = chat.messages[i];
        if (m.parentSourceId.isEmpty()) {
            roots << i;
            continue;
        }
        if (!index.contains(m.parentSourceId))
            return Error{
                QCoreApplication::translate(
                    "lyss::ChatTree",
                    "message \"%1\": its parent \"%2\" is not one of this chat's messages.")
                    .arg(m.sourceId, m.parentSourceId)};
        children[m.parentSourceId] << i;
    }
    // Breadth-first from the roots: parents first; whatever is never reached is a cycle.
    QList<ImportedMessage> ordered;
    ordered.reserve(chat.messages.size());
    QList<qsizetype> queue = roots;
    for (qsizetype at = 0; at < queue.size(); ++at) {
        const ImportedMessage& m = chat.messages[queue[at]];
        ordered << m;
        queue += children.value(m.sourceId);
    }
    if (ordered.size() != chat.messages.size()) {
        QSet<QString> reached;
        for (const ImportedMessage& m : ordered)
            reached.insert(m.sourceId);
        for (const ImportedMessage& m : chat.messages) {
            if (!reached.contains(m.sourceId))
                return Error{QCoreApplication::translate("lyss::ChatTree",
                                                         "message \"%1\" is its own ancestor (the "
                                                         "parent links form a loop).")
                                 .arg(m.sourceId)};
        }
    }
    chat.messages = ordered;

    if (chat.currentSourceId.isEmpty() || !index.contains(chat.currentSourceId)) {
        // The newest message that has no children.
        qint64 newest = -1;
        chat.currentSourceId.clear();
        for (const ImportedMessage& m : chat.messages) {
            if (!children.contains(m.sourceId) && m.createdAtMs >= newest) {
                newest = m.createdAtMs;
                chat.currentSourceId = m.sourceId;
            }
        }
    }
    return {};
}

} // namespace lyss
