// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterStage.h"

#include <QDateTime>
#include <QJsonArray>

namespace lyss {

FilterStage::FilterStage(Filter* filter, FilterContext context, QJsonObject valves,
                         QJsonObject userValves, Admits admits)
    : m_filter(filter)
    , m_id(filter->info().id)
    , m_name(said(filter->info().name))
    , m_context(std::move(context))
    , m_valves(std::move(valves))
    , m_userValves(std::move(userValves))
    , m_admits(std::move(admits))
{
    // What it says while it works is about this reply when it names the reply's message,
    // or, naming none, when it comes while a call of this stage is unanswered.
    const auto route = [mine = m_context.messageId,
                        inFlight = m_inFlight](std::function<void(const QJsonObject&)> to) {
        return [to = std::move(to), mine, inFlight](const QJsonObject& data) {
            const QString about = data.value(QLatin1String("message_id")).toString();
            if (about.isEmpty() ? *inFlight > 0 : about == mine)
                to(data);
        };
    };
    if (m_context.report)
        m_statusLink = QObject::connect(filter, &Filter::status, filter, route(m_context.report));
    if (m_context.notify)
        m_noticeLink =
            QObject::connect(filter, &Filter::notification, filter, route(m_context.notify));
}

FilterStage::~FilterStage()
{
    QObject::disconnect(m_statusLink);
    QObject::disconnect(m_noticeLink);
}

void FilterStage::whenKnown(std::function<void(bool)> then)
{
    const auto decide = [this] { return m_filter && (!m_admits || m_admits(m_filter->info())); };
    if (!m_filter || !m_filter->settling()) {
        then(decide());
        return;
    }
    // Starting: whether it is a toggle, and which hooks it has, is known once it described
    // itself, failed to, or was turned off; removed meanwhile, it has no say. Exactly once.
    struct Wait {
        QMetaObject::Connection changed;
        QMetaObject::Connection gone;
        bool fired = false;
    };
    auto wait = std::make_shared<Wait>();
    Filter* filter = m_filter.data();
    const auto fire = [wait, then, decide](bool removed) {
        if (wait->fired)
            return;
        wait->fired = true;
        QObject::disconnect(wait->changed);
        QObject::disconnect(wait->gone);
        then(!removed && decide());
    };
    wait->changed = QObject::connect(filter, &Filter::changed, filter, [filter, fire] {
        if (!filter->settling())
            fire(false);
    });
    wait->gone = QObject::connect(filter, &QObject::destroyed, [fire] { fire(true); });
}

QString FilterStage::name() const
{
    return tr("the filter %1").arg(m_name);
}

QJsonObject FilterStage::payload(const QString& key, const QJsonObject& value) const
{
    QJsonObject user = m_context.user;
    user.insert(QStringLiteral("valves"), m_userValves);
    return {{key, value},
            {QStringLiteral("user"), user},
            {QStringLiteral("valves"), m_valves},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("user_id"), m_context.user.value(QLatin1String("id"))},
                         {QStringLiteral("chat_id"), m_context.chatId},
                         {QStringLiteral("message_id"), m_context.messageId},
                         {QStringLiteral("model"), m_context.model},
                         {QStringLiteral("filter_id"), m_id}}}};
}

QString FilterStage::said(QString text)
{
    // One line of at most 300 characters, without controls or the marks that reorder text:
    // a filter's words cannot pose as Lyss's.
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), 301));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E ||
            u == 0x200F || u == 0x061C)
            continue;
        out += c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
                       c == QChar::ParagraphSeparator
                   ? QLatin1Char(' ')
                   : c;
        if (out.size() >= 300) {
            out += QChar(0x2026);
            break;
        }
    }
    return out.simplified();
}

QString FilterStage::failed(FilterHook hook, const QString& rawWhy) const
{
    const QString why = said(rawWhy);
    switch (hook) {
    case FilterHook::Inlet:
        return tr("The filter %1 stopped the message: %2. Nothing was sent. An admin can turn "
                  "the filter off in Settings › Filters or with lyss-cli filters disable %3.")
            .arg(m_name, why, m_id);
    case FilterHook::Outlet:
        return tr("The filter %1 could not check the finished reply: %2. The reply is shown as "
                  "it came.")
            .arg(m_name, why);
    case FilterHook::Stream:
        break;
    }
    return why;
}

