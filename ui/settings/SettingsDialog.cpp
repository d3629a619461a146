// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"
#include "common/PlainText.h"
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
    tabs->addTab(buildServersTab(), tr("Servers"));
    tabs->addTab(buildChatTab(models), tr("Chat"));
    tabs->addTab(buildModelsTab(), tr("Models"));
    m_tabs = tabs;
    layout->addWidget(tabs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    reloadServers();
}

void SettingsDialog::say(QLabel* where, const QString& text)
{
    m_lastMessage = text;
    where->setText(text);
}

QWidget* SettingsDialog::buildServersTab()
{
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    m_servers = new QTableWidget(0, 5, page);
    m_servers->setObjectName(QStringLiteral("serverTable"));
    m_servers->setAccessibleName(tr("Model servers"));
    m_servers->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Address"), tr("Key"), tr("From")});
    m_servers->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_servers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_servers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_servers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_servers, 1);

    auto* row = new QHBoxLayout;
    auto* test = new QPushButton(tr("Test connection"), page);
    auto* edit = new QPushButton(tr("Edit"), page);
    auto* remove = new QPushButton(tr("Remove"), page);
    row->addWidget(test);
    row->addWidget(edit);
    row->addWidget(remove);
    row->addStretch(1);
    v->addLayout(row);

    auto* form = new QFormLayout;
    m_kind = new QComboBox(page);
    m_kind->addItem(tr("Ollama"), QStringLiteral("ollama"));
    m_kind->addItem(tr("OpenAI-compatible (llama.cpp, LM Studio, vLLM, hosted)"),
                    QStringLiteral("openai"));
    m_name = new QLineEdit(page);
    m_name->setPlaceholderText(QStringLiteral("gpu-box"));
    m_url = new QLineEdit(page);
    m_url->setPlaceholderText(QStringLiteral("http://localhost:11434"));
    m_key = new QLineEdit(page);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("optional; kept in the system keyring"));
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Address"), m_url);
    form->addRow(tr("API key"), m_key);
    m_addOrSave = new QPushButton(tr("Add server"), page);
    m_addOrSave->setObjectName(QStringLiteral("addOrSaveServer"));
    form->addRow(QString(), m_addOrSave);
    v->addLayout(form);
    m_serverResult = new QLabel(page);
    m_serverResult->setObjectName(QStringLiteral("serverResult"));
    m_serverResult->setWordWrap(true);
    makePlain(m_serverResult); // what servers answered
    m_serverResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_serverResult);

    auto selectedName = [this] {
        const int r = m_servers->currentRow();
        return r >= 0 ? m_servers->item(r, 0)->text() : QString();
    };
    connect(m_addOrSave, &QPushButton::clicked, this, [this] {
        const bool done =
            m_editing.isEmpty()
                ? addServer(m_kind->currentData().toString(), m_name->text().trimmed(),
                            m_url->text(), m_key->text())
                : saveServer(m_kind->currentData().toString(), m_url->text(), m_key->text());
        if (done) {
            m_name->clear();
            m_url->clear();
            m_key->clear();
        }
    });
    connect(remove, &QPushButton::clicked, this,
            [this, selectedName] { removeServer(selectedName()); });
    connect(edit, &QPushButton::clicked, this,
            [this, selectedName] { editServer(selectedName()); });
    connect(m_servers, &QTableWidget::cellDoubleClicked, this,
            [this](int r) { editServer(m_servers->item(r, 0)->text()); });
    connect(test, &QPushButton::clicked, this,
            [this, selectedName] { testServer(selectedName()); });
    return page;
}

