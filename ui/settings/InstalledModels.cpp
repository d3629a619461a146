// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/InstalledModels.h"
#include "common/PlainText.h"
#include "common/ShortDate.h"
#include "common/Spacing.h"

#include "backends/BackendSet.h"
#include "backends/OllamaBackend.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lyss {

namespace {
enum Column { Name, Size, Family, Parameters, Quantisation, Modified, Loaded, Columns };
} // namespace

InstalledModels::InstalledModels(BackendSet& backends, QWidget* parent)
    : QWidget(parent)
    , m_backends(backends)
    , m_serverLabel(new QLabel(this))
    , m_servers(new QComboBox(this))
    , m_table(new QTreeWidget(this))
    , m_refresh(new QPushButton(this))
    , m_details(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_status(new QLabel(this))
{
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(space::s);
    auto* top = new QHBoxLayout;
    top->addWidget(m_serverLabel);
    top->addWidget(m_servers, 1);
    v->addLayout(top);
    m_servers->setObjectName(QStringLiteral("modelServer"));
    m_table->setObjectName(QStringLiteral("installedModels"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setColumnCount(Columns);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    v->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_refresh->setObjectName(QStringLiteral("refreshModels"));
    m_details->setObjectName(QStringLiteral("modelDetails"));
    m_delete->setObjectName(QStringLiteral("deleteModel"));
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_details);
    buttons->addWidget(m_delete);
    v->addLayout(buttons);
    m_status->setObjectName(QStringLiteral("modelsStatus"));
    m_status->setWordWrap(true);
    makePlain(m_status);
    v->addWidget(m_status);
    retranslate();
    fillServers();

    connect(m_servers, &QComboBox::currentIndexChanged, this, &InstalledModels::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &InstalledModels::refresh);
    connect(m_details, &QPushButton::clicked, this, &InstalledModels::showDetails);
    connect(m_delete, &QPushButton::clicked, this, &InstalledModels::deleteSelected);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, &InstalledModels::updateButtons);
    // Double-click (or Enter) for the details; a single click only selects.
    connect(m_table, &QTreeWidget::itemDoubleClicked, this, &InstalledModels::showDetails);
    connect(&m_backends, &BackendSet::rebuilt, this, [this] {
        fillServers();
        m_asked = false;
        if (isVisible())
            refresh();
    });
}

void InstalledModels::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_asked)
        refresh(); // asked when the page is first seen, not when Settings opens
}

void InstalledModels::retranslate()
{
    m_serverLabel->setText(tr("Ollama server:"));
    m_servers->setAccessibleName(tr("Ollama server"));
    m_table->setHeaderLabels({tr("Model"), tr("Size"), tr("Family"), tr("Parameters"),
                              tr("Quantisation"), tr("Modified"), tr("Loaded now")});
    m_table->setAccessibleName(tr("Installed models"));
    m_refresh->setText(tr("Refresh"));
    m_details->setText(tr("Details…"));
    m_delete->setText(tr("Delete…"));
    m_delete->setToolTip(tr("Delete the selected model from the server"));
}

void InstalledModels::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void InstalledModels::fillServers()
{
    const QString was = m_servers->currentText();
    QSignalBlocker quiet(m_servers);
    m_servers->clear();
    for (Backend* b : m_backends.backends()) {
        if (qobject_cast<OllamaBackend*>(b))
            m_servers->addItem(b->name());
    }
    if (const int at = m_servers->findText(was); at >= 0)
        m_servers->setCurrentIndex(at);
    // One server needs no choosing.
    m_servers->setVisible(m_servers->count() > 1);
    m_serverLabel->setVisible(m_servers->count() > 1);
}

OllamaBackend* InstalledModels::server() const
{
    return qobject_cast<OllamaBackend*>(m_backends.find(m_servers->currentText()));
}

QString InstalledModels::selected() const
{
    const QList<QTreeWidgetItem*> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->text(Name);
}

