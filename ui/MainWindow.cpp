// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "app/AppContext.h"
#include "config/BackendResolver.h"
#include "store/ChatRepository.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace lyss {

MainWindow::MainWindow(AppContext& app, QWidget* parent)
    : QMainWindow(parent)
    , m_app(app)
{
    setWindowTitle(tr("Lyss"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1200, 800);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_notices = new QLabel(central);
    m_notices->setObjectName(QStringLiteral("startupNotices"));
    m_notices->setWordWrap(true);
    m_notices->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notices->setContentsMargins(12, 8, 12, 8);
    m_notices->setText(app.notices().join(QStringLiteral("\n\n")));
    m_notices->setVisible(!app.notices().isEmpty());
    m_notices->setAccessibleName(tr("Start-up messages"));
    layout->addWidget(m_notices);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    m_chatList = new QListWidget(splitter);
    m_chatList->setObjectName(QStringLiteral("chatList"));
    m_chatList->setAccessibleName(tr("Chats"));
    m_chatArea = buildChatArea();
    m_chatArea->setParent(splitter);
    splitter->addWidget(m_chatList);
    splitter->addWidget(m_chatArea);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 940});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    loadChats();
}

QWidget* MainWindow::buildChatArea()
{
    auto* area = new QWidget;
    area->setObjectName(QStringLiteral("chatArea"));
    auto* v = new QVBoxLayout(area);
    v->addStretch(1);
    auto* title = new QLabel(tr("Lyss"), area);
    title->setObjectName(QStringLiteral("productName"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.4);
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    v->addWidget(title);

    QStringList servers;
    if (auto backends = m_app.effectiveBackends()) {
        for (const EffectiveBackend& b : *backends)
            servers << tr("%1 — %2").arg(b.name, b.url.toString());
    }
    auto* hint = new QLabel(tr("Model servers: %1").arg(servers.join(QStringLiteral(", "))), area);
    hint->setObjectName(QStringLiteral("backendSummary"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    v->addWidget(hint);
    v->addStretch(2);
    area->installEventFilter(this);
    return area;
}

void MainWindow::loadChats()
{
    m_chatList->clear();
    auto chats = m_app.chats().listChats();
    if (!chats) {
        m_notices->setText(m_notices->text() + chats.errorMessage());
        m_notices->show();
        return;
    }
    for (const ChatSummary& s : *chats) {
        auto* item =
            new QListWidgetItem(s.chat.title.isEmpty() ? tr("Untitled chat") : s.chat.title);
        item->setData(Qt::UserRole, s.chat.id);
        m_chatList->addItem(item);
    }
    if (m_chatList->count() > 0)
        m_chatList->setCurrentRow(0);
}

void MainWindow::quitAfterFirstPaint()
{
    m_quitAfterFirstPaint = true;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_chatArea && event->type() == QEvent::Paint && m_quitAfterFirstPaint) {
        m_quitAfterFirstPaint = false;
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace lyss
