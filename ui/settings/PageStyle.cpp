// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/PageStyle.h"
#include "common/PlainText.h"

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
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.15);
    else
        font.setPixelSize(font.pixelSize() * 115 / 100);
    label->setFont(font);
    return label; // its text is its name for a screen reader, whatever it says later
}

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    makeMuted(label);
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
        form->setHorizontalSpacing(space::m);
        form->setVerticalSpacing(kSpace);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow); // spin boxes keep theirs
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

// Through the page's own layouts and the widgets placed in them (not into what a control
// keeps inside, such as a combo box's popup or a scroll area's parts).
void walk(QLayout* layout, bool top)
{
    tidyLayout(layout, top);
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem* item = layout->itemAt(i);
        if (QLayout* inner = item->layout()) {
            walk(inner, false);
            continue;
        }
        QWidget* w = item->widget();
        if (!w)
            continue;
        if (qobject_cast<QTableView*>(w) || qobject_cast<QTreeView*>(w)) {
            tidyList(static_cast<QAbstractItemView*>(w));
        } else if (w->layout()) {
            walk(w->layout(), false);
            // A part of a page lines up with the page; a group box keeps its frame's room.
            if (!w->inherits("QGroupBox"))
                w->layout()->setContentsMargins(0, 0, 0, 0);
        }
    }
}

} // namespace

void apply(QWidget* page)
{
    if (page->layout())
        walk(page->layout(), true);
}

} // namespace lyss::pagestyle
