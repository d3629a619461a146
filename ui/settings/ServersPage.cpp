// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ServersPage.h"

#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "backends/OpenWebUiSignIn.h"
#include "common/PlainText.h"
#include "secrets/SecretStore.h"
#include "settings/PageStyle.h"
#include "settings/ServerAccount.h"
#include "settings/ServerAdder.h"
#include "store/BackendRepository.h"
#include "util/Sentences.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lyss {

ServersPage::ServersPage(AppContext& app, BackendSet& backends, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_backends(backends)
{
    QWidget* page = this;
    auto* v = new QVBoxLayout(page);
    m_servers = new QTableWidget(0, 5, page);
    m_servers->setObjectName(QStringLiteral("serverTable"));
    m_servers->setAccessibleName(tr("Model servers"));
    m_servers->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Address"), tr("Key"), tr("From")});
    m_servers->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    // Who a server is signed in to, and until when, read whole.
    m_servers->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_servers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_servers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_servers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_servers, 1);

    auto* row = new QHBoxLayout;
    auto* test = new QPushButton(tr("Test connection"), page);
    auto* edit = new QPushButton(tr("Edit"), page);
    auto* remove = new QPushButton(tr("Remove"), page);
    m_import = new QPushButton(tr("Import my chats"), page);
    m_import->setObjectName(QStringLiteral("importFromServer"));
    m_import->setToolTip(tr("Bring your chats over from this Open WebUI server"));
    row->addWidget(test);
    row->addWidget(edit);
    row->addWidget(remove);
    row->addWidget(m_import);
    row->addStretch(1);
    v->addLayout(row);

    v->addSpacing(pagestyle::kSection - pagestyle::kSpace);
    m_formTitle = pagestyle::heading(tr("Add a server"), page);
    v->addWidget(m_formTitle);
    auto* form = new QFormLayout;
    m_form = form;
    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("serverKind"));
    m_kind->addItem(tr("Ollama"), QStringLiteral("ollama"));
    m_kind->addItem(tr("OpenAI-compatible (llama.cpp, LM Studio, vLLM, hosted)"),
                    QStringLiteral("openai"));
    m_kind->addItem(tr("Open WebUI server (sign in)"), QStringLiteral("openwebui"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("serverName"));
    m_name->setPlaceholderText(QStringLiteral("gpu-box"));
    m_url = new QLineEdit(page);
    m_url->setObjectName(QStringLiteral("serverAddress"));
    m_url->setPlaceholderText(QStringLiteral("http://localhost:11434"));
    m_key = new QLineEdit(page);
    m_key->setObjectName(QStringLiteral("serverKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("optional; kept in the system keyring"));
    m_email = new QLineEdit(page);
    m_email->setObjectName(QStringLiteral("serverEmail"));
    m_email->setPlaceholderText(QStringLiteral("you@example.org"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("sent to the server only; never kept"));
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Address"), m_url);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Password"), m_password);
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
    m_importProgress = new QProgressBar(page);
    m_importProgress->setObjectName(QStringLiteral("serverImportProgress"));
    m_importProgress->hide();
    v->addWidget(m_importProgress);

    auto selectedName = [this] {
        const int r = m_servers->currentRow();
        return r >= 0 ? m_servers->item(r, 0)->text() : QString();
    };
    m_account = new ServerAccount(app, backends.network(), this);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ServersPage::showRowsForKind);
    showRowsForKind();
    connect(m_addOrSave, &QPushButton::clicked, this, [this] {
        const QString password = m_password->text();
        m_password->clear(); // the form keeps no password, whatever happens
        const QString key = m_key->text();
        m_key->clear(); // nor a key, which would go to the next server added
        const bool done =
            m_editing.isEmpty()
                ? addServer(m_kind->currentData().toString(), m_name->text().trimmed(),
                            m_url->text(), key, m_email->text().trimmed(), password)
                : saveServer(m_kind->currentData().toString(), m_url->text(), key,
                             m_email->text().trimmed(), password);
        if (done) {
            m_name->clear();
            m_url->clear();
        }
    });
    connect(m_import, &QPushButton::clicked, this,
            [this, selectedName] { importChats(selectedName()); });
    connect(m_servers, &QTableWidget::itemSelectionChanged, this, &ServersPage::updateButtons);
    connect(remove, &QPushButton::clicked, this,
            [this, selectedName] { removeServer(selectedName()); });
    connect(edit, &QPushButton::clicked, this,
            [this, selectedName] { editServer(selectedName()); });
    connect(m_servers, &QTableWidget::cellDoubleClicked, this,
            [this](int r) { editServer(m_servers->item(r, 0)->text()); });
    connect(test, &QPushButton::clicked, this,
            [this, selectedName] { testServer(selectedName()); });
    reloadServers();
}

