// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Result.h"

#include <QObject>
#include <QString>

namespace lyss {

class AppContext;

// Chats brought in from a file in the window (Settings › Data, or a file dropped on the
// window), as `lyss-cli import` does: Open WebUI's or ChatGPT's export, the format
// detected, the whole file checked first and written in one transaction (a broken file
// imports nothing), chats imported before skipped.
class ChatImport : public QObject {
    Q_OBJECT

public:
    explicit ChatImport(AppContext& app, QObject* parent = nullptr);

    // Imports `path`; the report ("Imported 3 chats with 40 messages from Open WebUI…")
    // or why nothing was imported. `progress` is told how far it got (chats done, of all).
    Result<QString> run(const QString& path) const;
    // Whether a file looks like an export one may drop (a local .json file).
    static bool looksImportable(const QString& path);

Q_SIGNALS:
    void progress(int done, int total) const;

private:
    AppContext& m_app;
};

} // namespace lyss