void InstalledModels::updateButtons()
{
    const bool any = !selected().isEmpty();
    m_details->setEnabled(any);
    m_delete->setEnabled(any);
}

void InstalledModels::say(const QString& text)
{
    m_status->setText(text);
    if (!text.isEmpty())
        Q_EMIT said(text);
}

void InstalledModels::refresh()
{
    m_asked = true;
    OllamaBackend* ollama = server();
    m_table->clear();
    updateButtons();
    if (!ollama) {
        m_afterRefresh.clear();
        say(tr("No Ollama server is configured. Add one in Settings › Servers."));
        return;
    }
    m_status->setText(tr("Asking %1 for its models…").arg(ollama->name())); // for a moment
    QPointer<InstalledModels> self(this);
    ollama->listModels([self, ollama](Result<QList<ModelInfo>> models) {
        if (!self || self->server() != ollama)
            return;
        if (!models) {
            self->m_afterRefresh.clear();
            return self->say(models.errorMessage());
        }
        self->showModels(*models);
        ollama->loadedModels([self, ollama](Result<QList<ModelInfo>> loaded) {
            if (self && self->server() == ollama && loaded)
                self->showLoaded(*loaded);
        });
    });
}

void InstalledModels::showModels(const QList<ModelInfo>& models)
{
    const QString was = selected();
    m_table->clear();
    const QDate today = QDate::currentDate();
    for (const ModelInfo& m : models) {
        auto* item = new QTreeWidgetItem(m_table);
        item->setText(Name, m.name);
        item->setText(Size, m.sizeBytes >= 0 ? formatBytes(m.sizeBytes) : QString());
        item->setData(Size, Qt::UserRole, m.sizeBytes);
        item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Family, m.family);
        item->setText(Parameters, m.parameterSize);
        item->setText(Quantisation, m.quantization);
        if (m.modifiedAt.isValid())
            item->setText(Modified, shortdate::day(m.modifiedAt.toLocalTime().date(), today));
        if (m.name == was)
            item->setSelected(true);
    }
    const QString now = models.isEmpty()
                            ? tr("%1 has no models yet: download one below.").arg(server()->name())
                            : m_afterRefresh;
    if (now.isEmpty())
        m_status->clear(); // no longer asking
    else
        say(now);
    m_afterRefresh.clear();
    updateButtons();
}

void InstalledModels::showLoaded(const QList<ModelInfo>& loaded)
{
    const QDateTime now = QDateTime::currentDateTime();
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_table->topLevelItem(i);
        item->setText(Loaded, {});
        for (const ModelInfo& l : loaded) {
            if (l.name == item->text(Name))
                item->setText(Loaded, loadedFor(l, now));
        }
    }
}

QString InstalledModels::loadedFor(const ModelInfo& loaded, const QDateTime& now)
{
    // /api/ps: size is all it takes in memory, size_vram the part on the GPU (0 on the CPU).
    QString memory = formatBytes(loaded.sizeBytes >= 0 ? loaded.sizeBytes : loaded.sizeVram);
    if (loaded.sizeVram > 0 && loaded.sizeBytes > loaded.sizeVram)
        memory = tr("%1 (%2 on the GPU)").arg(memory, formatBytes(loaded.sizeVram));
    if (!loaded.expiresAt.isValid() || now.daysTo(loaded.expiresAt) > 30)
        return tr("%1 in memory").arg(memory); // kept until Ollama stops
    if (now.secsTo(loaded.expiresAt) <= 0)
        return tr("%1 in memory, unloading").arg(memory);
    // A time, not a countdown: it stays true while the page is open.
    const QDateTime until = loaded.expiresAt.toLocalTime();
    QString when = shortdate::time(until.time());
    if (until.date() != now.date())
        when = shortdate::day(until.date(), now.date()) + QLatin1Char(' ') + when;
    return tr("%1 in memory until %2").arg(memory, when);
}

