// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ValvesForm.h"
#include "common/PlainText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <limits>

namespace lyss {

ValvesForm::ValvesForm(QWidget* parent)
    : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
}

QWidget* ValvesForm::editorFor(const QJsonObject& spec, const QJsonValue& value)
{
    const QString type = spec.value(QLatin1String("type")).toString();
    if (const QJsonArray choices = spec.value(QLatin1String("enum")).toArray();
        !choices.isEmpty()) {
        auto* box = new QComboBox(this);
        for (const QJsonValue& c : choices)
            box->addItem(c.toVariant().toString(), c.toVariant());
        box->setCurrentIndex(box->findData(value.toVariant()));
        return box;
    }
    if (type == QLatin1String("boolean")) {
        auto* check = new QCheckBox(this);
        check->setChecked(value.toBool());
        return check;
    }
    if (type == QLatin1String("integer")) {
        auto* spin = new QSpinBox(this);
        spin->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        spin->setValue(value.toInt());
        return spin;
    }
    if (type == QLatin1String("number")) {
        auto* spin = new QDoubleSpinBox(this);
        spin->setRange(-1e12, 1e12);
        spin->setDecimals(4);
        spin->setValue(value.toDouble());
        return spin;
    }
    auto* line = new QLineEdit(this);
    if (type == QLatin1String("array")) {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items << item.toString();
        line->setText(items.join(QStringLiteral(", ")));
        line->setPlaceholderText(tr("separated by commas"));
    } else {
        line->setText(
            value.isString()
                ? value.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1));
    }
    return line;
}

void ValvesForm::show(const QJsonObject& schema, const QJsonObject& values)
{
    if (m_shown && schema == m_schema)
        return;
    m_shown = true;
    m_schema = schema;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject spec = it->toObject();
        QWidget* editor = editorFor(spec, values.value(it.key()));
        editor->setObjectName(QStringLiteral("valve_%1").arg(it.key()));
        // The schema is the filter's own text: help shown as it is, never as markup.
        const QString help = spec.value(QLatin1String("description")).toString();
        editor->setToolTip(plainToolTip(help));
        editor->setAccessibleDescription(help);
        // Its title is the filter's (or a server's) text: a label that never reads markup.
        const QString title = spec.value(QLatin1String("title")).toString(it.key());
        editor->setAccessibleName(title);
        auto* label = new QLabel(this);
        setPlainText(label, title);
        label->setBuddy(editor);
        m_form->addRow(label, editor);
        m_editors.insert(it.key(), editor);
    }
    m_shownAs = this->values(); // before any edit
}

QJsonObject ValvesForm::changedValues() const
{
    // Only what was edited: a value the form cannot show as it is (a null, a number past
    // its range or its decimals, a list of objects) is never sent back altered.
    QJsonObject out;
    const QJsonObject now = values();
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (*it != m_shownAs.value(it.key()))
            out.insert(it.key(), *it);
    }
    return out;
}

QJsonObject ValvesForm::values() const
{
    QJsonObject out;
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
        out.insert(it.key(), value);
    }
    return out;
}

} // namespace lyss
