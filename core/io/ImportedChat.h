// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Message.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace lyss {

// A message read from another program's export, before it has a Lyss id.
struct ImportedMessage {
    QString sourceId;
    QString parentSourceId; // empty for a root
    Role role = Role::User;
    QString content;
    QString thinking;
    QString model;
    qint64 createdAtMs = 0;
    MessageStatus status = MessageStatus::Complete;
    QString error;
    QJsonObject metrics; // Open WebUI's "usage"
};

// A chat read from an export: its tree in an order where parents come first.
struct ImportedChat {
    QString sourceId;
    QString title;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    bool pinned = false;
    bool archived = false;
    QStringList tags;
    QString model;
    QJsonObject params;
    QList<ImportedMessage> messages;
    QString currentSourceId; // the leaf of the branch last seen
};

// A whole export file, read and checked, ready to be written.
struct ImportFile {
    QString format;     // "open-webui" or "chatgpt": also the chats' source in the database
    QString formatName; // for people: "Open WebUI", "ChatGPT"
    QList<ImportedChat> chats;
    QStringList notes; // what was left out on purpose (images, tool output), in words
    // Read from a server (import --from-backend): its name, each chat's server from then
    // on, and the one whose events may rename and tag them.
    QString backend;
};

} // namespace lyss
