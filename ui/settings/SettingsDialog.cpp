// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"
#include "settings/AccountsPage.h"
#include "settings/AppearancePage.h"
#include "settings/ChatPage.h"
#include "settings/DataPage.h"
#include "settings/FiltersPage.h"
#include "settings/FormSnapshot.h"
#include "settings/ModelsPage.h"
#include "settings/PageStyle.h"
#include "settings/ServersPage.h"

#include "app/AppContext.h"
#include "app/UserSession.h"
#include "backends/BackendSet.h"
#include "filters/FilterRegistry.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPointer>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lyss {

SettingsDialog::SettingsDialog(AppContext& app, BackendSet& backends,
                               const QList<ModelInfo>& models, const QString& chatId,
                               QWidget* parent)
    : QDialog(parent)
    , m_app(app)
    , m_backends(backends)
    , m_models(models)
    , m_chatId(chatId)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    // Room for a page's list and the form under it, within the screen.
    const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    resize(std::min(880, room.width() * 9 / 10), std::min(720, room.height() * 9 / 10));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    buildPages();
    layout->addWidget(m_tabs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

SettingsDialog::~SettingsDialog() = default;

QList<SettingsDialog::Page> SettingsDialog::pagesShown() const
{
    QList<Page> pages;
    if (m_themesOffered)
        pages << Page::Appearance;
    pages << Page::Servers << Page::Chat << Page::Models << Page::Filters << Page::Data;
    if (m_app.mayChangeInstallation(tr("manage accounts")).ok())
        pages << Page::Accounts;
    return pages;
}

QString SettingsDialog::titleOf(Page page) const
{
    switch (page) {
    case Page::Appearance:
        return tr("Appearance");
    case Page::Servers:
        return tr("Servers");
    case Page::Chat:
        return tr("Chat");
    case Page::Models:
        return tr("Models");
    case Page::Filters:
        return tr("Filters");
    case Page::Data:
        return tr("Data");
    case Page::Accounts:
        return tr("Accounts");
    }
    return {};
}

QWidget* SettingsDialog::makePage(Page page)
{
    AppContext& app = m_app;
    const auto keep = [this](const QString& text) { m_lastMessage = text; };
    switch (page) {
    case Page::Appearance: {
        auto* p = new AppearancePage(m_app, m_themeChoices, m_theme, m_tabs);
        connect(p, &AppearancePage::themeChosen, this, [this](const QString& name) {
            m_theme = name;
            Q_EMIT themeChosen(name);
        });
        connect(p, &AppearancePage::languageChosen, this, &SettingsDialog::languageChosen);
        return p;
    }
    case Page::Servers:
        m_serversPage = new ServersPage(app, m_backends, m_tabs);
        connect(m_serversPage, &ServersPage::said, this, keep);
        connect(m_serversPage, &ServersPage::serversChanged, this, &SettingsDialog::serversChanged);
        connect(m_serversPage, &ServersPage::serversChanged, this,
                &SettingsDialog::listModelsAgain);
        connect(m_serversPage, &ServersPage::finishedWork, this, &SettingsDialog::finishedWork);
        connect(m_serversPage, &ServersPage::chatsImported, this, &SettingsDialog::chatsImported);
        connect(m_serversPage, &ServersPage::finishedWork, this, &SettingsDialog::rebuildPages,
                Qt::QueuedConnection);
        return m_serversPage;
    case Page::Chat:
        m_chatPage = new ChatPage(app, m_models, m_chatId, m_tabs);
        connect(m_chatPage, &ChatPage::said, this, keep);
        return m_chatPage;
    case Page::Models:
        m_modelsPage = new ModelsPage(m_backends, m_tabs, true);
        connect(m_modelsPage, &ModelsPage::said, this, keep);
        connect(m_modelsPage, &ModelsPage::modelsChanged, this, &SettingsDialog::modelsChanged);
        connect(m_modelsPage, &ModelsPage::finishedWork, this, &SettingsDialog::finishedWork);
        connect(m_modelsPage, &ModelsPage::finishedWork, this, &SettingsDialog::rebuildPages,
                Qt::QueuedConnection);
        return m_modelsPage;
    case Page::Filters:
        // Everyone sets their own valves there; an admin chooses which filters run.
        m_filtersPage =
            new FiltersPage(app.filters(), app.session().personalConfig(),
                            app.mayChangeInstallation(tr("manage filters")).ok(), m_tabs);
        connect(m_filtersPage, &FiltersPage::said, this, keep);
        return m_filtersPage;
    case Page::Data: {
        auto* p = new DataPage(app, m_tabs);
        connect(p, &DataPage::said, this, keep);
        connect(p, &DataPage::chatsImported, this, &SettingsDialog::chatsImported);
        p->setRestoreGuard([this] { return m_restoreGuard ? m_restoreGuard() : QString(); });
        // Everything on screen is of the database before: the window starts again.
        connect(p, &DataPage::restored, this, [this] {
            Q_EMIT restored();
            accept();
        });
        return p;
    }
    case Page::Accounts:
        m_accountsPage = new AccountsPage(app, m_tabs);
        connect(m_accountsPage, &AccountsPage::said, this, keep);
        connect(m_accountsPage, &AccountsPage::accountsChanged, this,
                &SettingsDialog::accountsChanged);
        return m_accountsPage;
    }
    return nullptr;
}

void SettingsDialog::buildPages()
{
    m_pages = pagesShown();
    m_built.clear();
    for (const Page page : m_pages) {
        QWidget* widget = makePage(page);
        pagestyle::apply(widget);
        m_tabs->addTab(widget, titleOf(page));
        m_built << FormSnapshot::of(widget);
    }
}

void SettingsDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    setWindowTitle(tr("Settings"));
    // Not now: the language may have been chosen on a page that is about to go.
    if (!std::exchange(m_rebuildWanted, true))
        QMetaObject::invokeMethod(this, &SettingsDialog::rebuildPages, Qt::QueuedConnection);
}