void ServersPage::signIn(const BackendRecord& record, const QString& email, const QString& password)
{
    say(tr("Signing in to %1…").arg(record.url.toString()));
    working(+1);
    const QString exposed = OpenWebUiSignIn::passwordExposure(record.url);
    m_account->signIn(record, email, password, [this, exposed](Result<QString> r) {
        working(-1);
        // Said after the sign-in too: the password went that way, and the next one will.
        say(r ? (exposed.isEmpty() ? *r : *r + QLatin1Char(' ') + exposed) : r.errorMessage());
        if (r) // the form is cleared once the server has taken the sign-in
            serverTaken();
        Q_EMIT finishedWork();
    });
}

void ServersPage::serverTaken()
{
    resetForm();
    m_name->clear();
    m_url->clear();
    reloadServers();
    Q_EMIT serversChanged();
}

void ServersPage::working(int change)
{
    m_working += change;
    updateButtons();
}

void ServersPage::updateButtons()
{
    // One request at a time: a second click would race the first (two sign-ins for one
    // name). Import is for an Open WebUI server.
    const int r = m_servers->currentRow();
    const bool openWebUi = r >= 0 && m_servers->item(r, 1) &&
                           m_servers->item(r, 1)->text() == QLatin1String("openwebui");
    m_addOrSave->setEnabled(m_working == 0);
    m_import->setEnabled(m_working == 0 && openWebUi);
}

void ServersPage::showRowsForKind()
{
    const bool openWebUi = m_kind->currentData().toString() == QLatin1String("openwebui");
    m_form->setRowVisible(m_email, openWebUi);
    m_form->setRowVisible(m_password, openWebUi);
    m_key->setPlaceholderText(openWebUi ? tr("or an API key (sk-…) instead of signing in")
                              : m_editing.isEmpty() ? tr("optional; kept in the system keyring")
                                                    : m_key->placeholderText());
    m_url->setPlaceholderText(openWebUi ? QStringLiteral("https://chat.example.org")
                                        : QStringLiteral("http://localhost:11434"));
    if (m_editing.isEmpty())
        m_addOrSave->setText(openWebUi ? tr("Sign in and add") : tr("Add server"));
}

void ServersPage::resetForm()
{
    m_editing.clear();
    m_name->setReadOnly(false);
    m_email->clear();
    m_password->clear();
    m_key->setPlaceholderText(tr("optional; kept in the system keyring"));
    m_addOrSave->setText(tr("Add server"));
    m_formTitle->setText(tr("Add a server"));
    showRowsForKind();
}

QUrl ServersPage::checkedUrl(const QString& url)
{
    QString problem;
    const QUrl normalized = normalizeBackendUrl(url, &problem);
    if (!normalized.isValid())
        say(problem);
    return normalized;
}

void ServersPage::say(const QString& text)
{
    m_serverResult->setText(text);
    Q_EMIT said(text);
}

void ServersPage::reloadServers()
{
    m_servers->setRowCount(0);
    auto list = m_app.effectiveBackends();
    if (!list)
        return say(list.errorMessage());
    for (const EffectiveBackend& b : *list) {
        const int r = m_servers->rowCount();
        m_servers->insertRow(r);
        QString key = !b.envKey.isEmpty() ? tr("environment")
                      : b.hasStoredKey    ? tr("keyring")
                                          : QStringLiteral("–");
        if (!b.account.isEmpty()) {
            // An Open WebUI server signed in to: as whom, until when (or that it ended).
            const QString until = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(b.signedInUntil), QLocale::ShortFormat);
            key = b.signedInUntil <= 0 ? b.account
                  : b.signedInUntil <= QDateTime::currentMSecsSinceEpoch()
                      ? tr("%1, sign-in ended: Edit to sign in again").arg(b.account)
                      : tr("%1 until %2").arg(b.account, until);
        }
        const QString from = b.source == ValueSource::Environment
                                 ? tr("environment (%1)").arg(b.envVar)
                             : b.source == ValueSource::Default ? tr("built in")
                                                                : tr("added");
        const QStringList cells{b.name, backendKindName(b.kind), b.url.toString(), key,
                                b.enabled ? from : from + tr(", off")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]); // the whole of what a narrow column cuts
            m_servers->setItem(r, c, item);
        }
    }
    updateButtons();
}

