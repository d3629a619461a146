// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/FiltersPage.h"
#include "common/PlainText.h"
#include "settings/ValvesForm.h"

#include "filters/FilterRegistry.h"
#include "filters/PipelineFilter.h"
#include "filters/PipelinesSource.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lyss {

namespace {
QString stateOf(const FilterRegistry::Entry& e)
{
    if (!e.problem.isEmpty())
        return e.enabled ? FiltersPage::tr("on, failing: %1").arg(e.problem)
                         : FiltersPage::tr("cannot run: %1").arg(e.problem);
    if (!e.enabled)
        return FiltersPage::tr("off");
    if (e.fromPipelines)
        return FiltersPage::tr("on, on the Pipelines server");
    return e.info.toggle ? FiltersPage::tr("on, where a chat switches it on")
                         : FiltersPage::tr("on");
}

QStringList namesIn(const QString& text)
{
    QStringList out;
    for (const QString& name : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            out << name.trimmed();
    return out;
}

// A group with a form and its save button under it, right-aligned.
QGroupBox* savedGroup(const QString& title, QWidget* form, QPushButton* save, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* v = new QVBoxLayout(box);
    v->addWidget(form);
    v->addWidget(save, 0, Qt::AlignRight);
    return box;
}
} // namespace

FiltersPage::FiltersPage(FilterRegistry& registry, ConfigRepository& personal, bool admin,
                         QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_personal(personal)
    , m_admin(admin)
{
    setObjectName(QStringLiteral("filtersPage"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(
        admin ? tr("A filter reads every request and reply it applies to. One found in %1 is "
                   "off, and not run at all, until you turn it on.")
                    .arg(registry.folder())
              : tr("An admin chooses which filters run. Here you set your own valves of those "
                   "that have some; toggle filters are switched on per chat, over the message "
                   "box."),
        this);
    intro->setWordWrap(true);
    makeMuted(intro); // as the pages' notes
    makePlain(intro);
    v->addWidget(intro);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("filterTable"));
    m_table->setAccessibleName(tr("Filters"));
    m_table->setHorizontalHeaderLabels(
        {tr("Filter"), tr("Hooks"), tr("Priority"), tr("Models"), tr("State")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    v->addWidget(m_table, 1);
    m_servers = new QLabel(this);
    m_servers->setObjectName(QStringLiteral("pipelinesProblems"));
    m_servers->setWordWrap(true);
    makePlain(m_servers); // a server's words
    v->addWidget(m_servers);
    auto* row = new QHBoxLayout;
    m_toggle = new QPushButton(tr("Turn &on"), this);
    m_toggle->setObjectName(QStringLiteral("toggleFilter"));
    auto* reread = new QPushButton(tr("&Read the folder again"), this);
    row->addWidget(m_toggle);
    row->addWidget(reread);
    row->addStretch(1);
    v->addLayout(row);
    m_toggle->setVisible(admin);
    reread->setVisible(admin);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    makePlain(m_details); // what a filter says of itself
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_details);

    // Where it runs (admin).
    auto* where = new QWidget(this);
    auto* whereForm = new QFormLayout(where);
    whereForm->setContentsMargins(0, 0, 0, 0);
    m_models = new QLineEdit(where);
    m_models->setObjectName(QStringLiteral("filterModels"));
    m_models->setPlaceholderText(tr("every model"));
    m_models->setToolTip(tr("Model names separated by commas. A name without a tag (llama3.2) "
                            "takes every tag (llama3.2:latest, llama3.2:1b)."));
    whereForm->addRow(tr("&Models"), m_models);
    m_preselected = new QLineEdit(where);
    m_preselected->setObjectName(QStringLiteral("filterPreselected"));
    m_preselected->setPlaceholderText(tr("none (* for every model)"));
    m_preselected->setToolTip(tr("New chats with these models start with this toggle filter "
                                 "switched on; a chat can still switch it off."));
    m_preselectedLabel = new QLabel(tr("On in new chats &with"), where);
    m_preselectedLabel->setBuddy(m_preselected);
    whereForm->addRow(m_preselectedLabel, m_preselected);
    auto* saveWhere = new QPushButton(tr("Save &models"), this);
    saveWhere->setObjectName(QStringLiteral("saveModels"));
    m_whereBox = savedGroup(tr("Where it runs"), where, saveWhere, this);
    v->addWidget(m_whereBox);

    m_valves = new ValvesForm(this);
    auto* save = new QPushButton(tr("&Save valves"), this);
    save->setObjectName(QStringLiteral("saveValves"));
    m_valvesBox = savedGroup(tr("Valves"), m_valves, save, this);
    v->addWidget(m_valvesBox);

    m_userValves = new ValvesForm(this);
    auto* saveMine = new QPushButton(tr("Save &your valves"), this);
    saveMine->setObjectName(QStringLiteral("saveUserValves"));
    m_userBox = savedGroup(tr("Your own valves"), m_userValves, saveMine, this);
    v->addWidget(m_userBox);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("filtersResult"));
    m_result->setWordWrap(true);
    makePlain(m_result);
    v->addWidget(m_result);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FiltersPage::showDetails);
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        if (const auto e = m_registry.entry(selectedId()))
            setEnabled(e->id, !e->enabled);
    });
    connect(reread, &QPushButton::clicked, &m_registry, &FilterRegistry::reload);
    connect(saveWhere, &QPushButton::clicked, this, &FiltersPage::saveModels);
    connect(save, &QPushButton::clicked, this, &FiltersPage::saveValves);
    connect(saveMine, &QPushButton::clicked, this, &FiltersPage::saveUserValves);
    connect(&m_registry, &FilterRegistry::changed, this, &FiltersPage::reload);
    reload();
}

