// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ModelsPage.h"
#include "common/PlainText.h"

#include "backends/BackendSet.h"
#include "backends/OllamaBackend.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

ModelsPage::ModelsPage(BackendSet& backends, QWidget* parent)
    : QWidget(parent)
    , m_backends(backends)
{
    auto* v = new QVBoxLayout(this);
    m_about = new QLabel(this);
    v->addWidget(m_about);
    auto* row = new QHBoxLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("pullName"));
    auto* button = m_pullButton = new QPushButton(this);
    retranslate();
    row->addWidget(m_name, 1);
    row->addWidget(button);
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
    v->addStretch(1);
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
    m_name->setAccessibleName(tr("Model to download"));
    m_pullButton->setText(tr("Pull"));
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
    OllamaBackend* ollama = nullptr;
    for (Backend* b : m_backends.backends()) {
        if ((ollama = qobject_cast<OllamaBackend*>(b)))
            break;
    }
    if (!ollama)
        return say(tr("No Ollama server is configured."));
    PullOperation* op = ollama->pull(model);
    ++m_working;
    m_progress->setValue(0);
    connect(op, &PullOperation::progress, this,
            [this](const QString& status, qint64 done, qint64 total) {
                if (total > 0 && done >= 0)
                    m_progress->setValue(static_cast<int>(1000.0 * double(done) / double(total)));
                say(status);
            });
    connect(op, &PullOperation::finished, this, [this, op, model] {
        if (op->succeeded()) {
            m_progress->setValue(1000);
            say(tr("Downloaded %1.").arg(model));
            Q_EMIT modelsChanged();
        } else {
            say(op->errorText());
        }
        op->deleteLater();
        --m_working;
        Q_EMIT finishedWork();
    });
}

} // namespace lyss
