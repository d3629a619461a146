// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;

namespace lyss {

class AppContext;

// Settings › Data: chats brought in from Open WebUI's or ChatGPT's export file, with a
// progress bar and the report `lyss-cli import` gives; chats exported, the database backed
// up and restored.
class DataPage : public QWidget {
    Q_OBJECT

public:
    explicit DataPage(AppContext& app, QWidget* parent = nullptr);

    // Imports `path` (the Import button, after its file dialog); false, and said, if
    // nothing was imported.
    bool importFile(const QString& path);
    // Writes every chat of yours, archived ones too, to `path` as Open WebUI's export (which
    // Open WebUI and Lyss import again with nothing lost); false, and said, if not.
    bool exportTo(const QString& path);
    // A consistent copy of the whole database (keys stay in the keyring).
    bool backUpTo(const QString& path);
    // Puts the backup `path` in place of the database (see AppContext::restoreFrom), unless
    // the guard gives a reason not to now; emits restored(): Lyss must start again.
    bool restoreFrom(const QString& path);
    // What says why a restore cannot be done now (a reply still coming), or nothing.
    void setRestoreGuard(std::function<QString()> guard) { m_restoreGuard = std::move(guard); }

Q_SIGNALS:
    void said(const QString& text);
    void chatsImported();
    // The database was replaced by a backup (the one before kept as `keptAs`).
    void restored(const QString& keptAs);

private:
    void say(const QString& text);

    AppContext& m_app;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    bool m_importing = false;
    std::function<QString()> m_restoreGuard;
};

} // namespace lyss
