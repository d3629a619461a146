// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/OpenWebUiOutlet.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkReply>
#include <QPointer>
#include <QVersionNumber>

namespace lyss {

bool OpenWebUiOutlet::runsOutletItself(const QString& version)
{
    QString v = version.trimmed();
    if (v.startsWith(u'v'))
        v.remove(0, 1);
    const QVersionNumber number = QVersionNumber::fromString(v);
    return !number.isNull() && number >= QVersionNumber(0, 9, 0);
}

QJsonObject OpenWebUiOutlet::body(const QJsonObject& request, const QString& answer,
                                  const QString& messageId, const QString& chatId,
                                  const QString& sessionId)
{
    QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    messages.append(QJsonObject{{QStringLiteral("id"), messageId},
                                {QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), answer}});
    QJsonObject body{
        {QStringLiteral("model"), request.value(QLatin1String("model"))},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("id"), messageId},
        // Read as they are by older servers: present, even when empty.
        {QStringLiteral("chat_id"), chatId},
        {QStringLiteral("session_id"), sessionId.isEmpty() ? QJsonValue() : QJsonValue(sessionId)}};
    if (const QJsonValue filters = request.value(QLatin1String("filter_ids")); filters.isArray())
        body.insert(QStringLiteral("filter_ids"), filters);
    return body;
}

void OpenWebUiOutlet::run(const HttpClient& client, const QJsonObject& body, QObject* context,
                          std::function<void(Outcome)> done)
{
    QNetworkReply* reply = client.postJson(QStringLiteral("/api/chat/completed"), body);
    const QString messageId = body.value(QLatin1String("id")).toString();
    QObject::connect(reply, &QNetworkReply::finished, context,
                     [reply, client, messageId, done = std::move(done)] {
                         reply->deleteLater();
                         Outcome out;
                         auto answer = client.jsonResult(reply);
                         const int status = HttpClient::httpStatus(reply);
                         if (!answer && (status == 403 || status == 404 || status == 405)) {
                             // Not there for this key or this server: nothing to ask.
                             qCInfo(lcNet) << "no outlet route here:" << answer.errorMessage();
                         } else if (!answer) {
                             out.problem = answer.errorMessage();
                         } else {
                             out.text =
                                 textIn(answer->object().value(QLatin1String("messages")).toArray(),
                                        messageId);
                             if (!out.text)
                                 qCDebug(lcNet) << "the outlet's answer does not hold the reply";
                         }
                         done(std::move(out));
                     });
    // Gone with its context, quietly: not a word to a context being destroyed.
    QObject::connect(context, &QObject::destroyed, reply, [reply] {
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    });
}

QString OpenWebUiOutlet::checkingLine()
{
    return tr("The server's filters are checking the reply…");
}

QString OpenWebUiOutlet::failedNote(const QString& server, const QString& problem)
{
    return tr("%1 could not run its filters on this reply (%2); it is kept as it came.")
        .arg(server, problem);
}

QString OpenWebUiOutlet::emptiedNote(const QString& server)
{
    return tr("The filters of %1 left nothing of this reply; it is kept as it came.").arg(server);
}

QString OpenWebUiOutlet::stoppedNote(const QString& server)
{
    return tr("Stopped before the filters of %1 had checked the reply; it is kept as it came.")
        .arg(server);
}

std::optional<QString> OpenWebUiOutlet::textIn(const QJsonArray& messages, const QString& messageId)
{
    if (messageId.isEmpty())
        return std::nullopt;
    for (const QJsonValue& m : messages) {
        const QJsonObject message = m.toObject();
        if (message.value(QLatin1String("id")).toString() != messageId)
            continue;
        // Without its text (an event that updates the message's sources), it says nothing
        // of the text.
        if (!message.value(QLatin1String("content")).isString() &&
            !message.value(QLatin1String("output")).isArray())
            return std::nullopt;
        return messageText(message);
    }
    return std::nullopt;
}

QString OpenWebUiOutlet::messageText(const QJsonObject& message)
{
    if (const QJsonValue content = message.value(QLatin1String("content"));
        content.isString() && !content.toString().isEmpty())
        return content.toString();
    // As Open WebUI's get_output_text reads them: {"type": "message", "content":
    // [{"type": "output_text", "text"}]}.
    QString out;
    for (const QJsonValue& item : message.value(QLatin1String("output")).toArray()) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("type")).toString() != QLatin1String("message"))
            continue;
        for (const QJsonValue& part : o.value(QLatin1String("content")).toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QLatin1String("type")).toString() == QLatin1String("output_text"))
                out += p.value(QLatin1String("text")).toString();
        }
    }
    return out;
}

} // namespace lyss
