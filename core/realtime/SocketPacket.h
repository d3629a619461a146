// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace lyss {

// One Socket.IO v5 packet, as it rides in an Engine.IO message ("4" + this):
// <type>[<nsp>,][<ack id>][JSON]. Binary packets (5, 6) are not used by Open WebUI and
// are refused as not understood.
struct SocketPacket {
    enum class Type { Connect = 0, Disconnect = 1, Event = 2, Ack = 3, ConnectError = 4 };
    Type type = Type::Event;
    QString nsp = QStringLiteral("/");
    std::optional<qint64> ackId;
    QJsonValue data; // the array of an event or ack, the object of a connect

    QString encode() const;
    // Null for text that is not a packet this client understands.
    static std::optional<SocketPacket> decode(const QString& text);
};

} // namespace lyss