void SettingsDialog::rebuildPages()
{
    if (!m_rebuildWanted)
        return;
    if (m_serversPage->busy() || m_modelsPage->busy())
        return; // again when the test or download has its answer (finishedWork)
    m_rebuildWanted = false;
    // Each page is built again in the new language, on the same tab and with the keyboard
    // on the same control; a page with edits not saved keeps them, in the words it had.
    const int open = m_tabs->currentIndex();
    QWidget* focus = QApplication::focusWidget();
    const QString focusName = focus && isAncestorOf(focus) ? focus->objectName() : QString();
    for (int i = 0; i < m_pages.size(); ++i) {
        QWidget* old = m_tabs->widget(i);
        if (FormSnapshot::of(old) != m_built[i]) {
            m_tabs->setTabText(i, titleOf(m_pages[i]));
            continue;
        }
        QWidget* fresh = makePage(m_pages[i]);
        pagestyle::apply(fresh);
        m_tabs->removeTab(i);
        m_tabs->insertTab(i, fresh, titleOf(m_pages[i]));
        m_built[i] = FormSnapshot::of(fresh);
        delete old;
    }
    m_tabs->setCurrentIndex(open);
    if (!focusName.isEmpty()) {
        if (auto* again = m_tabs->currentWidget()->findChild<QWidget*>(focusName))
            again->setFocus();
    }
}

void SettingsDialog::listModelsAgain()
{
    auto effective = m_app.effectiveBackends();
    if (!effective)
        return;
    m_lister = std::make_unique<BackendSet>(*effective, &m_app.secrets(), 30000);
    const int listing = ++m_listing;
    m_lister->listModels(
        [this, alive = QPointer<SettingsDialog>(this), listing](BackendSet::ModelList list) {
            if (!alive || listing != m_listing)
                return; // the dialog closed, or the servers changed again meanwhile
            m_models = list.models;
            m_chatPage->setModels(m_models);
        });
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

void SettingsDialog::setRestoreGuard(std::function<QString()> guard)
{
    m_restoreGuard = std::move(guard);
}

void SettingsDialog::offerThemes(const QList<QPair<QString, QString>>& choices,
                                 const QString& current)
{
    m_themeChoices = choices;
    m_theme = current;
    m_themesOffered = true;
    m_pages.prepend(Page::Appearance);
    QWidget* page = makePage(Page::Appearance);
    pagestyle::apply(page);
    m_tabs->insertTab(0, page, titleOf(Page::Appearance));
    m_built.prepend(FormSnapshot::of(page));
}

} // namespace lyss
