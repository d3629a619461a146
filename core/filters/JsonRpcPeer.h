// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QIODevice;
class QTimer;

namespace lyss {

// JSON-RPC 2.0 over a byte stream, one message a line (the framing MCP's stdio transport
// uses): calls with ids and a time limit each, answers matched by id, notifications heard.
// What the other side writes is checked: a line that is not JSON-RPC, an answer to an id
// never asked, or a line longer than the limit is a protocol error (the peer is no longer
// trusted; its owner stops it). Calls pending when it stops fail with the reason.
class JsonRpcPeer : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(Result<QJsonValue>)>;
    // The longest line read: a filter that floods without ending a line is stopped there.
    static constexpr qsizetype kMaxLineBytes = 8 * 1024 * 1024;

    JsonRpcPeer(QIODevice* output, QObject* parent = nullptr);

    // Sends a call; `done` gets the result, the error's message, or why no answer came
    // within `timeoutMs` of its turn (once the calls sent before it were answered). Always
    // called once, later (never from inside call()).
    void call(const QString& method, const QJsonObject& params, int timeoutMs, Done done);
    // What the other side wrote (its stdout), in pieces of any size.
    void feed(const QByteArray& bytes);
    // Every pending call fails with `why` (the process ended, was stopped).
    void failAll(const QString& why);
    int pending() const { return int(m_calls.size()); }

    // How many notifications may come between two answers before it counts as a flood.
    static constexpr int kMostNotifications = 1000;

Q_SIGNALS:
    void notification(const QString& method, const QJsonObject& params);
    // The other side broke the protocol (`why` in words): its owner should stop it.
    void protocolError(const QString& why);
    // A call ran out of time and nothing at all came from the other side since it was
    // sent: it hangs (a call merely slower than its limit, while others are answered, is
    // only that call's failure).
    void stalled(const QString& why);

private:
    struct Pending {
        Done done;
        QString method;
        quint64 linesAtStart = 0; // lines read when its clock started
        int timeoutMs = 0;
    };
    // The oldest call's clock runs: a filter works through its calls in turn, so a call's
    // time starts when the ones before it are answered.
    void startClock();
    void timedOut();
    void handleLine(const QByteArray& line);
    void finish(qint64 id, Result<QJsonValue> result);

    QPointer<QIODevice> m_output;
    QByteArray m_buffer;
    qsizetype m_scanned = 0; // of m_buffer, known to hold no newline
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_calls;
    QList<qint64> m_order;     // pending ids, oldest first
    QTimer* m_clock = nullptr; // the oldest call's time
    // Calls given up after their time: a late answer to one is not an error. The oldest
    // are forgotten first.
    QList<qint64> m_abandoned;
    quint64 m_linesRead = 0;
    int m_notificationsInARow = 0;
};

} // namespace lyss