void FiltersPage::reload()
{
    QStringList problems;
    if (m_admin && m_registry.pipelines()) {
        const auto byServer = m_registry.pipelines()->problems();
        for (auto it = byServer.begin(); it != byServer.end(); ++it)
            problems << tr("The filters of %1, if it is a Pipelines server, are not known: %2")
                            .arg(it.key(), *it);
    }
    m_servers->setText(problems.join(QLatin1Char('\n')));
    m_servers->setVisible(!problems.isEmpty());
    const QString keep = selectedId().isEmpty() ? m_shown : selectedId();
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(0);
    for (const FilterRegistry::Entry& e : m_registry.list()) {
        if (!m_admin && !e.enabled)
            continue; // only what runs is theirs to see
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        // What a filter calls itself is its own text: shown as it is, never as markup.
        auto* name = new QTableWidgetItem(
            e.info.name == e.id ? e.id : QStringLiteral("%1 (%2)").arg(e.info.name, e.id));
        name->setData(Qt::UserRole, e.id);
        m_table->setItem(r, 0, name);
        m_table->setItem(
            r, 1, new QTableWidgetItem(filterHookNames(e.info.hooks).join(QStringLiteral(", "))));
        m_table->setItem(r, 2, new QTableWidgetItem(QString::number(e.info.priority)));
        // A Pipelines filter's models are its server's word (its "pipelines" valve).
        QStringList models = e.models;
        if (const auto* pipeline = qobject_cast<const PipelineFilter*>(e.filter))
            models = pipeline->listed().models.contains(QStringLiteral("*"))
                         ? QStringList()
                         : pipeline->listed().models;
        m_table->setItem(
            r, 3,
            new QTableWidgetItem(models.isEmpty() ? tr("all") : models.join(QStringLiteral(", "))));
        m_table->setItem(r, 4, new QTableWidgetItem(stateOf(e)));
        if (e.id == keep)
            m_table->selectRow(r);
    }
    showDetails();
}

QString FiltersPage::selectedId() const
{
    const QTableWidgetItem* item = m_table->item(m_table->currentRow(), 0);
    return item && item->isSelected() ? item->data(Qt::UserRole).toString() : QString();
}

QStringList FiltersPage::ids() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out << m_table->item(r, 0)->data(Qt::UserRole).toString();
    return out;
}

void FiltersPage::select(const QString& id)
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == id)
            m_table->selectRow(r);
    }
}

