// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/ImportedChat.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <functional>

namespace lyss {

class ConnectionSource;

// Brings chats in from an Open WebUI or ChatGPT export. Reading checks the whole file
// first; writing is one transaction, so a broken file imports nothing. A chat imported
// before (same source and id) is skipped, not duplicated.
class ChatImporter {
    Q_DECLARE_TR_FUNCTIONS(ChatImporter)

public:
    struct Summary {
        QString formatName;
        int chats = 0;
        int messages = 0;
        int duplicates = 0;
        QStringList notes;
        QString text() const;
    };
    using Progress = std::function<void(int done, int total)>;

    // Imports into the chats of the person `userId`.
    ChatImporter(ConnectionSource& source, QString userId);

    // Reads and checks a file; the error says which chat and field is wrong.
    static Result<ImportFile> read(const QString& path);
    static Result<ImportFile> parse(const QByteArray& json, const QString& name);

    Result<Summary> write(const ImportFile& file, const Progress& progress = {});

private:
    ConnectionSource& m_source;
    QString m_user;
};

} // namespace lyss
