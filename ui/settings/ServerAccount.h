// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace lyss {

class AppContext;
struct EffectiveBackend;

// An Open WebUI server's account from the window (Settings › Servers): signing in to it,
// kept as a backend (added, or signed in again), and bringing the person's chats over
// from it. Both run without waiting; `done` gets what to tell the person, or why not.
class ServerAccount : public QObject {
    Q_OBJECT

public:
    ServerAccount(AppContext& app, QNetworkAccessManager* nam, QObject* parent = nullptr);

    using Done = std::function<void(Result<QString>)>;
    // Signs in to `record`'s server as `email` and keeps it (record.id 0: added). The
    // caller forgets the password; nothing here keeps it.
    void signIn(const BackendRecord& record, const QString& email, const QString& password,
                Done done);
    // Asks `record`'s server whose API key `key` is, then adds the server with it (record:
    // ServerAdder::checked). A key the server refuses is not kept and nothing is added; one
    // that cannot be checked now is added, and `done` says so.
    void addWithKey(const BackendRecord& record, const QString& key, Done done);
    // A server just removed (`record`, as it was): its key leaves the keyring, and a
    // sign-in's token is first ended at the server (OpenWebUiSignIn::signOut). `done` gets
    // what to tell the person, or why the server did not end it (the token is gone from
    // here all the same).
    void forget(const BackendRecord& record, Done done);
    // Reads the person's chats from the server and imports them (a chat imported before is
    // skipped); `imported` is how many chats came. `progress` is told how far the writing
    // got (chats done, of all), inside its one transaction: it must not run the event loop.
    void importChats(const EffectiveBackend& server, std::function<void(Result<QString>, int)> done,
                     std::function<void(int, int)> progress = {});

private:
    static void forgetToken(AppContext& app, QNetworkAccessManager* nam,
                            const BackendRecord& record,
                            const Result<std::optional<QString>>& token, const Done& done);

    AppContext& m_app;
    QNetworkAccessManager* m_nam;
};

} // namespace lyss
