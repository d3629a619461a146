// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lyss {

class ConfigRepository;
class FilterRegistry;
class ValvesForm;

// Settings › Filters. For an admin: every filter in the order it runs, with its source,
// hooks, priority, models and state (on, off, cannot run and why); turning one on or off;
// the models it applies to and, for a toggle, those whose new chats start with it on; its
// valves in a form made from its schema; reading the folder again. For everyone: their own
// valves (a filter's user valves) of the filters that are on.
class FiltersPage : public QWidget {
    Q_OBJECT

public:
    // `personal`: the person's own settings, where their user valves are kept.
    FiltersPage(FilterRegistry& registry, ConfigRepository& personal, bool admin,
                QWidget* parent = nullptr);

    // The actions behind the buttons, for them and for tests.
    bool setEnabled(const QString& id, bool on);
    void select(const QString& id);
    bool saveValves();
    bool saveUserValves();
    bool saveModels();
    QStringList ids() const;
    QString lastMessage() const;
    // The forms' editors for the filter shown (null when there is none).
    QWidget* valveEditor(const QString& key) const;
    QWidget* userValveEditor(const QString& key) const;
    QLineEdit* modelsEdit() const { return m_models; }
    QLineEdit* preselectedEdit() const { return m_preselected; }

Q_SIGNALS:
    void said(const QString& text);

private:
    void reload();
    void showDetails();
    QString selectedId() const;
    void say(const QString& text);

    FilterRegistry& m_registry;
    ConfigRepository& m_personal;
    const bool m_admin;
    QTableWidget* m_table = nullptr;
    QLabel* m_servers = nullptr; // Pipelines servers that could not be asked
    QLabel* m_details = nullptr;
    QPushButton* m_toggle = nullptr;
    QGroupBox* m_whereBox = nullptr;
    QLineEdit* m_models = nullptr;
    QLineEdit* m_preselected = nullptr;
    QLabel* m_preselectedLabel = nullptr;
    QGroupBox* m_valvesBox = nullptr;
    ValvesForm* m_valves = nullptr;
    QGroupBox* m_userBox = nullptr;
    ValvesForm* m_userValves = nullptr;
    QLabel* m_result = nullptr;
    QString m_shown;
};

} // namespace lyss
