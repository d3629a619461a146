// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lyss {

class FilterRegistry;

// Settings › Filters (admins): every filter in the order it runs, with its source, hooks,
// priority and state (on, off, cannot run and why); turning one on or off; its valves in a
// form made from its schema (text, number, whole number, yes/no, a choice, a list), with the
// schema's descriptions as help; reading the folder again.
class FiltersPage : public QWidget {
    Q_OBJECT

public:
    explicit FiltersPage(FilterRegistry& registry, QWidget* parent = nullptr);

    // The actions behind the buttons, for them and for tests.
    bool setEnabled(const QString& id, bool on);
    void select(const QString& id);
    // Saves what the valves form holds for the filter shown.
    bool saveValves();
    QStringList ids() const;
    QString lastMessage() const;
    // The form's editor for a valve of the filter shown (null when there is none).
    QWidget* valveEditor(const QString& key) const;

Q_SIGNALS:
    void said(const QString& text);

private:
    void reload();
    void showDetails();
    QString selectedId() const;
    void say(const QString& text);

    FilterRegistry& m_registry;
    QTableWidget* m_table = nullptr;
    QLabel* m_details = nullptr;
    QFormLayout* m_valves = nullptr;
    QWidget* m_valvesBox = nullptr;
    QPushButton* m_toggle = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_result = nullptr;
    QString m_shown;
    QJsonObject m_schema; // of the valves shown
    QHash<QString, QWidget*> m_editors;
};

} // namespace lyss
