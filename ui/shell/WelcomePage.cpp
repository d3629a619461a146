// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/WelcomePage.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyState"));
    auto* v = new QVBoxLayout(this);
    v->addStretch(1);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setWeight(QFont::DemiBold);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, this, &WelcomePage::retryRequested);
    v->addWidget(m_title);
    v->addWidget(m_text);
    v->addWidget(m_retry, 0, Qt::AlignHCenter);
    v->addStretch(2);
    retranslate();
}

void WelcomePage::showNoServer(const QStringList& details)
{
    m_shown = Shown::NoServer;
    m_details = details;
    retranslate();
}

void WelcomePage::showWelcome(bool noModels)
{
    m_shown = noModels ? Shown::NoModels : Shown::Welcome;
    retranslate();
}

void WelcomePage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void WelcomePage::retranslate()
{
    m_title->setText(tr("Lyss"));
    m_retry->setText(tr("Retry"));
    // Retry is for a server that does not answer, or has no models yet; not for a welcome.
    m_retry->setVisible(m_shown != Shown::Welcome);
    switch (m_shown) {
    case Shown::NoServer: {
        // Rich text of our own; the servers' lines are escaped into it.
        QStringList lines;
        for (const QString& detail : m_details)
            lines << detail.toHtmlEscaped();
        m_text->setText(
            tr("<p>No model server answers.</p><p>%1</p><p>Start Ollama (<code>ollama "
               "serve</code>) at "
               "the address above, or add another server with <code>lyss-cli backends add</code>, "
               "then press Retry.</p>")
                .arg(lines.join(QStringLiteral("<br>"))));
        break;
    }
    case Shown::NoModels:
        m_text->setText(
            tr("No models yet. Download one with <code>lyss-cli pull llama3.2</code>."));
        break;
    case Shown::Welcome:
        m_text->setText(tr("Ask anything. Your chats stay on this computer."));
        break;
    }
}

} // namespace lyss
