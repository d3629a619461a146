// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "backends/HttpClient.h"

#include <QJsonObject>
#include <QPointer>

namespace lyss {

class HttpChatStream;

// A reply an Open WebUI server streams over HTTP, shown to the server's outlet filters
// once it is complete (OpenWebUiOutlet): a stream over HTTP is one the server does not
// run them on by itself, or runs them on without a word back. finished() comes once they
// answered; their text, where it differs, is revisedContent(). Stop while they are asked
// ends the reply at once, as it streamed.
class OpenWebUiHttpStream : public ChatStream {
    Q_OBJECT

public:
    // `stream` is adopted. `request` is the chat request's body; `chatId` and `sessionId`
    // go to the filters as the request had them (or empty). Without `askOutlet` this is
    // `stream` as it is.
    OpenWebUiHttpStream(HttpChatStream* stream, HttpClient client, QJsonObject request,
                        QString chatId, QString sessionId, bool askOutlet,
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
    void end();

    QPointer<HttpChatStream> m_stream;
    HttpClient m_client;
    QJsonObject m_request;
    QString m_chatId;
    QString m_sessionId;
    bool m_askOutlet;
    QString m_content; // the answer as it streamed
    bool m_asking = false;
    bool m_ended = false;
    std::optional<QString> m_revised;
    QString m_problem;
    QObject* m_call = nullptr; // the outlet's request, gone with it
};

} // namespace lyss