QJsonObject FilterStage::inletBody(const ChatRequest& request, const FilterContext& context)
{
    QJsonObject params;
    if (request.options.temperature)
        params.insert(QStringLiteral("temperature"), *request.options.temperature);
    if (request.options.seed)
        params.insert(QStringLiteral("seed"), double(*request.options.seed));
    return {{QStringLiteral("model"), request.model},
            {QStringLiteral("stream"), true},
            {QStringLiteral("messages"), request.messagesJson()},
            {QStringLiteral("params"), params},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("user_id"), context.user.value(QLatin1String("id"))},
                         {QStringLiteral("chat_id"), context.chatId},
                         {QStringLiteral("message_id"), context.messageId}}}};
}

Result<ChatRequest> FilterStage::requestFrom(const QJsonObject& body, ChatRequest before)
{
    const QJsonValue list = body.value(QLatin1String("messages"));
    if (!list.isArray())
        return Error{tr("its answer has no \"messages\" list"), ErrorCode::InvalidInput};
    ChatRequest after = std::move(before);
    after.options.systemPrompt.clear();
    after.messages.clear();
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject m = v.toObject();
        const auto role = roleFromName(m.value(QLatin1String("role")).toString());
        const QJsonValue content = m.value(QLatin1String("content"));
        if (!role || !content.isString())
            return Error{tr("a message in its answer has no role or no text"),
                         ErrorCode::InvalidInput};
        // A system message first is the system prompt, as it was sent.
        if (*role == Role::System && after.messages.isEmpty() &&
            after.options.systemPrompt.isEmpty()) {
            after.options.systemPrompt = content.toString();
            continue;
        }
        after.messages.append({*role, content.toString()});
    }
    if (after.messages.isEmpty())
        return Error{tr("its answer leaves no message to send"), ErrorCode::InvalidInput};
    return after;
}

void FilterStage::prepare(ChatRequest request, std::function<void(Result<ChatRequest>)> done)
{
    whenKnown([this, request = std::move(request), done](bool mayRun) mutable {
        if (!mayRun) { // removed meanwhile, or a toggle not switched on: no say
            done(std::move(request));
            return;
        }
        inlet(std::move(request), std::move(done));
    });
}

void FilterStage::inlet(ChatRequest request, std::function<void(Result<ChatRequest>)> done)
{
    auto before = std::make_shared<ChatRequest>(request);
    ++*m_inFlight;
    m_filter->call(
        FilterHook::Inlet, payload(QStringLiteral("body"), inletBody(request, m_context)),
        [this, before, done, inFlight = m_inFlight](Result<QJsonObject> answer) {
            --*inFlight;
            if (!answer) {
                done(Error{failed(FilterHook::Inlet, answer.errorMessage()), ErrorCode::Refused});
                return;
            }
            auto after = requestFrom(*answer, *before);
            if (!after) {
                done(Error{failed(FilterHook::Inlet, after.errorMessage()), ErrorCode::Refused});
                return;
            }
            m_request = *after;
            done(std::move(*after));
        });
}

void FilterStage::stream(StreamEvents events, std::function<void(Result<StreamEvents>)> done)
{
    QList<qsizetype> pieces; // the answer's text: what passes through the filter
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].kind == StreamEvent::Kind::Content)
            pieces << i;
    }
    if (!m_filter || pieces.isEmpty()) {
        done(std::move(events));
        return;
    }
    whenKnown([this, events = std::move(events), pieces, done](bool mayRun) mutable {
        if (!mayRun) {
            done(std::move(events));
            return;
        }
        streamPieces(std::move(events), pieces, std::move(done));
    });
}

