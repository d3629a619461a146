// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace lyss {

class ChatStream;

// What a reply cost (its metrics, as stored with it): measured from its stream, and added
// up when it is made of several streams (Continue).
class ReplyMetrics {
public:
    // What Lyss saw of a stream besides what it says of itself.
    struct Seen {
        QString server;              // the backend's name, for what the reply cost
        int deltas = 0;              // content and thinking pieces: the measured token count
        qint64 thinkingStartMs = -1; // the first reasoning piece, from the stream's start
        qint64 thinkingEndMs = -1;   // the first answer piece after reasoning
    };
    // A reply's metrics: the stream's own (none if it is gone), the server, the total
    // time, the wait for the first token, the reasoning time, the tokens (the server's
    // count where it gives one) and the speed.
    static QJsonObject measured(const ChatStream* stream, const Seen& seen);

    // What a reply cost over its streams: the earlier figures with the time and tokens
    // added up, the first answer's wait kept, and the rest (the speed, the server's own
    // counts) from the last stream that gave them. An attempt that brought no text is not
    // counted; `continued` says how many did.
    static QJsonObject continued(const QJsonObject& before, const QJsonObject& added);
};

} // namespace lyss
