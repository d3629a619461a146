// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace lyss {

// What a reply cost, from the metrics stored with it: after its time in the header,
// compact ("412 tokens · 38.2 tokens/s"), and whole in a tooltip (model and server, the
// date, tokens, speed, time to the first token, total time).
struct ReplyCost {
    Q_DECLARE_TR_FUNCTIONS(lyss::ReplyCost)

public:
    QString server; // empty: not recorded (replies from before Lyss kept it)
    int tokens = -1;
    float tokensPerSecond = -1;
    int firstTokenMs = -1;
    int totalMs = -1;
    int continued = 0;     // how often it was continued (Continue)
    QString continuedWith; // the model it went on with, when another than its own

    static ReplyCost fromMetrics(const QJsonObject& metrics);
    bool known() const { return tokens >= 0 || totalMs >= 0; }
    QString compact() const;
    QString details(const QString& model, qint64 createdAt) const;
    // When a message was written: the time of day today, the date too on other days (the
    // year too in other years), in the language's own way.
    static QString when(qint64 createdAt, const QDateTime& now = QDateTime::currentDateTime());
};

} // namespace lyss
