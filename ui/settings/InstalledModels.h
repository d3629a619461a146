// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/ModelInfo.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace lyss {

class BackendSet;
class OllamaBackend;

// Settings › Models, above the download: the models an Ollama server has (name, size,
// family, parameters, quantisation, modified), which of them are loaded now and for how
// long, each one's details, and deleting one (asked first). With several Ollama servers,
// a list chooses which.
class InstalledModels : public QWidget {
    Q_OBJECT

public:
    explicit InstalledModels(BackendSet& backends, QWidget* parent = nullptr);

    // Asks the chosen server again for its models and what is loaded.
    void refresh();
    // The details of the selected model, in a box (the Details button).
    void showDetails();
    // Deletes the selected model once the person says yes (the Delete button).
    void deleteSelected();

    // The server chosen in the list (null when there is none).
    OllamaBackend* server() const;

    // A loaded model's memory and until when it stays loaded, in words, seen at `now`.
    static QString loadedFor(const ModelInfo& loaded, const QDateTime& now);
    // A model's details as text, from Ollama's /api/show answer.
    static QString detailsText(const QString& model, const QJsonObject& show);

Q_SIGNALS:
    void said(const QString& text);
    void modelsChanged(); // one was deleted

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QString selected() const;
    void fillServers();
    void showModels(const QList<ModelInfo>& models);
    void showLoaded(const QList<ModelInfo>& loaded);
    void say(const QString& text);
    void retranslate();
    void updateButtons();

    BackendSet& m_backends;
    QLabel* m_serverLabel;
    QComboBox* m_servers;
    QTreeWidget* m_table;
    QPushButton* m_refresh;
    QPushButton* m_details;
    QPushButton* m_delete;
    QLabel* m_status;
    QString m_afterRefresh; // said once the list is back (what was just done)
    QPointer<QMessageBox> m_detailsBox;
    bool m_asked = false; // the server was asked for its models since the page was built
};

} // namespace lyss
