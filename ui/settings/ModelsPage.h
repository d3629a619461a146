// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lyss {

class BackendSet;

// Settings › Models: downloading a model into Ollama, with its progress.
class ModelsPage : public QWidget {
    Q_OBJECT

public:
    explicit ModelsPage(BackendSet& backends, QWidget* parent = nullptr);

    // Starts downloading `model` (the Pull button); what happens is said.
    void pull(const QString& model);
    // Puts a model's name in the field, ready to download.
    void suggest(const QString& model);
    // A download is under way.
    bool busy() const { return m_working > 0; }

Q_SIGNALS:
    void said(const QString& text);
    void modelsChanged(); // a download finished
    void finishedWork();  // a download has an answer

protected:
    void changeEvent(QEvent* event) override;

private:
    void say(const QString& text);
    void retranslate();

    BackendSet& m_backends;
    QLabel* m_about = nullptr;
    QPushButton* m_pullButton = nullptr;
    QLineEdit* m_name = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    int m_working = 0;
};

} // namespace lyss
