// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/DataPage.h"

#include "common/PlainText.h"
#include "settings/ChatImport.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

DataPage::DataPage(AppContext& app, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
{
    auto* v = new QVBoxLayout(this);
    auto* about = new QLabel(
        tr("Bring your chats in from Open WebUI (Settings › Data › Export Chats, a "
           "chat-export-….json file) or ChatGPT (conversations.json from its data export). "
           "Branches, models, times, titles and tags come across. A broken file imports "
           "nothing; chats imported before are skipped. You can also drop the file on the "
           "window."),
        this);
    about->setWordWrap(true);
    v->addWidget(about);
    auto* button = new QPushButton(tr("Import chats…"), this);
    button->setObjectName(QStringLiteral("importChats"));
    connect(button, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import chats"), QString(), tr("Chat exports (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    v->addWidget(button, 0, Qt::AlignLeft);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();
    v->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    makePlain(m_result); // the report quotes the file
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_result);
    v->addStretch(1);
}

bool DataPage::importFile(const QString& path)
{
    ChatImport import(m_app);
    m_progress->setRange(0, 0);
    m_progress->show();
    connect(&import, &ChatImport::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        // The bar moves while the chats are written (one transaction, on this thread).
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
    const Result<QString> report = import.run(path);
    m_progress->hide();
    const QString text = report ? *report : report.errorMessage();
    m_result->setText(text);
    Q_EMIT said(text);
    if (report)
        Q_EMIT chatsImported();
    return report.ok();
}

} // namespace lyss