bool ServersPage::addServer(const QString& kind, const QString& name, const QString& url,
                            const QString& key, const QString& email, const QString& password)
{
    if (kind == QLatin1String("openwebui") && !email.isEmpty() && !key.isEmpty()) {
        say(tr("Sign in with your email and password, or give an API key: not both."));
        return false;
    }
    if (kind == QLatin1String("openwebui") && !email.isEmpty()) {
        ServerAdder adder(m_app);
        auto record = adder.checked(kind, name, url);
        if (!record) {
            say(record.errorMessage());
            return false;
        }
        if (password.isEmpty()) {
            say(tr("Give the password of %1 on that server (it is sent to the server, and "
                   "kept nowhere).")
                    .arg(email));
            return false;
        }
        signIn(*record, email, password);
        return false; // the form is cleared once the server has taken the sign-in
    }
    if (kind == QLatin1String("openwebui") && key.isEmpty()) {
        say(tr("Sign in with your email and password on that server, or give an API key."));
        return false;
    }
    if (kind == QLatin1String("openwebui")) {
        // The server is asked whose key it is first: one it refuses is not kept.
        auto record = ServerAdder(m_app).checked(kind, name, url);
        if (!record) {
            say(record.errorMessage());
            return false;
        }
        say(tr("Asking %1 about the key…").arg(record->url.toString()));
        working(+1);
        m_account->addWithKey(*record, key, [this](Result<QString> r) {
            working(-1);
            say(r ? *r : r.errorMessage());
            if (r)
                serverTaken();
            Q_EMIT finishedWork();
        });
        return false; // the form is cleared once the key is taken
    }
    const Result<QString> added = ServerAdder(m_app).add(kind, name, url, key);
    say(added ? *added : added.errorMessage());
    if (!added)
        return false;
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

std::optional<BackendRecord> ServersPage::addedServer(const QString& name, const QString& done)
{
    auto stored = m_app.backends().find(name);
    if (stored && stored->has_value())
        return **stored;
    if (!stored)
        say(stored.errorMessage());
    else if (name.isEmpty())
        say(tr("Choose a server in the list first."));
    else
        //: %2 is "changed" or "removed"
        say(tr("\"%1\" was not added here (it comes from the environment or "
               "is built in), so it cannot be %2 here.")
                .arg(name, done));
    return std::nullopt;
}

bool ServersPage::editServer(const QString& name)
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
    m_email->setText(b.account);
    m_password->clear();
    m_key->clear();
    m_key->setPlaceholderText(b.hasKey ? tr("leave empty to keep the stored key")
                                       : tr("optional; kept in the system keyring"));
    m_addOrSave->setText(tr("Save server"));
    m_formTitle->setText(tr("Edit %1").arg(b.name));
    showRowsForKind();
    if (b.kind == BackendKind::OpenWebUi && !b.account.isEmpty()) {
        m_addOrSave->setText(tr("Sign in again"));
        say(tr("Editing %1: give your password to sign in again.").arg(b.name));
        m_password->setFocus();
        return true;
    }
    say(tr("Editing %1: change what you need and save.").arg(b.name));
    m_url->setFocus();
    return true;
}

bool ServersPage::refusedWhileReadOnly()
{
    const QString why = ServerAdder(m_app).refusal();
    if (!why.isEmpty())
        say(why);
    return !why.isEmpty();
}

