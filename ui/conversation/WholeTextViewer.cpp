// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/WholeTextViewer.h"

#include "conversation/MessageLayout.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lyss {

WholeTextViewer::WholeTextViewer(const QString& text, QWidget* parent)
    : QDialog(parent)
    , m_text(text)
    , m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("wholeTextViewer"));
    setWindowTitle(tr("The whole message (%n character(s))", nullptr, int(text.size())));
    m_view->setReadOnly(true);
    m_view->setObjectName(QStringLiteral("wholeText"));
    // Lines are broken every couple of thousand characters for the display only: a line
    // without end is laid out in time quadratic in its length.
    m_view->setPlainText(MessageLayout::withShortLines(text));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy all"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(800, 600);
}

QString WholeTextViewer::shownText() const
{
    return m_view->toPlainText();
}

} // namespace lyss
