// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"
#include "util/Result.h"

#include <QObject>
#include <QString>
#include <QUrl>

namespace lyss {

class AppContext;

// Adding a model server from the window, as Settings › Servers and the first-start page
// do: the rules (the database can be written, the person may change the servers, a short
// name not taken, an address that is one, the key into the keyring first) and their words.
class ServerAdder : public QObject {
    Q_OBJECT

public:
    explicit ServerAdder(AppContext& app, QObject* parent = nullptr);

    // Why servers cannot be added here now (read only, not an admin); empty when they can.
    QString refusal() const;
    // The server as it would be added, once the rules are met (may change the servers, a
    // free usable name, an address that is one), or why not.
    Result<BackendRecord> checked(const QString& kind, const QString& name,
                                  const QString& url) const;
    // Adds the server; what to tell the person ("Added …"), or why not.
    Result<QString> add(const QString& kind, const QString& name, const QString& url,
                        const QString& key) const;
    // A name for a server at `url` that no server has: the first word of its host
    // ("gpu-box" for gpu-box.lan), or the kind's for this computer, numbered if taken.
    QString freeNameFor(const QString& kind, const QString& url) const;

private:
    AppContext& m_app;
};

} // namespace lyss
