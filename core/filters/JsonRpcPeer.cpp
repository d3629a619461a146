// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/JsonRpcPeer.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace lyss {

JsonRpcPeer::JsonRpcPeer(QIODevice* output, QObject* parent)
    : QObject(parent)
    , m_output(output)
    , m_clock(new QTimer(this))
{
    m_clock->setSingleShot(true);
    connect(m_clock, &QTimer::timeout, this, &JsonRpcPeer::timedOut);
}

void JsonRpcPeer::call(const QString& method, const QJsonObject& params, int timeoutMs, Done done)
{
    const qint64 id = m_nextId++;
    const QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                              {QStringLiteral("id"), id},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    Pending p{std::move(done), method, 0, timeoutMs};
    m_calls.insert(id, std::move(p));
    m_order.append(id);
    if (m_order.size() == 1)
        startClock();
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    if (!m_output || m_output->write(line) != line.size()) {
        // Answered from the event loop, as every answer is.
        QTimer::singleShot(
            0, this, [this, id] { finish(id, Error{tr("it does not read what it is sent")}); });
    }
}

void JsonRpcPeer::startClock()
{
    if (m_order.isEmpty()) {
        m_clock->stop();
        return;
    }
    Pending& head = m_calls[m_order.first()];
    head.linesAtStart = m_linesRead;
    m_clock->start(head.timeoutMs);
}

void JsonRpcPeer::timedOut()
{
    if (m_order.isEmpty())
        return;
    const qint64 id = m_order.first();
    const Pending& head = m_calls[id];
    const bool silent = head.linesAtStart == m_linesRead;
    const QString why =
        tr("no answer to %1 within %2 s").arg(head.method).arg(head.timeoutMs / 1000.0);
    m_abandoned.append(id);
    if (m_abandoned.size() > 1000)
        m_abandoned.removeFirst();
    finish(id, Error{why, ErrorCode::TimedOut});
    if (silent)
        Q_EMIT stalled(why);
}

void JsonRpcPeer::finish(qint64 id, Result<QJsonValue> result)
{
    auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    Pending p = std::move(*it);
    m_calls.erase(it);
    const bool wasHead = !m_order.isEmpty() && m_order.first() == id;
    m_order.removeOne(id);
    if (wasHead)
        startClock();
    p.done(std::move(result));
}

void JsonRpcPeer::failAll(const QString& why)
{
    const QList<qint64> ids = m_calls.keys();
    for (qint64 id : ids)
        finish(id, Error{why});
    m_buffer.clear();
    m_scanned = 0;
}

void JsonRpcPeer::feed(const QByteArray& bytes)
{
    m_buffer += bytes;
    qsizetype start = 0;
    qsizetype from = m_scanned; // what was read before held no newline
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', from);
        if (nl < 0)
            break;
        const QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        start = from = nl + 1;
        if (!line.isEmpty())
            handleLine(line);
        if (m_buffer.isEmpty()) { // failAll() from a handler: nothing more to read
            m_scanned = 0;
            return;
        }
    }
    m_buffer.remove(0, start);
    m_scanned = m_buffer.size();
    if (m_buffer.size() > kMaxLineBytes) {
        m_buffer.clear();
        m_scanned = 0;
        Q_EMIT protocolError(tr("it wrote a line longer than %1 MiB").arg(kMaxLineBytes >> 20));
    }
}

void JsonRpcPeer::handleLine(const QByteArray& line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject m = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        m.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0")) {
        Q_EMIT protocolError(tr("it wrote something that is not JSON-RPC 2.0: %1")
                                 .arg(QString::fromUtf8(line.left(80))));
        return;
    }
    ++m_linesRead;
    const QJsonValue id = m.value(QLatin1String("id"));
    if (m.contains(QLatin1String("method"))) {
        if (id.isUndefined() || id.isNull()) {
            if (++m_notificationsInARow > kMostNotifications) {
                Q_EMIT protocolError(tr("it sent more than %1 notifications without answering")
                                         .arg(kMostNotifications));
                return;
            }
            Q_EMIT notification(m.value(QLatin1String("method")).toString(),
                                m.value(QLatin1String("params")).toObject());
            return;
        }
        Q_EMIT protocolError(tr("it called %1, and filters call nothing")
                                 .arg(m.value(QLatin1String("method")).toString()));
        return;
    }
    m_notificationsInARow = 0;
    const double number = id.toDouble(-1);
    const bool whole =
        id.isDouble() && number >= 1 && number < 9e15 && number == double(qint64(number));
    const qint64 key = whole ? qint64(number) : -1;
    if (whole && !m_calls.contains(key) && m_abandoned.removeOne(key))
        return; // too late: that call has had its answer
    if (!whole || !m_calls.contains(key)) {
        Q_EMIT protocolError(
            tr("it answered a call that was not made (id %1)")
                .arg(QString::fromUtf8(
                    QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact))));
        return;
    }
    if (m.contains(QLatin1String("error"))) {
        const QJsonObject e = m.value(QLatin1String("error")).toObject();
        QString message = e.value(QLatin1String("message")).toString().trimmed();
        if (message.isEmpty())
            message = tr("it failed without saying why");
        finish(key, Error{message});
        return;
    }
    if (!m.contains(QLatin1String("result"))) {
        finish(key, Error{tr("its answer has neither a result nor an error")});
        return;
    }
    finish(key, m.value(QLatin1String("result")));
}

} // namespace lyss
