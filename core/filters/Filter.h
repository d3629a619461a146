// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace lyss {

// Where a filter hooks into a reply (Open WebUI's names): the request before it is sent,
// each streamed chunk, the finished reply.
enum class FilterHook { Inlet, Stream, Outlet };
QString filterHookName(FilterHook hook);
// The names of `hooks`, in the order they run (inlet, stream, outlet).
QStringList filterHookNames(const QSet<FilterHook>& hooks);
// What a call carries: the body (inlet, outlet) or the event (stream), which is also the
// answer of a filter that has no say in it.
QJsonObject filterValue(FilterHook hook, const QJsonObject& payload);

// How long one call may take (installation settings filters.*_timeout_seconds).
struct CallLimits {
    int inletMs = 10000;
    int streamMs = 2000; // per event
    int outletMs = 10000;
};

// What a filter says of itself.
struct FilterInfo {
    QString id;
    QString name;
    QString description;
    QString version;
    QString source; // "built in", or the file it comes from
    QSet<FilterHook> hooks;
    int priority = 0;
    bool toggle = false;
    QJsonObject valves;     // JSON schema of its settings
    QJsonObject userValves; // of each person's
};

// A filter, whatever runs it: code in Lyss or a process of its own. Each call gets a JSON
// payload ({"body"} or {"event"}, with "user", "metadata", "valves") and answers the body or
// event, changed or not, or an error in words. Answers come through `done`, once, at once
// or later.
class Filter : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(Result<QJsonObject>)>;
    using QObject::QObject;

    virtual FilterInfo info() const = 0;
    // Why it cannot run now (it failed to start, to describe itself); empty when it can.
    virtual QString problem() const { return {}; }
    // Whether it is starting and has not yet told what it is (its hooks, whether it is a
    // toggle): info() is not to be trusted until changed() comes.
    virtual bool settling() const { return false; }
    // Whether info() is what it said of itself (false for one that never described itself,
    // which failed to start, say).
    virtual bool hasDescribed() const { return true; }
    virtual void call(FilterHook hook, const QJsonObject& payload, Done done) = 0;
    // Calls made from now on take at most these.
    virtual void setCallLimits(const CallLimits& limits) { Q_UNUSED(limits); }

Q_SIGNALS:
    // A line it reports while it works ({"description", "done", "hidden"}), or a
    // notification ({"type", "content"}).
    void status(const QJsonObject& data);
    void notification(const QJsonObject& data);
    // What it says of itself changed (it was described again, or failed).
    void changed();
};

} // namespace lyss
