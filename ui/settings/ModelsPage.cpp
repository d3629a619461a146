// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ModelsPage.h"
#include "common/PlainText.h"
#include "settings/PageStyle.h"

#include "backends/BackendSet.h"
#include "backends/OllamaBackend.h"

#include "backends/ModelInfo.h"
#include "settings/InstalledModels.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace lyss {

ModelsPage::ModelsPage(BackendSet& backends, QWidget* parent, bool installed)
    : QWidget(parent)
    , m_backends(backends)
{
    auto* v = new QVBoxLayout(this);
    if (installed) {
        m_installed = new InstalledModels(backends, this);
        v->addWidget(m_installed, 1);
        connect(m_installed, &InstalledModels::said, this, &ModelsPage::said);
        connect(m_installed, &InstalledModels::modelsChanged, this, &ModelsPage::modelsChanged);
    }
    m_about = new QLabel(this);
    if (installed) { // in Settings, a section of its own; on the welcome page, the offer
        v->addSpacing(pagestyle::kSection - pagestyle::kSpace);
        m_heading = pagestyle::heading(QString(), this);
        v->addWidget(m_heading);
        makeMuted(m_about);
    }
    v->addWidget(m_about);
    auto* row = new QHBoxLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("pullName"));
    auto* button = m_pullButton = new QPushButton(this);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelPull"));
    m_cancelButton->setEnabled(false);
    retranslate();
    row->addWidget(m_name, 1);
    row->addWidget(button);
    row->addWidget(m_cancelButton);
    v->addLayout(row);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("pullProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    v->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("pullResult"));
    m_result->setWordWrap(true);
    makePlain(m_result);
    v->addWidget(m_result);
    if (!installed)
        v->addStretch(1);
    connect(m_cancelButton, &QPushButton::clicked, this, &ModelsPage::cancel);
    connect(button, &QPushButton::clicked, this, [this] { pull(m_name->text().trimmed()); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { pull(m_name->text().trimmed()); });
}

void ModelsPage::say(const QString& text)
{
    m_result->setText(text);
    Q_EMIT said(text);
}

void ModelsPage::retranslate()
{
    m_about->setText(tr("Download a model into Ollama, for example llama3.2 or qwen3:8b:"));
    if (m_heading)
        m_heading->setText(tr("Download a model"));
    m_name->setAccessibleName(tr("Model to download"));
    m_pullButton->setText(tr("Pull"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the download"));
}

void ModelsPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) // it lives on the first-start page too
        retranslate();
}

void ModelsPage::suggest(const QString& model)
{
    m_name->setText(model);
}

void ModelsPage::pull(const QString& model)
{
    if (model.isEmpty())
        return say(tr("Type the name of a model first."));
    // The server chosen above, else the first Ollama.
    OllamaBackend* ollama = m_installed ? m_installed->server() : nullptr;
    for (Backend* b : m_backends.backends()) {
        if (!ollama)
            ollama = qobject_cast<OllamaBackend*>(b);
    }
    if (!ollama)
        return say(tr("No Ollama server is configured."));
    if (m_pulling)
        return say(tr("A download is under way; cancel it first."));
    PullOperation* op = m_pulling = ollama->pull(model);
    ++m_working;
    m_pullButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setValue(0);
    // The speed over the last second or so, from the bytes of the layer being pulled.
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    struct Sample {
        QString layer; // the status names the layer ("pulling 6a0746a1ec1a")
        qint64 bytes = -1;
        qint64 atMs = 0;
        double speed = 0;
    };
    auto last = std::make_shared<Sample>();
    connect(op, &PullOperation::progress, this,
            [this, clock, last](const QString& status, qint64 done, qint64 total) {
                if (total <= 0 || done < 0)
                    return say(status);
                m_progress->setValue(static_cast<int>(1000.0 * double(done) / double(total)));
                const qint64 now = clock->elapsed();
                if (status != last->layer || done < last->bytes) {
                    *last = {status, done, now, 0}; // a new layer: its own speed
                } else if (now - last->atMs >= 500) {
                    last->speed = double(done - last->bytes) * 1000.0 / double(now - last->atMs);
                    last->bytes = done;
                    last->atMs = now;
                }
                say(tr("%1: %2").arg(status, progressText(done, total, last->speed)));
            });
    // Its server removed (the servers were changed): the download is gone with it.
    connect(op, &QObject::destroyed, this, [this] {
        if (m_working > 0 && !m_pulling) {
            m_progress->setValue(0);
            say(tr("The download stopped: its server was changed or removed. Pull it again to "
                   "go on where it stopped."));
            downloadEnded();
        }
    });
    connect(op, &PullOperation::finished, this, [this, op, model] {
        if (op->succeeded()) {
            m_progress->setValue(1000);
            say(tr("Downloaded %1.").arg(model));
            Q_EMIT modelsChanged();
            if (m_installed)
                m_installed->refresh();
        } else if (!op->cancelled()) {
            say(op->errorText());
        } else {
            m_progress->setValue(0);
            say(tr("Download of %1 cancelled; what was downloaded so far is kept by Ollama "
                   "and used when you pull it again.")
                    .arg(model));
        }
        m_pulling = nullptr;
        op->deleteLater();
        downloadEnded();
    });
}

void ModelsPage::downloadEnded()
{
    m_pullButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_working = 0;
    Q_EMIT finishedWork();
}

ModelsPage::~ModelsPage()
{
    if (m_pulling) {
        disconnect(m_pulling, nullptr, this, nullptr);
        m_pulling->cancel();
        m_pulling->deleteLater();
    }
}

void ModelsPage::cancel()
{
    if (m_pulling)
        m_pulling->cancel();
}

QString ModelsPage::progressText(qint64 done, qint64 total, double bytesPerSecond)
{
    QString text = tr("%1 of %2").arg(formatBytes(done), formatBytes(total));
    if (bytesPerSecond > 0)
        text += tr(", %1/s").arg(formatBytes(qint64(bytesPerSecond)));
    return text;
}

} // namespace lyss