bool ServersPage::saveServer(const QString& kind, const QString& url, const QString& key,
                             const QString& email, const QString& password)
{
    if (refusedWhileReadOnly())
        return false;
    auto stored = m_editing.isEmpty() ? Result<std::optional<BackendRecord>>(std::nullopt)
                                      : m_app.backends().find(m_editing);
    if (!stored || !stored->has_value()) {
        say(tr("Choose a server to edit first."));
        return false;
    }
    const QUrl normalized = checkedUrl(url);
    if (!normalized.isValid())
        return false;
    BackendRecord record = **stored;
    // A sign-in belongs to its server: another address or kind needs a new sign-in or key,
    // or the token would go to wherever was typed.
    const bool moved =
        normalized.adjusted(QUrl::RemovePath) != record.url.adjusted(QUrl::RemovePath) ||
        backendKindFromName(kind) != record.kind;
    if (!record.account.isEmpty() && moved && password.isEmpty() && key.isEmpty()) {
        say(tr("%1 is signed in to %2: give your password (or an API key) to change its "
               "address or kind.")
                .arg(record.name, record.url.toString()));
        return false;
    }
    if (kind == QLatin1String("openwebui") && !password.isEmpty()) {
        record.kind = BackendKind::OpenWebUi;
        record.url = normalized;
        const QString as = email.isEmpty() ? record.account : email;
        signIn(record, as, password);
        return false;
    }
    if (!key.isEmpty()) {
        if (Status st = m_app.secrets().write(backendSecretKey(record.name), key); !st.ok()) {
            say(joinSentences(st.errorMessage(), tr("Nothing was changed.")));
            return false;
        }
        record.hasKey = true;
    }
    record.kind = backendKindFromName(kind).value_or(record.kind);
    record.url = normalized;
    if (!key.isEmpty()) {
        // A key instead of a sign-in.
        record.account.clear();
        record.signedInUntil = 0;
        record.signedInAt = 0;
    }
    if (Status st = m_app.backends().update(record); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    resetForm();
    say(tr("Saved %1 (%2).").arg(record.name, normalized.toString()));
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

bool ServersPage::removeServer(const QString& name)
{
    if (refusedWhileReadOnly())
        return false;
    const auto stored = addedServer(name, tr("removed"));
    if (!stored)
        return false;
    if (Status st = m_app.backends().remove(name); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    // Its key leaves the keyring; a sign-in is ended at the server first (said once done).
    QPointer<ServersPage> self(this);
    working(+1);
    m_account->forget(*stored, [self](Result<QString> said) {
        if (!self)
            return;
        self->working(-1);
        self->say(said ? *said : said.errorMessage());
        Q_EMIT self->finishedWork();
    });
    reloadServers();
    Q_EMIT serversChanged();
    return true;
}

void ServersPage::importChats(const QString& name)
{
    if (!m_app.readOnlyReason().isEmpty())
        return say(tr("Chats cannot be imported: %1.").arg(m_app.readOnlyReason()));
    // The server's sign-in is the installation's (its admin's account there).
    if (Status st = m_app.mayChangeInstallation(tr("import chats from a server")); !st.ok())
        return say(st.errorMessage());
    auto list = m_app.effectiveBackends();
    if (!list)
        return say(list.errorMessage());
    auto it = std::find_if(list->begin(), list->end(), [&](const EffectiveBackend& b) {
        return b.name == name && b.kind == BackendKind::OpenWebUi;
    });
    if (it == list->end())
        return say(tr("Choose an Open WebUI server in the list first: your chats are brought "
                      "over from one."));
    say(tr("Reading your chats from %1…").arg(it->url.toString()));
    working(+1);
    m_importProgress->setRange(0, 0); // reading: how long is the server's to say
    m_importProgress->show();
    auto progress = [this](int done, int total) {
        m_importProgress->setRange(0, total);
        m_importProgress->setValue(done);
        // Only the bar is drawn again: no other event may run inside the import's one
        // transaction (a reply saved there would go with a rollback).
        m_importProgress->repaint();
    };
    m_account->importChats(
        *it,
        [this](Result<QString> r, int imported) {
            working(-1);
            m_importProgress->hide();
            say(r ? *r : r.errorMessage());
            if (imported > 0)
                Q_EMIT chatsImported();
            Q_EMIT finishedWork();
        },
        progress);
}

void ServersPage::testServer(const QString& name)
{
    auto list = m_app.effectiveBackends();
    if (!list)
        return say(list.errorMessage());
    auto it = std::find_if(list->begin(), list->end(),
                           [&](const EffectiveBackend& b) { return b.name == name; });
    if (it == list->end() && name.isEmpty() && list->size() == 1)
        it = list->begin(); // nothing chosen, and only one to choose: that one
    if (it == list->end())
        return say(list->isEmpty() ? tr("There is no server to test: add one below.")
                                   : tr("Choose a server in the list first."));
    Backend::Config config{it->name, it->kind, it->url, it->envKey, 15000};
    config.account = it->account;
    if (config.apiKey.isEmpty() && it->hasStoredKey)
        config.keyStore = &m_app.secrets(); // read without waiting, before the probe
    Backend* probe = BackendSet::make(config, m_backends.network(), this);
    say(tr("Asking %1…").arg(it->url.toString()));
    working(+1);
    probe->probe([this, probe, name = it->name](Result<QString> r) {
        say(r ? tr("✓ %1 answers (%2).").arg(name, *r) : QStringLiteral("✗ ") + r.errorMessage());
        probe->deleteLater();
        working(-1);
        Q_EMIT finishedWork();
    });
}

} // namespace lyss
