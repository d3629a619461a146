// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendsStatus.h"

#include "CliContext.h"

#include "backends/BackendSet.h"
#include "backends/OpenWebUiBackend.h"
#include "realtime/ServerChannel.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include <memory>
#include <vector>

namespace lyss::cli {

int backendsStatus(CliContext& ctx, const QStringList& args)
{
    const QString cmd = QStringLiteral("backends status");
    ParsedArgs p;
    int code = 0;
    if (!parseArgs(ctx, cmd, QStringLiteral("backends status [--watch]"),
                   CliContext::tr("Says whether each server answers, and for an Open WebUI "
                                  "server whether its real-time channel is connected "
                                  "(reconnecting, or failed after its attempts). With --watch, "
                                  "one line at each change of a channel, with the time, until "
                                  "Ctrl+C: for scripts and tests; and what the server says "
                                  "meanwhile (notifications; its tools' questions are declined, "
                                  "code for a browser refused)."),
                   {{QStringLiteral("watch"), {}, CliContext::tr("follow the channels")}}, args, &p,
                   &code))
        return code;
    if (!p.positional.isEmpty())
        return ctx.usage(CliContext::tr("backends status takes no arguments"), cmd);
    BackendSet* backends = ctx.backends();
    if (!backends)
        return kExitFailed;
    const bool watch = p.flags.contains(QLatin1String("watch"));

    QEventLoop loop;
    int waiting = 0;
    auto settled = [&] {
        if (--waiting == 0 && !watch)
            loop.quit();
    };
    // Each server asked once.
    for (Backend* b : backends->backends()) {
        ++waiting;
        b->probe([&, name = b->name()](Result<QString> r) {
            ctx.out() << CliContext::tr("%1: %2").arg(
                             name, r ? CliContext::tr("answers")
                                     : CliContext::tr("does not answer: %1").arg(r.errorMessage()))
                      << Qt::endl;
            settled();
        });
    }
    // Each Open WebUI server's channel, until its first answer (or for ever).
    std::vector<std::unique_ptr<ServerChannel>> channels;
    for (Backend* b : backends->backends()) {
        auto* server = qobject_cast<OpenWebUiBackend*>(b);
        if (!server)
            continue;
        if (!server->signedIn()) {
            ctx.out() << CliContext::tr("%1 channel: none (an API key does not open the server's "
                                        "live channel; sign in with your email for it: lyss-cli "
                                        "backends login %1 --email ADDR)")
                             .arg(b->name())
                      << Qt::endl;
            continue;
        }
        ++waiting;
        auto channel = std::make_unique<ServerChannel>(*server, backends->network());
        ServerChannel* c = channel.get();
        auto done = std::make_shared<bool>(false);
        QObject::connect(c, &ServerChannel::stateChanged, &loop, [&, c, done] {
            const auto state = c->client().state();
            if (watch) {
                ctx.out() << QDateTime::currentDateTime().toString(Qt::ISODate) << ' '
                          << CliContext::tr("%1 channel: %2").arg(c->backendName(), c->stateText())
                          << Qt::endl;
                return;
            }
            // The first answer: connected, failed, or waiting to try again.
            if (*done || state == SocketIoClient::State::Connecting ||
                state == SocketIoClient::State::Idle)
                return;
            *done = true;
            ctx.out() << CliContext::tr("%1 channel: %2").arg(c->backendName(), c->stateText())
                      << Qt::endl;
            settled();
        });
        if (watch) {
            // What the server says meanwhile: notifications, and its tools' questions, which
            // nobody is here to answer (declined) or code for a browser (refused).
            QObject::connect(
                &c->events(), &ServerEvents::said, &loop, [&ctx, c](const QString& line) {
                    ctx.out() << QDateTime::currentDateTime().toString(Qt::ISODate) << ' '
                              << CliContext::tr("%1: %2").arg(c->backendName(), line) << Qt::endl;
                });
        }
        channels.push_back(std::move(channel));
        c->start();
    }
    if (watch)
        ctx.onInterrupt([&loop] { loop.quit(); });
    if (waiting > 0 || watch)
        loop.exec();
    for (auto& c : channels)
        c->stop();
    return kExitOk;
}

} // namespace lyss::cli
