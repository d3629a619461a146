// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"
#include "common/PlainText.h"
#include "settings/ServersPage.h"
#include "util/Sentences.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "backends/ChatRequest.h"
#include "backends/OllamaBackend.h"
#include "backends/OpenAIBackend.h"
#include "config/Settings.h"
#include "secrets/SecretStore.h"
#include "store/BackendRepository.h"
#include "store/ChatStore.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lyss {

SettingsDialog::SettingsDialog(AppContext& app, BackendSet& backends,
                               const QList<ModelInfo>& models, const QString& chatId,
                               QWidget* parent)
    : QDialog(parent)
    , m_app(app)
    , m_backends(backends)
    , m_chatId(chatId)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(760, 560);
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    m_serversPage = new ServersPage(app, backends, tabs);
    connect(m_serversPage, &ServersPage::said, this,
            [this](const QString& text) { m_lastMessage = text; });
    connect(m_serversPage, &ServersPage::serversChanged, this, &SettingsDialog::serversChanged);
    connect(m_serversPage, &ServersPage::finishedWork, this, &SettingsDialog::finishedWork);
    tabs->addTab(m_serversPage, tr("Servers"));
    tabs->addTab(buildChatTab(models), tr("Chat"));
    tabs->addTab(buildModelsTab(), tr("Models"));
    m_tabs = tabs;
    layout->addWidget(tabs);
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

void SettingsDialog::say(QLabel* where, const QString& text)
{
    m_lastMessage = text;
    where->setText(text);
}

void SettingsDialog::offerThemes(const QList<QPair<QString, QString>>& choices,
                                 const QString& current)
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    auto* themes = new QComboBox(page);
    themes->setObjectName(QStringLiteral("themeChoice"));
    themes->setAccessibleName(tr("Theme"));
    for (const auto& [name, title] : choices)
        themes->addItem(title, name);
    themes->setCurrentIndex(std::max(0, themes->findData(current)));
    form->addRow(tr("Theme"), themes);
    // Languages: the system's, English, and every translation there is.
    auto* languages = new QComboBox(page);
    languages->setObjectName(QStringLiteral("languageChoice"));
    languages->setAccessibleName(tr("Language"));
    languages->addItem(tr("Same as the system"), QString());
    languages->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const auto& [name, title] : Translations::available())
        languages->addItem(title, name);
    languages->setCurrentIndex(
        std::max(0, languages->findData(m_app.settings().text(SettingKey::Language))));
    form->addRow(tr("Language"), languages);
    connect(languages, &QComboBox::currentIndexChanged, this,
            [this, languages] { Q_EMIT languageChosen(languages->currentData().toString()); });
    auto* hint = new QLabel(tr("Ctrl+Shift+L switches between them anywhere. Add your own by "
                               "putting a theme file into %1.")
                                .arg(QDir(m_app.dataDir()).filePath(QStringLiteral("themes"))),
                            page);
    hint->setWordWrap(true);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(hint);
    connect(themes, &QComboBox::currentIndexChanged, this,
            [this, themes] { Q_EMIT themeChosen(themes->currentData().toString()); });
    m_tabs->insertTab(0, page, tr("Appearance"));
}

QWidget* SettingsDialog::buildChatTab(const QList<ModelInfo>& models)
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_defaultModel = new QComboBox(page);
    m_defaultModel->setObjectName(QStringLiteral("defaultModel"));
    m_defaultModel->addItem(tr("The first model listed"), QString());
    for (const ModelInfo& m : models)
        m_defaultModel->addItem(m.displayName, m.displayName);
    const int current = m_defaultModel->findData(m_app.settings().text(SettingKey::DefaultModel));
    m_defaultModel->setCurrentIndex(std::max(0, current));
    m_defaultSystem = new QPlainTextEdit(m_app.settings().text(SettingKey::SystemPrompt), page);
    m_defaultSystem->setMaximumHeight(80);
    form->addRow(tr("Model for new chats"), m_defaultModel);
    form->addRow(tr("System prompt for new chats"), m_defaultSystem);

    ChatOptions options;
    if (auto chat = m_app.store().chats().chat(m_chatId); chat && chat->has_value())
        options = ChatOptions::fromJson((*chat)->params);
    auto* heading =
        new QLabel(m_chatId.isEmpty() ? tr("<b>This chat</b> (start a chat to set its options)")
                                      : tr("<b>This chat</b>"),
                   page);
    form->addRow(heading);
    m_chatSystem = new QPlainTextEdit(options.systemPrompt, page);
    m_chatSystem->setMaximumHeight(80);
    m_temperature = new QDoubleSpinBox(page);
    m_temperature->setRange(-0.1, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("server default"));
    m_temperature->setValue(options.temperature.value_or(-0.1));
    m_contextLength = new QSpinBox(page);
    m_contextLength->setRange(0, 1048576);
    m_contextLength->setSingleStep(1024);
    m_contextLength->setSpecialValueText(tr("server default"));
    m_contextLength->setValue(options.contextLength.value_or(0));
    m_seed = new QSpinBox(page);
    m_seed->setRange(-1, 2147483647);
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setValue(static_cast<int>(options.seed.value_or(-1)));
    m_keepAlive = new QLineEdit(options.keepAlive, page);
    m_keepAlive->setPlaceholderText(tr("server default, e.g. 5m"));
    form->addRow(tr("System prompt"), m_chatSystem);
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Context length (Ollama num_ctx)"), m_contextLength);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Keep the model loaded for"), m_keepAlive);
    for (QWidget* w : {static_cast<QWidget*>(m_chatSystem), static_cast<QWidget*>(m_temperature),
                       static_cast<QWidget*>(m_contextLength), static_cast<QWidget*>(m_seed),
                       static_cast<QWidget*>(m_keepAlive)})
        w->setEnabled(!m_chatId.isEmpty());
    auto* save = new QPushButton(tr("Save"), page);
    save->setObjectName(QStringLiteral("saveChatOptions"));
    m_chatResult = new QLabel(page);
    makePlain(m_chatResult);
    form->addRow(save, m_chatResult);
    connect(save, &QPushButton::clicked, this, &SettingsDialog::saveChatOptions);
    return page;
}

