// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/DataPage.h"

#include "app/AppContext.h"
#include "common/PlainText.h"
#include "io/OpenWebUiFormat.h"
#include "settings/ChatImport.h"
#include "settings/PageStyle.h"
#include "store/ChatStore.h"
#include "util/AtomicFile.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace lyss {

namespace {
// Where a file dialog starts: today's file in the Documents folder.
QString inDocuments(const QString& name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(name.arg(QDate::currentDate().toString(Qt::ISODate)));
}
} // namespace

DataPage::DataPage(AppContext& app, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
{
    auto* v = new QVBoxLayout(this);
    v->addWidget(pagestyle::heading(tr("Import"), this));
    auto* about = pagestyle::note(
        tr("Bring your chats in from Open WebUI (Settings › Data › Export Chats, a "
           "chat-export-….json file) or ChatGPT (conversations.json from its data export). "
           "Branches, models, times, titles and tags come across. A broken file imports "
           "nothing; chats imported before are skipped. You can also drop the file on the "
           "window."),
        this);
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
    auto* outLabel =
        pagestyle::note(tr("Take your chats out, as Open WebUI's export (Open WebUI and "
                           "Lyss import it again with nothing lost), or back up the "
                           "whole database: chats, settings and accounts. Restoring a "
                           "backup keeps the database before it as a copy, and starts "
                           "Lyss again."),
                        this);
    auto* exportButton = new QPushButton(tr("Export chats…"), this);
    exportButton->setObjectName(QStringLiteral("exportChats"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chats"), inDocuments(QStringLiteral("chat-export-%1.json")),
            tr("Chat exports (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    auto* backupButton = new QPushButton(tr("Back up the database…"), this);
    backupButton->setObjectName(QStringLiteral("backUpDatabase"));
    connect(backupButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Back up the database"), inDocuments(QStringLiteral("lyss-backup-%1.db")),
            tr("Lyss databases (*.db)"));
        if (!path.isEmpty())
            backUpTo(path);
    });
    auto* restoreButton = new QPushButton(tr("Restore from a backup…"), this);
    restoreButton->setObjectName(QStringLiteral("restoreDatabase"));
    connect(restoreButton, &QPushButton::clicked, this, [this] {
        if (const QString why = m_restoreGuard ? m_restoreGuard() : QString(); !why.isEmpty()) {
            say(why);
            return;
        }
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Restore from a backup"), inDocuments(QString()),
                                         tr("Lyss databases (*.db);;All files (*)"));
        if (path.isEmpty())
            return;
        if (QMessageBox::question(
                this, tr("Restore from a backup"),
                tr("Replace all chats, settings and accounts with the backup %1? The database "
                   "as it is now is kept as a copy beside it, and Lyss starts again.")
                    .arg(QFileInfo(path).fileName())) != QMessageBox::Yes)
            return;
        restoreFrom(path);
    });
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(exportButton);
    outRow->addWidget(backupButton);
    outRow->addWidget(restoreButton);
    outRow->addStretch(1);
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
    v->addSpacing(pagestyle::kSection - pagestyle::kSpace);
    v->addWidget(pagestyle::heading(tr("Export and back up"), this));
    v->addWidget(outLabel);
    v->addLayout(outRow);
    v->addStretch(1);
}

bool DataPage::importFile(const QString& path)
{
    if (m_importing)
        return false;
    m_importing = true;
    setEnabled(false);
    ChatImport import(m_app);
    m_progress->setRange(0, 0);
    m_progress->show();
    connect(&import, &ChatImport::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        // Only the bar is drawn again: no other event may run inside the import's one
        // transaction (a reply saved there would go with a rollback).
        m_progress->repaint();
    });
    const Result<QString> report = import.run(path);
    m_progress->hide();
    setEnabled(true);
    m_importing = false;
    say(report ? *report : report.errorMessage());
    if (report)
        Q_EMIT chatsImported();
    return report.ok();
}

void DataPage::say(const QString& text)
{
    m_result->setText(text);
    Q_EMIT said(text);
}

bool DataPage::exportTo(const QString& path)
{
    ChatStore& store = m_app.store();
    auto list = store.chats().listChats(true); // archived ones too: it takes everything out
    if (!list) {
        say(list.errorMessage());
        return false;
    }
    QJsonArray json;
    for (const ChatSummary& s : *list) {
        auto branch = store.messages().currentBranch(s.chat.id);
        auto all = branch ? store.messages().allMessages(s.chat.id)
                          : Result<QList<Message>>(branch.error());
        if (!all) {
            say(all.errorMessage());
            return false;
        }
        json.append(OpenWebUiFormat::exportChat(s.chat, *all, *branch));
    }
    if (Status st = AtomicFile::write(path, QJsonDocument(json).toJson(QJsonDocument::Indented));
        !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    say(tr("Exported %n chat(s) to %1.", nullptr, static_cast<int>(json.size())).arg(path));
    return true;
}

bool DataPage::restoreFrom(const QString& path)
{
    if (const QString why = m_restoreGuard ? m_restoreGuard() : QString(); !why.isEmpty()) {
        say(why);
        return false;
    }
    auto kept = m_app.restoreFrom(QFileInfo(path).absoluteFilePath());
    if (!kept) {
        say(kept.errorMessage());
        return false;
    }
    say(tr("Restored from %1; the database before it is kept as %2. Lyss starts again.")
            .arg(QFileInfo(path).absoluteFilePath(), *kept));
    Q_EMIT restored(*kept);
    return true;
}

bool DataPage::backUpTo(const QString& path)
{
    // The file dialog asked before replacing a file.
    if (Status st = m_app.backUp(QFileInfo(path).absoluteFilePath(), true); !st.ok()) {
        say(st.errorMessage());
        return false;
    }
    say(tr("Backed up to %1.").arg(QFileInfo(path).absoluteFilePath()));
    return true;
}

} // namespace lyss
