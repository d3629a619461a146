// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ChatStream.h"
#include "backends/HttpClient.h"
#include "realtime/ServerEvent.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace lyss {

class Backend;
class ServerChannel;

// A reply an Open WebUI server runs itself, as its browser client has it run: the request
// names the chat ("local:<the socket's session id>", the browser's temporary chat, which
// the server does not store and lets the socket's owner stop), the reply's id and this
// client's socket session; the server answers {"status": true, "task_id"} and
// the reply comes over the socket as events: status lines, chat:completion (the whole
// text so far, or OpenAI pieces), usage, done, errors. The server's tools and filters
// work as in the browser, and their questions reach the window.
// A server that streams over HTTP all the same is read as such (OpenWebUiHttpStream).
// Stop asks the server to stop the task (/api/tasks/stop/ID).
// Once the text is whole (done), the server's outlet filters have their say: a server of
// 0.9 or later runs them by itself and sends what they made of the reply (chat:outlet)
// before it says the task ended (chat:active); an older one is asked as its web page asked
// (OpenWebUiOutlet). The reply finishes then, their text (where it differs) as
// revisedContent().
class ServerRunStream : public ChatStream {
    Q_OBJECT

public:
    ServerRunStream(HttpClient client, ServerChannel& channel, QJsonObject body, QString model,
                    int idleTimeoutMs, Backend* backend);
    ~ServerRunStream() override;

    void cancel() override;
    Outcome outcome() const override;
    QString errorText() const override;
    ChatMetrics metrics() const override;
    QString model() const override { return m_model; }
    qint64 firstTokenMs() const override;
    qint64 elapsedMs() const override;
    std::optional<QString> revisedContent() const override;
    QString revisionProblem() const override;

    QString taskId() const { return m_taskId; }
    // How long the end of a task is waited for after its text is whole, at most (a newer
    // server says a task ended only once no other reply of this socket's runs).
    static constexpr int kOutletWaitMs = 30000;

    // The task's id in the server's answer to the request, or "".
    static QString taskIdOf(const QJsonObject& answer);

private:
    void onHeaders();
    void onHttpFinished();
    void onEvent(const ServerEvent& event);
    void onChannelState();
    void take(const QString& thinking, const QString& whole, StreamEvents& out, bool last = false);
    void deliver(StreamEvents events);
    void finish(Outcome outcome, const QString& error = {});
    void dropReply();
    void stopTask();
    // The text is whole: the server's outlet filters are waited for, or asked.
    void settle();
    void askOutlet();
    // What the outlet filters made of the reply (serialised, as the server keeps it).
    void revise(const QString& serialised);
    QString lostNote() const;

    HttpClient m_client;
    QPointer<ServerChannel> m_channel;
    QPointer<QNetworkReply> m_reply;
    ChatStream* m_http = nullptr; // the server streamed over HTTP after all
    QString m_model;
    QString m_chatId;
    QString m_messageId;
    QString m_taskId;
    QPointer<Backend> m_backend;
    QTimer m_idle;
    int m_idleTimeoutMs;
    QElapsedTimer m_clock;
    Outcome m_outcome = Outcome::Running;
    QString m_error;
    ChatMetrics m_metrics;
    qint64 m_firstTokenMs = -1;
    QString m_answer;   // what was passed on, to send only what is new
    QString m_thinking; // the same for the reasoning
    QString m_whole;    // the server's last whole answer, a tag at its end held back or not
    QJsonObject m_body; // the request, for the outlet filters
    QString m_sessionId;
    bool m_settling = false;         // the text is whole; the outlet filters are awaited
    bool m_serverRunsOutlet = false; // ... and run by the server, which says when it is done
    bool m_taskEnded = false;        // it said so (chat:active) while its version was asked
    qint64 m_settledMs = -1;
    QTimer m_settle;
    std::optional<QString> m_revised;
    QString m_revisionProblem;
};

} // namespace lyss
