// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/ReplyStage.h"
#include "filters/Filter.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace lyss {

// Who and what a reply is for, as a filter sees it (Open WebUI's shapes).
struct FilterContext {
    QJsonObject user; // {"id", "name", "role", "email"}
    QString chatId;
    QString messageId; // the reply's
    QString model;
    // The toggle filters the chat switched on; unset: those its model preselects.
    std::optional<QStringList> switchedOn;
    // Where the filter's status lines go ({"description", "done", "hidden"}).
    std::function<void(const QJsonObject&)> report;
    // Where its notifications go ({"type": "info|success|warning|error", "content"}).
    std::function<void(const QJsonObject&)> notify;
};

// One filter as one stage of one reply: the request becomes Open WebUI's inlet body, each
// streamed piece of the answer an OpenAI-shaped chunk, the finished reply the outlet body,
// and what the filter answers becomes them again. Failures name the filter and say how
// to turn it off.
class FilterStage : public ReplyStage {
    Q_DECLARE_TR_FUNCTIONS(FilterStage)

public:
    // Whether the filter, as it now says it is, runs for this reply (a toggle only where the
    // chat switched it on); asked before each call, once the filter has described itself.
    using Admits = std::function<bool(const FilterInfo& info)>;

    FilterStage(Filter* filter, FilterContext context, QJsonObject valves, QJsonObject userValves,
                Admits admits = {});
    ~FilterStage() override;

    QString name() const override;
    void prepare(ChatRequest request, std::function<void(Result<ChatRequest>)> done) override;
    void stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done) override;
    void complete(Message reply, std::function<void(Result<Message>)> done) override;
    bool takesPiecesTogether() const override { return true; }

    // The shapes, for the stage and for `lyss-cli filters test`.
    static QJsonObject inletBody(const ChatRequest& request, const FilterContext& context);
    static Result<ChatRequest> requestFrom(const QJsonObject& body, ChatRequest before);
    // A filter's words as Lyss shows them: one line, at most 300 characters, no controls and
    // no marks that reorder text.
    static QString said(QString text);

private:
    QJsonObject payload(const QString& key, const QJsonObject& value) const;
    QString failed(FilterHook hook, const QString& why) const;
    // Runs `then` with whether the filter has a say, once it has said what it is.
    void whenKnown(std::function<void(bool mayRun)> then);
    // The calls themselves.
    void inlet(ChatRequest request, std::function<void(Result<ChatRequest>)> done);
    void streamPieces(StreamEvents events, const QList<qsizetype>& pieces,
                      std::function<void(Result<StreamEvents>)> done);
    void outlet(Message reply, std::function<void(Result<Message>)> done);

    QPointer<Filter> m_filter;
    QString m_id;
    QString m_name;
    FilterContext m_context;
    QJsonObject m_valves;
    QJsonObject m_userValves;
    ChatRequest m_request;    // as it was sent: the outlet body's earlier messages
    QJsonObject m_streamBase; // a stream call's params but the event: made once a reply
    // Calls of this stage not answered yet: a status line without a message id that comes
    // meanwhile is taken to be about this reply.
    std::shared_ptr<int> m_inFlight = std::make_shared<int>(0);
    QMetaObject::Connection m_statusLink;
    QMetaObject::Connection m_noticeLink;
    Admits m_admits;
};

} // namespace lyss
