// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar/ChatRowDelegate.h"
#include "common/ShortDate.h"
#include "common/Spacing.h"
#include "sidebar/ChatListModel.h"
#include "store/Chat.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>

namespace lyss {

namespace {

using Kind = ChatListModel::Kind;

Kind kindOf(const QModelIndex& index)
{
    return Kind(index.data(ChatListModel::KindRole).toInt());
}

QFont headingFont(QFont font)
{
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QFont smallFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

// The words found, bold, in the snippet's line: runs of text drawn one after another,
// the last cut with an ellipsis where the line ends.
void drawMarked(QPainter* painter, const QRect& line, const QString& snippet, const QFont& font)
{
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    int x = line.left();
    bool found = false;
    QString run;
    const auto flush = [&](bool last) {
        if (run.isEmpty() || x >= line.right())
            return;
        painter->setFont(found ? bold : font);
        const QFontMetrics metrics(painter->font());
        const int room = line.right() - x;
        const QString shown = metrics.horizontalAdvance(run) > room || last
                                  ? metrics.elidedText(run, Qt::ElideRight, room)
                                  : run;
        painter->drawText(QRect(x, line.top(), room, line.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
        x += metrics.horizontalAdvance(shown);
        run.clear();
    };
    for (const QChar c : snippet) {
        if (c == QChar(SearchHit::kFoundStart) || c == QChar(SearchHit::kFoundEnd)) {
            flush(false);
            found = c == QChar(SearchHit::kFoundStart);
        } else {
            run += c;
        }
    }
    flush(true);
}

} // namespace

QString ChatRowDelegate::shortDate(qint64 msSinceEpoch, const QDateTime& now, const QLocale& locale)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    const qint64 days = at.date().daysTo(now.date());
    if (days <= 0)
        return shortdate::time(at.time(), locale);
    if (days < 7)
        return locale.dayName(at.date().dayOfWeek(), QLocale::ShortFormat);
    return shortdate::day(at.date(), now.date(), locale);
}

QSize ChatRowDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int line = option.fontMetrics.height();
    const int row = line + 2 * space::s + 2;
    switch (kindOf(index)) {
    case Kind::Note:
        return {0, 3 * line + 2 * space::s};
    case Kind::Heading:
        return {0, row};
    case Kind::Chat:
        break;
    }
    if (!index.data(ChatListModel::SnippetRole).toString().isEmpty())
        return {0, row + QFontMetrics(smallFont(option.font)).height() + space::xs};
    return {0, row};
}

void ChatRowDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const QPalette& palette = option.palette;
    const QRect rect = option.rect;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const Kind kind = kindOf(index);
    const QString title = index.data(ChatListModel::TitleRole).toString();
    if (kind == Kind::Heading) {
        painter->setFont(headingFont(option.font));
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(
            rect.adjusted(space::m, 0, -space::m, -space::xs),
            Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
            painter->fontMetrics().elidedText(title, Qt::ElideRight, rect.width() - 2 * space::m));
        painter->restore();
        return;
    }
    if (kind == Kind::Note) {
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(rect.adjusted(space::m, space::s, -space::m, -space::s),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
        painter->restore();
        return;
    }

    // A chat: the rounded box that shows hover and selection.
    const QRect box = rect.adjusted(space::xs, 1, -space::xs, -1);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    QColor text = palette.color(QPalette::Text);
    QColor muted = palette.color(QPalette::PlaceholderText);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(box), space::radius, space::radius);
    if (selected) {
        painter->fillPath(shape, palette.color(QPalette::Highlight));
        text = palette.color(QPalette::HighlightedText);
        muted = text;
        muted.setAlphaF(0.8f);
    } else if (hovered) {
        painter->fillPath(shape, palette.color(QPalette::AlternateBase));
    }
    if ((option.state & QStyle::State_HasFocus) && !selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5));
        painter->drawPath(shape);
    }

    const QRect inner = box.adjusted(space::s, space::s, -space::s, -space::s);
    const QFont small = smallFont(option.font);
    const QFontMetrics titleMetrics(option.font);
    const QFontMetrics smallMetrics(small);
    const QRect firstLine(inner.left(), inner.top(), inner.width(), titleMetrics.height());

    const QVariant updated = index.data(ChatListModel::UpdatedRole);
    QString date;
    if (updated.isValid())
        date = shortDate(updated.toLongLong(), QDateTime::currentDateTime(),
                         option.widget ? option.widget->locale() : QLocale());
    const int dateWidth = date.isEmpty() ? 0 : smallMetrics.horizontalAdvance(date);
    if (!date.isEmpty() && dateWidth + space::s < inner.width() / 2) {
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(firstLine, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, date);
    }
    const int titleWidth =
        inner.width() - (dateWidth + space::s < inner.width() / 2 ? dateWidth + space::s : 0);
    painter->setFont(option.font);
    painter->setPen(text);
    painter->drawText(QRect(firstLine.left(), firstLine.top(), titleWidth, firstLine.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      titleMetrics.elidedText(oneLine(title), Qt::ElideRight, titleWidth));

    const QString snippet = index.data(ChatListModel::SnippetRole).toString();
    if (!snippet.isEmpty()) {
        painter->setFont(small);
        painter->setPen(muted);
        const QRect second(inner.left(), firstLine.bottom() + 1 + space::xs, inner.width(),
                           smallMetrics.height());
        drawMarked(painter, second, oneLine(snippet), small);
    }
    painter->restore();
}

} // namespace lyss
