// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/FiltersPage.h"
#include "common/PlainText.h"

#include "filters/FilterRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace lyss {

namespace {
QString stateOf(const FilterRegistry::Entry& e)
{
    if (!e.problem.isEmpty())
        return e.enabled ? FiltersPage::tr("on, failing: %1").arg(e.problem)
                         : FiltersPage::tr("cannot run: %1").arg(e.problem);
    if (!e.enabled)
        return FiltersPage::tr("off");
    return e.info.toggle ? FiltersPage::tr("on, where a chat switches it on")
                         : FiltersPage::tr("on");
}

} // namespace

FiltersPage::FiltersPage(FilterRegistry& registry, QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("filtersPage"));
    auto* v = new QVBoxLayout(this);
    auto* trust = new QLabel(tr("A filter reads every request and reply it applies to. One found "
                                "in %1 is off, and not run at all, until you turn it on.")
                                 .arg(registry.folder()),
                             this);
    trust->setWordWrap(true);
    makePlain(trust);
    v->addWidget(trust);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("filterTable"));
    m_table->setAccessibleName(tr("Filters"));
    m_table->setHorizontalHeaderLabels({tr("Filter"), tr("Hooks"), tr("Priority"), tr("State")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    v->addWidget(m_table, 1);
    auto* row = new QHBoxLayout;
    m_toggle = new QPushButton(tr("Turn &on"), this);
    m_toggle->setObjectName(QStringLiteral("toggleFilter"));
    auto* reread = new QPushButton(tr("&Read the folder again"), this);
    row->addWidget(m_toggle);
    row->addWidget(reread);
    row->addStretch(1);
    v->addLayout(row);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    makePlain(m_details); // what a filter says of itself
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_details);
    auto* box = new QGroupBox(tr("Valves"), this);
    m_valvesBox = box;
    auto* boxLayout = new QVBoxLayout(box);
    m_valves = new QFormLayout;
    boxLayout->addLayout(m_valves);
    m_save = new QPushButton(tr("&Save valves"), box);
    m_save->setObjectName(QStringLiteral("saveValves"));
    boxLayout->addWidget(m_save, 0, Qt::AlignRight);
    v->addWidget(box);
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
    connect(m_save, &QPushButton::clicked, this, &FiltersPage::saveValves);
    connect(&m_registry, &FilterRegistry::changed, this, &FiltersPage::reload);
    reload();
}

void FiltersPage::reload()
{
    const QString keep = selectedId().isEmpty() ? m_shown : selectedId();
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(0);
    for (const FilterRegistry::Entry& e : m_registry.list()) {
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
        m_table->setItem(r, 3, new QTableWidgetItem(stateOf(e)));
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
    // The form is made again only for another filter or another schema.
    const QJsonObject schema = e ? e->info.valves : QJsonObject();
    if (e && e->id == m_shown && schema == m_schema)
        return;
    m_shown = e ? e->id : QString();
    m_schema = schema;
    while (m_valves->rowCount() > 0)
        m_valves->removeRow(0);
    m_editors.clear();
    if (!e) {
        m_details->clear();
        m_valvesBox->hide();
        return;
    }
    QStringList lines;
    if (!e->info.description.isEmpty())
        lines << e->info.description;
    lines << tr("From: %1").arg(e->info.source);
    if (!e->info.version.isEmpty())
        lines << tr("Version %1").arg(e->info.version);
    m_details->setText(lines.join(QLatin1Char('\n')));
    const QJsonObject values = m_registry.valves(e->id);
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject spec = it->toObject();
        const QString type = spec.value(QLatin1String("type")).toString();
        const QJsonValue value = values.value(it.key());
        QWidget* editor = nullptr;
        if (const QJsonArray choices = spec.value(QLatin1String("enum")).toArray();
            !choices.isEmpty()) {
            auto* box = new QComboBox(this);
            for (const QJsonValue& c : choices)
                box->addItem(c.toVariant().toString(), c.toVariant());
            box->setCurrentIndex(box->findData(value.toVariant()));
            editor = box;
        } else if (type == QLatin1String("boolean")) {
            auto* check = new QCheckBox(this);
            check->setChecked(value.toBool());
            editor = check;
        } else if (type == QLatin1String("integer")) {
            auto* spin = new QSpinBox(this);
            spin->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
            spin->setValue(value.toInt());
            editor = spin;
        } else if (type == QLatin1String("number")) {
            auto* spin = new QDoubleSpinBox(this);
            spin->setRange(-1e12, 1e12);
            spin->setDecimals(4);
            spin->setValue(value.toDouble());
            editor = spin;
        } else if (type == QLatin1String("array")) {
            auto* line = new QLineEdit(this);
            QStringList items;
            for (const QJsonValue& item : value.toArray())
                items << item.toString();
            line->setText(items.join(QStringLiteral(", ")));
            line->setPlaceholderText(tr("separated by commas"));
            editor = line;
        } else {
            auto* line = new QLineEdit(this);
            line->setText(value.isString()
                              ? value.toString()
                              : QString::fromUtf8(
                                    QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                                    .mid(1)
                                    .chopped(1));
            editor = line;
        }
        editor->setObjectName(QStringLiteral("valve_%1").arg(it.key()));
        const QString help = spec.value(QLatin1String("description")).toString();
        editor->setToolTip(plainToolTip(help));
        editor->setAccessibleDescription(help);
        const QString title = spec.value(QLatin1String("title")).toString(it.key());
        m_valves->addRow(title, editor);
        m_editors.insert(it.key(), editor);
    }
    m_valvesBox->setVisible(!m_editors.isEmpty());
}

QWidget* FiltersPage::valveEditor(const QString& key) const
{
    return m_editors.value(key);
}

bool FiltersPage::setEnabled(const QString& id, bool on)
{
    if (Status st = m_registry.setEnabled(id, on); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    say(on ? tr("%1 is on: it runs on every reply from now on.").arg(id)
           : tr("%1 is off.").arg(id));
    reload();
    return true;
}

bool FiltersPage::saveValves()
{
    if (m_shown.isEmpty())
        return false;
    const QJsonObject properties = m_schema.value(QLatin1String("properties")).toObject();
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const QString type =
            properties.value(it.key()).toObject().value(QLatin1String("type")).toString();
        QJsonValue value;
        if (auto* box = qobject_cast<QComboBox*>(*it))
            value = QJsonValue::fromVariant(box->currentData());
        else if (auto* check = qobject_cast<QCheckBox*>(*it))
            value = check->isChecked();
        else if (auto* spin = qobject_cast<QSpinBox*>(*it))
            value = spin->value();
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(*it))
            value = real->value();
        else if (auto* line = qobject_cast<QLineEdit*>(*it)) {
            if (type == QLatin1String("array")) {
                QJsonArray items;
                for (const QString& item : line->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                    if (!item.trimmed().isEmpty())
                        items.append(item.trimmed());
                value = items;
            } else {
                value = line->text();
            }
        }
        if (Status st = m_registry.setValve(m_shown, it.key(), value); !st.ok()) {
            say(st.errorMessage());
            return false;
        }
    }
    say(tr("The valves of %1 are saved.").arg(m_shown));
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
