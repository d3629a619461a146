// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime/SocketPacket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lyss {

QString SocketPacket::encode() const
{
    QString out = QString::number(int(type));
    if (nsp != QLatin1String("/"))
        out += nsp + QLatin1Char(',');
    if (ackId)
        out += QString::number(*ackId);
    if (data.isArray())
        out += QString::fromUtf8(QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact));
    else if (data.isObject())
        out += QString::fromUtf8(QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact));
    return out;
}

std::optional<SocketPacket> SocketPacket::decode(const QString& text)
{
    if (text.isEmpty() || !text.at(0).isDigit())
        return std::nullopt;
    const int type = text.at(0).digitValue();
    if (type > int(Type::ConnectError))
        return std::nullopt; // binary events and acks: not spoken here
    SocketPacket p;
    p.type = Type(type);
    qsizetype at = 1;
    if (at < text.size() && text.at(at) == QLatin1Char('/')) {
        const qsizetype comma = text.indexOf(QLatin1Char(','), at);
        if (comma < 0) {
            p.nsp = text.mid(at);
            return p;
        }
        p.nsp = text.mid(at, comma - at);
        at = comma + 1;
    }
    const qsizetype digits = at;
    while (at < text.size() && text.at(at).isDigit() && at - digits < 15)
        ++at;
    if (at > digits)
        p.ackId = text.mid(digits, at - digits).toLongLong();
    if (at < text.size()) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.mid(at).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        p.data = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    if ((p.type == Type::Event || p.type == Type::Ack) && !p.data.isArray())
        return std::nullopt;
    if (p.type == Type::Event && (p.data.toArray().isEmpty() || !p.data.toArray()[0].isString()))
        return std::nullopt;
    return p;
}

} // namespace lyss