QString InstalledModels::detailsText(const QString& model, const QJsonObject& show)
{
    const QJsonObject details = show.value(QLatin1String("details")).toObject();
    QStringList lines{model};
    const auto add = [&](const QString& label, const QString& value) {
        if (!value.isEmpty())
            lines << label.arg(value);
    };
    add(tr("Family: %1"), details.value(QLatin1String("family")).toString());
    add(tr("Parameters: %1"), details.value(QLatin1String("parameter_size")).toString());
    add(tr("Quantisation: %1"), details.value(QLatin1String("quantization_level")).toString());
    add(tr("Format: %1"), details.value(QLatin1String("format")).toString());
    const QJsonObject info = show.value(QLatin1String("model_info")).toObject();
    for (auto it = info.begin(); it != info.end(); ++it) {
        if (it.key().endsWith(QLatin1String(".context_length")))
            add(tr("Context length: %1 tokens"), QString::number(it.value().toInteger()));
    }
    QStringList capabilities;
    for (const QJsonValue c : show.value(QLatin1String("capabilities")).toArray())
        capabilities << c.toString();
    add(tr("Can do: %1"), capabilities.join(QStringLiteral(", ")));
    add(tr("Parameters set in the model:\n%1"),
        show.value(QLatin1String("parameters")).toString().trimmed());
    add(tr("License: %1"),
        show.value(QLatin1String("license")).toString().section(QLatin1Char('\n'), 0, 0));
    return lines.join(QLatin1Char('\n'));
}

void InstalledModels::showDetails()
{
    OllamaBackend* ollama = server();
    const QString model = selected();
    if (!ollama || model.isEmpty())
        return;
    m_status->setText(tr("Asking %1 about %2…").arg(ollama->name(), model));
    QPointer<InstalledModels> self(this);
    ollama->show(model, [self, model](Result<QJsonObject> show) {
        if (!self)
            return;
        if (!show)
            return self->say(show.errorMessage());
        self->m_status->clear();
        if (self->m_detailsBox)
            self->m_detailsBox->close(); // one box at a time: the newest
        // Opened, not run: no loop of its own inside the network's callback.
        auto* box = new QMessageBox(QMessageBox::Information, tr("Model details"),
                                    detailsText(model, *show), QMessageBox::Close, self);
        box->setObjectName(QStringLiteral("modelDetailsBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextFormat(Qt::PlainText);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        self->m_detailsBox = box;
        box->open();
    });
}

void InstalledModels::deleteSelected()
{
    OllamaBackend* ollama = server();
    const QString model = selected();
    if (!ollama || model.isEmpty())
        return;
    const QString size = m_table->selectedItems().first()->text(Size);
    const QString serverName = ollama->name();
    auto* ask = new QMessageBox(
        QMessageBox::Question, tr("Delete model"),
        tr("Delete %1 from %2? It frees %3; using it again means downloading it again.")
            .arg(model, serverName, size.isEmpty() ? tr("its space") : size),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("deleteModelBox"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setTextFormat(Qt::PlainText);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->button(QMessageBox::Yes)->setText(tr("Delete"));
    connect(ask, &QMessageBox::finished, this, [this, model, serverName](int answer) {
        // The servers may have changed while the box was open: the one named, if still there.
        OllamaBackend* server = this->server();
        if (answer != QMessageBox::Yes || !server || server->name() != serverName)
            return;
        m_status->setText(tr("Deleting %1…").arg(model));
        QPointer<InstalledModels> self(this);
        server->deleteModel(model, [self, model](Result<bool> done) {
            if (!self)
                return;
            if (!done)
                return self->say(done.errorMessage());
            self->m_afterRefresh = tr("Deleted %1.").arg(model);
            self->refresh();
            Q_EMIT self->modelsChanged();
        });
    });
    ask->open();
}

} // namespace lyss
