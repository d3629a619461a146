// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SecretFilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace lyss {

namespace {

// A count or limit of tokens ("max_tokens": 4096) is not a token; "session_token" is.
bool isTokenCount(const QString& key)
{
    static const QRegularExpression count(
        QStringLiteral("(^|[._\\-\\s])((max|num|n|context|total|prompt|completion)_?tokens?|"
                       "tokens?_?(count|limit|budget|len|length))($|[._\\-\\s])"),
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

// A string that is a URL with a password: the URL without its user and password, else
// an undefined value. Cut as text, so a password with characters a URL parser refuses
// (a space, "#", "/") is found too: everything between "://" and the last "@".
QJsonValue cleanedUrl(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.\\-]*://"));
    const QRegularExpressionMatch m = scheme.match(t);
    if (!m.hasMatch())
        return QJsonValue::Undefined;
    const qsizetype start = m.capturedEnd();
    const qsizetype at = t.lastIndexOf(QLatin1Char('@'));
    if (at <= start || !t.mid(start, at - start).contains(QLatin1Char(':')))
        return QJsonValue::Undefined;
    return t.left(start) + t.mid(at + 1);
}

} // namespace

bool SecretFilter::nameLooksSecret(const QString& key)
{
    return nameLooksSecretIgnoringCounts(key) && !isTokenCountOnly(key);
}

bool SecretFilter::isTokenCountOnly(const QString& rawKey)
{
    // The name's only secret word is "token", and it reads as a count of them.
    static const QRegularExpression other(
        QStringLiteral("pass|secret|credential|api[_\\-\\s]?keys?|authori[sz]ation|"
                       "auth[_\\-\\s]?header|cookie|webhook|private[_\\-\\s]?key"),
        QRegularExpression::CaseInsensitiveOption);
    const QString key = rawKey.trimmed();
    return isTokenCount(key) && !other.match(key).hasMatch();
}

bool SecretFilter::nameLooksSecretIgnoringCounts(const QString& rawKey)
{
    const QString key = rawKey.trimmed();
    static const QRegularExpression word(
        QStringLiteral("pass|secret|token|credential|api[_\\-\\s]?keys?|authori[sz]ation|"
                       "auth[_\\-\\s]?header|cookie|webhook|private[_\\-\\s]?key"),
        QRegularExpression::CaseInsensitiveOption);
    if (word.match(key).hasMatch())
        return true;
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
    // A token count is a number; "session_token": "..." is a token whatever its name says.
    const bool countOfTokens = value.isDouble() && isTokenCountOnly(key);
    if (!countOfTokens && nameLooksSecretIgnoringCounts(key)) {
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
    if (value.isObject()) {
        // Only inside arrays (config.json's objects are flattened into dotted keys):
        // [{"url": ..., "key": "sk-..."}] holds a secret as much as a flat key does.
        QJsonObject out = value.toObject();
        bool changed = false;
        for (auto it = out.begin(); it != out.end(); ++it) {
            const Verdict v = classify(key + QLatin1Char('.') + it.key(), it.value());
            if (v.kind == Kind::Secret)
                return {Kind::Secret, {}};
            if (v.kind == Kind::Cleaned) {
                it.value() = v.cleaned;
                changed = true;
            }
        }
        if (changed)
            return {Kind::Cleaned, out};
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