void FilterStage::streamPieces(StreamEvents events, const QList<qsizetype>& pieces,
                               std::function<void(Result<StreamEvents>)> done)
{
    // Every piece is sent at once (the filter works through them in turn, without waiting
    // for Lyss between two); the batch goes on when the last answer is in. A piece the filter
    // fails on is dropped, the rest go on.
    struct Batch {
        StreamEvents events;
        QList<bool> dropped;
        qsizetype waiting = 0;
        std::function<void(Result<StreamEvents>)> done;
    };
    auto batch = std::make_shared<Batch>();
    batch->events = std::move(events);
    batch->dropped.fill(false, batch->events.size());
    batch->waiting = pieces.size();
    batch->done = std::move(done);
    if (m_streamBase.isEmpty())
        m_streamBase = payload(QStringLiteral("event"), {});
    for (const qsizetype at : pieces) {
        QJsonObject call = m_streamBase;
        call.insert(
            QStringLiteral("event"),
            QJsonObject{{QStringLiteral("choices"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("index"), 0},
                             {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"),
                                                                    batch->events[at].text}}}}}}});
        ++*m_inFlight;
        m_filter->call(FilterHook::Stream, call,
                       [batch, at, inFlight = m_inFlight](Result<QJsonObject> answer) {
                           --*inFlight;
                           const QJsonValue text = answer ? answer->value(QLatin1String("choices"))
                                                                .toArray()
                                                                .at(0)
                                                                .toObject()
                                                                .value(QLatin1String("delta"))
                                                                .toObject()
                                                                .value(QLatin1String("content"))
                                                          : QJsonValue();
                           if (text.isString())
                               batch->events[at].text = text.toString();
                           else // failed, or not a chunk: that piece is dropped
                               batch->dropped[at] = true;
                           if (--batch->waiting > 0)
                               return;
                           StreamEvents out;
                           out.reserve(batch->events.size());
                           for (qsizetype i = 0; i < batch->events.size(); ++i) {
                               if (!batch->dropped[i])
                                   out << std::move(batch->events[i]);
                           }
                           batch->done(std::move(out));
                       });
    }
}

void FilterStage::complete(Message reply, std::function<void(Result<Message>)> done)
{
    whenKnown([this, reply = std::move(reply), done](bool mayRun) mutable {
        if (!mayRun) {
            done(std::move(reply));
            return;
        }
        outlet(std::move(reply), std::move(done));
    });
}

void FilterStage::outlet(Message reply, std::function<void(Result<Message>)> done)
{
    QJsonArray messages;
    // A continued reply was the request's last message: the whole reply takes its place.
    const qsizetype before = m_request.messages.size() - (m_request.continuesLast ? 1 : 0);
    for (const ChatTurn& t : m_request.messages.first(std::max<qsizetype>(0, before)))
        messages.append(QJsonObject{{QStringLiteral("role"), roleName(t.role)},
                                    {QStringLiteral("content"), t.content}});
    QJsonObject last{{QStringLiteral("id"), reply.id},
                     {QStringLiteral("role"), QStringLiteral("assistant")},
                     {QStringLiteral("content"), reply.content},
                     {QStringLiteral("timestamp"), reply.createdAt / 1000}};
    if (!reply.metrics.isEmpty())
        last.insert(QStringLiteral("usage"), reply.metrics);
    messages.append(last);
    const QJsonObject body{{QStringLiteral("model"), m_context.model},
                           {QStringLiteral("chat_id"), m_context.chatId},
                           {QStringLiteral("id"), reply.id},
                           {QStringLiteral("messages"), messages}};
    auto kept = std::make_shared<Message>(std::move(reply));
    ++*m_inFlight;
    m_filter->call(FilterHook::Outlet, payload(QStringLiteral("body"), body),
                   [this, kept, done, inFlight = m_inFlight](Result<QJsonObject> answer) {
                       --*inFlight;
                       if (!answer) {
                           done(Error{failed(FilterHook::Outlet, answer.errorMessage())});
                           return;
                       }
                       const QJsonArray list = answer->value(QLatin1String("messages")).toArray();
                       const QJsonObject out =
                           list.isEmpty() ? QJsonObject() : list.at(list.size() - 1).toObject();
                       const QJsonValue content = out.value(QLatin1String("content"));
                       if (!content.isString()) {
                           done(Error{failed(FilterHook::Outlet,
                                             tr("its answer has no reply as its last message"))});
                           return;
                       }
                       Message m = *kept;
                       m.content = content.toString();
                       done(std::move(m));
                   });
}

} // namespace lyss
