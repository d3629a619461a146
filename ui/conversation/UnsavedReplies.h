// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lyss {

class ActiveReply;

// The bar that says a reply is not in the database (a full disk, a read-only file) and
// offers Retry saving. It watches every reply from its start: a failed checkpoint shows
// at once. A finished reply that is not saved stays here, in memory, until a write
// works, whether by Retry, by the reply's own retries, or never (then the user still
// has it on screen and the bar says so).
class UnsavedReplies : public QWidget {
    Q_OBJECT

public:
    explicit UnsavedReplies(QWidget* parent = nullptr);

    void track(ActiveReply* reply);
    // The reply finished: deleted once saved, kept until then.
    void release(ActiveReply* reply);
    int unsavedCount() const;
    // A finished reply of `chatId` that is not stored yet: the screen shows it, not the
    // database's older row.
    ActiveReply* unsavedReplyFor(const QString& chatId) const;

public Q_SLOTS:
    void retry();

protected:
    void changeEvent(QEvent* event) override;

private:
    void update();
    void retranslate();

    QList<QPointer<ActiveReply>> m_tracked;
    QList<QPointer<ActiveReply>> m_released;
    QLabel* m_text;
    QPushButton* m_retry;
};

} // namespace lyss
