// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/BackendRecord.h"

#include <QUrl>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lyss {

class AppContext;
class BackendSet;

// Settings › Servers: the model servers in use (added here, from the environment, built
// in), adding, changing and removing those added here (keys go to the keyring), and
// asking one whether it answers.
class ServersPage : public QWidget {
    Q_OBJECT

public:
    ServersPage(AppContext& app, BackendSet& backends, QWidget* parent = nullptr);

    // The actions behind the buttons, for the buttons and for tests.
    bool addServer(const QString& kind, const QString& name, const QString& url,
                   const QString& key);
    // Puts a server you added into the form to change its kind, address or key; the
    // form's button then saves it. False for servers from the environment or built in.
    bool editServer(const QString& name);
    // Saves the server being edited: an empty key keeps the stored one.
    bool saveServer(const QString& kind, const QString& url, const QString& key);
    bool removeServer(const QString& name);
    void testServer(const QString& name);
    // A test is under way.
    bool busy() const { return m_working > 0; }

Q_SIGNALS:
    void serversChanged();
    void finishedWork(); // a test has an answer
    void said(const QString& text);

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

    AppContext& m_app;
    BackendSet& m_backends;
    QTableWidget* m_servers = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_key = nullptr;
    QLabel* m_formTitle = nullptr; // "Add a server", or "Edit NAME" while one is edited
    QLabel* m_serverResult = nullptr;
    QPushButton* m_addOrSave = nullptr;
    int m_working = 0;
    QString m_editing; // the server in the form, while editing one
};

} // namespace lyss
