// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace lyss {

// Paints the chat list's rows: a chat's title with its date at the right (the time today,
// the weekday this week, else the date), the found words under it in a search, a hover
// and a selection with rounded corners; group headings small and muted. A row's height
// depends only on its kind and the font, so the list lays out 10,000 chats at once.
class ChatRowDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The date as a chat row shows it, `now` being the moment of painting.
    static QString shortDate(qint64 msSinceEpoch, const QDateTime& now, const QLocale& locale);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace lyss
