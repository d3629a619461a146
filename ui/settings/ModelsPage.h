// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lyss {

class BackendSet;
class InstalledModels;
class PullOperation;

// Settings › Models: the models each Ollama server has (InstalledModels, when `installed`),
// and downloading one, with its size, speed and a Cancel. The first-start page shows the
// download alone.
class ModelsPage : public QWidget {
    Q_OBJECT

public:
    explicit ModelsPage(BackendSet& backends, QWidget* parent = nullptr, bool installed = false);
    // A download under way stops: nothing would show its progress any more.
    ~ModelsPage() override;

    // Starts downloading `model` (the Pull button); what happens is said.
    void pull(const QString& model);
    // Puts a model's name in the field, ready to download.
    void suggest(const QString& model);
    // A download is under way.
    bool busy() const { return m_working > 0; }
    // Stops the download under way (the Cancel button).
    void cancel();
    // "1.2 GB of 2.0 GB, 35 MB/s": a download's progress in words.
    static QString progressText(qint64 done, qint64 total, double bytesPerSecond);

Q_SIGNALS:
    void said(const QString& text);
    void modelsChanged(); // a download finished
    void finishedWork();  // a download has an answer

protected:
    void changeEvent(QEvent* event) override;

private:
    void say(const QString& text);
    void retranslate();
    // The download ended (finished, failed, cancelled or its server gone).
    void downloadEnded();

    BackendSet& m_backends;
    QLabel* m_about = nullptr;
    QLabel* m_heading = nullptr; // in Settings only
    QPushButton* m_pullButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    InstalledModels* m_installed = nullptr;
    // The download under way; it goes with its server when the servers are rebuilt.
    QPointer<PullOperation> m_pulling;
    QLineEdit* m_name = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    int m_working = 0;
};

} // namespace lyss
