// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace lyss {

enum class Role { System, User, Assistant, Tool };
QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);

// Where a message is in its life. A reply is a row from its first token (Streaming)
// and ends Complete, Error or Cancelled with its partial text kept; a row still
// Streaming when Lyss starts again was cut off and becomes Interrupted.
enum class MessageStatus { Streaming, Complete, Error, Cancelled, Interrupted };
QString statusName(MessageStatus status);
std::optional<MessageStatus> statusFromName(const QString& name);

// One node of a chat's message tree.
struct Message {
    QString id;
    QString chatId;
    QString parentId; // empty for a root
    Role role = Role::User;
    QString content;
    QString thinking;
    QString model;
    MessageStatus status = MessageStatus::Complete;
    QString error;
    QJsonObject metrics;
    qint64 createdAt = 0; // ms since the epoch
    qint64 updatedAt = 0;
    QString streamOwner; // the process streaming it (ProcessIdentity), while Streaming
    // The content is only the start of a longer text (MessageTree::kShownBytes, read for
    // the window); MessageTree::message() reads the whole.
    bool contentCut = false;
    // What a stage (a filter) says it is doing while the reply is prepared or streams:
    // shown, never stored.
    QString progress;
};

} // namespace lyss
