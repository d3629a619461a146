// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
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
    // within `timeoutMs`. Always called once, later (never from inside call()).
    void call(const QString& method, const QJsonObject& params, int timeoutMs, Done done);
    // What the other side wrote (its stdout), in pieces of any size.
    void feed(const QByteArray& bytes);
    // Every pending call fails with `why` (the process ended, was stopped).
    void failAll(const QString& why);
    int pending() const { return int(m_calls.size()); }

Q_SIGNALS:
    void notification(const QString& method, const QJsonObject& params);
    // The other side broke the protocol (`why` in words): its owner should stop it.
    void protocolError(const QString& why);

private:
    struct Pending {
        Done done;
        QTimer* timer = nullptr;
        QString method;
    };
    void handleLine(const QByteArray& line);
    void finish(qint64 id, Result<QJsonValue> result);

    QPointer<QIODevice> m_output;
    QByteArray m_buffer;
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_calls;
};

} // namespace lyss
