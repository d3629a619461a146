// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"

#include <QUrl>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace lyss {

class AppContext;
class BackendSet;
class ServerAccount;

// Settings › Servers: the model servers in use (added here, from the environment, built
// in), adding, changing and removing those added here (keys go to the keyring), asking
// one whether it answers; signing in to an Open WebUI server, and bringing your chats
// over from it.
class ServersPage : public QWidget {
    Q_OBJECT

public:
    ServersPage(AppContext& app, BackendSet& backends, QWidget* parent = nullptr);

    // The actions behind the buttons, for the buttons and for tests. An Open WebUI server
    // with an email is signed in to first (without waiting: said() and finishedWork() tell
    // how it went); with a key instead, it is added as any server.
    bool addServer(const QString& kind, const QString& name, const QString& url, const QString& key,
                   const QString& email = {}, const QString& password = {});
    // Puts a server you added into the form to change its kind, address or key; the
    // form's button then saves it. False for servers from the environment or built in.
    bool editServer(const QString& name);
    // Saves the server being edited: an empty key keeps the stored one. An Open WebUI
    // server given a password is signed in to again (as `email`).
    bool saveServer(const QString& kind, const QString& url, const QString& key,
                    const QString& email = {}, const QString& password = {});
    // Brings the person's chats over from the Open WebUI server `name` (chatsImported()).
    void importChats(const QString& name);
    bool removeServer(const QString& name);
    void testServer(const QString& name);
    // A test is under way.
    bool busy() const { return m_working > 0; }

Q_SIGNALS:
    void serversChanged();
    void finishedWork(); // a test has an answer
    void said(const QString& text);
    void chatsImported();

private:
    // Says why, when the database can only be read or the person may not change servers.
    bool refusedWhileReadOnly();
    // The server of that name if you added it here; otherwise says why not (`done`: what
    // could not be done to it, "changed" or "removed") and returns nothing.
    std::optional<BackendRecord> addedServer(const QString& name, const QString& done);
    void reloadServers();
    // The address made whole (scheme, port), or an invalid one and the problem said.
    QUrl checkedUrl(const QString& url);
    void say(const QString& text);
    // The form's rows for the kind chosen: email and password for an Open WebUI server.
    void showRowsForKind();
    // Signs in to `record`'s server and keeps it (added, or signed in again), saying how it
    // went; the form empties once the server has taken it.
    void signIn(const BackendRecord& record, const QString& email, const QString& password);
    // The server took a sign-in or a key: the form is cleared, the list read again.
    void serverTaken();
    // A request begins (+1) or ends (-1); the buttons follow.
    void working(int change);
    void updateButtons();
    // The form back to adding a server.
    void resetForm();

    AppContext& m_app;
    BackendSet& m_backends;
    QTableWidget* m_servers = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_key = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_import = nullptr;
    ServerAccount* m_account = nullptr;
    QLabel* m_formTitle = nullptr; // "Add a server", or "Edit NAME" while one is edited
    QLabel* m_serverResult = nullptr;
    QProgressBar* m_importProgress = nullptr; // bringing chats over from a server
    QPushButton* m_addOrSave = nullptr;
    int m_working = 0;
    QString m_editing; // the server in the form, while editing one
};

} // namespace lyss
