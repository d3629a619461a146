// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"
#include "settings/AccountsPage.h"
#include "settings/AppearancePage.h"
#include "settings/ChatPage.h"
#include "settings/FiltersPage.h"
#include "settings/ModelsPage.h"
#include "settings/ServersPage.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "filters/FilterRegistry.h"

#include <QDialogButtonBox>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lyss {

SettingsDialog::SettingsDialog(AppContext& app, BackendSet& backends,
                               const QList<ModelInfo>& models, const QString& chatId,
                               QWidget* parent)
    : QDialog(parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    // Room for a page's list and the form under it, within the screen.
    const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    resize(std::min(880, room.width() * 9 / 10), std::min(720, room.height() * 9 / 10));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    const auto keep = [this](const QString& text) { m_lastMessage = text; };
    m_serversPage = new ServersPage(app, backends, m_tabs);
    connect(m_serversPage, &ServersPage::said, this, keep);
    connect(m_serversPage, &ServersPage::serversChanged, this, &SettingsDialog::serversChanged);
    connect(m_serversPage, &ServersPage::finishedWork, this, &SettingsDialog::finishedWork);
    m_chatPage = new ChatPage(app, models, chatId, m_tabs);
    connect(m_chatPage, &ChatPage::said, this, keep);
    m_modelsPage = new ModelsPage(backends, m_tabs);
    connect(m_modelsPage, &ModelsPage::said, this, keep);
    connect(m_modelsPage, &ModelsPage::modelsChanged, this, &SettingsDialog::modelsChanged);
    connect(m_modelsPage, &ModelsPage::finishedWork, this, &SettingsDialog::finishedWork);
    m_tabs->addTab(m_serversPage, tr("Servers"));
    m_tabs->addTab(m_chatPage, tr("Chat"));
    m_tabs->addTab(m_modelsPage, tr("Models"));
    // Everyone sets their own valves there; an admin chooses which filters run.
    m_filtersPage = new FiltersPage(app.filters(), app.session().personalConfig(),
                                    app.mayChangeInstallation(tr("manage filters")).ok(), m_tabs);
    connect(m_filtersPage, &FiltersPage::said, this, keep);
    m_tabs->addTab(m_filtersPage, tr("Filters"));
    if (app.mayChangeInstallation(tr("manage accounts")).ok()) {
        m_accountsPage = new AccountsPage(app, m_tabs);
        connect(m_accountsPage, &AccountsPage::said, this, keep);
        connect(m_accountsPage, &AccountsPage::accountsChanged, this,
                &SettingsDialog::accountsChanged);
        m_tabs->addTab(m_accountsPage, tr("Accounts"));
    }
    layout->addWidget(m_tabs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

bool SettingsDialog::addServer(const QString& kind, const QString& name, const QString& url,
                               const QString& key)
{
    return m_serversPage->addServer(kind, name, url, key);
}

bool SettingsDialog::editServer(const QString& name)
{
    return m_serversPage->editServer(name);
}

bool SettingsDialog::saveServer(const QString& kind, const QString& url, const QString& key)
{
    return m_serversPage->saveServer(kind, url, key);
}

bool SettingsDialog::removeServer(const QString& name)
{
    return m_serversPage->removeServer(name);
}

void SettingsDialog::testServer(const QString& name)
{
    m_serversPage->testServer(name);
}

void SettingsDialog::pullModel(const QString& model)
{
    m_modelsPage->pull(model);
}

bool SettingsDialog::saveChatOptions()
{
    return m_chatPage->save();
}

void SettingsDialog::offerThemes(const QList<QPair<QString, QString>>& choices,
                                 const QString& current)
{
    auto* page = new AppearancePage(m_app, choices, current, m_tabs);
    connect(page, &AppearancePage::themeChosen, this, &SettingsDialog::themeChosen);
    connect(page, &AppearancePage::languageChosen, this, &SettingsDialog::languageChosen);
    m_tabs->insertTab(0, page, tr("Appearance"));
}

} // namespace lyss
