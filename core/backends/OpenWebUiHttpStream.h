// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "backends/HttpClient.h"

#include <QJsonObject>
#include <QPointer>

namespace lyss {

class HttpChatStream;
class OpenWebUiBackend;

// A reply an Open WebUI server streams over HTTP, shown to the server's outlet filters
// once it is complete (OpenWebUiOutlet), by servers older than 0.9, which never run them
// on such a stream (their web page asked for them). A newer server runs them itself where
// it does (newer 0.9 releases, on what an API caller asked), without a word back: asking
// again would run them twice (a filter that counts or bills would count twice), so it is
// not asked. finished() comes once they answered; their text, where it differs, is
// revisedContent(). Stop while they are asked ends the reply at once, as it streamed.
class OpenWebUiHttpStream : public ChatStream {
    Q_OBJECT

public:
    // `stream` is adopted. `request` is the chat request's body; `chatId` and `sessionId`
    // go to the filters as the request had them (or empty). `server` says its version.
    OpenWebUiHttpStream(HttpChatStream* stream, HttpClient client, QJsonObject request,
                        QString chatId, QString sessionId, OpenWebUiBackend* server,
                        QObject* parent = nullptr);

    void cancel() override;
    Outcome outcome() const override;
    QString errorText() const override;
    ChatMetrics metrics() const override;
    QString model() const override;
    qint64 firstTokenMs() const override;
    qint64 elapsedMs() const override;
    std::optional<QString> revisedContent() const override { return m_revised; }
    QString revisionProblem() const override { return m_problem; }

private:
    void onStreamFinished();
    void ask();
    void end();

    QPointer<HttpChatStream> m_stream;
    HttpClient m_client;
    QJsonObject m_request;
    QString m_chatId;
    QString m_sessionId;
    QPointer<OpenWebUiBackend> m_server;
    QString m_content;   // the answer as it streamed
    qint64 m_endMs = -1; // when the stream ended: its time, not the filters'
    bool m_asking = false;
    bool m_ended = false;
    std::optional<QString> m_revised;
    QString m_problem;
    QObject* m_call = nullptr; // the outlet's request, gone with it
};

} // namespace lyss
