// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace lyss {

// What a server said about a finished reply. -1 means "not reported".
struct ChatMetrics {
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
    qint64 totalDurationNs = -1;
    qint64 loadDurationNs = -1;
    qint64 promptEvalDurationNs = -1;
    qint64 evalDurationNs = -1;
    QString doneReason;

    // Only the reported fields, with the server's names (Ollama's where both exist).
    QJsonObject toJson() const;
};

// One thing a model stream told us, whatever the protocol: a piece of the answer, a
// piece of its reasoning, the end (with metrics) or an error.
struct StreamEvent {
    enum class Kind { Content, Thinking, Done, Error };
    Kind kind = Kind::Content;
    QString text; // Content/Thinking: the delta; Error: the message for the user
    ChatMetrics metrics;

    static StreamEvent content(QString t) { return {Kind::Content, std::move(t), {}}; }
    static StreamEvent thinking(QString t) { return {Kind::Thinking, std::move(t), {}}; }
    static StreamEvent done(ChatMetrics m) { return {Kind::Done, {}, std::move(m)}; }
    static StreamEvent error(QString t) { return {Kind::Error, std::move(t), {}}; }
};

using StreamEvents = QList<StreamEvent>;

// Turns a protocol's byte stream into StreamEvents. Any split of the bytes into
// feed() calls gives the same events as feeding them whole. After an Error or Done
// event nothing more is produced.
class StreamDecoder {
public:
    virtual ~StreamDecoder() = default;
    virtual void feed(QByteArrayView bytes, StreamEvents& out) = 0;
    // The connection ended. A stream that never finished yields an Error here.
    virtual void finish(StreamEvents& out) = 0;
    // Grows with every complete line or event: a stream that trickles bytes without
    // ever ending a line makes no progress, however many bytes come.
    virtual quint64 progress() const = 0;
};

// The error text inside a JSON error body or stream line, in any of the shapes servers
// use: {"error":"..."}, {"error":{"message":"..."}}, {"object":"error","message":"..."}.
// Empty when the object is not an error.
QString errorMessageFromJson(const QJsonObject& object);
// The same for the body of an HTTP error, which may also be FastAPI's {"detail": "..."}
// (a stream's line with a "detail" is no error).
QString errorMessageFromBody(const QJsonObject& object);

// The words for a stream that broke its protocol, shared by the decoders.
// A line (or event) passed the limit of `maxBytes`.
QString lineTooLongMessage(qsizetype maxBytes);
// A line (or an event's data, when `event`) that should have been a JSON object.
QString notAJsonObjectMessage(const QByteArray& text, bool event);

} // namespace lyss
