// SPDX-License-Identifier: GPL-3.0-or-later
// What the filter tests share: a filter in a folder that runs the hostile test filter in a
// mode, a reply sent and waited for, and the newest user message the model server was sent.
#pragma once

#include "TestSupport.h"

#include "chat/Conversations.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace lyss::test {

// `folder`/`id`: a script that runs tests/filters/hostile_filter.py MODE ARG.
inline void writeHostileFilter(const QString& folder, const QString& id, const QString& mode,
                               const QString& arg = {})
{
    QDir().mkpath(folder);
    QFile f(QDir(folder).filePath(id));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("#!/bin/sh\nexec '%1' %2 %3\n")
                .arg(QStringLiteral(LYSS_SOURCE_DIR "/tests/filters/hostile_filter.py"), mode, arg)
                .toUtf8());
    f.close();
    QVERIFY(f.setPermissions(f.permissions() | QFileDevice::ExeOwner));
}

// The reply `send` starts, once it has finished.
inline Message sendAndWait(Conversations& conversations, const Conversations::Send& send)
{
    auto r = conversations.send(send);
    if (!r)
        qFatal("send failed: %s", qPrintable(r.errorMessage()));
    ActiveReply* reply = *r;
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ActiveReply::finished);
        if (!spy.wait(30000))
            qFatal("the reply never finished");
    }
    return reply->message();
}

// The newest message of the last chat request `server` had, as the model saw it.
inline QString lastSentUserText(const FakeServer& server)
{
    const QJsonArray messages = server.lastChatRequest()
                                    .value(QLatin1String("body"))
                                    .toObject()
                                    .value(QLatin1String("messages"))
                                    .toArray();
    return messages.isEmpty()
               ? QString()
               : messages.last().toObject().value(QLatin1String("content")).toString();
}

} // namespace lyss::test
