// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace lyss {

// What a reply's metrics say when it is made of several streams (Continue).
class ReplyMetrics {
public:
    // What a reply cost over its streams: the earlier figures with the time and tokens
    // added up, the first answer's wait kept, and the rest (the speed, the server's own
    // counts) from the last stream that gave them. An attempt that brought no text is not
    // counted; `continued` says how many did.
    static QJsonObject continued(const QJsonObject& before, const QJsonObject& added);
};

} // namespace lyss
