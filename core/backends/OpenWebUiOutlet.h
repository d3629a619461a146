// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/HttpClient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace lyss {

// An Open WebUI server's outlet filters (its admins' filters and Pipelines that check or
// rewrite what a model wrote), run on a finished reply. Before 0.9 the server's web page
// had them run by asking POST /api/chat/completed with the chat's messages and the reply;
// since 0.9 the server runs them by itself on the replies it runs, and says what they
// made of the reply in a chat:outlet event, but keeps the route for clients that stream
// over HTTP. Either way the answer is the messages as the filters left them: the reply's
// text, where they changed it, replaces the text that streamed.
class OpenWebUiOutlet {
    Q_DECLARE_TR_FUNCTIONS(OpenWebUiOutlet)

public:
    // Whether a server of `version` ("0.9.2", "v0.10.1-dev") runs the outlet filters by
    // itself on a reply it runs (and sends chat:outlet). Unknown: false.
    static bool runsOutletItself(const QString& version);

    // The body for /api/chat/completed: the request's model, messages and filters
    // (`request` is the chat request's body), and the reply `answer` as it streamed, with
    // the ids the server reads (chat_id and session_id may be empty).
    static QJsonObject body(const QJsonObject& request, const QString& answer,
                            const QString& messageId, const QString& chatId,
                            const QString& sessionId);

    struct Outcome {
        std::optional<QString> text; // the reply as the filters left it, when it was there
        QString problem;             // why the filters could not be asked, in words
    };
    // Asks; `done` is called once, unless `context` is gone first. A server without the
    // route (or a key not allowed it: 403, 404, 405) has nothing to say: no text, no
    // problem.
    static void run(const HttpClient& client, const QJsonObject& body, QObject* context,
                    std::function<void(Outcome)> done);

    // What is said meanwhile, under the reply; why a reply is kept as it streamed (the
    // filters failed with `problem`, or were stopped), for its note. `server` is the
    // server's label.
    static QString checkingLine();
    static QString failedNote(const QString& server, const QString& problem);
    static QString stoppedNote(const QString& server);
    // They answered with no text at all for a reply that had some: kept, and said.
    static QString emptiedNote(const QString& server);

    // The text of the message `messageId` among `messages` (an answer's or an event's),
    // when it is there with its text ("content" or "output").
    static std::optional<QString> textIn(const QJsonArray& messages, const QString& messageId);
    // A message's text: its "content", or the text parts of its "output" (the items newer
    // servers keep replies as).
    static QString messageText(const QJsonObject& message);
};

} // namespace lyss
