// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/BackendResolver.h"

#include "config/SecretFilter.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>

namespace lyss {

namespace {

QStringList splitList(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(QLatin1Char(';'))) {
        const QString t = part.trimmed();
        out << t;
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// The plural variable wins over the singular, as in Open WebUI.
QPair<QStringList, QString> listFromEnv(const QProcessEnvironment& env, const QString& plural,
                                        const QString& singular)
{
    if (!env.value(plural).trimmed().isEmpty())
        return {splitList(env.value(plural)), plural};
    if (!env.value(singular).trimmed().isEmpty())
        return {QStringList{env.value(singular).trimmed()}, singular};
    return {{}, {}};
}

QString indexedName(const QString& base, qsizetype index)
{
    return index == 0 ? base : QStringLiteral("%1-%2").arg(base).arg(index + 1);
}

void putBackend(QList<EffectiveBackend>& list, const EffectiveBackend& b)
{
    auto same = std::find_if(list.begin(), list.end(), [&](const EffectiveBackend& e) {
        return e.name.compare(b.name, Qt::CaseInsensitive) == 0;
    });
    if (same != list.end())
        *same = b;
    else
        list.append(b);
}

} // namespace

QUrl normalizeBackendUrl(const QString& text, QString* problem)
{
    QString t = text.trimmed();
    while (t.endsWith(QLatin1Char('/')))
        t.chop(1);
    QUrl url(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty()) {
        if (problem)
            *problem = QCoreApplication::translate(
                           "lyss::BackendResolver",
                           "\"%1\" is not a server address. Write it as http://host:port "
                           "(for example http://localhost:11434).")
                           .arg(text);
        return {};
    }
    if (!url.password().isEmpty()) {
        // Never stored, never shown: the address without it goes in the message.
        if (problem)
            *problem = QCoreApplication::translate(
                           "lyss::BackendResolver",
                           "The address %1 has a password in it. Lyss keeps no passwords in "
                           "addresses (they end up in the database and on screen): give the "
                           "address without it, and the server's key through the keyring "
                           "(lyss-cli backends add --key-stdin).")
                           .arg(url.toString(QUrl::RemoveUserInfo));
        return {};
    }
    return url;
}

QUrl ollamaUrlFromHost(const QString& value)
{
    QString s = value.trimmed();
    QString scheme = QStringLiteral("http");
    int defaultPort = 11434;
    QString hostPort = s;
    if (const qsizetype sep = s.indexOf(QLatin1String("://")); sep >= 0) {
        scheme = s.left(sep).toLower();
        hostPort = s.mid(sep + 3);
        if (scheme == QLatin1String("http"))
            defaultPort = 80;
        else if (scheme == QLatin1String("https"))
            defaultPort = 443;
    } else if (s == QLatin1String("ollama.com")) {
        scheme = QStringLiteral("https");
        hostPort = QStringLiteral("ollama.com:443");
    }
    QString path;
    if (const qsizetype slash = hostPort.indexOf(QLatin1Char('/')); slash >= 0) {
        path = hostPort.mid(slash);
        hostPort = hostPort.left(slash);
    }

    QString host = hostPort;
    int port = defaultPort;
    if (hostPort.startsWith(QLatin1Char('['))) { // [v6]:port or [v6]
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        host = hostPort.mid(1, close - 1);
        const QString rest = hostPort.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            port = rest.mid(1).toInt();
    } else if (hostPort.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        host = hostPort.left(colon);
        bool ok = false;
        port = hostPort.mid(colon + 1).toInt(&ok);
        if (!ok)
            port = -1;
    }
    if (port < 0 || port > 65535)
        return QUrl(QString::fromLatin1(kDefaultOllamaUrl)
                        .replace(QStringLiteral("localhost"), QStringLiteral("127.0.0.1")));
    if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("::"))
        host = QStringLiteral("::1");

    QUrl url;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPort(port);
    if (!path.isEmpty() && path != QLatin1String("/"))
        url.setPath(path);
    return url;
}

QList<EffectiveBackend> resolveBackends(const QList<BackendRecord>& stored,
                                        const QProcessEnvironment& env)
{
    QList<EffectiveBackend> out;
    for (const BackendRecord& r : stored)
        out.append({r.name,
                    r.kind,
                    r.url,
                    r.enabled,
                    ValueSource::Database,
                    {},
                    r.hasKey,
                    {},
                    r.account,
                    r.signedInUntil,
                    r.signedInAt});

    auto [ollamaUrls, ollamaVar] =
        listFromEnv(env, QStringLiteral("OLLAMA_BASE_URLS"), QStringLiteral("OLLAMA_BASE_URL"));
    if (ollamaUrls.isEmpty() && !env.value(QStringLiteral("OLLAMA_HOST")).trimmed().isEmpty()) {
        ollamaUrls = {ollamaUrlFromHost(env.value(QStringLiteral("OLLAMA_HOST"))).toString()};
        ollamaVar = QStringLiteral("OLLAMA_HOST");
    }
    for (qsizetype i = 0; i < ollamaUrls.size(); ++i) {
        // A password in the variable's address is neither used nor shown.
        const QUrl url = normalizeBackendUrl(
            SecretFilter::withoutCredentials(QUrl(ollamaUrls[i].trimmed())).toString());
        if (url.isValid())
            putBackend(out, {indexedName(QStringLiteral("ollama"), i),
                             BackendKind::Ollama,
                             url,
                             true,
                             ValueSource::Environment,
                             ollamaVar,
                             false,
                             {}});
    }

    auto [openaiUrls, openaiVar] = listFromEnv(env, QStringLiteral("OPENAI_API_BASE_URLS"),
                                               QStringLiteral("OPENAI_API_BASE_URL"));
    const auto [keys, keysVar] =
        listFromEnv(env, QStringLiteral("OPENAI_API_KEYS"), QStringLiteral("OPENAI_API_KEY"));
    if (openaiUrls.isEmpty() && !keys.isEmpty()) {
        openaiUrls = {QString::fromLatin1(kDefaultOpenAIUrl)};
        openaiVar = keysVar;
    }
    for (qsizetype i = 0; i < openaiUrls.size(); ++i) {
        const QUrl url = normalizeBackendUrl(
            SecretFilter::withoutCredentials(QUrl(openaiUrls[i].trimmed())).toString());
        if (url.isValid())
            putBackend(out, {indexedName(QStringLiteral("openai"), i), BackendKind::OpenAI, url,
                             true, ValueSource::Environment, openaiVar, false,
                             i < keys.size() ? keys[i] : QString()});
    }

    const bool anyOllama = std::any_of(out.begin(), out.end(), [](const EffectiveBackend& b) {
        return b.kind == BackendKind::Ollama;
    });
    if (!anyOllama)
        out.prepend({QStringLiteral("ollama"),
                     BackendKind::Ollama,
                     QUrl(QString::fromLatin1(kDefaultOllamaUrl)),
                     true,
                     ValueSource::Default,
                     {},
                     false,
                     {}});
    return out;
}

} // namespace lyss
