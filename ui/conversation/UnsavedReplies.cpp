// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/UnsavedReplies.h"

#include "chat/ActiveReply.h"
#include "common/PlainText.h"
#include "util/Sentences.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace lyss {

UnsavedReplies::UnsavedReplies(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("unsavedReplies"));
    m_text->setObjectName(QStringLiteral("unsavedText"));
    m_text->setWordWrap(true);
    makePlain(m_text);
    m_retry->setObjectName(QStringLiteral("retrySaving"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(14, 4, 12, 0);
    row->addWidget(m_text, 1);
    row->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &UnsavedReplies::retry);
    retranslate();
    hide();
}

void UnsavedReplies::track(ActiveReply* reply)
{
    m_tracked << reply;
    connect(reply, &ActiveReply::saveStateChanged, this, [this] { update(); });
    connect(reply, &QObject::destroyed, this, [this] { update(); });
}

void UnsavedReplies::release(ActiveReply* reply)
{
    if (reply->isSaved()) {
        m_tracked.removeAll(reply);
        reply->deleteLater();
    } else {
        m_released << reply;
    }
    update();
}

ActiveReply* UnsavedReplies::unsavedReplyFor(const QString& chatId) const
{
    for (const QPointer<ActiveReply>& r : m_released) {
        if (r && !r->isSaved() && r->chatId() == chatId)
            return r;
    }
    return nullptr;
}

int UnsavedReplies::unsavedCount() const
{
    return static_cast<int>(std::count_if(m_tracked.begin(), m_tracked.end(),
                                          [](const auto& r) { return r && !r->isSaved(); }));
}

void UnsavedReplies::retry()
{
    // A copy: a reply that saves announces it, and update() changes the lists.
    const QList<QPointer<ActiveReply>> replies = m_tracked;
    for (const QPointer<ActiveReply>& r : replies) {
        if (r && !r->isSaved())
            (void)r->retrySave();
    }
    update();
}

void UnsavedReplies::update()
{
    // Released replies that are saved now have done their job.
    for (qsizetype i = m_released.size() - 1; i >= 0; --i) {
        ActiveReply* r = m_released[i];
        if (!r || r->isSaved()) {
            m_released.removeAt(i);
            m_tracked.removeAll(r);
            if (r)
                r->deleteLater();
        }
    }
    m_tracked.removeAll(nullptr);
    QString problem;
    for (const QPointer<ActiveReply>& r : m_tracked) {
        if (r && !r->isSaved()) {
            problem = r->saveProblem();
            break;
        }
    }
    const int count = unsavedCount();
    if (count == 0) {
        hide();
        return;
    }
    // The problem is SQLite's sentence, without a full stop of its own.
    m_text->setText(
        joinSentences(tr("%n reply(s) could not be saved: %1", nullptr, count).arg(problem),
                      tr("What you see is kept in memory, and Lyss tries again every "
                         "few seconds; free some space, then press Retry saving.")));
    show();
}

void UnsavedReplies::retranslate()
{
    m_retry->setText(tr("Retry saving"));
    update();
}

void UnsavedReplies::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace lyss
