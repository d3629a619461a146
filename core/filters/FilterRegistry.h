// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/ReplyStage.h"
#include "filters/Filter.h"
#include "filters/FilterFolder.h"
#include "filters/FilterStage.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace lyss {

class BackendSet;
class ConfigRepository;
class PipelinesSource;

// The installation's filters: the built-in ones and those in <data dir>/filters/ (an
// executable, a folder with a filter.json naming its command, or an Open WebUI filter file,
// a .py with `class Filter`, run unchanged by the host Lyss ships). A filter found for the
// first time is off: it will read every chat it applies to, so an admin turns it on (and
// until then it is not run at all, not even to describe itself). Which are on, and their
// valves, are the installation's settings. The folder is watched: a file added, changed or
// removed takes effect without a restart.
class FilterRegistry : public QObject {
    Q_OBJECT

public:
    struct Entry {
        QString id;
        FilterInfo info; // what the filter says of itself (once described)
        bool enabled = false;
        QString problem;          // why it cannot run (not executable, failing), or empty
        Filter* filter = nullptr; // null while it cannot run
        QJsonObject valves;       // as set, over the schema's defaults
        // The models it applies to (a name without a tag takes every tag); empty: all.
        QStringList models;
        // A toggle filter's models whose chats start with it switched on ("*": every one).
        QStringList preselected;
        // A filter pipeline of a Pipelines server (on unless turned off; its valves are on
        // the server; it runs before Lyss's own).
        bool fromPipelines = false;
    };

    FilterRegistry(ConfigRepository& installation, QString filtersDir, QObject* parent = nullptr);
    ~FilterRegistry() override;

    // Who may change which filters run (an admin, with accounts on).
    void setGuard(std::function<Status(const QString& what)> guard) { m_guard = std::move(guard); }
    // Reads the folder again: new filters are listed (off), changed ones restarted, removed
    // ones stopped. `watch` keeps doing so whenever the folder changes.
    void reload();
    void watch();
    // The filter pipelines of `backends`' Pipelines servers join the chain (and the list).
    void usePipelinesOf(BackendSet& backends);
    PipelinesSource* pipelines() const { return m_pipelines; }
    // How long calls may take, for every filter.
    void setCallLimits(const CallLimits& limits);
    QString folder() const { return m_dir; }

    // Every filter, in the order they run: (priority, id).
    QList<Entry> list() const;
    std::optional<Entry> entry(const QString& id) const;
    Status setEnabled(const QString& id, bool on);
    // The valves as stored, over the schema's defaults.
    QJsonObject valves(const QString& id) const;
    // Valves, checked against the schema (a bad value is refused naming the field). A
    // Pipelines filter's go to its server: `saved` says how that ended (a local filter's:
    // at once).
    Status setValve(const QString& id, const QString& key, const QJsonValue& value);
    Status setValves(const QString& id, const QJsonObject& values,
                     std::function<void(Status)> saved = {});
    // Which models a filter applies to (empty: all), and for which a toggle filter starts
    // switched on in a new chat ("*": all). Names are trimmed; a name without a tag
    // ("llama3.2") takes every tag ("llama3.2:latest").
    Status setModels(const QString& id, const QStringList& models);
    Status setPreselected(const QString& id, const QStringList& models);
    static bool matches(const QStringList& patterns, const QString& model);
    // The toggle filters a chat with `model` may switch on (on, able to run, in scope).
    QList<Entry> togglesFor(const QString& model) const;
    // Those of them switched on: the chat's choice, or else the model's preselection.
    QStringList switchedOn(const QString& model, const std::optional<QStringList>& chosen) const;
    // A person's own valves (the filter's user valves), kept in their settings `personal`.
    QJsonObject userValves(const QString& id, ConfigRepository& personal) const;
    Status setUserValve(const QString& id, const QString& key, const QJsonValue& value,
                        ConfigRepository& personal);
    // The filter itself, for `filters test`, whether on or not (started when needed).
    Filter* filter(const QString& id);

    // The stages a reply passes through: the filters that are on and apply to the model
    // (toggle filters where switched on), in order. With `personal`, the person's user
    // valves go with each call.
    ReplyStages stagesFor(const FilterContext& context, ConfigRepository* personal = nullptr) const;

Q_SIGNALS:
    void changed();

private:
    Status storeValve(const QString& id, const QString& key, const QJsonValue& value, bool personal,
                      ConfigRepository& config);
    Status storeList(const QString& id, const QString& key, const QStringList& list);
    QStringList storedList(const QString& id, const QString& key) const;
    // Whether a filter was a toggle when it last described itself (kept in the settings).
    void remember(const Filter* f);
    bool rememberedToggle(const QString& id) const;
    bool isEnabled(const QString& id) const;
    // A file in the folder cannot take a built-in filter's name.
    static bool isBuiltIn(const QString& id);
    void startIfEnabled(const QString& id);

    ConfigRepository& m_config;
    QString m_dir;
    std::function<Status(const QString&)> m_guard;
    QHash<QString, FilterFolder::Found> m_found;
    QHash<QString, Filter*> m_filters; // owned (children)
    QFileSystemWatcher* m_watcher = nullptr;
    PipelinesSource* m_pipelines = nullptr; // owned (child)
    CallLimits m_limits;
    QTimer m_settle;
};

} // namespace lyss