bool SettingsDialog::saveChatOptions()
{
    Settings& settings = m_app.settings();
    if (Status st =
            settings.set(SettingKey::DefaultModel, m_defaultModel->currentData().toString());
        !st.ok())
        return say(m_chatResult, st.errorMessage()), false;
    if (Status st = settings.set(SettingKey::SystemPrompt, m_defaultSystem->toPlainText());
        !st.ok())
        return say(m_chatResult, st.errorMessage()), false;
    if (!m_chatId.isEmpty()) {
        ChatOptions o;
        o.systemPrompt = m_chatSystem->toPlainText();
        if (m_temperature->value() >= 0)
            o.temperature = m_temperature->value();
        if (m_contextLength->value() > 0)
            o.contextLength = m_contextLength->value();
        if (m_seed->value() >= 0)
            o.seed = m_seed->value();
        o.keepAlive = m_keepAlive->text().trimmed();
        if (Status st = m_app.store().chats().setChatParams(m_chatId, o.toJson()); !st.ok())
            return say(m_chatResult, st.errorMessage()), false;
    }
    say(m_chatResult, tr("Saved."));
    return true;
}

QWidget* SettingsDialog::buildModelsTab()
{
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    v->addWidget(
        new QLabel(tr("Download a model into Ollama, for example llama3.2 or qwen3:8b:"), page));
    auto* row = new QHBoxLayout;
    m_pullName = new QLineEdit(page);
    m_pullName->setObjectName(QStringLiteral("pullName"));
    m_pullName->setAccessibleName(tr("Model to download"));
    auto* pull = new QPushButton(tr("Pull"), page);
    row->addWidget(m_pullName, 1);
    row->addWidget(pull);
    v->addLayout(row);
    m_pullProgress = new QProgressBar(page);
    m_pullProgress->setObjectName(QStringLiteral("pullProgress"));
    m_pullProgress->setRange(0, 1000);
    m_pullProgress->setValue(0);
    v->addWidget(m_pullProgress);
    m_pullResult = new QLabel(page);
    m_pullResult->setObjectName(QStringLiteral("pullResult"));
    m_pullResult->setWordWrap(true);
    makePlain(m_pullResult);
    v->addWidget(m_pullResult);
    v->addStretch(1);
    connect(pull, &QPushButton::clicked, this, [this] { pullModel(m_pullName->text().trimmed()); });
    connect(m_pullName, &QLineEdit::returnPressed, this,
            [this] { pullModel(m_pullName->text().trimmed()); });
    return page;
}

void SettingsDialog::pullModel(const QString& model)
{
    if (model.isEmpty())
        return say(m_pullResult, tr("Type the name of a model first."));
    OllamaBackend* ollama = nullptr;
    for (Backend* b : m_backends.backends()) {
        if ((ollama = qobject_cast<OllamaBackend*>(b)))
            break;
    }
    if (!ollama)
        return say(m_pullResult, tr("No Ollama server is configured."));
    PullOperation* op = ollama->pull(model);
    m_pullProgress->setValue(0);
    connect(op, &PullOperation::progress, this,
            [this](const QString& status, qint64 done, qint64 total) {
                if (total > 0 && done >= 0)
                    m_pullProgress->setValue(
                        static_cast<int>(1000.0 * double(done) / double(total)));
                say(m_pullResult, status);
            });
    connect(op, &PullOperation::finished, this, [this, op, model] {
        if (op->succeeded()) {
            m_pullProgress->setValue(1000);
            say(m_pullResult, tr("Downloaded %1.").arg(model));
            Q_EMIT modelsChanged();
        } else {
            say(m_pullResult, op->errorText());
        }
        op->deleteLater();
        Q_EMIT finishedWork();
    });
}

} // namespace lyss
