// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QFormLayout;

namespace lyss {

// A filter's valves as a form made from their JSON schema: text, number, whole number,
// yes/no, a choice, a list (separated by commas); each with the schema's title, and its
// description as help.
class ValvesForm : public QWidget {
    Q_OBJECT

public:
    explicit ValvesForm(QWidget* parent = nullptr);

    // Made again only when the schema changed (what is typed meanwhile stays).
    void show(const QJsonObject& schema, const QJsonObject& values);
    // The next show() makes the form again (another filter's values).
    void forget() { m_shown = false; }
    bool isEmpty() const { return m_editors.isEmpty(); }
    // What the form holds, valve by valve, in the schema's types.
    QJsonObject values() const;
    // Only the valves edited since show().
    QJsonObject changedValues() const;
    QWidget* editor(const QString& key) const { return m_editors.value(key); }

private:
    QWidget* editorFor(const QJsonObject& spec, const QJsonValue& value);

    QFormLayout* m_form = nullptr;
    QJsonObject m_schema;
    QJsonObject m_shownAs; // what the form held before any edit
    QHash<QString, QWidget*> m_editors;
    bool m_shown = false;
};

} // namespace lyss