void FiltersPage::showDetails()
{
    const auto e = m_registry.entry(selectedId());
    m_toggle->setEnabled(e.has_value());
    m_toggle->setText(e && e->enabled ? tr("Turn &off") : tr("Turn &on"));
    if (!e) {
        m_shown.clear();
        m_details->clear();
        m_whereBox->hide();
        m_valvesBox->hide();
        m_userBox->hide();
        return;
    }
    const bool another = e->id != m_shown;
    m_shown = e->id;
    QStringList lines;
    if (!e->info.description.isEmpty())
        lines << e->info.description;
    lines << tr("From: %1").arg(e->info.source);
    if (!e->info.version.isEmpty())
        lines << tr("Version %1").arg(e->info.version);
    if (e->info.toggle)
        lines << tr("A toggle filter: it runs only in the chats that switch it on.");
    if (const auto* pipeline = qobject_cast<const PipelineFilter*>(e->filter))
        lines << tr("Its server runs it on: %1 (its \"pipelines\" valve). Its valves are kept on "
                    "the server.")
                     .arg(pipeline->listed().models.join(QStringLiteral(", ")));
    m_details->setText(lines.join(QLatin1Char('\n')));
    if (another) {
        m_models->setText(e->models.join(QStringLiteral(", ")));
        m_preselected->setText(e->preselected.join(QStringLiteral(", ")));
    }
    m_preselectedLabel->setVisible(e->info.toggle);
    m_preselected->setVisible(e->info.toggle);
    m_whereBox->setVisible(m_admin && !e->fromPipelines); // theirs: the "pipelines" valve
    if (another) { // a new form for another filter, even with the same schema
        m_valves->forget();
        m_userValves->forget();
    }
    m_valves->show(e->info.valves, m_registry.valves(e->id));
    m_valvesBox->setVisible(m_admin && !m_valves->isEmpty());
    m_userValves->show(e->info.userValves, m_registry.userValves(e->id, m_personal));
    m_userBox->setVisible(!m_userValves->isEmpty());
}

QWidget* FiltersPage::valveEditor(const QString& key) const
{
    return m_valves->editor(key);
}

QWidget* FiltersPage::userValveEditor(const QString& key) const
{
    return m_userValves->editor(key);
}

bool FiltersPage::setEnabled(const QString& id, bool on)
{
    if (Status st = m_registry.setEnabled(id, on); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    say(on ? tr("%1 is on: from now on it runs on the replies it applies to.").arg(id)
           : tr("%1 is off.").arg(id));
    reload();
    return true;
}

bool FiltersPage::saveModels()
{
    if (m_shown.isEmpty())
        return false;
    const auto e = m_registry.entry(m_shown);
    Status st = m_registry.setModels(m_shown, namesIn(m_models->text()));
    if (st.ok() && e && e->info.toggle)
        st = m_registry.setPreselected(m_shown, namesIn(m_preselected->text()));
    if (!st.ok()) {
        say(st.errorMessage());
        return false;
    }
    say(tr("Where %1 runs is saved.").arg(m_shown));
    return true;
}

bool FiltersPage::saveValves()
{
    if (m_shown.isEmpty())
        return false;
    const QString id = m_shown;
    const bool remote = m_registry.entry(id) && m_registry.entry(id)->fromPipelines;
    if (remote)
        say(tr("Sending the valves of %1 to its server…").arg(id));
    const Status st = m_registry.setValves(
        id, m_valves->changedValues(),
        [this, id, alive = QPointer<FiltersPage>(this)](Status saved) {
            if (!alive)
                return;
            say(saved.ok()
                    ? tr("The valves of %1 are saved.").arg(id)
                    : tr("The valves of %1 were not saved: %2").arg(id, saved.errorMessage()));
        });
    if (!st.ok()) {
        say(st.errorMessage());
        return false;
    }
    return true;
}

bool FiltersPage::saveUserValves()
{
    if (m_shown.isEmpty())
        return false;
    const QJsonObject values = m_userValves->changedValues();
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (Status st = m_registry.setUserValve(m_shown, it.key(), *it, m_personal); !st.ok()) {
            say(st.errorMessage());
            return false;
        }
    }
    say(tr("Your valves of %1 are saved.").arg(m_shown));
    return true;
}

QString FiltersPage::lastMessage() const
{
    return m_result->text();
}

void FiltersPage::say(const QString& text)
{
    m_result->setText(text);
    Q_EMIT said(text);
}

} // namespace lyss