void SettingsDialog::reloadServers()
{
    m_servers->setRowCount(0);
    auto list = m_app.effectiveBackends();
    if (!list)
        return say(m_serverResult, list.errorMessage());
    for (const EffectiveBackend& b : *list) {
        const int r = m_servers->rowCount();
        m_servers->insertRow(r);
        const QString key = !b.envKey.isEmpty() ? tr("environment")
                            : b.hasStoredKey    ? tr("keyring")
                                                : QStringLiteral("–");
        const QString from = b.source == ValueSource::Environment
                                 ? tr("environment (%1)").arg(b.envVar)
                             : b.source == ValueSource::Default ? tr("built in")
                                                                : tr("added");
        const QStringList cells{b.name, backendKindName(b.kind), b.url.toString(), key,
                                b.enabled ? from : from + tr(", off")};
        for (int c = 0; c < cells.size(); ++c)
            m_servers->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
}

bool SettingsDialog::addServer(const QString& kind, const QString& name, const QString& url,
                               const QString& key)
{
    if (refusedWhileReadOnly())
        return false;
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!validName.match(name).hasMatch()) {
        say(m_serverResult, tr("Give the server a short name: letters, digits, dots, dashes."));
        return false;
    }
    QString problem;
    const QUrl normalized = normalizeBackendUrl(url, &problem);
    if (!normalized.isValid()) {
        say(m_serverResult, problem);
        return false;
    }
    if (auto existing = m_app.backends().find(name); existing && existing->has_value()) {
        say(m_serverResult, tr("A server named \"%1\" already exists.").arg(name));
        return false;
    }
    if (!key.isEmpty()) {
        if (Status st = m_app.secrets().write(backendSecretKey(name), key); !st.ok()) {
            say(m_serverResult, joinSentences(st.errorMessage(), tr("The server was not added.")));
            return false;
        }
    }
    BackendRecord record;
    record.name = name;
    record.kind = backendKindFromName(kind).value_or(BackendKind::Ollama);
    record.url = normalized;
    record.hasKey = !key.isEmpty();
    if (auto added = m_app.backends().add(record); !added) {
        say(m_serverResult, added.errorMessage());
        return false;
    }
    say(m_serverResult, tr("Added %1 (%2).").arg(name, normalized.toString()));
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

std::optional<BackendRecord> SettingsDialog::addedServer(const QString& name, const QString& done)
{
    auto stored = m_app.backends().find(name);
    if (stored && stored->has_value())
        return **stored;
    if (!stored)
        say(m_serverResult, stored.errorMessage());
    else if (name.isEmpty())
        say(m_serverResult, tr("Choose a server in the list first."));
    else
        //: %2 is "changed" or "removed"
        say(m_serverResult, tr("\"%1\" was not added here (it comes from the environment or "
                               "is built in), so it cannot be %2 here.")
                                .arg(name, done));
    return std::nullopt;
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

bool SettingsDialog::editServer(const QString& name)
{
    const auto stored = addedServer(name, tr("changed"));
    if (!stored)
        return false;
    const BackendRecord& b = *stored;
    m_editing = b.name;
    m_kind->setCurrentIndex(m_kind->findData(backendKindName(b.kind)));
    m_name->setText(b.name);
    m_name->setReadOnly(true);
    m_url->setText(b.url.toString());
    m_key->clear();
    m_key->setPlaceholderText(b.hasKey ? tr("leave empty to keep the stored key")
                                       : tr("optional; kept in the system keyring"));
    m_addOrSave->setText(tr("Save server"));
    say(m_serverResult, tr("Editing %1: change what you need and save.").arg(b.name));
    m_url->setFocus();
    return true;
}

bool SettingsDialog::refusedWhileReadOnly()
{
    const QString why = m_app.readOnlyReason();
    if (why.isEmpty())
        return false;
    // Before the keyring: a new key there for a record that cannot change would replace
    // the key that works.
    say(m_serverResult, tr("Servers cannot be changed: %1.").arg(why));
    return true;
}

bool SettingsDialog::saveServer(const QString& kind, const QString& url, const QString& key)
{
    if (refusedWhileReadOnly())
        return false;
    auto stored = m_editing.isEmpty() ? Result<std::optional<BackendRecord>>(std::nullopt)
                                      : m_app.backends().find(m_editing);
    if (!stored || !stored->has_value()) {
        say(m_serverResult, tr("Choose a server to edit first."));
        return false;
    }
    QString problem;
    const QUrl normalized = normalizeBackendUrl(url, &problem);
    if (!normalized.isValid()) {
        say(m_serverResult, problem);
        return false;
    }
    BackendRecord record = **stored;
    if (!key.isEmpty()) {
        if (Status st = m_app.secrets().write(backendSecretKey(record.name), key); !st.ok()) {
            say(m_serverResult, joinSentences(st.errorMessage(), tr("Nothing was changed.")));
            return false;
        }
        record.hasKey = true;
    }
    record.kind = backendKindFromName(kind).value_or(record.kind);
    record.url = normalized;
    if (Status st = m_app.backends().update(record); !st.ok()) {
        say(m_serverResult, st.errorMessage());
        return false;
    }
    m_editing.clear();
    m_name->setReadOnly(false);
    m_key->setPlaceholderText(tr("optional; kept in the system keyring"));
    m_addOrSave->setText(tr("Add server"));
    say(m_serverResult, tr("Saved %1 (%2).").arg(record.name, normalized.toString()));
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

bool SettingsDialog::removeServer(const QString& name)
{
    if (refusedWhileReadOnly())
        return false;
    const auto stored = addedServer(name, tr("removed"));
    if (!stored)
        return false;
    if (Status st = m_app.backends().remove(name); !st.ok()) {
        say(m_serverResult, st.errorMessage());
        return false;
    }
    if (stored->hasKey)
        (void)m_app.secrets().remove(backendSecretKey(name));
    say(m_serverResult, tr("Removed %1.").arg(name));
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

void SettingsDialog::testServer(const QString& name)
{
    auto list = m_app.effectiveBackends();
    if (!list)
        return say(m_serverResult, list.errorMessage());
    auto it = std::find_if(list->begin(), list->end(),
                           [&](const EffectiveBackend& b) { return b.name == name; });
    if (it == list->end())
        return say(m_serverResult, tr("Choose a server in the list first."));
    Backend::Config config{it->name, it->kind, it->url, it->envKey, 15000};
    if (config.apiKey.isEmpty() && it->hasStoredKey)
        config.keyStore = &m_app.secrets(); // read without waiting, before the probe
    Backend* probe =
        it->kind == BackendKind::Ollama
            ? static_cast<Backend*>(new OllamaBackend(config, m_backends.network(), this))
            : new OpenAIBackend(config, m_backends.network(), this);
    say(m_serverResult, tr("Asking %1…").arg(it->url.toString()));
    probe->probe([this, probe, name = it->name](Result<QString> r) {
        say(m_serverResult,
            r ? tr("✓ %1 answers (%2).").arg(name, *r) : QStringLiteral("✗ ") + r.errorMessage());
        probe->deleteLater();
        Q_EMIT finishedWork();
    });
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
