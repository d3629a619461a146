// SPDX-License-Identifier: GPL-3.0-or-later
#include "Corpus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace lyss::bench {

Corpus::Corpus(int n)
{
    QRandomGenerator rng(42);
    std::vector<QString> vocabulary;
    for (int i = 0; i < 5000; ++i) {
        QString w;
        const int len = 3 + static_cast<int>(rng.bounded(8));
        for (int c = 0; c < len; ++c)
            w += QChar(u'a' + static_cast<char16_t>(rng.bounded(26)));
        vocabulary.push_back(w);
    }
    vocabulary[0] = QStringLiteral("the");
    texts.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const int words = 20 + static_cast<int>(rng.bounded(80));
        QString t;
        for (int w = 0; w < words; ++w) {
            // Cubing a uniform number leans hard towards the first, common words.
            const double u = rng.generateDouble();
            const auto idx =
                static_cast<size_t>(u * u * u * static_cast<double>(vocabulary.size()));
            t += vocabulary[std::min(idx, vocabulary.size() - 1)] + QLatin1Char(' ');
        }
        if (i == n / 2)
            t += QStringLiteral("xylophone");
        texts.push_back(t);
    }
}

QByteArray openWebUiExport(const Corpus& corpus, int perChat)
{
    QJsonArray rows;
    const int n = static_cast<int>(corpus.texts.size());
    for (int c = 0; c * perChat < n; ++c) {
        QJsonObject messages;
        QString parent;
        QString id;
        for (int i = c * perChat; i < std::min(n, (c + 1) * perChat); ++i) {
            id = QStringLiteral("m%1").arg(i);
            messages.insert(
                id, QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("parentId"),
                                 parent.isEmpty() ? QJsonValue() : QJsonValue(parent)},
                                {QStringLiteral("role"),
                                 i % 2 ? QStringLiteral("assistant") : QStringLiteral("user")},
                                {QStringLiteral("content"), corpus.texts[static_cast<size_t>(i)]},
                                {QStringLiteral("model"), QStringLiteral("llama3.2")},
                                {QStringLiteral("timestamp"), 1700000000 + i}});
            parent = id;
        }
        rows.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("chat-%1").arg(c)},
            {QStringLiteral("title"), QStringLiteral("Chat %1").arg(c)},
            {QStringLiteral("chat"),
             QJsonObject{
                 {QStringLiteral("models"), QJsonArray{QStringLiteral("llama3.2")}},
                 {QStringLiteral("history"), QJsonObject{{QStringLiteral("currentId"), id},
                                                         {QStringLiteral("messages"), messages}}}}},
            {QStringLiteral("created_at"), 1700000000 + c},
            {QStringLiteral("updated_at"), 1700000000 + c}});
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

} // namespace lyss::bench
