// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"

#include <QDialog>

#include <functional>
#include <memory>

class QTabWidget;

namespace lyss {

class AppContext;
class BackendSet;
class AccountsPage;
class ChatPage;
class FiltersPage;
class ModelsPage;
class ServersPage;

// Settings, a shell around its pages: Appearance (when the window offers themes), Servers,
// Chat, Models, Filters and Accounts (those two for an admin, or anyone while accounts are
// off). What the pages do is
// theirs; the dialog passes on what they say.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppContext& app, BackendSet& backends, const QList<ModelInfo>& models,
                   const QString& chatId, QWidget* parent = nullptr);
    ~SettingsDialog() override;

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
    // Settings › Accounts, when the person may see it (an admin, or anyone while accounts
    // are off); null otherwise.
    AccountsPage* accountsPage() const { return m_accountsPage; }
    // Settings › Filters, for the same people.
    FiltersPage* filtersPage() const { return m_filtersPage; }

    // Why Settings › Data may not restore a backup now (see DataPage::setRestoreGuard).
    void setRestoreGuard(std::function<QString()> guard);
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
    // Accounts were turned on or off in Settings › Accounts.
    void accountsChanged();
    // Chats were imported in Settings › Data.
    void chatsImported();
    // A backup was restored in Settings › Data (the dialog closes): Lyss starts again.
    void restored();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Page { Appearance, Servers, Chat, Models, Filters, Data, Accounts };
    QList<Page> pagesShown() const;
    QString titleOf(Page page) const;
    QWidget* makePage(Page page);
    void buildPages();
    // Another language: the pages are built again in it (once no test or download is
    // under way), on the page that was open.
    void rebuildPages();
    // The servers changed: the models for "Model for new chats" are asked of them.
    void listModelsAgain();

    AppContext& m_app;
    BackendSet& m_backends;
    QList<ModelInfo> m_models;
    QString m_chatId;
    QList<QPair<QString, QString>> m_themeChoices;
    QString m_theme;
    bool m_themesOffered = false;
    bool m_rebuildWanted = false;
    QList<Page> m_pages;                  // the tabs, in order
    QList<QStringList> m_built;           // each page's form as it was built (FormSnapshot)
    std::unique_ptr<BackendSet> m_lister; // the servers as they are now, for their models
    int m_listing = 0;                    // which listing an answer is for
    QString m_lastMessage;
    QTabWidget* m_tabs = nullptr;
    ServersPage* m_serversPage = nullptr;
    ChatPage* m_chatPage = nullptr;
    ModelsPage* m_modelsPage = nullptr;
    AccountsPage* m_accountsPage = nullptr; // only for whoever may administer accounts
    std::function<QString()> m_restoreGuard;
    FiltersPage* m_filtersPage = nullptr; // the same
};

} // namespace lyss
