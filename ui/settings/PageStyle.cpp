// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/PageStyle.h"

#include <QAbstractButton>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>

namespace lyss::pagestyle {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    label->setAccessibleName(text);
    return label;
}

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // The palette's muted text (the theme's mutedText): follows a theme switch by itself.
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

namespace {

// A list's rows with a line of room each (a tree view's rows are as tall as their text).
class RoomyRows : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 10);
    }
};

void tidyLayout(QLayout* layout, bool top)
{
    if (top)
        layout->setContentsMargins(kMargin, kMargin, kMargin, kMargin);
    if (auto* form = qobject_cast<QFormLayout*>(layout)) {
        form->setHorizontalSpacing(12);
        form->setVerticalSpacing(kSpace);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* field = form->itemAt(row, QFormLayout::FieldRole);
            if (!field || !field->widget())
                continue;
            QWidget* w = field->widget();
            // A button in a form is as wide as its words; a field as wide as reads well.
            if (qobject_cast<QAbstractButton*>(w))
                w->setSizePolicy(QSizePolicy::Maximum, w->sizePolicy().verticalPolicy());
            else if (w->maximumWidth() > kFieldWidth)
                w->setMaximumWidth(kFieldWidth);
        }
    } else {
        layout->setSpacing(kSpace);
    }
    for (int i = 0; i < layout->count(); ++i) {
        if (QLayout* inner = layout->itemAt(i)->layout())
            tidyLayout(inner, false);
    }
}

void tidyList(QAbstractItemView* view)
{
    const int row = view->fontMetrics().height() + 12;
    view->setAlternatingRowColors(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    if (auto* table = qobject_cast<QTableView*>(view)) {
        table->verticalHeader()->hide();
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(row);
        table->setShowGrid(false);
        table->setWordWrap(false);
        table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        table->horizontalHeader()->setHighlightSections(false);
    } else if (auto* tree = qobject_cast<QTreeView*>(view)) {
        tree->setRootIsDecorated(false);
        tree->setUniformRowHeights(true);
        if (qobject_cast<QStyledItemDelegate*>(tree->itemDelegate()) &&
            tree->itemDelegate()->metaObject() == &QStyledItemDelegate::staticMetaObject)
            tree->setItemDelegate(new RoomyRows(tree));
        tree->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    }
    view->setTextElideMode(Qt::ElideRight);
}

} // namespace

void apply(QWidget* page)
{
    if (page->layout())
        tidyLayout(page->layout(), true);
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (w->layout() && w->layout() != page->layout()) {
            tidyLayout(w->layout(), false);
            // A part of a page lines up with the page; a group box keeps its frame's room.
            if (!w->inherits("QGroupBox"))
                w->layout()->setContentsMargins(0, 0, 0, 0);
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(w);
            view && (qobject_cast<QTableView*>(view) || qobject_cast<QTreeView*>(view)))
            tidyList(view);
    }
}

} // namespace lyss::pagestyle
