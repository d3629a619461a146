// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace lyss {

class AppContext;
class BackendSet;
class ServersPage;

// Settings: model servers (add, remove, test; keys go to the keyring), the default
// model and system prompt, the open chat's options, and downloading a model into Ollama.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppContext& app, BackendSet& backends, const QList<ModelInfo>& models,
                   const QString& chatId, QWidget* parent = nullptr);

    // What the last test, add, remove or pull said (also shown in the dialog).
    QString lastMessage() const { return m_lastMessage; }

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
    void pullModel(const QString& model);
    bool saveChatOptions();

    // An Appearance page with the theme choices (name, title) and the languages; picking
    // one emits themeChosen or languageChosen at once (the window takes it up live).
    void offerThemes(const QList<QPair<QString, QString>>& choices, const QString& current);

Q_SIGNALS:
    void themeChosen(const QString& name);
    // A locale name, "en" for English, "" for the system's language.
    void languageChosen(const QString& name);
    void serversChanged();
    void modelsChanged();
    void finishedWork(); // a test or a pull has an answer

private:
    QWidget* buildChatTab(const QList<ModelInfo>& models);
    QWidget* buildModelsTab();
    void say(QLabel* where, const QString& text);

    AppContext& m_app;
    BackendSet& m_backends;
    QString m_chatId;
    QString m_lastMessage;
    ServersPage* m_serversPage = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_defaultModel = nullptr;
    QPlainTextEdit* m_defaultSystem = nullptr;
    QPlainTextEdit* m_chatSystem = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_contextLength = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_keepAlive = nullptr;
    QLabel* m_chatResult = nullptr;
    QLineEdit* m_pullName = nullptr;
    QProgressBar* m_pullProgress = nullptr;
    QLabel* m_pullResult = nullptr;
};

} // namespace lyss
