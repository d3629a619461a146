// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/ContentFilter.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace lyss {

namespace {
// One pattern for every word, as the valves say.
QRegularExpression patternFor(const QJsonObject& valves)
{
    QStringList words;
    for (const QJsonValue& w : valves.value(QLatin1String("words")).toArray()) {
        if (const QString word = w.toString().trimmed(); !word.isEmpty())
            words << QRegularExpression::escape(word);
    }
    if (words.isEmpty())
        return {};
    QString alternatives = words.join(QLatin1Char('|'));
    if (valves.value(QLatin1String("whole_words")).toBool(true))
        alternatives = QStringLiteral("\\b(?:%1)\\b").arg(alternatives);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!valves.value(QLatin1String("case_sensitive")).toBool(false))
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(alternatives, options);
}
} // namespace

FilterInfo ContentFilter::info() const
{
    FilterInfo i;
    i.id = QString::fromLatin1(kId);
    i.name = tr("Content guard");
    i.description = tr("Refuses messages with a word from a list and masks such words in "
                       "replies.");
    i.version = QStringLiteral("1");
    i.source = tr("built in");
    i.hooks = {FilterHook::Inlet, FilterHook::Outlet};
    i.valves = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("words"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                          {QStringLiteral("items"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                          {QStringLiteral("default"), QJsonArray{}},
                          {QStringLiteral("description"), tr("The words not allowed.")}}},
             {QStringLiteral("whole_words"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")},
                          {QStringLiteral("default"), true},
                          {QStringLiteral("description"),
                           tr("Match whole words only (\"cat\" not in \"concatenate\").")}}},
             {QStringLiteral("case_sensitive"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")},
                          {QStringLiteral("default"), false},
                          {QStringLiteral("description"), tr("Tell \"Word\" from \"word\".")}}},
         }}};
    return i;
}

void ContentFilter::call(FilterHook hook, const QJsonObject& payload, Done done)
{
    const QRegularExpression pattern =
        patternFor(payload.value(QLatin1String("valves")).toObject());
    if (hook == FilterHook::Stream) {
        done(filterValue(hook, payload));
        return;
    }
    QJsonObject body = payload.value(QLatin1String("body")).toObject();
    if (!pattern.isValid() || pattern.pattern().isEmpty()) {
        done(body);
        return;
    }
    QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    if (hook == FilterHook::Inlet) {
        // The person's newest message is what is checked: older turns were let through.
        for (qsizetype i = messages.size() - 1; i >= 0; --i) {
            const QJsonObject m = messages.at(i).toObject();
            if (m.value(QLatin1String("role")).toString() != QLatin1String("user"))
                continue;
            if (const auto match = pattern.match(m.value(QLatin1String("content")).toString());
                match.hasMatch()) {
                done(Error{tr("the message contains \"%1\", a word this installation does not "
                              "allow")
                               .arg(match.captured(0)),
                           ErrorCode::Refused});
                return;
            }
            break;
        }
        done(body);
        return;
    }
    // Outlet: the reply (last) with each such word masked.
    if (!messages.isEmpty()) {
        QJsonObject last = messages.last().toObject();
        QString content = last.value(QLatin1String("content")).toString();
        QString masked;
        qsizetype at = 0;
        auto it = pattern.globalMatch(content);
        while (it.hasNext()) {
            const auto m = it.next();
            masked += content.mid(at, m.capturedStart() - at);
            masked += QString(m.capturedLength(), QLatin1Char('*'));
            at = m.capturedEnd();
        }
        masked += content.mid(at);
        last.insert(QStringLiteral("content"), masked);
        messages.replace(messages.size() - 1, last);
        body.insert(QStringLiteral("messages"), messages);
    }
    done(body);
}

} // namespace lyss
