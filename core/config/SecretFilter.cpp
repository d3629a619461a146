// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SecretFilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace lyss {

namespace {

// A count or limit of tokens ("max_tokens": 4096) is not a token.
bool isTokenCount(const QString& key)
{
    static const QRegularExpression count(
        QStringLiteral("(tokens|token_?(count|limit|budget|len|length))$|(max|num|n)_?tokens?"),
        QRegularExpression::CaseInsensitiveOption);
    return count.match(key).hasMatch();
}

bool valueLooksSecret(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression header(QStringLiteral("^(bearer|basic|token)\\s+\\S+"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (header.match(t).hasMatch())
        return true;
    static const QRegularExpression webhook(
        QStringLiteral("^https?://[^\\s]*(hooks\\.slack\\.com/|discord(app)?\\.com/api/webhooks/|"
                       "/webhooks?(/|\\?|$)|webhook\\.office\\.com/)"),
        QRegularExpression::CaseInsensitiveOption);
    return webhook.match(t).hasMatch();
}

// A string that is a URL with a password: the URL without it, else a null value.
QJsonValue cleanedUrl(const QString& text)
{
    if (!text.contains(QLatin1String("://")) || !text.contains(QLatin1Char('@')))
        return QJsonValue::Undefined;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.password().isEmpty())
        return QJsonValue::Undefined;
    return SecretFilter::withoutCredentials(url).toString();
}

} // namespace

bool SecretFilter::nameLooksSecret(const QString& rawKey)
{
    const QString key = rawKey.trimmed();
    static const QRegularExpression word(
        QStringLiteral("pass|secret|token|credential|api[_\\-\\s]?keys?|authori[sz]ation|"
                       "auth[_\\-\\s]?header|cookie|webhook|private[_\\-\\s]?key"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = word.match(key);
    if (m.hasMatch()) {
        const bool onlyToken =
            m.captured(0).compare(QLatin1String("token"), Qt::CaseInsensitive) == 0;
        if (!(onlyToken && isTokenCount(key)))
            return true;
    }
    // "key" or "keys" as a whole part of the name (openai.key, api.keys), not "keyboard".
    static const QRegularExpression keyPart(QStringLiteral("(^|[._\\-\\s])keys?($|[._\\-\\s])"),
                                            QRegularExpression::CaseInsensitiveOption);
    return keyPart.match(key).hasMatch();
}

QUrl SecretFilter::withoutCredentials(const QUrl& url, bool* stripped)
{
    if (stripped)
        *stripped = !url.userInfo().isEmpty();
    QUrl out = url;
    out.setUserInfo({});
    return out;
}

SecretFilter::Verdict SecretFilter::classify(const QString& key, const QJsonValue& value)
{
    if (value.isBool() || value.isNull() || value.isUndefined())
        return {};
    if (nameLooksSecret(key)) {
        // An empty value holds nothing to keep secret.
        const bool empty = (value.isString() && value.toString().isEmpty()) ||
                           (value.isArray() && value.toArray().isEmpty()) ||
                           (value.isObject() && value.toObject().isEmpty());
        if (!empty)
            return {Kind::Secret, {}};
        return {};
    }
    if (value.isString()) {
        if (valueLooksSecret(value.toString()))
            return {Kind::Secret, {}};
        if (const QJsonValue c = cleanedUrl(value.toString()); !c.isUndefined())
            return {Kind::Cleaned, c};
        return {};
    }
    if (value.isArray()) {
        QJsonArray out;
        bool changed = false;
        for (const QJsonValue& e : value.toArray()) {
            const Verdict v = classify(key, e);
            if (v.kind == Kind::Secret)
                return {Kind::Secret, {}};
            changed |= v.kind == Kind::Cleaned;
            out.append(v.kind == Kind::Cleaned ? v.cleaned : e);
        }
        if (changed)
            return {Kind::Cleaned, out};
    }
    return {};
}

} // namespace lyss
